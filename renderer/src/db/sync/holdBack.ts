// The outbox entries the bridge may push now: everything except what a secret poll that is
// still open holds back (shared/sync/holdBack.ts, docs/sync.md). Read in one transaction with
// the polls and ballots, so a ballot written meanwhile cannot slip through.
import { isHeldBack, isOpenSecretPoll } from '@shared/sync/holdBack';
import type { OutboxEntry } from './outbox';
import type { AppDb } from '../schema';

const outbox = (db: AppDb) => db.table<OutboxEntry, string>('outbox');

/** Up to `limit` entries, oldest first, without the held-back ones. */
export async function nextOutboxBatch(db: AppDb, limit: number): Promise<OutboxEntry[]> {
  return db.transaction('r', [outbox(db), db.polls, db.ballots], async () => {
    const open = (await db.polls.where('status').equals('open').toArray()).filter(isOpenSecretPoll);
    if (!open.length) return outbox(db).orderBy('at').limit(limit).toArray();
    const held = await heldKeys(db, new Set(open.map((p) => p.id)));
    return outbox(db)
      .orderBy('at')
      .filter((e) => !held.has(e.key))
      .limit(limit)
      .toArray();
  });
}

/** Keys of the outbox entries held back while these secret polls are open. */
export async function heldKeys(db: AppDb, openSecret: ReadonlySet<string>): Promise<Set<string>> {
  const entries = await outbox(db)
    .filter((e) => e.table === 'ballots' || e.table === 'polls')
    .toArray();
  const ballotIds = entries.filter((e) => e.table === 'ballots').map((e) => e.id);
  const ballots = await db.ballots.bulkGet(ballotIds);
  const pollOf = new Map(ballotIds.map((id, i) => [id, ballots[i]?.pollId]));
  return new Set(
    entries.filter((e) => isHeldBack(e, openSecret, (id) => pollOf.get(id))).map((e) => e.key),
  );
}

/** How many outbox entries wait for a secret poll to close (shown on the sync screen). */
export async function heldBackCount(db: AppDb): Promise<number> {
  return db.transaction('r', [outbox(db), db.polls, db.ballots], async () => {
    const open = (await db.polls.where('status').equals('open').toArray()).filter(isOpenSecretPoll);
    return open.length ? (await heldKeys(db, new Set(open.map((p) => p.id)))).size : 0;
  });
}
