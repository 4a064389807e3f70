// Which tables travel between laptops (docs/sync.md) and how a record is named there.
//
// A synced record is one PouchDB/CouchDB document "<table>:<id>". Settings (the user's name,
// backup reminders, the logo) and the audit trail (a hash chain of THIS laptop's history)
// stay local, and so do the sync bookkeeping tables themselves.

/** Tables whose records are replicated, in the order a batch is applied (parents first). */
export const SYNCED_TABLES = [
  'organizations',
  'people',
  'bodies',
  'memberships',
  'meetings',
  'attendance',
  'agendaItems',
  'resolutions',
  'tasks',
  'amendments',
  'agendaTemplates',
  'polls',
  'ballots',
  'plans',
  'planItems',
  'monitoring',
  'evaluationComments',
] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

const SYNCED: ReadonlySet<string> = new Set(SYNCED_TABLES);
export const isSyncedTable = (t: string): t is SyncedTable => SYNCED.has(t);

/**
 * Bookkeeping of sync on this laptop: never in backups and never replicated (a restored or a
 * new laptop starts its own, see docs/sync.md "What stays local").
 */
export const LOCAL_TABLES: ReadonlySet<string> = new Set([
  'outbox',
  'syncRevs',
  'syncState',
  'syncConflicts',
]);

/** "meetings:3f2c…" */
export const docId = (table: string, id: string): string => `${table}:${id}`;

/** The table and record id of a document id; null for anything that is not one of ours. */
export function parseDocId(id: string): { table: SyncedTable; id: string } | null {
  const at = id.indexOf(':');
  if (at <= 0) return null;
  const table = id.slice(0, at);
  const rest = id.slice(at + 1);
  if (!isSyncedTable(table) || !rest) return null;
  return { table, id: rest };
}
