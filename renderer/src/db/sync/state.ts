// Sync bookkeeping of this laptop, in the local `syncState` table (never in backups, never
// replicated): who this laptop is, how far the local replica has been applied, the partners.
import { newId } from '../clock';
import type { AppDb } from '../schema';
import { USER_NAME_KEY } from '../safety/auditLog';
import type { Seq } from './pouch';

export interface SyncNode {
  id: string;
  name: string;
}

export interface Partner {
  id: string;
  name: string;
  /** The partner's own sequence up to which its files have been imported here. */
  theirSeq: number;
  /** This laptop's sequence up to which the partner confirmed it has our changes. */
  acked: number;
  lastImportAt?: string;
  lastExportAt?: string;
}

export const stateTable = (db: AppDb) =>
  db.table<{ key: string; value: unknown }, string>('syncState');

export async function readState<T>(db: AppDb, key: string): Promise<T | undefined> {
  return (await stateTable(db).get(key))?.value as T | undefined;
}

export async function writeState(db: AppDb, key: string, value: unknown): Promise<void> {
  await stateTable(db).put({ key, value });
}

/** This laptop in sync: a stable id, named after the user (the audit's name) when known. */
export async function thisNode(db: AppDb): Promise<SyncNode> {
  return db.transaction('rw', [stateTable(db), db.settings], async () => {
    const stored = await readState<{ id: string }>(db, 'node');
    const id = stored?.id ?? newId();
    if (!stored) await writeState(db, 'node', { id });
    const user = (await db.settings.get(USER_NAME_KEY))?.value;
    return { id, name: typeof user === 'string' && user ? user : `Triáda ${id.slice(0, 4)}` };
  });
}

export const APPLIED_SEQ = 'appliedSeq';
export const appliedSeq = async (db: AppDb): Promise<Seq> =>
  (await readState<Seq>(db, APPLIED_SEQ)) ?? 0;

const partnerKey = (id: string) => `partner:${id}`;

export async function partners(db: AppDb): Promise<Partner[]> {
  const rows = await stateTable(db).where('key').startsWith('partner:').toArray();
  return rows.map((r) => r.value as Partner).sort((a, b) => a.name.localeCompare(b.name, 'cs'));
}

export const partner = (db: AppDb, id: string) => readState<Partner>(db, partnerKey(id));

export async function savePartner(db: AppDb, p: Partner): Promise<void> {
  await writeState(db, partnerKey(p.id), p);
}
