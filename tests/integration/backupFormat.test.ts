// The backup file format 2 (checksum over the data section's bytes as written), reading the
// frozen format-1 file, and the restore's single validation pass with its progress figures.
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BackupError,
  FORMAT_VERSION,
  RECORD_SCHEMAS,
  safeJsonParse,
  sha256Hex,
  type CheckPhase,
} from '@shared/backup';
import {
  createBackup,
  dumpTables,
  readBackupFile,
  restoreBackup,
  restorePreview,
} from '../../renderer/src/db/safety/backup';
import { AppDb } from '../../renderer/src/db/schema';
import { checkIntegrity } from '../../renderer/src/db/safety/seal';
import { seedDatabase } from '../fixtures/backups/seed';

let db: AppDb;
beforeEach(() => {
  db = new AppDb('test-' + crypto.randomUUID());
});
afterEach(async () => {
  await db.delete();
});

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const encode = (text: string) => new TextEncoder().encode(text);

/** The data section located without the app's scanner: the writer puts it last. */
function dataSectionBytes(bytes: Uint8Array): Uint8Array {
  const marker = encode(',"data":');
  for (let i = 0; i < bytes.length - marker.length; i++)
    if (marker.every((b, k) => bytes[i + k] === b))
      return bytes.subarray(i + marker.length, bytes.length - 1);
  throw new Error('no data section');
}

async function refusal(file: Uint8Array | string): Promise<BackupError> {
  const error = await readBackupFile(db, file).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BackupError);
  return error as BackupError;
}

describe('format 2: the checksum covers the bytes of the data section', () => {
  it('createBackup writes format 2 whose sha256 is that of the data bytes in the file', async () => {
    await seedDatabase(db);
    const file = await createBackup(db);
    expect(file.issues).toEqual([]);
    const text = decode(file.bytes);
    expect(JSON.parse(text)).toMatchObject({ format: 'triada-backup', formatVersion: 2 });
    expect(FORMAT_VERSION).toBe(2);
    expect(file.meta.sha256).toBe(await sha256Hex(dataSectionBytes(file.bytes)));
    // The scanner finds the same section.
    const parsed = safeJsonParse(text);
    expect(parsed.ok && text.slice(...parsed.dataSpan!)).toBe(decode(dataSectionBytes(file.bytes)));
  });

  it('refuses a file whose data bytes changed by one character, even when it parses to the same data', async () => {
    await seedDatabase(db);
    const text = decode((await createBackup(db)).bytes);
    const at = text.indexOf('"lastName":"') + '"lastName":"'.length;
    const letter = text[at]!;
    // A letter of a name changed.
    const other = letter === 'X' ? 'Y' : 'X';
    expect((await refusal(text.slice(0, at) + other + text.slice(at + 1))).code).toBe(
      'safety.errors.checksum',
    );
    // The same letter written as a JSON escape: the parsed data (and its canonical JSON, which
    // format 1 hashed) are identical, but the bytes are not.
    const escaped = `\\u${letter.charCodeAt(0).toString(16).padStart(4, '0')}`;
    const same = text.slice(0, at) + escaped + text.slice(at + 1);
    expect(JSON.parse(same)).toEqual(JSON.parse(text));
    expect((await refusal(same)).code).toBe('safety.errors.checksum');
    // One space inside the data section.
    const spaced = text.replace('"data":{"', '"data":{ "');
    expect((await refusal(spaced)).code).toBe('safety.errors.checksum');
    // The header is not covered: another appVersion still reads.
    const header = text.replace('"appVersion":"0.1.0"', '"appVersion":"0.1.1"');
    expect((await readBackupFile(db, header)).meta.appVersion).toBe('0.1.1');
  });

  it('a format-2 file with the data key first and spaces in the header still reads', async () => {
    await seedDatabase(db);
    const file = await createBackup(db);
    const data = decode(dataSectionBytes(file.bytes));
    const { data: _d, ...meta } = JSON.parse(decode(file.bytes)) as Record<string, unknown>;
    const reordered = `{ "data": ${data},\n  ${JSON.stringify(meta).slice(1)}`;
    const read = await readBackupFile(db, reordered);
    expect(read.meta.sha256).toBe(file.meta.sha256);
  });
});

describe('older formats keep restoring', () => {
  it('the frozen format-1 file (app 0.1.0) restores with its logo, audit merge and seals', async () => {
    const bytes = new Uint8Array(
      await readFile(new URL('../fixtures/backups/format1-app0.1.0.json', import.meta.url)),
    );
    const raw = JSON.parse(decode(bytes)) as {
      formatVersion: number;
      counts: Record<string, number>;
    };
    expect(raw.formatVersion).toBe(1);
    await seedDatabase(db); // something to replace
    const inspected = await readBackupFile(db, bytes);
    expect(inspected.meta.formatVersion).toBe(1);
    await restoreBackup(db, inspected);
    for (const [table, n] of Object.entries(raw.counts))
      if (table !== 'audit') expect(await db.table(table).count(), table).toBe(n);
    const project = (await db.settings.get('project'))!.value as { logo: { bytes: unknown } };
    expect(project.logo.bytes).toBeInstanceOf(Uint8Array);
    expect([...(project.logo.bytes as Uint8Array)]).toEqual([
      0x89, 0x50, 0x4e, 0x47, 0, 255, 10, 13,
    ]);
    const integrity = await checkIntegrity(db);
    expect(integrity.seals).toEqual([]);
    // A format-1 file edited without a new checksum is still refused.
    const edited = decode(bytes).replace('"lastName":"', '"lastName":"X');
    expect((await refusal(edited)).code).toBe('safety.errors.checksum');
  });
});

describe('one validation pass', () => {
  it('checks every record once: restoreBackup writes what readBackupFile returned', async () => {
    await seedDatabase(db);
    const file = await createBackup(db);
    const people = (await db.people.count()) as number;
    const spy = vi.spyOn(RECORD_SCHEMAS.people!.schema, 'safeParse');
    try {
      const inspected = await readBackupFile(db, file.bytes);
      await restoreBackup(db, inspected);
      expect(spy).toHaveBeenCalledTimes(people);
    } finally {
      spy.mockRestore();
    }
  });

  it('reports progress of the check and of the writing in figures', async () => {
    await seedDatabase(db);
    const file = await createBackup(db);
    const phases: [CheckPhase, number, number][] = [];
    const inspected = await readBackupFile(db, file.bytes, (p, done, total) =>
      phases.push([p, done, total]),
    );
    const rows = Object.values(inspected.data).reduce((n, r) => n + r.length, 0);
    expect(phases.map(([p]) => p)).toEqual(
      expect.arrayContaining(['parse', 'checksum', 'records', 'references', 'polls']),
    );
    expect(phases.filter(([p]) => p === 'records').at(-1)).toEqual(['records', rows, rows]);

    const written: number[] = [];
    let total = 0;
    await restoreBackup(db, inspected, (done, all) => {
      written.push(done);
      total = all;
    });
    expect(total).toBe(rows);
    expect(written.at(-1)).toBe(rows);
    expect([...written].sort((a, b) => a - b)).toEqual(written);
    const preview = await restorePreview(db, inspected);
    // Everything is as the file says (the audit also holds the restore's own entry).
    expect(preview.filter((c) => c.table !== 'audit' && c.before !== c.after)).toEqual([]);
  });

  it('a validated file whose writing fails midway changes nothing', async () => {
    await seedDatabase(db);
    const file = await createBackup(db);
    const inspected = await readBackupFile(db, file.bytes);
    const before = await dumpTables(db);
    // Breaks the unique [meetingId+personId] index only when written (after the chunks before it).
    const attendance = inspected.data.attendance!;
    attendance.push({ ...attendance[0]!, id: 'twin' });
    await expect(restoreBackup(db, inspected)).rejects.toThrow();
    expect(await dumpTables(db)).toEqual(before);
  });
});
