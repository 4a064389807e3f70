import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BackupError,
  buildBackup,
  canonicalJson,
  FORMAT_VERSION,
  inspectBackup,
  migrateData,
  sha256Hex,
  type BackupData,
} from '@shared/backup';
import {
  createBackup,
  dumpTables,
  readBackupFile,
  restoreBackup,
  restoreTarget,
} from '../../renderer/src/db/backup';
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
    expect(Object.keys(before).sort()).toEqual(db.tables.map((t) => t.name).sort());
    expect(before.people!.length).toBeGreaterThan(40);
    expect(before.ballots!.length).toBe(2);
    const file = await createBackup(db);
    expect(file.warnings).toEqual([]);
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

async function validFile(): Promise<{ env: Record<string, unknown>; data: BackupData }> {
  const data = await dumpTables(db);
  const { envelope } = await buildBackup(data, {
    appVersion: '0.1.0',
    schemaVersion: db.verno,
    createdAt: '2026-04-16T10:00:00.000Z',
  });
  return {
    env: structuredClone(envelope) as unknown as Record<string, unknown>,
    data: structuredClone(data),
  };
}

/** Applies a change to the data and re-seals the checksum, so only the intended defect remains. */
async function resealed(mutate: Mutate): Promise<string> {
  const { env, data } = await validFile();
  mutate(env, data);
  env.data = data;
  env.counts = Object.fromEntries(
    Object.entries(data).map(([t, rows]) => [t, Array.isArray(rows) ? rows.length : 0]),
  );
  env.sha256 = await sha256Hex(canonicalJson(data));
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
];

describe('validated import refuses hostile files', () => {
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
});
