// Sync with the region's CouchDB 3 server (docs/sync.md): one database for the region's shared
// records and one per body; this laptop replicates the region and the bodies it works in, both
// ways, then applies what arrived. CouchDB's database members are the permission boundary; the
// scope filter only routes documents to the right database.
import { REGION_SCOPE, bodyScope } from '@shared/sync/scope';
import type { SyncDoc } from '@shared/sync/rules';
import type { AppDb } from '../schema';
import { applyIncoming, pushOutbox, type ApplyResult } from './bridge';
import type { PouchLike, ReplicationResult } from './pouch';

/** CouchDB names: lower case, starting with a letter. */
export const REGION_DATABASE = 'triada-region';
export const bodyDatabase = (bodyId: string): string =>
  `triada-body-${bodyId.toLowerCase().replace(/[^a-z0-9_$()+/-]/g, '-')}`;

export interface SyncProgress {
  database: string;
  done: number;
  total: number;
}

export interface SyncRoundResult extends ApplyResult {
  pushed: number;
  pulled: number;
  databases: string[];
}

/**
 * One round: local changes into the replica, then both ways with every database, then apply.
 * `bodies`: the bodies this laptop works in ('all': every body it knows, including bodies that
 * arrive with the region's database in this round).
 */
export async function syncRound(
  db: AppDb,
  pouch: PouchLike,
  open: (database: string) => PouchLike,
  bodies: readonly string[] | 'all',
  serverName: string,
  onProgress?: (p: SyncProgress) => void,
): Promise<SyncRoundResult> {
  const pushed = await pushOutbox(db, pouch);
  let pulled = 0;
  const both = async (name: string, scope: string) => {
    const remote = open(name);
    try {
      const filter = (doc: SyncDoc) => doc.scope === scope;
      await pouch.replicate.to(remote, { filter });
      const down: ReplicationResult = await pouch.replicate.from(remote);
      pulled += down.docs_written;
    } finally {
      await remote.close();
    }
  };
  const names = [REGION_DATABASE];
  await both(REGION_DATABASE, REGION_SCOPE);
  // The region's records first: bodies that arrive now are synced in this round too.
  const first = await applyIncoming(db, pouch, serverName);
  const ids =
    bodies === 'all' ? ((await db.bodies.toCollection().primaryKeys()) as string[]) : bodies;
  let done = 1;
  onProgress?.({ database: REGION_DATABASE, done, total: ids.length + 1 });
  for (const id of ids) {
    const name = bodyDatabase(id);
    names.push(name);
    await both(name, bodyScope(id));
    onProgress?.({ database: name, done: ++done, total: ids.length + 1 });
  }
  const applied = await applyIncoming(db, pouch, serverName);
  for (const k of Object.keys(applied) as (keyof ApplyResult)[]) applied[k] += first[k];
  return { ...applied, pushed, pulled, databases: names };
}
