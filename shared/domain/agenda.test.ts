import { describe, expect, it } from 'vitest';
import { agendaItemInput, elapsedAt, reorder } from './agenda';

const items = (...ids: string[]) => ids.map((id) => ({ id }));

describe('reorder', () => {
  it('moves an item down and up', () => {
    expect(reorder(items('a', 'b', 'c', 'd'), 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(reorder(items('a', 'b', 'c', 'd'), 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(reorder(items('a', 'b', 'c', 'd'), 1, 3)).toEqual(['a', 'c', 'd', 'b']);
  });

  it('the same position keeps the order', () => {
    expect(reorder(items('a', 'b', 'c'), 1, 1)).toEqual(['a', 'b', 'c']);
  });

  it('positions out of range leave the order unchanged', () => {
    const list = items('a', 'b', 'c');
    expect(reorder(list, -1, 0)).toEqual(['a', 'b', 'c']);
    expect(reorder(list, 0, 3)).toEqual(['a', 'b', 'c']);
    expect(reorder(list, 3, 0)).toEqual(['a', 'b', 'c']);
    expect(reorder([], 0, 0)).toEqual([]);
  });

  it('does not mutate its input', () => {
    const list = items('a', 'b', 'c');
    reorder(list, 0, 2);
    expect(list.map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('elapsedAt', () => {
  const start = Date.parse('2026-03-10T09:00:00.000Z');

  it('a stopped clock shows the time already spent', () => {
    expect(elapsedAt({ elapsedMs: 90_000 }, start + 999_999)).toBe(90_000);
  });

  it('a running clock adds the time since it started', () => {
    expect(
      elapsedAt({ elapsedMs: 90_000, runningSince: '2026-03-10T09:00:00.000Z' }, start + 30_000),
    ).toBe(120_000);
  });

  it('a clock started "in the future" (clock skew) adds nothing', () => {
    expect(
      elapsedAt({ elapsedMs: 5_000, runningSince: '2026-03-10T09:00:00.000Z' }, start - 60_000),
    ).toBe(5_000);
  });
});

describe('agendaItemInput', () => {
  it('defaults the kind to regular and drops empty optional texts', () => {
    const parsed = agendaItemInput.parse({ title: '  Plán na rok 2027 ', presenter: '', note: '' });
    expect(parsed.kind).toBe('regular');
    expect(parsed.title).toBe('Plán na rok 2027');
    expect(parsed.presenter).toBeUndefined();
    expect(parsed.note).toBeUndefined();
  });

  it('rejects an empty title and bad planned minutes', () => {
    expect(agendaItemInput.safeParse({ title: ' ' }).success).toBe(false);
    expect(agendaItemInput.safeParse({ title: 'X', plannedMinutes: -1 }).success).toBe(false);
    expect(agendaItemInput.safeParse({ title: 'X', plannedMinutes: 1.5 }).success).toBe(false);
    expect(agendaItemInput.safeParse({ title: 'X', plannedMinutes: 601 }).success).toBe(false);
    expect(agendaItemInput.safeParse({ title: 'X', plannedMinutes: 0 }).success).toBe(true);
    expect(agendaItemInput.safeParse({ title: 'X', kind: 'party' }).success).toBe(false);
  });
});
