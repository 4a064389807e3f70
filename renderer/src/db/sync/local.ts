// The app's own replica (PouchDB, default idb adapter, version pinned) and the hooks of the
// sync screen. PouchDB is loaded only when the screen is used.
import { useLiveQuery } from 'dexie-react-hooks';
import { db as appDb, type AppDb } from '../schema';
import { conflictsTable, outboxTable, resolveConflict } from './bridge';
import { exportExchange, importExchange } from './exchange';
import type { PouchLike } from './pouch';
import { partners } from './state';

let replica: Promise<PouchLike> | null = null;

/** The local replica beside the Dexie database `db` (one per profile). */
export function localReplica(db: AppDb = appDb): Promise<PouchLike> {
  replica ??= import('pouchdb-browser').then((m) => {
    const PouchDB = m.default as unknown as new (name: string) => PouchLike;
    return new PouchDB(`${db.name}-sync`);
  });
  return replica;
}

export const exportForPartner = async (partnerId: string | null) =>
  exportExchange(appDb, await localReplica(), partnerId);
export const importPartnerFile = async (bytes: Uint8Array) =>
  importExchange(appDb, await localReplica(), bytes);
export const decideConflict = async (key: string, keepRev: string) =>
  resolveConflict(appDb, await localReplica(), key, keepRev);

export const useSyncOverview = () =>
  useLiveQuery(async () => ({
    partners: await partners(appDb),
    waiting: await outboxTable(appDb).count(),
    conflicts: await conflictsTable(appDb).toArray(),
  }));
