import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { T } from '../../../../tests/fixtures/backups/seed';
import { AUDITED_TABLES, DRAFT_PAUSE_MS, flushDrafts, type AuditEntry } from './audit';
import { auditFor, loadUserName, saveUserName } from './auditLog';
import { AppDb } from '../schema';

let db: AppDb;
beforeEach(async () => {
  db = new AppDb('test-' + crypto.randomUUID());
  await saveUserName(db, 'Petra Dvořáková');
});
afterEach(async () => {
  vi.useRealTimers();
  await db.delete();
});

const audit = () => db.table<AuditEntry, string>('audit');

describe('audit trail', () => {
  it('records create, update and delete with before/after, time and user, in the same transaction', async () => {
    await db.tasks.add({
      id: 't1',
      bodyId: 'b',
      meetingId: 'm',
      seq: 1,
      number: 'U-1/2026-1',
      text: 'Zaslat data',
      status: 'open',
      reviews: [],
      createdAt: T,
      updatedAt: T,
    });
    await db.tasks.update('t1', { status: 'done', updatedAt: '2026-04-17T08:00:00.000Z' });
    await db.tasks.delete('t1');
    const log = (await auditFor(db, 'tasks', 't1')).reverse();
    expect(log.map((e) => e.op)).toEqual(['create', 'update', 'delete']);
    expect(log[0]).toMatchObject({
      table: 'tasks',
      recordId: 't1',
      user: 'Petra Dvořáková',
      after: { text: 'Zaslat data', status: 'open' },
    });
    expect(log[1]).toMatchObject({ before: { status: 'open' }, after: { status: 'done' } });
    expect(Object.keys(log[1]!.after!)).toEqual(['status']); // updatedAt is noise
    expect(log[2]!.before).toMatchObject({ status: 'done' });
    expect(log[0]!.at <= log[2]!.at).toBe(true);
  });

  it('widens repository transactions that did not name the audit table', async () => {
    await db.transaction('rw', db.resolutions, async () => {
      await db.resolutions.add({
        id: 'r1',
        meetingId: 'm',
        bodyId: 'b',
        agendaItemId: 'a',
        seq: 1,
        number: '1',
        verb: 'approves',
        text: 'x',
        result: { kind: 'consensus' },
        outcome: 'passed',
        createdAt: T,
        updatedAt: T,
      });
    });
    expect(await auditFor(db, 'resolutions', 'r1')).toHaveLength(1);
  });

  it('rolls the audit entry back with the change', async () => {
    await expect(
      db.transaction('rw', db.tasks, async () => {
        await db.tasks.add({
          id: 't2',
          bodyId: 'b',
          meetingId: 'm',
          seq: 1,
          number: 'x',
          text: 'y',
          status: 'open',
          reviews: [],
          createdAt: T,
          updatedAt: T,
        });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await audit().count()).toBe(0);
  });

  it('coalesces typing before writing: one entry per pause, never an entry rewritten', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-04-16T09:00:00Z'));
    await db.agendaItems.add({
      id: 'ai',
      meetingId: 'm',
      order: 1,
      title: 'Bod',
      kind: 'regular',
      discussion: '',
      elapsedMs: 0,
      createdAt: T,
      updatedAt: T,
    });
    const type = async (text: string, gapMs = 2000) => {
      vi.setSystemTime(new Date(Date.now() + gapMs));
      await db.agendaItems.update('ai', { discussion: text, updatedAt: new Date().toISOString() });
    };
    for (const text of ['V', 'Ve', 'Ved', 'Vedoucí']) await type(text);
    const snapshot = await audit().toArray();
    expect((await auditFor(db, 'agendaItems', 'ai')).map((e) => e.op)).toEqual(['create']);
    // After a pause, the next keystroke first records the burst before it.
    await type('Vedoucí z', DRAFT_PAUSE_MS + 1000);
    let log = await auditFor(db, 'agendaItems', 'ai');
    expect(log.map((e) => e.op)).toEqual(['update', 'create']);
    expect(log[0]).toMatchObject({ before: { discussion: '' }, after: { discussion: 'Vedoucí' } });
    await type('Vedoucí zahájila');
    // The end of a session (or the minutes moving on) records what is still pending.
    expect(await flushDrafts(db, 'm')).toBe(1);
    expect(await flushDrafts(db, 'm')).toBe(0);
    log = await auditFor(db, 'agendaItems', 'ai');
    expect(log[0]).toMatchObject({
      before: { discussion: 'Vedoucí' },
      after: { discussion: 'Vedoucí zahájila' },
    });
    // Nothing written earlier was changed or removed.
    const now = new Map((await audit().toArray()).map((e) => [e.id, e]));
    for (const e of snapshot) expect(now.get(e.id)).toEqual(e);
    // Timer ticks are not history; another field's change carries the pending text along.
    await db.agendaItems.update('ai', {
      elapsedMs: 5000,
      runningSince: '2026-04-16T09:10:00.000Z',
    });
    expect(await auditFor(db, 'agendaItems', 'ai')).toHaveLength(3);
    await type('Vedoucí zahájila jednání');
    await db.agendaItems.update('ai', { title: 'Úvod' });
    expect((await auditFor(db, 'agendaItems', 'ai'))[0]).toMatchObject({
      before: { title: 'Bod', discussion: 'Vedoucí zahájila' },
      after: { title: 'Úvod', discussion: 'Vedoucí zahájila jednání' },
    });
  });

  it('never stores voter identity of ballots', async () => {
    await db.table('ballots').add({
      id: 'b1',
      pollId: 'p',
      voterId: 'person-7',
      ticket: 'abc',
      vote: 'yes',
      createdAt: T,
    });
    await db
      .table('ballots')
      .put({ id: 'b1', pollId: 'p', voterId: 'person-7', ticket: 'abc', vote: 'no', createdAt: T });
    const log = await auditFor(db, 'ballots', 'b1');
    expect(log).toHaveLength(2);
    // (only what the entries record: their hex hashes may contain "abc" by chance)
    const recorded = log.map(({ before, after, user, recordId }) => ({
      before,
      after,
      user,
      recordId,
    }));
    expect(JSON.stringify(recorded)).not.toMatch(/person-7|abc|voterId|ticket/);
    expect(log[0]).toMatchObject({ before: { vote: 'yes' }, after: { vote: 'no' } });
  });

  it('leaves tables outside the audit alone and audits bulk and range writes', async () => {
    await db.settings.put({ key: 'x', value: 1 });
    await db.people.add({
      id: 'p',
      firstName: 'A',
      lastName: 'B',
      triadRole: 'user',
      createdAt: T,
      updatedAt: T,
    });
    expect(await audit().count()).toBe(0);
    await db.table('monitoring').bulkAdd([
      { id: 'mo1', planItemId: 'pi', status: 'inProgress' },
      { id: 'mo2', planItemId: 'pi', status: 'done' },
    ]);
    await db.table('monitoring').where('planItemId').equals('pi').modify({ status: 'delayed' });
    await db.table('monitoring').clear();
    const ops = (await audit().toArray()).map((e) => `${e.recordId}:${e.op}`).sort();
    expect(ops).toEqual([
      'mo1:create',
      'mo1:delete',
      'mo1:update',
      'mo2:create',
      'mo2:delete',
      'mo2:update',
    ]);
    expect([...AUDITED_TABLES]).toEqual(
      expect.arrayContaining([
        'meetings',
        'agendaItems',
        'resolutions',
        'tasks',
        'amendments',
        'polls',
        'ballots',
        'monitoring',
      ]),
    );
  });

  it('remembers the user name per profile', async () => {
    const other = new AppDb(db.name);
    expect(await loadUserName(other)).toBe('Petra Dvořáková');
    other.close();
    await expect(saveUserName(db, '   ')).rejects.toThrow();
  });
});
