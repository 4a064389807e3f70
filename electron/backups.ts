// Automatic backups on disk (main process). The renderer produces the backup bytes (it owns
// the data); main writes them to <userData>/backups and rotates: the last 14 daily backups and
// the last backup of each of the last 12 months are kept, the rest is deleted. File names carry
// the date, so rotation is a pure function over names (tested without Electron or a disk).
import { mkdir, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const KEEP_DAILY = 14;
export const KEEP_MONTHLY = 12;
export type AutoBackupKind = 'daily' | 'quit';

const NAME = /^triada-auto-(\d{4})-(\d{2})-(\d{2})-(\d{6})-(daily|quit)\.json$/;

/** "triada-auto-2026-04-16-093000-daily.json" (local time). */
export function autoBackupName(date: Date, kind: AutoBackupKind): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `triada-auto-${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}-${kind}.json`;
}

export interface ParsedBackupName {
  name: string;
  day: string;
  month: string;
  stamp: string;
  kind: AutoBackupKind;
}

export function parseAutoBackupName(name: string): ParsedBackupName | null {
  const m = NAME.exec(name);
  if (!m) return null;
  return {
    name,
    day: `${m[1]}-${m[2]}-${m[3]}`,
    month: `${m[1]}-${m[2]}`,
    stamp: `${m[1]}${m[2]}${m[3]}${m[4]}`,
    kind: m[5] as AutoBackupKind,
  };
}

/**
 * Which files to delete: keeps the newest backup of each of the newest `daily` days and the
 * newest backup of each of the newest `monthly` months. Files that are not automatic backups
 * are never touched.
 */
export function backupsToDelete(
  names: readonly string[],
  daily = KEEP_DAILY,
  monthly = KEEP_MONTHLY,
): string[] {
  const parsed = names.map(parseAutoBackupName).filter((p): p is ParsedBackupName => p !== null);
  parsed.sort((a, b) => (a.stamp < b.stamp ? 1 : a.stamp > b.stamp ? -1 : 0)); // newest first
  const keep = new Set<string>();
  const days = new Set<string>();
  const months = new Set<string>();
  for (const p of parsed) {
    if (!days.has(p.day) && days.size < daily) {
      days.add(p.day);
      keep.add(p.name);
    }
    if (!months.has(p.month) && months.size < monthly) {
      months.add(p.month);
      keep.add(p.name);
    }
  }
  return parsed.filter((p) => !keep.has(p.name)).map((p) => p.name);
}

/** Writes one automatic backup atomically (temp file + rename), then rotates the folder. */
export async function writeAutoBackup(
  dir: string,
  bytes: Uint8Array,
  kind: AutoBackupKind,
  now = new Date(),
): Promise<{ path: string; deleted: string[] }> {
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, autoBackupName(now, kind));
  const temp = `${target}.part`;
  try {
    await writeFile(temp, bytes);
    await rename(temp, target);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  const deleted = backupsToDelete(await readdir(dir));
  for (const name of deleted) await unlink(path.join(dir, name)).catch(() => undefined);
  return { path: target, deleted };
}

export async function listAutoBackups(
  dir: string,
): Promise<{ name: string; size: number; kind: AutoBackupKind; day: string }[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const out = [];
  for (const p of names.map(parseAutoBackupName)) {
    if (!p) continue;
    const s = await stat(path.join(dir, p.name)).catch(() => null);
    if (s) out.push({ name: p.name, size: s.size, kind: p.kind, day: p.day });
  }
  return out.sort((a, b) => (a.name < b.name ? 1 : -1));
}
