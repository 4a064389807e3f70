import { describe, expect, it } from 'vitest';
import { mergeVersions, nextRevision, reviewableVersions, winningRev } from './rules';

describe('sync rules', () => {
  it('picks the CouchDB winner: live before deleted, longer history, greater id', () => {
    expect(
      winningRev([
        { rev: '3-aa', deleted: true },
        { rev: '2-bb', deleted: false },
        { rev: '2-cc', deleted: false },
      ]),
    ).toBe('2-cc');
    expect(
      winningRev([
        { rev: '1-ff', deleted: false },
        { rev: '2-00', deleted: false },
      ]),
    ).toBe('2-00');
  });

  it('the same change to the same version gives the same revision', () => {
    const a = nextRevision({ rev: '1-ab', ids: ['ab'] }, { deleted: false, data: { x: 1 } });
    const b = nextRevision({ rev: '1-ab', ids: ['ab'] }, { deleted: false, data: { x: 1 } });
    expect(a).toEqual(b);
    expect(a.revisions.ids.slice(1)).toEqual(['ab']);
    expect(a.rev.startsWith('2-')).toBe(true);
  });

  it('lists added independently on two laptops are merged, winner first', () => {
    const w = { id: 't', reviews: [{ meetingId: 'm1' }] };
    const l = { id: 't', reviews: [{ meetingId: 'm2' }, { meetingId: 'm1' }] };
    expect(mergeVersions('tasks', w, [l]).reviews).toEqual([
      { meetingId: 'm1' },
      { meetingId: 'm2' },
    ]);
    expect(mergeVersions('people', w, [l])).toBe(w);
  });

  it('timestamps alone are no conflict; deletions are reviewed until dismissed', () => {
    const w = { rev: '2-b', data: { id: 'p', name: 'A', updatedAt: '1' } };
    expect(
      reviewableVersions(w, [{ rev: '2-a', data: { id: 'p', name: 'A', updatedAt: '2' } }], []),
    ).toEqual([]);
    expect(reviewableVersions(w, [{ rev: '2-a', data: { id: 'p', name: 'B' } }], ['2-c'])).toEqual([
      { rev: '2-a', deleted: false, data: { id: 'p', name: 'B' }, fields: ['name'] },
      { rev: '2-c', deleted: true, fields: [] },
    ]);
    expect(reviewableVersions({ ...w, dismissed: ['2-c'] }, [], ['2-c'])).toEqual([]);
  });
});
