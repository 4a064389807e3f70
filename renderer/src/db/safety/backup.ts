// Backup and restore of the whole database (docs/data-safety.md). Export dumps every table of
// db.tables in primary-key order inside one read transaction; restore validates the entire
// file first, once (shared/backup inspectBackup, in the restore worker in the app), and then
// replaces every table inside ONE read-write transaction: if anything fails, IndexedDB rolls
// the transaction back and the previous data is intact.
import Dexie from 'dexie';
import {
  BackupError,
  buildBackup,
  danglingIssue,
  encodeBytes,
  inspectBackup,
  RECORD_SCHEMAS,
  REFERENCES,
  type BackupData,
  type BackupIssue,
  type BackupMeta,
  type CheckProgress,
  type InspectedBackup,
  type RestoreTarget,
} from '@shared/backup';
import { LOCAL_TABLES } from '@shared/sync/tables';
import { AUDIT_TABLE, restoreAuditTable, suppressAudit } from './audit';
import { USER_NAME_KEY } from './auditLog';
import { nowIso } from '../clock';
import type { AppDb } from '../schema';
import { readSetting, type SettingKey } from '../settings';

export const APP_VERSION = '0.1.0';
export const BACKUP_MIME = 'application/json';
export const LAST_BACKUP_KEY = 'lastBackupAt' satisfies SettingKey;

export type BackupProgress = (done: number, total: number, table: string) => void;

export interface BackupFile {
  bytes: Uint8Array;
  fileName: string;
  meta: BackupMeta;
  /**
   * Why the restore would refuse this file (read back through its checks); empty for a backup
   * that counts. A file with issues is still worth keeping, but it is never counted as a backup.
   */
  issues: BackupIssue[];
}

/** The tables a backup holds: all but the sync bookkeeping of this laptop (docs/sync.md). */
export const backedUpTables = (db: AppDb) => db.tables.filter((t) => !LOCAL_TABLES.has(t.name));

export function restoreTarget(db: AppDb): RestoreTarget {
  return {
    schemaVersion: db.verno,
    tables: backedUpTables(db).map((t) => ({
      name: t.name,
      primaryKey: String(t.schema.primKey.keyPath ?? 'id'),
    })),
  };
}

/** "triada-zaloha-2026-04-16-0930.json" */
export function backupFileName(createdAt: string): string {
  const d = new Date(createdAt);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `triada-zaloha-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}.json`;
}

/** Reads every table in one consistent snapshot (binary values encoded for JSON, bytes.ts). */
export async function dumpTables(db: AppDb, onProgress?: BackupProgress): Promise<BackupData> {
  const data: BackupData = {};
  const tables = backedUpTables(db).sort((a, b) => a.name.localeCompare(b.name));
  await db.transaction('r', tables, async () => {
    let done = 0;
    for (const table of tables) {
      const rows = (await table.toArray()) as Record<string, unknown>[];
      data[table.name] = rows.map((r) => encodeBytes(r) as Record<string, unknown>);
      onProgress?.(++done, tables.length, table.name);
    }
  });
  return data;
}

/**
 * A one-file backup of the whole database, read back and validated exactly as a restore would
 * read it: `issues` says why a restore would refuse it (a backup that could not be restored
 * must not be a surprise on the day it is needed). The file carries its own time as
 * `lastBackupAt`, so after a restore the reminder knows the data's age; the database records
 * it only through `markBackupVerified`, once the caller has a verified file safely stored.
 */
export async function createBackup(
  db: AppDb,
  options: { onProgress?: BackupProgress } = {},
): Promise<BackupFile> {
  const createdAt = nowIso();
  const data = await dumpTables(db, options.onProgress);
  // A stored setting the app cannot read counts as absent everywhere (settings.ts), so the
  // backup leaves it out rather than refuse to back up the rest.
  const readable = RECORD_SCHEMAS.settings!.schema;
  data.settings = [
    ...(data.settings ?? []).filter(
      (s) => s.key !== LAST_BACKUP_KEY && readable.safeParse(s).success,
    ),
    { key: LAST_BACKUP_KEY, value: createdAt },
  ].sort((a, b) => (String(a.key) < String(b.key) ? -1 : 1));
  const { envelope, text } = await buildBackup(data, {
    appVersion: APP_VERSION,
    schemaVersion: db.verno,
    createdAt,
  });
  const bytes = new TextEncoder().encode(text);
  let issues: BackupIssue[] = [];
  try {
    await verifyBackupBytes(db, bytes);
  } catch (e) {
    if (!(e instanceof BackupError)) throw e;
    issues = e.issues;
  }
  const { data: _d, ...meta } = envelope;
  return { bytes, fileName: backupFileName(createdAt), meta, issues };
}

/** Reads a written backup back through the restore's own checks; throws BackupError if it would be refused. */
export async function verifyBackupBytes(db: AppDb, bytes: Uint8Array): Promise<InspectedBackup> {
  return inspectBackup(bytes, restoreTarget(db));
}

/** The backup made at `createdAt` is stored and verified: the reminder starts counting again. */
export async function markBackupVerified(db: AppDb, createdAt: string): Promise<void> {
  await db.settings.put({ key: LAST_BACKUP_KEY, value: createdAt });
}

/**
 * Validates a file without touching the database: what a restore would bring (the preview).
 * The app runs the same check in the restore worker (features/safety/restoreWorkerClient.ts).
 */
export async function readBackupFile(
  db: AppDb,
  file: Uint8Array | string,
  onProgress?: CheckProgress,
): Promise<InspectedBackup> {
  return inspectBackup(file, restoreTarget(db), onProgress);
}

/** One row of the restore preview: how many records a table has now and will have after. */
export interface RestoreChange {
  table: string;
  before: number;
  after: number;
  /** The file does not contain the table (written before it existed): it stays as it is. */
  kept: boolean;
}

/** What a restore of `backup` would do to every table, for the preview (changed tables first). */
export async function restorePreview(
  db: AppDb,
  backup: Pick<InspectedBackup, 'kept' | 'data'>,
): Promise<RestoreChange[]> {
  const kept = new Set(backup.kept);
  return Promise.all(
    backedUpTables(db).map(async (t) => {
      const before = await t.count();
      return {
        table: t.name,
        before,
        after: kept.has(t.name) ? before : (backup.data[t.name]?.length ?? 0),
        kept: kept.has(t.name),
      };
    }),
  );
}

/** Rows per bulkPut: each call clones its rows on the main thread; smaller calls keep it free. */
export const RESTORE_CHUNK_ROWS = 500;

/** How far the writing is: rows written of all rows, and the table being written. */
export type RestoreProgress = (done: number, total: number, table: string) => void;

/**
 * Replaces the database with a backup checked by inspectBackup (readBackupFile or the restore
 * worker), atomically: every table the file contains is cleared and refilled inside one
 * transaction, so an error at any point rolls everything back. The data is written as the
 * check returned it, without a second validation. Rows go in chunks of RESTORE_CHUNK_ROWS,
 * so the page keeps painting between them. Tables the file does not know (an older version's
 * backup) are kept, and their references into the restored data are checked in the same
 * transaction. The audit trail is merged, not replaced; afterwards `checkIntegrity` (seal.ts)
 * checks chain and seals.
 */
export async function restoreBackup(
  db: AppDb,
  backup: InspectedBackup,
  onProgress?: RestoreProgress,
): Promise<void> {
  const kept = new Set(backup.kept);
  const tables = backedUpTables(db);
  const total = tables.reduce(
    (n, t) => n + (kept.has(t.name) ? 0 : (backup.data[t.name]?.length ?? 0)),
    0,
  );
  let done = 0;
  onProgress?.(0, total, tables[0]?.name ?? '');
  await db.transaction('rw', tables, async () => {
    suppressAudit(Dexie.currentTransaction);
    for (const table of tables) {
      if (kept.has(table.name)) continue;
      const rows = backup.data[table.name] ?? [];
      // The audit is append-only: the file's entries are merged in, nothing local is dropped.
      if (table.name === AUDIT_TABLE) {
        await restoreAuditTable(db, rows, backup.meta);
        done += rows.length;
        onProgress?.(done, total, table.name);
        continue;
      }
      // Who works at this laptop stays who they are: the file's user name only fills a gap.
      const localUser =
        table.name === 'settings' ? await db.settings.get(USER_NAME_KEY) : undefined;
      await table.clear();
      // Two chunks in flight: the database works on one while the page hands it the next, and
      // the page paints between them.
      let pending: Promise<void> | null = null;
      for (let i = 0; i < rows.length; i += RESTORE_CHUNK_ROWS) {
        const chunk = rows.slice(i, i + RESTORE_CHUNK_ROWS);
        const put: Promise<void> = table.bulkPut(chunk).then(() => {
          done += chunk.length;
          onProgress?.(done, total, table.name);
        });
        put.catch(() => undefined); // awaited below; a failure of the one before comes first
        if (pending) await pending;
        pending = put;
      }
      if (pending) await pending;
      if (localUser) await db.settings.put(localUser);
    }
    if (kept.size) {
      const dangling = await danglingFromKept(db, kept);
      if (dangling.length) throw new BackupError(dangling);
    }
  });
}

/** References from kept tables into the restored ones that would now point nowhere. */
async function danglingFromKept(db: AppDb, kept: ReadonlySet<string>): Promise<BackupIssue[]> {
  const issues: BackupIssue[] = [];
  for (const ref of REFERENCES) {
    if (!kept.has(ref.table) || kept.has(ref.target)) continue;
    const ids = new Set((await db.table(ref.target).toCollection().primaryKeys()) as string[]);
    for (const rec of (await db.table(ref.table).toArray()) as Record<string, unknown>[]) {
      const value = rec[ref.field];
      if (typeof value === 'string' && value !== '' && !ids.has(value))
        issues.push(danglingIssue(ref, rec, value));
      if (issues.length >= 20) return issues;
    }
  }
  return issues;
}

export const REMINDER_DAYS = 7;
export const SNOOZE_KEY = 'backupReminderSnoozedUntil' satisfies SettingKey;

/**
 * Days since the last backup when a reminder is due (browser mode: no automatic backups),
 * null when not. 'never' when the database has data but was never backed up.
 */
export async function backupReminder(
  db: AppDb,
  now = new Date(),
): Promise<number | 'never' | null> {
  // Read through the settings' schemas: a damaged value counts as "never backed up".
  const [last, snoozed, people, meetings] = await Promise.all([
    readSetting(db, LAST_BACKUP_KEY),
    readSetting(db, SNOOZE_KEY),
    db.people.count(),
    db.meetings.count(),
  ]);
  if (snoozed && Date.parse(snoozed) > now.getTime()) return null;
  if (!last) return people + meetings > 0 ? 'never' : null;
  const days = Math.floor((now.getTime() - Date.parse(last)) / 86_400_000);
  return days >= REMINDER_DAYS ? days : null;
}

export async function snoozeBackupReminder(db: AppDb, now = new Date()): Promise<void> {
  await db.settings.put({
    key: SNOOZE_KEY,
    value: new Date(now.getTime() + 86_400_000).toISOString(),
  });
}
