import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  autoBackupName,
  backupsToDelete,
  listAutoBackups,
  parseAutoBackupName,
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

  it('writes atomically and rotates the folder', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'triada-backups-'));
    try {
      for (const d of days('2026-01-01', 20)) await writeFile(path.join(dir, name(d)), '{}');
      await writeFile(path.join(dir, 'vlastni.json'), 'x');
      const result = await writeAutoBackup(
        dir,
        new TextEncoder().encode('{"ok":1}'),
        'quit',
        new Date(2026, 0, 21, 18, 0, 0),
      );
      expect(await readFile(result.path, 'utf8')).toBe('{"ok":1}');
      const files = await readdir(dir);
      expect(files).toContain('vlastni.json');
      expect(files.filter((f) => f.endsWith('.part'))).toEqual([]);
      expect(files.filter((f) => parseAutoBackupName(f))).toHaveLength(14);
      const listed = await listAutoBackups(dir);
      expect(listed[0]).toMatchObject({ kind: 'quit', day: '2026-01-21', size: 8 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
