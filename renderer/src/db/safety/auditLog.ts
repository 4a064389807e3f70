// Reading the audit trail and the user's name for it. The seal of approved minutes: seal.ts.
import { useLiveQuery } from 'dexie-react-hooks';
import { compareAudit, setAuditUser, type AuditEntry } from './audit';
import { DomainError } from '../errors';
import { db as appDb, type AppDb } from '../schema';

export const USER_NAME_KEY = 'userName';

const auditTable = (db: AppDb) => db.table<AuditEntry, string>('audit');

/** History of one record, newest first. */
export async function auditFor(db: AppDb, table: string, recordId: string): Promise<AuditEntry[]> {
  const rows = await auditTable(db).where('recordId').equals(recordId).toArray();
  return rows.filter((e) => e.table === table).sort((a, b) => compareAudit(b, a));
}

export const useAuditLog = (table: string, recordId: string | undefined) =>
  useLiveQuery(async () => (recordId ? auditFor(appDb, table, recordId) : []), [table, recordId]);

/** The newest entries of the whole trail (the "Záloha a data" page), newest first. */
export async function recentAudit(db: AppDb, limit = 200): Promise<AuditEntry[]> {
  return auditTable(db).orderBy('at').reverse().limit(limit).toArray();
}

export const useRecentAudit = (limit = 200) =>
  useLiveQuery(() => recentAudit(appDb, limit), [limit]);

/** Loads the user's name into the audit at start-up; returns it (undefined: not asked yet). */
export async function loadUserName(db: AppDb): Promise<string | undefined> {
  const value = (await db.settings.get(USER_NAME_KEY))?.value;
  const name = typeof value === 'string' && value.trim() ? value.trim() : undefined;
  setAuditUser(db, name);
  return name;
}

export async function saveUserName(db: AppDb, name: string): Promise<void> {
  const trimmed = name.trim();
  if (!trimmed) throw new DomainError('errors.required');
  if (trimmed.length > 120) throw new DomainError('errors.tooLong');
  await db.settings.put({ key: USER_NAME_KEY, value: trimmed });
  setAuditUser(db, trimmed);
}

/** The user's name: `undefined` while loading, `{ name: undefined }` when not asked yet. */
export const useUserName = () =>
  useLiveQuery(async () => {
    const value = (await appDb.settings.get(USER_NAME_KEY))?.value;
    return { name: typeof value === 'string' && value ? value : undefined };
  });
