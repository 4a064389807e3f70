import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildBackup } from '../shared/backup/envelope';
import {
  UNVERIFIED_NAME,
  autoBackupName,
  backupsToDelete,
  listAutoBackups,
  parseAutoBackupName,
  verifyWrittenBackup,
  writeAutoBackup,
} from './backups';

const name = (day: string, time = '120000', kind = 'daily') =>
  `triada-auto-${day}-${time}-${kind}.json`;

function days(from: string, count: number): string[] {
  const out: string[] = [];
  const d = new Date(`${from}T12:00:00Z`);
  for (let i = 0; i < count; i++) {
    out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

describe('automatic backup rotation', () => {
  it('names and parses backup files', () => {
    const n = autoBackupName(new Date(2026, 3, 16, 9, 30, 5), 'quit');
    expect(n).toBe('triada-auto-2026-04-16-093005-quit.json');
    expect(parseAutoBackupName(n)).toMatchObject({
      day: '2026-04-16',
      month: '2026-04',
      kind: 'quit',
    });
    expect(parseAutoBackupName('zapis.docx')).toBeNull();
    expect(parseAutoBackupName('triada-auto-2026-04-16-093005-daily.json.part')).toBeNull();
  });

  it('keeps nothing extra while there are fewer than 14 days', () => {
    const names = days('2026-04-01', 10).map((d) => name(d));
    expect(backupsToDelete(names)).toEqual([]);
  });

  it('keeps the last 14 daily backups and the newest of each of the last 12 months', () => {
    const all = days('2024-01-01', 900).map((d) => name(d));
    const deleted = new Set(backupsToDelete(all));
    const kept = all.filter((n) => !deleted.has(n));
    const last14 = all.slice(-14);
    for (const n of last14) expect(kept).toContain(n);
    const months = new Set(kept.map((n) => parseAutoBackupName(n)!.month));
    expect(months.size).toBe(12);
    // Each kept older file is the last day of its month.
    for (const n of kept.filter((k) => !last14.includes(k))) {
      const { day } = parseAutoBackupName(n)!;
      const next = new Date(`${day}T12:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      expect(next.getUTCDate()).toBe(1);
    }
    expect(kept.length).toBeLessThanOrEqual(14 + 12);
  });

  it('keeps one backup per day (the newest) and never deletes foreign files', () => {
    const names = [
      name('2026-04-16', '080000'),
      name('2026-04-16', '170000', 'quit'),
      'poznamky.txt',
      name('2026-04-15'),
    ];
    expect(backupsToDelete(names)).toEqual([name('2026-04-16', '080000')]);
  });

  it('writes atomically, verifies, and rotates the folder', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'triada-backups-'));
    try {
      for (const d of days('2026-01-01', 20)) await writeFile(path.join(dir, name(d)), '{}');
      await writeFile(path.join(dir, 'vlastni.json'), 'x');
      const bytes = await backupBytes();
      const result = await writeAutoBackup(dir, bytes, 'quit', new Date(2026, 0, 21, 18, 0, 0));
      expect(result.verified).toBe(true);
      expect(new Uint8Array(await readFile(result.path))).toEqual(bytes);
      const files = await readdir(dir);
      expect(files).toContain('vlastni.json');
      expect(files.filter((f) => f.endsWith('.part'))).toEqual([]);
      expect(files.filter((f) => parseAutoBackupName(f))).toHaveLength(14);
      const listed = await listAutoBackups(dir);
      expect(listed[0]).toMatchObject({ kind: 'quit', day: '2026-01-21', size: bytes.length });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/** A real backup file (the renderer's envelope: sha256 over the data section's bytes). */
async function backupBytes(
  data: Record<string, Record<string, unknown>[]> = {
    people: [{ id: 'p1', name: 'Jana Nováková' }],
  },
): Promise<Uint8Array> {
  const { text } = await buildBackup(data, {
    appVersion: '0.1.0',
    schemaVersion: 1,
    createdAt: '2026-01-21T17:00:00.000Z',
  });
  return new TextEncoder().encode(text);
}

describe('a written backup counts only once it is read back and verified', () => {
  let dir = '';
  const now = new Date(2026, 0, 21, 18, 0, 0);
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'triada-verify-'));
    for (const d of days('2025-01-01', 386)) await writeFile(path.join(dir, name(d)), '{}');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it.each([
    [
      'checksum',
      // "Jana" becomes "Jano" inside the data: still JSON, but not the bytes that were sealed.
      async () =>
        new TextEncoder().encode(
          new TextDecoder().decode(await backupBytes()).replace('Jana', 'Jano'),
        ),
    ],
    ['notBackup', async () => new TextEncoder().encode('{"ok":1}')],
    ['notBackup', async () => new TextEncoder().encode('{"format":"triada-backup","sha256":"x"')],
    ['notBackup', async () => new Uint8Array([0xff, 0xfe, 0x00])],
  ] as const)('a %s failure deletes nothing and is moved aside', async (problem, make) => {
    const before = (await readdir(dir)).sort();
    const result = await writeAutoBackup(dir, await make(), 'daily', now);
    expect(result).toEqual({ verified: false, path: path.join(dir, UNVERIFIED_NAME), problem });
    const after = await readdir(dir);
    expect(after.filter((f) => f !== UNVERIFIED_NAME).sort()).toEqual(before);
    // not listed, not an automatic backup: never restored from or counted by rotation
    expect((await listAutoBackups(dir)).map((b) => b.name)).not.toContain(UNVERIFIED_NAME);
    expect(parseAutoBackupName(UNVERIFIED_NAME)).toBeNull();
  });

  it('verifies the bytes on disk, not only the bytes sent', async () => {
    const bytes = await backupBytes();
    const file = path.join(dir, 'x.json');
    await writeFile(file, bytes.subarray(0, bytes.length - 1));
    expect(await verifyWrittenBackup(file, bytes)).toBe('readBack');
    await writeFile(file, bytes);
    expect(await verifyWrittenBackup(file, bytes)).toBeNull();
    expect(await verifyWrittenBackup(path.join(dir, 'missing.json'), bytes)).toBe('readBack');
  });

  it('a verified write rotates (the old code would rotate even after a broken write)', async () => {
    const result = await writeAutoBackup(dir, await backupBytes(), 'daily', now);
    expect(result.verified).toBe(true);
    if (result.verified) expect(result.deleted.length).toBeGreaterThan(300);
  });
});

describe('rotation and a wrong clock', () => {
  const at = (iso: string) => new Date(`${iso}T12:00:00`);
  const real = days('2025-06-01', 240).map((d) => name(d)); // up to 2026-01-26
  const now = at('2026-01-27');

  it('never deletes the file just written, even when its date makes it the oldest', () => {
    const written = name('1970-01-01', '000000');
    const deleted = backupsToDelete([...real, written], { now: new Date(0), written });
    expect(deleted).not.toContain(written);
  });

  it('files dated after now are kept and push nothing out', () => {
    const future = [name('2099-01-01'), name('2099-01-02'), name('2031-05-05')];
    const withFuture = backupsToDelete([...real, ...future], { now });
    expect(withFuture).toEqual(backupsToDelete(real, { now }));
    for (const f of future) expect(withFuture).not.toContain(f);
  });

  it('a write dated far in the future deletes nothing; the next day rotation resumes', () => {
    const jump = name('2099-03-01', '090000');
    expect(backupsToDelete([...real, jump], { now: at('2099-03-01'), written: jump })).toEqual([]);
    const next = name('2099-03-02', '090000');
    const deleted = backupsToDelete([...real, jump, next], {
      now: at('2099-03-02'),
      written: next,
    });
    expect(deleted.length).toBeGreaterThan(0);
    expect(deleted).not.toContain(jump);
    expect(deleted).not.toContain(next);
  });

  it('after a holiday shorter than the trusted gap, rotation runs as usual', () => {
    const written = name('2026-02-20');
    const deleted = backupsToDelete([...real, written], { now: at('2026-02-20'), written });
    expect(deleted.length).toBeGreaterThan(0);
  });

  it('properties: the written file, files after now and foreign files always survive', () => {
    const dayArb = fc
      .date({ min: new Date(2020, 0, 1), max: new Date(2032, 0, 1), noInvalidDate: true })
      .map((d) => autoBackupName(d, 'daily'));
    fc.assert(
      fc.property(
        fc.array(dayArb, { maxLength: 80 }),
        fc.date({ min: new Date(2019, 0, 1), max: new Date(2033, 0, 1), noInvalidDate: true }),
        fc.array(dayArb, { maxLength: 5 }),
        (names, clock, futureish) => {
          const written = autoBackupName(clock, 'quit');
          const all = [...new Set([...names, written, 'vlastni.json'])];
          const deleted = backupsToDelete(all, { now: clock, written });
          expect(deleted).not.toContain(written);
          expect(deleted).not.toContain('vlastni.json');
          const horizon = clock.getTime() + 36 * 3600_000;
          for (const d of deleted)
            expect(parseAutoBackupName(d)!.time).toBeLessThanOrEqual(horizon);
          // adding files dated after now never changes what happens to the others
          const later = futureish.filter((f) => parseAutoBackupName(f)!.time > horizon);
          const deletedWithLater = backupsToDelete([...new Set([...all, ...later])], {
            now: clock,
            written,
          });
          expect(deletedWithLater.filter((d) => !later.includes(d)).sort()).toEqual(
            deleted.filter((d) => !later.includes(d)).sort(),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
