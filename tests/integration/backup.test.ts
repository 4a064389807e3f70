import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BackupError,
  buildBackup,
  canonicalJson,
  FORMAT_VERSION,
  inspectBackup,
  migrateData,
  RECORD_SCHEMAS,
  safeJsonParse,
  sha256Hex,
  type BackupData,
} from '@shared/backup';
import { LOCAL_TABLES } from '@shared/sync/tables';
import {
  backedUpTables,
  createBackup,
  dumpTables,
  markBackupVerified,
  readBackupFile,
  restoreBackup,
  restorePreview,
  restoreTarget,
} from '../../renderer/src/db/safety/backup';
import { AppDb } from '../../renderer/src/db/schema';
import { seedDatabase } from '../fixtures/backups/seed';

let db: AppDb;
beforeEach(() => {
  db = new AppDb('test-' + crypto.randomUUID());
});
afterEach(async () => {
  await db.delete();
});

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('backup and restore', () => {
  it('round trip gives identical data in every table', async () => {
    await seedDatabase(db);
    const before = await dumpTables(db);
    expect(Object.keys(before).sort()).toEqual(
      backedUpTables(db)
        .map((t) => t.name)
        .sort(),
    );
    expect(before.people!.length).toBeGreaterThan(40);
    expect(before.ballots!.length).toBe(14); // 10 of the sample's dot-voting poll + 4 seeded here
    const file = await createBackup(db);
    await markBackupVerified(db, file.meta.createdAt);
    const snapshot = await dumpTables(db); // includes the lastBackupAt the backup recorded
    expect(JSON.parse(text(file.bytes)).data).toEqual(snapshot);

    // Lose everything, then restore from the file.
    await db.transaction('rw', db.tables, async () => {
      for (const t of db.tables) await t.clear();
    });
    expect(await db.people.count()).toBe(0);
    const inspected = await readBackupFile(db, file.bytes);
    expect(inspected.meta.counts.people).toBe(before.people!.length);
    await restoreBackup(db, inspected);
    const after = await dumpTables(db);
    for (const table of Object.keys(snapshot))
      if (table !== 'audit') expect(after[table], table).toEqual(snapshot[table]);
    // The audit is merged, append-only: the file's entries as they were, plus one 'restore' entry.
    const restored = after.audit!.filter((e) => e.op !== 'restore');
    expect(restored).toEqual(snapshot.audit);
    expect(after.audit!.length).toBe(snapshot.audit!.length + 1);
  });

  it('writes a deterministic, checksummed envelope', async () => {
    await seedDatabase(db);
    const data = await dumpTables(db);
    const info = {
      appVersion: '0.1.0',
      schemaVersion: db.verno,
      createdAt: '2026-04-16T10:00:00.000Z',
    };
    const a = await buildBackup(data, info);
    const b = await buildBackup(structuredClone(data), info);
    expect(a.text).toBe(b.text);
    expect(a.envelope.sha256).toBe(await sha256Hex(canonicalJson(data)));
    expect(a.envelope).toMatchObject({
      format: 'triada-backup',
      formatVersion: FORMAT_VERSION,
      counts: { people: data.people!.length },
    });
  });

  it('restore replaces the database atomically: a failure midway leaves the previous data intact', async () => {
    await seedDatabase(db);
    const original = await dumpTables(db);
    // A file that passes validation but breaks the unique [meetingId+personId] index while writing.
    const data = structuredClone(original);
    const dup = { ...data.attendance![0]!, id: crypto.randomUUID() };
    data.attendance!.push(dup);
    data.people!.push({
      id: crypto.randomUUID(),
      firstName: 'Nový',
      lastName: 'Člověk',
      triadRole: 'public',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    const { text: file } = await buildBackup(data, {
      appVersion: '0.1.0',
      schemaVersion: db.verno,
      createdAt: '2026-04-16T10:00:00.000Z',
    });
    const inspected = await readBackupFile(db, file);
    await expect(restoreBackup(db, inspected)).rejects.toThrow();
    expect(await dumpTables(db)).toEqual(original);
  });

  it('restoring keeps every local audit entry and adds one restore entry', async () => {
    await seedDatabase(db);
    const file = await createBackup(db);
    const auditBefore = await db.table('audit').toArray();
    await restoreBackup(db, await readBackupFile(db, file.bytes));
    const auditAfter = await db.table('audit').toArray();
    expect(auditAfter.filter((e) => e.op !== 'restore')).toEqual(auditBefore);
    expect(auditAfter.filter((e) => e.op === 'restore')).toHaveLength(1);
  });

  it("an older version's backup keeps the tables it did not know, and the preview says so", async () => {
    await seedDatabase(db);
    const v1 = [
      'organizations',
      'people',
      'bodies',
      'memberships',
      'meetings',
      'attendance',
      'settings',
    ];
    const all = await dumpTables(db);
    const data = Object.fromEntries(v1.map((t) => [t, all[t]!]));
    const { text: file } = await buildBackup(data, {
      appVersion: '0.0.9',
      schemaVersion: 1,
      createdAt: '2026-04-16T10:00:00.000Z',
    });
    const inspected = await readBackupFile(db, file);
    expect(inspected.kept.sort()).toEqual(
      backedUpTables(db)
        .map((t) => t.name)
        .filter((t) => !v1.includes(t))
        .sort(),
    );
    const preview = await restorePreview(db, inspected);
    const polls = preview.find((c) => c.table === 'polls')!;
    // 2 seeded here + the sample's dot-voting poll
    expect(polls).toMatchObject({ kept: true, before: 3, after: 3 });
    const audit = await db.table('audit').count();
    await restoreBackup(db, inspected);
    expect(await db.polls.count()).toBe(3);
    expect(await db.table('audit').count()).toBeGreaterThanOrEqual(audit);
  });

  it('refuses an older backup whose restore would leave kept records pointing nowhere', async () => {
    const { meetingId } = await seedDatabase(db);
    const all = await dumpTables(db);
    const v1 = [
      'organizations',
      'people',
      'bodies',
      'memberships',
      'meetings',
      'attendance',
      'settings',
    ];
    const data = Object.fromEntries(v1.map((t) => [t, all[t]!]));
    data.meetings = data.meetings!.filter((m) => m.id !== meetingId);
    data.attendance = data.attendance!.filter((a) => a.meetingId !== meetingId);
    const { text: file } = await buildBackup(data, {
      appVersion: '0.0.9',
      schemaVersion: 1,
      createdAt: '2026-04-16T10:00:00.000Z',
    });
    const before = await dumpTables(db);
    const inspected = await readBackupFile(db, file);
    const error = await restoreBackup(db, inspected).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).code).toBe('safety.errors.danglingReference');
    expect(await dumpTables(db)).toEqual(before);
  });

  it("the person at this laptop stays who they are: the file's user name only fills a gap", async () => {
    await seedDatabase(db); // user "Petra Dvořáková"
    const file = await createBackup(db);
    await db.settings.put({ key: 'userName', value: 'Jan Svoboda' });
    await restoreBackup(db, await readBackupFile(db, file.bytes));
    expect((await db.settings.get('userName'))!.value).toBe('Jan Svoboda');
    await db.settings.delete('userName');
    await restoreBackup(db, await readBackupFile(db, file.bytes));
    expect((await db.settings.get('userName'))!.value).toBe('Petra Dvořáková');
  });

  it('keeps binary values (the logo) as bytes through backup and restore', async () => {
    await seedDatabase(db);
    const logo = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255, 10, 13]);
    await db.settings.put({
      key: 'project',
      value: {
        organizationName: 'Město Vizovice',
        logo: { bytes: logo, type: 'png', widthPx: 1, heightPx: 1 },
      },
    });
    const file = await createBackup(db);
    await db.settings.clear();
    await restoreBackup(db, await readBackupFile(db, file.bytes));
    const restored = (await db.settings.get('project'))!.value as { logo: { bytes: unknown } };
    expect(restored.logo.bytes).toBeInstanceOf(Uint8Array);
    expect([...(restored.logo.bytes as Uint8Array)]).toEqual([...logo]);
  });

  it('a backup is read back and validated before it counts; the reminder waits for a stored file', async () => {
    await seedDatabase(db);
    expect(await db.settings.get('lastBackupAt')).toBeUndefined();
    const file = await createBackup(db);
    // Made and verified, but not yet stored by the user: the reminder does not reset.
    expect(await db.settings.get('lastBackupAt')).toBeUndefined();
    expect((await readBackupFile(db, file.bytes)).meta.createdAt).toBe(file.meta.createdAt);
    // A setting the app cannot read is left out (it reads as absent everywhere anyway).
    await db.settings.put({ key: 'retentionYears', value: 'abc' });
    const withGarbage = await readBackupFile(db, (await createBackup(db)).bytes);
    expect(withGarbage.data.settings!.map((s) => s.key)).not.toContain('retentionYears');
    // A database holding a record a restore would refuse gives a file that says why, and does not count.
    await db.people.update((await db.people.toCollection().first())!.id, { lastName: 'X\u202E' });
    const refused = await createBackup(db);
    expect(refused.issues[0]).toMatchObject({
      code: 'safety.errors.unsafeText',
      params: { table: 'people', field: 'lastName' },
    });
    expect(await db.settings.get('lastBackupAt')).toBeUndefined();
  });

  it('every table of the database has a record schema (a new table cannot slip through unvalidated)', () => {
    // The sync bookkeeping of this laptop is the one exception: it is never in a backup.
    const tables = db.tables.map((t) => t.name);
    expect(tables.filter((t) => !Object.hasOwn(RECORD_SCHEMAS, t) && !LOCAL_TABLES.has(t))).toEqual(
      [],
    );
    expect(tables.filter((t) => LOCAL_TABLES.has(t)).sort()).toEqual([...LOCAL_TABLES].sort());
  });

  it('leaves the sync bookkeeping out of backups, and a restore leaves it as it is', async () => {
    await db.table('syncState').put({ key: 'node', value: { id: 'n1', name: 'A' } });
    const data = await dumpTables(db);
    for (const t of LOCAL_TABLES) expect(Object.keys(data)).not.toContain(t);
    expect(restoreTarget(db).tables.map((t) => t.name)).not.toContain('syncState');
  });

  it('runs format migrations in order', () => {
    const migrations = {
      0: (d: BackupData) => ({
        ...d,
        people: (d.persons ?? []).map((p) => ({ ...p, migrated: true })),
      }),
    };
    const out = migrateData({ persons: [{ id: 'a' }] }, 0, migrations, 1);
    expect(out.people).toEqual([{ id: 'a', migrated: true }]);
    expect(() => migrateData({}, 0, {}, 1)).toThrow(BackupError);
  });
});

// ---------------------------------------------------------------------------------------------
// Hostile files: each is refused with its own message and the database stays as it was.

type Mutate = (env: Record<string, unknown>, data: BackupData) => void;

/**
 * Every hostile file is tried in each format the app reads: 1 (checksum of the canonical
 * JSON of the data) and 2 (checksum of the data section's bytes as written).
 */
let sealFormat = FORMAT_VERSION;

/** The checksum a forger would compute for `data` written as JSON.stringify writes it. */
const seal = async (data: unknown) =>
  sha256Hex(sealFormat === 1 ? canonicalJson(data) : JSON.stringify(data));

/**
 * A sound file as an envelope object: JSON.stringify(env) gives a file whose checksum holds
 * in `sealFormat` (the data is in canonical key order, so its JSON.stringify is what was hashed).
 */
async function validFile(): Promise<{ env: Record<string, unknown>; data: BackupData }> {
  const data = JSON.parse(canonicalJson(await dumpTables(db))) as BackupData;
  const { envelope } = await buildBackup(data, {
    appVersion: '0.1.0',
    schemaVersion: db.verno,
    createdAt: '2026-04-16T10:00:00.000Z',
  });
  const env = structuredClone(envelope) as unknown as Record<string, unknown>;
  env.formatVersion = sealFormat;
  env.sha256 = await seal(data);
  return { env, data: structuredClone(data) };
}

/** Applies a change to the data and re-seals the checksum, so only the intended defect remains. */
async function resealed(mutate: Mutate): Promise<string> {
  const { env, data } = await validFile();
  mutate(env, data);
  env.data = data;
  env.counts = Object.fromEntries(
    Object.entries(data).map(([t, rows]) => [t, Array.isArray(rows) ? rows.length : 0]),
  );
  env.sha256 = await seal(data);
  return JSON.stringify(env);
}

const firstPerson = (d: BackupData) => d.people![0]!;

const BAD_FILES: {
  name: string;
  code: string;
  file: () => Promise<string | Uint8Array>;
  params?: Record<string, unknown>;
}[] = [
  { name: 'empty file', code: 'safety.errors.empty', file: async () => '' },
  {
    name: 'not JSON (a DOCX/ZIP)',
    code: 'safety.errors.notJson',
    file: async () => 'PK\u0003\u0004 word/document.xml',
  },
  {
    name: 'not UTF-8 text',
    code: 'safety.errors.notText',
    file: async () => new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x00]),
  },
  {
    name: 'truncated in the middle',
    code: 'safety.errors.truncated',
    file: async () => {
      const s = JSON.stringify((await validFile()).env);
      return s.slice(0, Math.floor(s.length / 2));
    },
  },
  {
    name: 'JSON but not a backup',
    code: 'safety.errors.notBackup',
    file: async () => JSON.stringify({ hello: 'world' }),
  },
  { name: 'an array', code: 'safety.errors.notBackup', file: async () => '[1,2,3]' },
  {
    name: 'wrong checksum',
    code: 'safety.errors.checksum',
    file: async () => {
      const { env } = await validFile();
      env.sha256 = '0'.repeat(64);
      return JSON.stringify(env);
    },
  },
  {
    name: 'edited content without a new checksum',
    code: 'safety.errors.checksum',
    file: async () => {
      const { env } = await validFile();
      (env.data as BackupData).people![0]!.lastName = 'Podvržená';
      return JSON.stringify(env);
    },
  },
  {
    name: 'newer format version',
    code: 'safety.errors.newerFormat',
    file: async () => {
      const { env } = await validFile();
      env.formatVersion = FORMAT_VERSION + 1;
      return JSON.stringify(env);
    },
  },
  {
    name: 'newer format with a different layout',
    code: 'safety.errors.newerFormat',
    file: async () => JSON.stringify({ format: 'triada-backup', formatVersion: 99, tables: [] }),
  },
  {
    name: 'newer database schema',
    code: 'safety.errors.newerSchema',
    file: async () => {
      const { env } = await validFile();
      env.schemaVersion = 99;
      return JSON.stringify(env);
    },
  },
  {
    name: 'missing table',
    code: 'safety.errors.missingTable',
    params: { table: 'people' },
    file: () =>
      resealed((_e, d) => {
        delete d.people;
      }),
  },
  {
    name: 'unknown table',
    code: 'safety.errors.unknownTable',
    params: { table: 'hackers' },
    file: () =>
      resealed((_e, d) => {
        d.hackers = [{ id: 'x' }];
      }),
  },
  {
    name: 'table that is not a list',
    code: 'safety.errors.tableNotList',
    file: () =>
      resealed((_e, d) => {
        (d as Record<string, unknown>).people = { id: 'x' };
      }),
  },
  {
    name: 'wrong type of a field',
    code: 'safety.errors.invalidRecord',
    params: { table: 'people', field: 'lastName' },
    file: () =>
      resealed((_e, d) => {
        (firstPerson(d) as Record<string, unknown>).lastName = 42;
      }),
  },
  {
    name: 'invalid enum value',
    code: 'safety.errors.invalidRecord',
    params: { table: 'people', field: 'triadRole' },
    file: () =>
      resealed((_e, d) => {
        firstPerson(d).triadRole = 'king';
      }),
  },
  {
    name: 'record without id',
    code: 'safety.errors.invalidRecord',
    params: { table: 'people', field: 'id' },
    file: () =>
      resealed((_e, d) => {
        delete firstPerson(d).id;
      }),
  },
  {
    name: 'record that is not an object',
    code: 'safety.errors.invalidRecord',
    params: { table: 'meetings' },
    file: () =>
      resealed((_e, d) => {
        (d.meetings as unknown[]).push('meeting');
      }),
  },
  {
    name: 'generic table record without id',
    code: 'safety.errors.invalidRecord',
    params: { table: 'ballots', field: 'id' },
    file: () =>
      resealed((_e, d) => {
        d.ballots!.push({ pollId: 'poll-1', vote: 'yes' });
      }),
  },
  {
    name: 'bad date in a meeting',
    code: 'safety.errors.invalidRecord',
    params: { table: 'meetings', field: 'date' },
    file: () =>
      resealed((_e, d) => {
        d.meetings![0]!.date = '2026-02-30';
      }),
  },
  {
    name: 'dangling reference: attendance of an unknown person',
    code: 'safety.errors.danglingReference',
    params: { table: 'attendance', field: 'personId', target: 'people' },
    file: () =>
      resealed((_e, d) => {
        d.attendance![0]!.personId = 'nobody';
      }),
  },
  {
    name: 'dangling reference: ballot of an unknown poll',
    code: 'safety.errors.danglingReference',
    params: { table: 'ballots', field: 'pollId' },
    file: () =>
      resealed((_e, d) => {
        d.ballots![0]!.pollId = 'ghost';
      }),
  },
  {
    name: '__proto__ key',
    code: 'safety.errors.forbiddenKey',
    params: { key: '__proto__' },
    file: async () => {
      const s = JSON.stringify((await validFile()).env);
      return s.replace('"lastName":', '"__proto__":{"isAdmin":true},"lastName":');
    },
  },
  {
    name: 'constructor key',
    code: 'safety.errors.forbiddenKey',
    params: { key: 'constructor' },
    file: async () => {
      const s = JSON.stringify((await validFile()).env);
      return s.replace('"firstName":', '"constructor":{"polluted":1},"firstName":');
    },
  },
  {
    name: 'prototype key in the envelope',
    code: 'safety.errors.forbiddenKey',
    params: { key: 'prototype' },
    file: async () => '{"prototype":1,"format":"triada-backup"}',
  },
  {
    name: 'enormous string',
    code: 'safety.errors.hugeString',
    params: { table: 'people', field: 'note' },
    file: () =>
      resealed((_e, d) => {
        firstPerson(d).note = 'x'.repeat(300_000);
      }),
  },
  {
    name: 'enormous string in a generic table',
    code: 'safety.errors.hugeString',
    params: { table: 'ballots' },
    file: () =>
      resealed((_e, d) => {
        d.ballots![0]!.comment = 'x'.repeat(300_000);
      }),
  },
  {
    name: 'duplicated id',
    code: 'safety.errors.duplicateId',
    params: { table: 'people' },
    file: () =>
      resealed((_e, d) => {
        d.people!.push({ ...firstPerson(d) });
      }),
  },
  {
    name: 'counts that do not match',
    code: 'safety.errors.countMismatch',
    params: { table: 'people' },
    file: async () => {
      const { env, data } = await validFile();
      env.counts = { ...(env.counts as object), people: data.people!.length + 5 };
      return JSON.stringify(env);
    },
  },
  {
    name: 'nesting deeper than any record',
    code: 'safety.errors.tooDeep',
    file: async () => '{"a":' + '['.repeat(200) + ']'.repeat(200) + '}',
  },
  {
    name: 'file larger than the limit',
    code: 'safety.errors.tooLarge',
    file: async () => ({ byteLength: 101 * 1024 * 1024 }) as unknown as Uint8Array,
  },
  {
    name: 'nesting 100 000 levels deep (would overflow the parser)',
    code: 'safety.errors.tooDeep',
    file: async () => '['.repeat(100_000) + ']'.repeat(100_000),
  },
  {
    name: 'two "data" keys (JSON.parse would keep the last)',
    code: 'safety.errors.duplicateKey',
    params: { key: 'data' },
    file: async () => {
      const s = JSON.stringify((await validFile()).env);
      return s.replace('{', '{"data":{"people":[]},');
    },
  },
  {
    name: 'creation time that is not a date',
    code: 'safety.errors.notBackup',
    file: async () => {
      const { env } = await validFile();
      env.createdAt = 'zítra';
      return JSON.stringify(env);
    },
  },
  {
    name: 'a setting the app cannot read (lastBackupAt "garbage")',
    code: 'safety.errors.invalidRecord',
    params: { table: 'settings', field: 'value' },
    file: () =>
      resealed((_e, d) => {
        d.settings!.push({ key: 'lastBackupAt', value: 'garbage' });
      }),
  },
  {
    name: 'a project logo whose bytes are not base64',
    code: 'safety.errors.invalidRecord',
    params: { table: 'settings' },
    file: () =>
      resealed((_e, d) => {
        d.settings!.push({
          key: 'project',
          value: { projectName: 'Projekt', logo: { bytes: { $bytes: '!!' }, type: 'png' } },
        });
      }),
  },
  {
    name: 'a number that became Infinity (1e400)',
    code: 'safety.errors.nonFinite',
    params: { table: 'agendaItems', field: 'elapsedMs' },
    file: async () => {
      const { env, data } = await validFile();
      const text = JSON.stringify(env);
      const item = data.agendaItems![1]!;
      const edited = text.replace(`"elapsedMs":${String(item.elapsedMs)}`, '"elapsedMs":1e400');
      // Recompute the checksum the way a forger would, so only the value check is left.
      const parsed = JSON.parse(edited) as { data: unknown; sha256: string };
      const span = safeJsonParse(edited);
      const forged =
        sealFormat === 1
          ? await sha256Hex(canonicalJson(parsed.data))
          : await sha256Hex(edited.slice(...(span.ok ? span.dataSpan! : [0, 0])));
      return edited.replace(parsed.sha256, forged);
    },
  },
  {
    name: 'a name with a right-to-left override (U+202E)',
    code: 'safety.errors.unsafeText',
    params: { table: 'people', field: 'lastName' },
    file: () =>
      resealed((_e, d) => {
        firstPerson(d).lastName = 'Novák\u202Eexe.txt';
      }),
  },
  {
    name: 'a NUL character in a text',
    code: 'safety.errors.unsafeText',
    params: { table: 'agendaItems', field: 'discussion' },
    file: () =>
      resealed((_e, d) => {
        d.agendaItems![0]!.discussion = 'Zahájení\u0000';
      }),
  },
  {
    name: 'a lone surrogate in a text',
    code: 'safety.errors.unsafeText',
    params: { table: 'people', field: 'firstName' },
    file: () =>
      resealed((_e, d) => {
        firstPerson(d).firstName = 'Jan\uD800';
      }),
  },
  {
    name: 'a stuffed ballot box (one more ballot than voters)',
    code: 'safety.errors.pollMismatch',
    params: { reason: 'DUPLICATE_VOTER' },
    file: () =>
      resealed((_e, d) => {
        const b = d.ballots!.find((x) => (x.ballot as { points?: unknown }).points)!;
        d.ballots!.push({ ...structuredClone(b), id: 'stuffed' });
      }),
  },
  {
    name: 'a 999-point ballot in a closed dot vote',
    code: 'safety.errors.pollMismatch',
    params: { reason: 'INVALID_BALLOT' },
    file: () =>
      resealed((_e, d) => {
        const b = d.ballots!.find((x) => (x.ballot as { points?: unknown }).points)!;
        const points = (b.ballot as { points: Record<string, number> }).points;
        points[Object.keys(points)[0]!] = 999;
      }),
  },
  {
    name: 'a secret ballot carrying its voter',
    code: 'safety.errors.pollMismatch',
    params: { reason: 'SECRET_BALLOT_NAMES_VOTER' },
    file: () =>
      resealed((_e, d) => {
        const poll = d.polls!.find((p) => p.secret)!;
        const b = d.ballots!.find((x) => x.pollId === poll.id)!;
        (b.ballot as Record<string, unknown>).voterId = (poll.voters as string[])[0];
        // Dated like a named ballot, so only the poll check can tell.
        b.createdAt = b.updatedAt = poll.openedAt;
      }),
  },
  {
    name: 'a closed poll whose stored result is not what its ballots give',
    code: 'safety.errors.pollMismatch',
    params: { reason: 'RESULT_MISMATCH' },
    file: () =>
      resealed((_e, d) => {
        const poll = d.polls!.find((p) => !p.secret)!;
        // ranking and finalRanking: one object in the database, two in a file read back
        const result = poll.result as Record<'ranking' | 'finalRanking', { value: number }[]>;
        result.ranking[0]!.value += 10;
        result.finalRanking[0]!.value += 10;
      }),
  },
  {
    name: 'an orphan poll of a meeting that does not exist',
    code: 'safety.errors.danglingReference',
    params: { table: 'polls', field: 'meetingId' },
    file: () =>
      resealed((_e, d) => {
        d.polls![0]!.meetingId = 'ghost';
      }),
  },
  {
    name: 'a current-version file without polls, ballots and the plan',
    code: 'safety.errors.missingTable',
    file: () =>
      resealed((e, d) => {
        for (const t of ['polls', 'ballots', 'plans']) {
          delete d[t];
          delete (e.counts as Record<string, number>)[t];
        }
      }),
  },
];

describe.each([1, FORMAT_VERSION])(
  'validated import refuses hostile files (format %i)',
  (format) => {
    beforeEach(() => {
      sealFormat = format;
    });

    it('has at least 20 kinds of bad file', () => {
      expect(BAD_FILES.length).toBeGreaterThanOrEqual(20);
    });

    for (const bad of BAD_FILES) {
      it(`refuses: ${bad.name}`, async () => {
        await seedDatabase(db);
        const file = await bad.file();
        const before = await dumpTables(db);
        let error: unknown;
        try {
          await restoreBackup(db, await readBackupFile(db, file));
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(BackupError);
        const first = (error as BackupError).issues[0]!;
        expect(first.code).toBe(bad.code);
        if (bad.params) expect(first.params).toMatchObject(bad.params);
        expect(await dumpTables(db)).toEqual(before);
      });
    }

    it('does not let a __proto__ key reach any object', async () => {
      await seedDatabase(db);
      const s = JSON.stringify((await validFile()).env).replace(
        '"lastName":',
        '"__proto__":{"polluted":true},"lastName":',
      );
      await expect(inspectBackup(s, restoreTarget(db))).rejects.toBeInstanceOf(BackupError);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  },
);
