// Backup and restore of the whole database (docs/data-safety.md). Export dumps every table of
// db.tables in primary-key order inside one read transaction; restore validates the entire
// file first (shared/backup inspectBackup) and then replaces every table inside ONE
// read-write transaction: if anything fails, IndexedDB rolls the transaction back and the
// previous data is intact.
import Dexie from 'dexie';
import {
  BackupError,
  buildBackup,
  inspectBackup,
  validateData,
  type BackupData,
  type BackupIssue,
  type BackupMeta,
  type InspectedBackup,
  type RestoreTarget,
} from '@shared/backup';
import { AUDIT_TABLE, restoreAuditTable, suppressAudit } from './audit';
import { nowIso } from './clock';
import type { AppDb } from './schema';
import { readSetting, type SettingKey } from './settings';

export const APP_VERSION = '0.1.0';
export const BACKUP_MIME = 'application/json';
export const LAST_BACKUP_KEY = 'lastBackupAt' satisfies SettingKey;

export type BackupProgress = (done: number, total: number, table: string) => void;

export interface BackupFile {
  bytes: Uint8Array;
  fileName: string;
  meta: BackupMeta;
  /** Problems the backup itself would be refused for on restore (should be none). */
  warnings: BackupIssue[];
}

export function restoreTarget(db: AppDb): RestoreTarget {
  return {
    schemaVersion: db.verno,
    tables: db.tables.map((t) => ({
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

/** Reads every table in one consistent snapshot. */
export async function dumpTables(db: AppDb, onProgress?: BackupProgress): Promise<BackupData> {
  const data: BackupData = {};
  const tables = [...db.tables].sort((a, b) => a.name.localeCompare(b.name));
  await db.transaction('r', tables, async () => {
    let done = 0;
    for (const table of tables) {
      data[table.name] = (await table.toArray()) as Record<string, unknown>[];
      onProgress?.(++done, tables.length, table.name);
    }
  });
  return data;
}

/** A one-file backup of the whole database. Records the time in the `lastBackupAt` setting. */
export async function createBackup(
  db: AppDb,
  options: { onProgress?: BackupProgress; record?: boolean } = {},
): Promise<BackupFile> {
  const createdAt = nowIso();
  // Recorded first, so the file carries its own time: after a restore the reminder knows the data's age.
  const previous = await db.settings.get(LAST_BACKUP_KEY);
  if (options.record !== false) await db.settings.put({ key: LAST_BACKUP_KEY, value: createdAt });
  try {
    const data = await dumpTables(db, options.onProgress);
    const { envelope, text } = await buildBackup(data, {
      appVersion: APP_VERSION,
      schemaVersion: db.verno,
      createdAt,
    });
    const warnings = validateData(data, db.verno, restoreTarget(db));
    const { data: _d, ...meta } = envelope;
    return {
      bytes: new TextEncoder().encode(text),
      fileName: backupFileName(createdAt),
      meta,
      warnings,
    };
  } catch (e) {
    if (options.record !== false)
      await (previous ? db.settings.put(previous) : db.settings.delete(LAST_BACKUP_KEY));
    throw e;
  }
}

/** Validates a file without touching the database: what a restore would bring (the preview). */
export async function readBackupFile(
  db: AppDb,
  file: Uint8Array | string,
): Promise<InspectedBackup> {
  return inspectBackup(file, restoreTarget(db));
}

/**
 * Replaces the whole database with a validated backup, atomically: every table is cleared and
 * refilled inside one transaction, so an error at any point rolls everything back. The audit
 * trail is merged, not replaced; afterwards `checkIntegrity` (seal.ts) checks chain and seals.
 */
export async function restoreBackup(
  db: AppDb,
  backup: InspectedBackup,
  onProgress?: BackupProgress,
): Promise<void> {
  const target = restoreTarget(db);
  const issues = validateData(backup.data, backup.meta.schemaVersion, target);
  if (issues.length) throw new BackupError(issues);
  const tables = db.tables;
  await db.transaction('rw', tables, async () => {
    suppressAudit(Dexie.currentTransaction);
    let done = 0;
    for (const table of tables) {
      // The audit is append-only: the file's entries are merged in, nothing local is dropped.
      if (table.name === AUDIT_TABLE) {
        await restoreAuditTable(db, backup.data[table.name] ?? [], backup.meta);
        onProgress?.(++done, tables.length, table.name);
        continue;
      }
      await table.clear();
      const rows = backup.data[table.name] ?? [];
      if (rows.length) await table.bulkAdd(rows);
      onProgress?.(++done, tables.length, table.name);
    }
  });
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
