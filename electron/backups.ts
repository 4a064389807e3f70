// Automatic backups on disk (main process). The renderer produces the backup bytes (it owns
// the data); main writes them to <userData>/backups, reads them back, verifies them, and only
// then rotates: the last 14 daily backups and the last backup of each of the last 12 months
// are kept, the rest is deleted. File names carry the date, so rotation is a pure function
// over names (tested without Electron or a disk).
//
// What rotation never does (backupsToDelete):
// - delete anything after a write that failed verification (rotation does not even run);
// - delete the backup just written and verified, the newest that validates, whatever its date
//   (a clock set back to 1970 would otherwise name it the oldest and rotate it away at once);
// - let a file dated after `now` take a day or month slot: when the clock jumped to the future
//   and came back, those files are kept but never the reason real ones are deleted;
// - delete anything after a write dated more than MAX_TRUSTED_GAP_DAYS after the previous
//   backup: that is either a long holiday or a clock that jumped ahead, and a wrong clock must
//   not push the real history out. The next write, a day later, rotates normally again.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { checksumMatches, safeJsonParse } from '../shared/backup/canonical';

export const KEEP_DAILY = 14;
export const KEEP_MONTHLY = 12;
/** A file dated up to this far after `now` still counts (time zone changes, DST, travel). */
export const FUTURE_TOLERANCE_MS = 36 * 60 * 60 * 1000;
/** A write further than this after the previous backup deletes nothing (see above). */
export const MAX_TRUSTED_GAP_DAYS = 45;
export type AutoBackupKind = 'daily' | 'quit';

const NAME = /^triada-auto-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})(\d{2})-(daily|quit)\.json$/;
/**
 * The last written file that failed verification, kept for diagnosis under a name that is not
 * an automatic backup (never listed, counted or rotated). Each failure replaces it.
 */
export const UNVERIFIED_NAME = 'triada-auto-unverified-last.json';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "triada-auto-2026-04-16-093000-daily.json" (local time). */
export function autoBackupName(date: Date, kind: AutoBackupKind): string {
  return `triada-auto-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}-${kind}.json`;
}

export interface ParsedBackupName {
  name: string;
  day: string;
  month: string;
  /** "YYYYMMDDhhmmss": sorts like the time it names. */
  stamp: string;
  /** The local time the name stands for, in ms. */
  time: number;
  kind: AutoBackupKind;
}

export function parseAutoBackupName(name: string): ParsedBackupName | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, kind] = m as unknown as string[];
  return {
    name,
    day: `${y}-${mo}-${d}`,
    month: `${y}-${mo}`,
    stamp: `${y}${mo}${d}${h}${mi}${s}`,
    time: new Date(+y!, +mo! - 1, +d!, +h!, +mi!, +s!).getTime(),
    kind: kind as AutoBackupKind,
  };
}

export interface RotationOptions {
  /** The clock at the time of the write. */
  now?: Date;
  /** The file just written and verified: always kept. */
  written?: string;
  daily?: number;
  monthly?: number;
}

/**
 * Which files to delete: keeps the newest backup of each of the newest `daily` days and the
 * newest backup of each of the newest `monthly` months, plus the rules in the header comment.
 * Files that are not automatic backups are never touched.
 */
export function backupsToDelete(names: readonly string[], options: RotationOptions = {}): string[] {
  const { now, written, daily = KEEP_DAILY, monthly = KEEP_MONTHLY } = options;
  const parsed = names.map(parseAutoBackupName).filter((p): p is ParsedBackupName => p !== null);
  const byNewest = (a: ParsedBackupName, b: ParsedBackupName) =>
    a.stamp < b.stamp ? 1 : a.stamp > b.stamp ? -1 : 0;
  parsed.sort(byNewest);

  const horizon = now ? now.getTime() + FUTURE_TOLERANCE_MS : Infinity;
  // Dated after `now`: kept, and they take no slot.
  const counted = parsed.filter((p) => p.time <= horizon);

  if (written) {
    const self = parsed.find((p) => p.name === written);
    const previous = counted.find((p) => p.name !== written);
    if (self && previous && self.time - previous.time > MAX_TRUSTED_GAP_DAYS * 86_400_000)
      return [];
  }

  const keep = new Set<string>(parsed.filter((p) => p.time > horizon).map((p) => p.name));
  if (written) keep.add(written);
  const days = new Set<string>();
  const months = new Set<string>();
  for (const p of counted) {
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

export type VerifyProblem = 'readBack' | 'notBackup' | 'checksum';

/**
 * Reads a written backup back and checks it: the same bytes as were sent, and a backup
 * envelope whose checksum matches its data (shared/backup checksumMatches). null when sound.
 */
export async function verifyWrittenBackup(
  file: string,
  expected: Uint8Array,
): Promise<VerifyProblem | null> {
  let onDisk: Buffer;
  try {
    onDisk = await readFile(file);
  } catch {
    return 'readBack';
  }
  if (!Buffer.from(expected.buffer, expected.byteOffset, expected.byteLength).equals(onDisk))
    return 'readBack';
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(onDisk);
  } catch {
    return 'notBackup';
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const parsed = safeJsonParse(text);
  if (!parsed.ok) return 'notBackup';
  const env = parsed.value as {
    format?: unknown;
    formatVersion?: unknown;
    sha256?: unknown;
    data?: unknown;
  } | null;
  if (
    !env ||
    typeof env !== 'object' ||
    env.format !== 'triada-backup' ||
    typeof env.formatVersion !== 'number' ||
    typeof env.sha256 !== 'string' ||
    !env.data ||
    typeof env.data !== 'object'
  )
    return 'notBackup';
  const sound = await checksumMatches(
    { formatVersion: env.formatVersion, sha256: env.sha256, data: env.data },
    text,
    parsed.dataSpan,
  );
  return sound ? null : 'checksum';
}

export type AutoBackupResult =
  | { verified: true; path: string; deleted: string[] }
  | { verified: false; path: string; problem: VerifyProblem };

/**
 * Writes one automatic backup atomically (temp file, flushed to disk, renamed), reads it back
 * and verifies it, and only then rotates the folder. A file that fails verification is
 * moved aside to UNVERIFIED_NAME and nothing is deleted.
 */
export async function writeAutoBackup(
  dir: string,
  bytes: Uint8Array,
  kind: AutoBackupKind,
  now = new Date(),
): Promise<AutoBackupResult> {
  await mkdir(dir, { recursive: true });
  const name = autoBackupName(now, kind);
  const target = path.join(dir, name);
  const temp = `${target}.${randomBytes(4).toString('hex')}.part`;
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }

  const problem = await verifyWrittenBackup(target, bytes);
  if (problem) {
    const kept = path.join(dir, UNVERIFIED_NAME);
    // If it cannot be moved aside, it must not stay as "the newest backup" either.
    await rename(target, kept).catch(() => unlink(target).catch(() => undefined));
    return { verified: false, path: kept, problem };
  }

  const deleted = backupsToDelete(await readdir(dir), { now, written: name });
  for (const old of deleted) await unlink(path.join(dir, old)).catch(() => undefined);
  return { verified: true, path: target, deleted };
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
