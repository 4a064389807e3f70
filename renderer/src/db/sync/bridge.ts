// The bridge between Dexie (the app's store) and the local PouchDB replica (docs/sync.md).
//
// push: every outbox entry becomes a new revision of the document "<table>:<id>", a child of
//   the revision the record was last read from (syncRevs), so a local edit made while another
//   laptop's edit arrived becomes a second version (a conflict), never a silent overwrite.
// apply: documents changed in the replica (imported, replicated) are written back into Dexie in
//   one transaction per batch, marked as coming from sync (not sent back, audited as "from …"):
//   the winning version, validated with the restore's record schemas; a document that fails is
//   refused and listed, never half-written. Remaining conflicts are listed for review.
import Dexie from 'dexie';
import { canonicalJson, decodeBytes, encodeBytes, type BackupIssue } from '@shared/backup';
import {
  mergeVersions,
  nextRevision,
  reviewableVersions,
  winningRev,
  type ConflictVersion,
  type Rec,
  type SyncDoc,
} from '@shared/sync/rules';
import { scopeOf } from '@shared/sync/scope';
import { parseDocId, SYNCED_TABLES, type SyncedTable } from '@shared/sync/tables';
import { recordIssue } from '@shared/sync/validate';
import { setAuditOrigin } from '../safety/audit';
import { nowIso } from '../clock';
import { markFromSync, RESTORED_KEY, type OutboxEntry } from './outbox';
import type { AppDb } from '../schema';
import { nextOutboxBatch } from './holdBack';
import { type PouchChange, type PouchDoc, type PouchLike, type Seq } from './pouch';
import { appliedSeq, APPLIED_SEQ, readState, stateTable, writeState } from './state';

export interface SyncConflict {
  key: string;
  table: SyncedTable;
  recordId: string;
  /** edit: two live versions; editDelete: edited here, deleted there (the edit wins); refused: invalid. */
  kind: 'edit' | 'editDelete' | 'refused';
  winnerRev: string;
  /** The version the app shows (for refused: the version that was refused). */
  winner?: Rec;
  versions: ConflictVersion[];
  problem?: BackupIssue;
  at: string;
}

export interface ApplyResult {
  applied: number;
  deleted: number;
  refused: number;
  /** Documents left for the next round: the record has a local change not yet pushed. */
  waiting: number;
}

const BATCH = 200;
/**
 * Documents applied per transaction: each batch (validation, conflict rules, writes, the audit's
 * hash chain) runs on the main thread between yields; 200 held it up to 763 ms on a first sync
 * of a ten-year region (docs/performance.md), a quarter of that keeps each slice short.
 */
const APPLY_BATCH = 50;
const BOOTSTRAPPED = 'bootstrapped';

/** Awaited between batches: live sync yields to the UI there (sync/live.ts). */
let betweenBatches: () => Promise<void> = () => Promise.resolve();
export function setBatchYield(fn: () => Promise<void>): void {
  betweenBatches = fn;
}

export const outboxTable = (db: AppDb) => db.table<OutboxEntry, string>('outbox');
export const revsTable = (db: AppDb) => db.table<{ key: string; rev: string }, string>('syncRevs');
export const conflictsTable = (db: AppDb) => db.table<SyncConflict, string>('syncConflicts');
const syncedTables = (db: AppDb) => SYNCED_TABLES.map((t) => db.table(t));

/** JSON as the replica stores it: bytes encoded, undefined fields gone. */
const asJson = (r: unknown): Rec => JSON.parse(JSON.stringify(encodeBytes(r))) as Rec;
const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/**
 * The first sync of this laptop, or the first after a restore: every record goes to the outbox
 * (pushed as versions of its own, or matched to an identical replicated version), and after a
 * restore the replica is applied again from the start (records the backup lacks come back,
 * records that differ become conflicts to review). A restore is local: it deletes nothing elsewhere.
 */
async function bootstrap(db: AppDb): Promise<void> {
  const [done, restored] = await Promise.all([
    readState<boolean>(db, BOOTSTRAPPED),
    readState<boolean>(db, RESTORED_KEY),
  ]);
  if (done && !restored) return;
  const tables = [outboxTable(db), revsTable(db), stateTable(db), ...syncedTables(db)];
  await db.transaction('rw', tables, async () => {
    markFromSync(Dexie.currentTransaction);
    await outboxTable(db).clear();
    if (restored) {
      await revsTable(db).clear();
      await writeState(db, APPLIED_SEQ, 0);
    }
    const at = nowIso();
    for (const t of SYNCED_TABLES) {
      const ids = (await db.table(t).toCollection().primaryKeys()) as string[];
      await outboxTable(db).bulkPut(
        ids.map((id) => ({ key: `${t}:${id}`, table: t, id, op: 'put', at, v: 'bootstrap' })),
      );
    }
    await writeState(db, BOOTSTRAPPED, true);
    await stateTable(db).delete(RESTORED_KEY);
  });
}

/** Moves every outbox entry into the replica as a new revision. Returns the number written. */
export async function pushOutbox(db: AppDb, pouch: PouchLike): Promise<number> {
  await bootstrap(db);
  let written = 0;
  for (;;) {
    // Without what an open secret poll holds back (sync/holdBack.ts).
    const batch = await nextOutboxBatch(db, BATCH);
    if (!batch.length) return written;
    written += await pushBatch(db, pouch, batch);
    await betweenBatches();
  }
}

async function bodyLookup(db: AppDb, records: Rec[]) {
  const ids = (f: string) => [
    ...new Set(records.map((r) => r[f]).filter((v): v is string => typeof v === 'string')),
  ];
  const [meetings, polls] = await Promise.all([
    db.meetings.bulkGet(ids('meetingId')),
    db.polls.bulkGet(ids('pollId')),
  ]);
  const meetingBody = new Map(meetings.filter((m) => !!m).map((m) => [m.id, m.bodyId]));
  const pollBody = new Map(polls.filter((p) => !!p).map((p) => [p.id, p.bodyId]));
  return {
    meetingBody: (id: string) => meetingBody.get(id),
    pollBody: (id: string) => pollBody.get(id),
  };
}

async function docsAt(pouch: PouchLike, refs: { id: string; rev?: string }[]) {
  const out = new Map<string, PouchDoc>();
  if (!refs.length) return out;
  const res = await pouch.bulkGet({ docs: refs, revs: true });
  for (const r of res.results)
    for (const d of r.docs) if ('ok' in d) out.set(r.id, d.ok as PouchDoc);
  return out;
}

/**
 * The live winning version of each document, in one read (allDocs by keys); PouchDB's bulkGet
 * reads one document at a time, six at once, which made a first push of a region crawl.
 */
async function winnersOf(pouch: PouchLike, ids: string[]) {
  const out = new Map<string, PouchDoc>();
  if (!ids.length) return out;
  const res = await pouch.allDocs({ keys: ids, include_docs: true });
  for (const row of res.rows) if (row.doc) out.set(row.doc._id, row.doc);
  return out;
}

async function pushBatch(db: AppDb, pouch: PouchLike, batch: OutboxEntry[]): Promise<number> {
  const records = new Map<string, Rec | undefined>();
  for (const t of new Set(batch.map((e) => e.table))) {
    const entries = batch.filter((e) => e.table === t);
    const rows = await db.table(t).bulkGet(entries.map((e) => e.id));
    entries.forEach((e, i) => records.set(e.key, rows[i] ? asJson(rows[i]) : undefined));
  }
  const bases = new Map(
    (await revsTable(db).bulkGet(batch.map((e) => e.key))).map((r, i) => [batch[i]!.key, r?.rev]),
  );
  const lookup = await bodyLookup(
    db,
    [...records.values()].filter((r): r is Rec => !!r),
  );
  const baseDocs = await docsAt(
    pouch,
    batch.filter((e) => bases.get(e.key)).map((e) => ({ id: e.key, rev: bases.get(e.key)! })),
  );
  const winners = await winnersOf(
    pouch,
    batch.filter((e) => !baseDocs.has(e.key)).map((e) => e.key),
  );

  const docs: SyncDoc[] = [];
  const newRevs: { key: string; rev: string }[] = [];
  const reapply: string[] = [];
  for (const e of batch) {
    const rec = records.get(e.key);
    const table = e.table as SyncedTable;
    const base = baseDocs.get(e.key);
    let parent: { rev: string; ids: string[] } | null = null;
    if (base) {
      const unchanged = rec ? !base._deleted && same(base.data, rec) : !!base._deleted;
      if (unchanged) {
        reapply.push(e.key);
        continue;
      }
      parent = { rev: base._rev, ids: base._revisions?.ids ?? [] };
    } else {
      if (!rec) continue; // created and deleted before it ever travelled
      const w = winners.get(e.key);
      if (w && !w._deleted && same(w.data, rec)) {
        newRevs.push({ key: e.key, rev: w._rev });
        continue;
      }
    }
    const next = nextRevision(parent, rec ? { deleted: false, data: rec } : { deleted: true });
    const scope = rec ? scopeOf(table, rec, lookup) : (base?.scope ?? 'region');
    docs.push({
      _id: e.key,
      _rev: next.rev,
      _revisions: next.revisions,
      table,
      scope,
      ...(rec ? { data: rec } : { _deleted: true }),
    });
    newRevs.push({ key: e.key, rev: next.rev });
  }
  if (docs.length) await pouch.bulkDocs(docs, { new_edits: false });
  await db.transaction('rw', [outboxTable(db), revsTable(db)], async () => {
    const current = await outboxTable(db).bulkGet(batch.map((e) => e.key));
    const done = batch.filter((e, i) => current[i]?.v === e.v).map((e) => e.key);
    await outboxTable(db).bulkDelete(done);
    await revsTable(db).bulkPut(newRevs);
  });
  // A record changed and changed back while another version arrived: show the winner now.
  if (reapply.length) await applyKeys(db, pouch, reapply, null);
  return docs.length;
}

interface Fetched {
  key: string;
  table: SyncedTable;
  recordId: string;
  /** null: every version is deleted (`deletedRev` is the winning tombstone). */
  winner: PouchDoc | null;
  deletedRev?: string;
  /** The other live versions, and the revisions of deleted ones. */
  losers: PouchDoc[];
  deletedLosers: string[];
}

/** Every version of a document (open_revs=all: PouchDB's get does not list deleted ones). */
async function fetchDoc(pouch: PouchLike, key: string): Promise<Fetched | null> {
  const parsed = parseDocId(key);
  if (!parsed) return null;
  const leaves = (await pouch.get(key, { open_revs: 'all', revs: true })).flatMap((l) =>
    'ok' in l ? [l.ok] : [],
  );
  const rev = winningRev(leaves.map((d) => ({ rev: d._rev, deleted: !!d._deleted })));
  const winner = leaves.find((d) => d._rev === rev);
  if (!winner) return null;
  const base = { key, table: parsed.table, recordId: parsed.id };
  if (winner._deleted)
    return { ...base, winner: null, deletedRev: winner._rev, losers: [], deletedLosers: [] };
  const others = leaves.filter((d) => d !== winner);
  return {
    ...base,
    winner,
    losers: others.filter((d) => !d._deleted),
    deletedLosers: others.filter((d) => d._deleted).map((d) => d._rev),
  };
}

/** Applies the replica's changes since the last apply to Dexie; `from` names who sent them. */
export async function applyIncoming(
  db: AppDb,
  pouch: PouchLike,
  from: string | null,
): Promise<ApplyResult> {
  const total: ApplyResult = { applied: 0, deleted: 0, refused: 0, waiting: 0 };
  let since: Seq = await appliedSeq(db);
  for (;;) {
    const ch = await pouch.changes({
      since,
      style: 'all_docs',
      limit: APPLY_BATCH,
      return_docs: true,
      include_docs: true,
    });
    if (!ch.results.length) break;
    const r = await applyKeys(
      db,
      pouch,
      ch.results.map((c) => c.id),
      from,
      ch.last_seq,
      singleLeafDocs(ch.results),
    );
    for (const k of Object.keys(total) as (keyof ApplyResult)[]) total[k] += r[k];
    since = ch.last_seq;
    await betweenBatches();
  }
  return total;
}

/** Writes the current state of these documents into Dexie, in one transaction. */
export async function applyKeys(
  db: AppDb,
  pouch: PouchLike,
  keys: readonly string[],
  from: string | null,
  seqAfter?: Seq,
  known?: ReadonlyMap<string, Fetched>,
): Promise<ApplyResult> {
  const unique = [...new Set(keys)];
  const fetched = (
    await Promise.all(unique.map((k) => known?.get(k) ?? fetchDoc(pouch, k)))
  ).filter((f): f is Fetched => !!f);
  const tables = [
    ...syncedTables(db),
    outboxTable(db),
    revsTable(db),
    conflictsTable(db),
    stateTable(db),
  ];
  return db.transaction('rw', tables, async () => {
    const tx = Dexie.currentTransaction;
    markFromSync(tx);
    if (from) setAuditOrigin(tx, from);
    const result = await writeFetched(db, fetched);
    if (seqAfter !== undefined) await writeState(db, APPLIED_SEQ, seqAfter);
    return result;
  });
}

/**
 * Documents of a changes page (style all_docs, include_docs) that have a single leaf: the
 * included document is the whole story (no conflicts), so it needs no read of its own.
 */
function singleLeafDocs(results: readonly PouchChange[]): Map<string, Fetched> {
  const out = new Map<string, Fetched>();
  for (const c of results) {
    const doc = c.doc;
    const parsed = parseDocId(c.id);
    if (!doc || !parsed || c.changes.length !== 1 || c.changes[0]!.rev !== doc._rev) continue;
    const base = {
      key: c.id,
      table: parsed.table,
      recordId: parsed.id,
      losers: [],
      deletedLosers: [],
    };
    out.set(
      c.id,
      doc._deleted ? { ...base, winner: null, deletedRev: doc._rev } : { ...base, winner: doc },
    );
  }
  return out;
}

/**
 * The batch's writes inside the caller's transaction: reads first (outbox, current records,
 * attendance twins), then one bulk write per table, so a first sync of thousands of records
 * costs a few requests per batch and one audit append per table, not several round trips
 * per record.
 */
async function writeFetched(db: AppDb, fetched: readonly Fetched[]): Promise<ApplyResult> {
  const result: ApplyResult = { applied: 0, deleted: 0, refused: 0, waiting: 0 };
  const keys = fetched.map((f) => f.key);
  const [queued, known, listed] = await Promise.all([
    outboxTable(db).bulkGet(keys),
    revsTable(db).bulkGet(keys),
    conflictsTable(db).bulkGet(keys),
  ]);
  result.waiting = queued.filter((e) => !!e).length;
  // Also left out: documents whose only version is the revision this laptop already holds
  // (e.g. its own push coming back in the same round): nothing to validate, compare or write.
  const todo = fetched.filter(
    (f, i) => !queued[i] && !(known[i] && !listed[i] && onlyVersion(f) === known[i]!.rev),
  );
  const current = new Map<string, Rec | undefined>();
  for (const t of new Set(todo.map((f) => f.table))) {
    const of = todo.filter((f) => f.table === t);
    const rows = await db.table(t).bulkGet(of.map((f) => f.recordId));
    of.forEach((f, i) => current.set(f.key, rows[i] as Rec | undefined));
  }
  const twins = await attendanceTwins(db, todo, current);

  const puts = new Map<SyncedTable, Rec[]>();
  const deletes = new Map<SyncedTable, string[]>();
  const add = <T>(m: Map<SyncedTable, T[]>, t: SyncedTable, v: T) => {
    const list = m.get(t);
    if (list) list.push(v);
    else m.set(t, [v]);
  };
  const revs: { key: string; rev: string }[] = [];
  const conflictPuts: SyncConflict[] = [];
  const conflictDeletes: string[] = [];
  const refuse = (f: Fetched, rev: string, winner: Rec, problem: BackupIssue) => {
    conflictPuts.push({
      key: f.key,
      table: f.table,
      recordId: f.recordId,
      kind: 'refused',
      winnerRev: rev,
      winner,
      versions: [],
      problem,
      at: nowIso(),
    });
    result.refused++;
  };
  for (const f of todo) {
    const before = current.get(f.key);
    if (!f.winner) {
      if (before) {
        add(deletes, f.table, f.recordId);
        twins?.release(f.recordId, before);
        result.deleted++;
      }
      revs.push({ key: f.key, rev: f.deletedRev! });
      conflictDeletes.push(f.key);
      continue;
    }
    const winner = f.winner;
    const data = (winner.data ?? {}) as Rec;
    const merged = mergeVersions(
      f.table,
      data,
      f.losers.map((l) => (l.data ?? {}) as Rec),
    );
    const problem =
      merged.id !== f.recordId
        ? recordIssue(f.table, { ...merged, id: undefined })
        : recordIssue(f.table, merged);
    if (problem) {
      refuse(f, winner._rev, data, problem);
      continue;
    }
    if (!before || !same(asJson(before), merged)) {
      if (f.table === 'attendance' && twins && !twins.claim(merged, before)) {
        refuse(f, winner._rev, data, {
          code: 'safety.errors.duplicateId',
          params: { table: f.table, id: f.recordId },
        });
        continue;
      }
      add(puts, f.table, decodeBytes(merged));
      result.applied++;
    }
    revs.push({ key: f.key, rev: winner._rev });
    const versions = reviewableVersions(
      { rev: winner._rev, data, dismissed: winner.dismissed },
      f.losers.map((l) => ({ rev: l._rev, data: (l.data ?? {}) as Rec })),
      f.deletedLosers,
    );
    if (!versions.length) conflictDeletes.push(f.key);
    else
      conflictPuts.push({
        key: f.key,
        table: f.table,
        recordId: f.recordId,
        kind: versions.every((v) => v.deleted) ? 'editDelete' : 'edit',
        winnerRev: winner._rev,
        winner: merged,
        versions,
        at: nowIso(),
      });
  }
  // Deletions first: they only free attendance's (meeting, person) pairs the puts may take.
  for (const [t, ids] of deletes) await db.table(t).bulkDelete(ids);
  for (const t of SYNCED_TABLES) {
    const rows = puts.get(t);
    if (rows) await db.table(t).bulkPut(rows);
  }
  if (revs.length) await revsTable(db).bulkPut(revs);
  if (conflictDeletes.length) await conflictsTable(db).bulkDelete(conflictDeletes);
  if (conflictPuts.length) await conflictsTable(db).bulkPut(conflictPuts);
  return result;
}

/** The revision of a document with no other version (live or deleted), else null. */
const onlyVersion = (f: Fetched): string | null =>
  !f.winner
    ? (f.deletedRev ?? null)
    : f.losers.length || f.deletedLosers.length
      ? null
      : f.winner._rev;

const pairOf = (r: Rec) => `${String(r.meetingId)}\u0000${String(r.personId)}`;

/**
 * Attendance is unique per meeting and person: a record under another id there is refused.
 * The pairs this batch touches, read once, then kept up to date as the batch is decided in
 * order, so the outcome is the one record-by-record writes would have.
 */
async function attendanceTwins(
  db: AppDb,
  todo: readonly Fetched[],
  current: ReadonlyMap<string, Rec | undefined>,
) {
  const recs = todo.filter((f) => f.table === 'attendance' && f.winner);
  if (!recs.length) return null;
  const wanted = recs.map((f) => (f.winner!.data ?? {}) as Rec);
  const found = await db.attendance
    .where('[meetingId+personId]')
    .anyOf(wanted.map((r) => [String(r.meetingId), String(r.personId)]))
    .toArray();
  const holder = new Map<string, string>(found.map((a) => [pairOf(a as unknown as Rec), a.id]));
  for (const f of todo) {
    const c = current.get(f.key);
    if (f.table === 'attendance' && c) holder.set(pairOf(c), f.recordId);
  }
  return {
    /** The record takes its pair (and leaves its old one); false: another record holds it. */
    claim(rec: Rec, before: Rec | undefined): boolean {
      const h = holder.get(pairOf(rec));
      if (h !== undefined && h !== rec.id) return false;
      if (before && holder.get(pairOf(before)) === rec.id) holder.delete(pairOf(before));
      holder.set(pairOf(rec), String(rec.id));
      return true;
    },
    release(id: string, before: Rec): void {
      if (holder.get(pairOf(before)) === id) holder.delete(pairOf(before));
    },
  };
}

/**
 * A person's decision on a conflict: `keepRev` is the version to keep (a deleted version: the
 * record is deleted). Every other version ends as a child revision, so the decision travels
 * and every laptop ends with the same single version. Lists merged by rule stay merged.
 */
export async function resolveConflict(
  db: AppDb,
  pouch: PouchLike,
  key: string,
  keepRev: string,
): Promise<void> {
  const f = await fetchDoc(pouch, key);
  if (!f?.winner) return;
  const winner = f.winner;
  const live = [winner, ...f.losers];
  const keep = live.find((d) => d._rev === keepRev) ?? (await pouch.get(key, { rev: keepRev }));
  const child = (d: PouchDoc, content: { deleted: boolean; data?: Rec; dismissed?: string[] }) => {
    const next = nextRevision({ rev: d._rev, ids: d._revisions?.ids ?? [] }, content);
    return {
      _id: key,
      _rev: next.rev,
      _revisions: next.revisions,
      table: f.table,
      scope: d.scope,
      ...(content.deleted ? { _deleted: true as const } : { data: content.data }),
      ...(content.dismissed?.length ? { dismissed: content.dismissed } : {}),
    };
  };
  const docs: object[] = [];
  if (keep._deleted) {
    for (const d of live) docs.push(child(d, { deleted: true }));
  } else {
    const rest = live.filter((d) => d._rev !== keep._rev).map((d) => (d.data ?? {}) as Rec);
    const data = mergeVersions(f.table, (keep.data ?? {}) as Rec, rest);
    // The losing versions end as tombstones; those, and the deletions already there, are
    // reviewed: the new version lists them so no laptop shows them as edit-versus-delete.
    const ended = f.losers.map((d) => child(d, { deleted: true }));
    const dismissed = [
      ...new Set([...(winner.dismissed ?? []), ...f.deletedLosers, ...ended.map((d) => d._rev)]),
    ].sort();
    docs.push(child(winner, { deleted: false, data, dismissed }), ...ended);
  }
  await pouch.bulkDocs(docs, { new_edits: false });
  await applyKeys(db, pouch, [key], null);
}
