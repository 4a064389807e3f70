// Sync with the region's CouchDB 3 server (docs/sync.md): one database for the region's shared
// records and one per body; this laptop replicates the region and the bodies it works in, both
// ways, then applies what arrived. CouchDB's database members are the permission boundary; the
// scope filter only routes documents to the right database.
import { REGION_SCOPE, bodyScope } from '@shared/sync/scope';
import type { SyncDoc } from '@shared/sync/rules';
import type { AppDb } from '../schema';
import { applyIncoming, pushOutbox, type ApplyResult } from './bridge';
import type { PouchLike, ReplicationResult, Seq } from './pouch';

/** CouchDB names: lower case, starting with a letter. */
export const REGION_DATABASE = 'triada-region';
export const bodyDatabase = (bodyId: string): string =>
  `triada-body-${bodyId.toLowerCase().replace(/[^a-z0-9_$()+/-]/g, '-')}`;

export interface SyncProgress {
  database: string;
  done: number;
  total: number;
}

/** Live sync's view into a round (sync/live.ts): documents read so far, and cancelling. */
export interface RoundHooks {
  /** `read`: documents received in this round; `total`: documents in the databases seen so far. */
  onDocs?(read: number, total: number): void;
  /**
   * A database's update_seq after this laptop's push and before the pull: a later change by
   * anyone else has a greater one (live sync's idle check compares against it).
   */
  onSeq?(database: string, seq: Seq): void;
  /** Each replication as it starts (it can be cancelled); the returned function untracks it. */
  track?(replication: { cancel?(): void }): () => void;
}

/** PouchDB's replication is a promise and an event emitter; PouchLike types only the promise. */
type Emitting = Promise<ReplicationResult> & {
  on?(event: 'change', listener: (info: { docs_read?: number }) => void): unknown;
  cancel?(): void;
};

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
  hooks: RoundHooks = {},
): Promise<SyncRoundResult> {
  const pushed = await pushOutbox(db, pouch);
  let pulled = 0;
  // Per database: the replica's seq right after its push, and the documents pulled since then.
  const afterPush = new Map<string, { seq: number; pulled: number; scope: string }>();
  let read = 0;
  let total = 0;
  const run = async (rep: Emitting, onRead?: (n: number) => void) => {
    const untrack = hooks.track?.(rep);
    if (onRead) rep.on?.('change', (info) => onRead(info.docs_read ?? 0));
    try {
      return await rep;
    } finally {
      untrack?.();
    }
  };
  const both = async (name: string, scope: string) => {
    const remote = open(name);
    try {
      if (hooks.onDocs) {
        total += (await remote.info()).doc_count;
        hooks.onDocs(read, total);
      }
      await run(pouch.replicate.to(remote, { filter: scopeFilter(scope) }) as Emitting);
      afterPush.set(name, { seq: Number((await pouch.info()).update_seq), pulled, scope });
      if (hooks.onSeq) hooks.onSeq(name, (await remote.info()).update_seq);
      const before = read;
      const down: ReplicationResult = await run(
        pouch.replicate.from(remote, PULL_PAGES) as Emitting,
        (n) => hooks.onDocs?.((read = before + n), total),
      );
      read = before + down.docs_read;
      hooks.onDocs?.(read, total);
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
  await skipPulled(pouch, open, afterPush, pulled);
  const applied = await applyIncoming(db, pouch, serverName);
  for (const k of Object.keys(applied) as (keyof ApplyResult)[]) applied[k] += first[k];
  return { ...applied, pushed, pulled, databases: names };
}

/** Smaller pull pages than PouchDB's 100: each page's write is one main-thread task. */
const PULL_PAGES = { batch_size: 50, batches_limit: 4 };

/** One function text for every push: PouchDB's replication id (its checkpoint) includes it. */
const scopeFilter =
  (scope: string) =>
  (doc: SyncDoc): boolean =>
    doc.scope === scope;

/**
 * Documents pulled from the server are on the server: without this, the next round's push to
 * each database read every document pulled since its checkpoint (a new laptop's first
 * incremental round took minutes, docs/performance.md). When the only writes to the replica
 * since a database's push were this round's pulls (its seq moved by exactly the documents
 * written), that push's checkpoint moves to the end of the round; PouchDB writes the checkpoint
 * given as `since` and then finds nothing after it. Any other write (a conflict resolved
 * meanwhile) leaves the checkpoint where replication put it.
 */
async function skipPulled(
  pouch: PouchLike,
  open: (database: string) => PouchLike,
  afterPush: ReadonlyMap<string, { seq: number; pulled: number; scope: string }>,
  pulled: number,
): Promise<void> {
  const end = Number((await pouch.info()).update_seq);
  if (!Number.isFinite(end)) return;
  for (const [name, at] of afterPush) {
    if (end === at.seq || end - at.seq !== pulled - at.pulled) continue;
    const remote = open(name);
    try {
      await pouch.replicate.to(remote, { filter: scopeFilter(at.scope), since: end });
    } finally {
      await remote.close();
    }
  }
}
