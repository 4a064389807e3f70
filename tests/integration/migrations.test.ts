// Schema migrations (ARCHITECTURE.md §3): every AppDb version can open a database created by
// the version before it, with the data intact. Each case declares the OLD stores exactly as
// they landed (frozen here, never imported from schema.ts), seeds fixture records through a
// plain Dexie of that version, then opens the current AppDb and checks the data.
//
// To add version N: freeze the stores of N-1 below (copy from schema.ts before editing it),
// add a case with fixtures that exercise the upgrade() and the checks it must pass.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '@shared/domain';
import { backupNewerDatabase, openDatabase, storedVersion } from '../../renderer/src/db/startup';
import { attendanceView } from '../../renderer/src/db/queries';
import { AppDb } from '../../renderer/src/db/schema';
import { attendanceId, membershipId } from '@shared/sync/ids';
import { backedUpTables, dumpTables } from '../../renderer/src/db/safety/backup';

type Stores = Record<string, string>;

export const STORES_V1: Stores = {
  organizations: 'id, name, ico, kind',
  people: 'id, lastName, organizationId, triadRole',
  bodies: 'id, code, kind',
  memberships: 'id, bodyId, personId, substituteId, [bodyId+personId]',
  meetings: 'id, bodyId, date, [bodyId+year]',
  attendance: 'id, meetingId, personId, substituteId, &[meetingId+personId]',
  settings: 'key',
};

export const STORES_V2: Stores = {
  agendaItems: 'id, meetingId',
  resolutions: 'id, meetingId, agendaItemId, bodyId',
  tasks: 'id, bodyId, meetingId, ownerId, status, deadline',
  amendments: 'id, meetingId',
  agendaTemplates: 'id, bodyId',
  polls: 'id, meetingId, agendaItemId, status',
  ballots: 'id, pollId',
  plans: 'id, status',
  planItems: 'id, planId, parentId',
  monitoring: 'id, planItemId, planId, period',
  evaluationComments: 'id, planId, planItemId',
  audit: 'id, recordId, table, at',
};

export const STORES_V3: Stores = {
  outbox: 'key, at',
  syncRevs: 'key',
  syncState: 'key',
  syncConflicts: 'key, table',
};

/** Every landed version's stores, cumulative as Dexie declares them. */
const LANDED: Stores[] = [STORES_V1, STORES_V2, STORES_V3];

function oldDexie(name: string, version: number): Dexie {
  const d = new Dexie(name);
  for (let v = 1; v <= version; v++) d.version(v).stores(LANDED[v - 1]!);
  return d;
}

const t = { createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' };

interface MigrationCase {
  from: number;
  seed: (old: Dexie) => Promise<void>;
  check: (db: AppDb) => Promise<void>;
}

const CASES: MigrationCase[] = [
  {
    // v1 → v2: new tables only, no upgrade(); older meetings read as draft minutes.
    from: 1,
    seed: async (old) => {
      await old
        .table('organizations')
        .add({ id: 'o1', name: 'Charita Vizovice', kind: 'provider', ...t });
      await old.table('people').bulkAdd([
        {
          id: 'p1',
          firstName: 'Jana',
          lastName: 'Nováková',
          triadRole: 'provider',
          organizationId: 'o1',
          ...t,
        },
        { id: 'p2', firstName: 'Karel', lastName: 'Svoboda', triadRole: 'commissioner', ...t },
      ]);
      await old.table('bodies').add({
        id: 'b1',
        kind: 'working',
        code: 'PS1',
        name: 'Senioři',
        rules: DEFAULT_RULES,
        ...t,
      });
      await old.table('memberships').bulkAdd([
        {
          id: 'ms1',
          bodyId: 'b1',
          personId: 'p1',
          role: 'chair',
          votingRight: true,
          from: '2025-01-01',
          ...t,
        },
        {
          id: 'ms2',
          bodyId: 'b1',
          personId: 'p2',
          role: 'member',
          votingRight: true,
          from: '2025-01-01',
          ...t,
        },
      ]);
      await old.table('meetings').add({
        id: 'm1',
        bodyId: 'b1',
        date: '2025-03-04',
        timeFrom: '09:00',
        timeTo: '11:00',
        place: 'MÚ',
        seq: 1,
        year: 2025,
        ...t,
      });
      await old.table('attendance').bulkAdd([
        { id: 'a1', meetingId: 'm1', personId: 'p1', status: 'present', ...t },
        { id: 'a2', meetingId: 'm1', personId: 'p2', status: 'excused', ...t },
      ]);
      await old.table('settings').put({ key: 'startedEmpty', value: true });
    },
    check: async (db) => {
      expect(await db.people.count()).toBe(2);
      expect(await db.people.get('p1')).toMatchObject({
        lastName: 'Nováková',
        organizationId: 'o1',
      });
      expect(await db.meetings.where('[bodyId+year]').equals(['b1', 2025]).count()).toBe(1);
      expect(await db.settings.get('startedEmpty')).toEqual({ key: 'startedEmpty', value: true });
      const view = (await attendanceView(db, 'm1'))!;
      expect(view.quorum).toMatchObject({ votingMembers: 2, presentVoting: 1 });
      expect(view.meeting.minutesStatus).toBeUndefined();
      // The new tables exist, are empty and writable (audit included).
      for (const name of Object.keys(STORES_V2)) expect(await db.table(name).count(), name).toBe(0);
      await db.tasks.add({
        id: 't1',
        bodyId: 'b1',
        meetingId: 'm1',
        seq: 1,
        number: 'U-1/2025-1',
        text: 'x',
        status: 'open',
        reviews: [],
        ...t,
      });
      expect(await db.table('audit').count()).toBe(1);
    },
  },
  {
    // v2 → v3: sync tables; attendance and memberships re-keyed by their natural keys.
    from: 2,
    seed: async (old) => {
      await old
        .table('people')
        .bulkAdd([
          { id: 'p1', firstName: 'Jana', lastName: 'Nováková', triadRole: 'provider', ...t },
        ]);
      await old.table('bodies').add({
        id: 'b1',
        kind: 'working',
        code: 'PS1',
        name: 'Senioři',
        rules: DEFAULT_RULES,
        ...t,
      });
      await old.table('memberships').add({
        id: 'ms1',
        bodyId: 'b1',
        personId: 'p1',
        role: 'chair',
        votingRight: true,
        from: '2025-01-01',
        ...t,
      });
      await old.table('meetings').add({
        id: 'm1',
        bodyId: 'b1',
        date: '2025-03-04',
        timeFrom: '09:00',
        timeTo: '11:00',
        place: 'MÚ',
        seq: 1,
        year: 2025,
        ...t,
      });
      await old
        .table('attendance')
        .add({ id: 'a1', meetingId: 'm1', personId: 'p1', status: 'present', note: 'x', ...t });
    },
    check: async (db) => {
      expect(await db.attendance.toArray()).toEqual([
        {
          id: attendanceId('m1', 'p1'),
          meetingId: 'm1',
          personId: 'p1',
          status: 'present',
          note: 'x',
          ...t,
        },
      ]);
      expect((await db.memberships.toArray()).map((m) => [m.id, m.role])).toEqual([
        [membershipId('b1', 'p1', '2025-01-01'), 'chair'],
      ]);
      // The re-keying is a migration, not a change to send to other laptops.
      expect(await db.table('outbox').count()).toBe(0);
      const view = (await attendanceView(db, 'm1'))!;
      expect(view.quorum).toMatchObject({ presentVoting: 1 });
    },
  },
];

const names: string[] = [];
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

describe('schema migrations', () => {
  it('has a case for every landed version before the current one, and the landed stores are frozen', () => {
    const db = new AppDb('test-frozen');
    expect(LANDED).toHaveLength(db.verno);
    expect(CASES.map((c) => c.from).sort()).toEqual(LANDED.slice(0, -1).map((_, i) => i + 1));
    // The current version's stores must match the frozen declaration of the latest landed version.
    const current = Object.fromEntries(db.tables.map((tb) => [tb.name, tb.schema]));
    for (const [name] of Object.entries({ ...STORES_V1, ...STORES_V2, ...STORES_V3 }))
      expect(current[name], name).toBeDefined();
    db.close();
  });

  for (const c of CASES) {
    it(`upgrades a v${c.from} database with its data intact`, async () => {
      const name = 'test-mig-' + crypto.randomUUID();
      names.push(name);
      const old = oldDexie(name, c.from);
      await old.open();
      await c.seed(old);
      old.close();
      const db = new AppDb(name);
      expect(await openDatabase(db)).toEqual({ status: 'ok' });
      expect(db.verno).toBeGreaterThan(c.from);
      await c.check(db);
      db.close();
    });
  }
});

describe('a database from a newer Triáda', () => {
  it('is not opened for writing: the start-up check reports it, and its data can still be saved', async () => {
    const name = 'test-newer-' + crypto.randomUUID();
    names.push(name);
    const current = new AppDb(name);
    const future = new Dexie(name);
    for (let v = 1; v <= LANDED.length; v++) future.version(v).stores(LANDED[v - 1]!);
    future.version(current.verno + 1).stores({ councils: 'id' });
    await future.open();
    await future
      .table('people')
      .add({ id: 'p1', firstName: 'Jana', lastName: 'Nováková', triadRole: 'provider', ...t });
    await future.table('councils').add({ id: 'c1' });
    future.close();

    const state = await openDatabase(current);
    expect(state).toEqual({
      status: 'newer',
      storedVersion: current.verno + 1,
      appVersion: current.verno,
    });
    expect(current.isOpen()).toBe(false);
    await expect(current.people.count()).rejects.toThrow();
    expect(await storedVersion(name)).toBe(current.verno + 1);

    const copy = await backupNewerDatabase(name);
    const env = JSON.parse(new TextDecoder().decode(copy.bytes));
    expect(env.schemaVersion).toBe(current.verno + 1);
    expect(env.data.councils).toEqual([{ id: 'c1' }]);
    // Nothing was written to the newer database.
    const again = new Dexie(name);
    await again.open();
    expect(again.verno).toBe(current.verno + 1);
    expect(await again.table('people').count()).toBe(1);
    again.close();
  });

  it('opens a fresh profile normally', async () => {
    const name = 'test-fresh-' + crypto.randomUUID();
    names.push(name);
    const db = new AppDb(name);
    expect(await openDatabase(db)).toEqual({ status: 'ok' });
    expect(Object.keys(await dumpTables(db)).length).toBe(backedUpTables(db).length);
    db.close();
  });
});
