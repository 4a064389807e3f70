// The audit trail (docs/data-safety.md, "Audit trail"): a Dexie DBCore middleware that writes,
// in the SAME transaction as the change, one `audit` record per created, changed or deleted
// record of the audited tables: {id, table, recordId, op, before, after, at, user}, with only
// the changed fields in before/after.
//
// Append-only and hash-chained: an entry is never rewritten or deleted. Each entry carries
// `prev`, the hash of the entry written before it, `n`, its position, and `hash`, the SHA-256
// of its own canonical JSON, so removing or editing an entry breaks the links after it
// (verifyAuditChain). Typing noise is coalesced BEFORE anything is written: a save that only
// changes a discussion writes no entry; the text since the last recorded value is recorded
// once the writer pauses (DRAFT_PAUSE_MS), with the record's next other change, or when the
// minutes move on (flushDrafts).
//
// Transactions: a middleware cannot add a table to a transaction that was opened without it,
// so `transaction()` is wrapped too and widens every read-write transaction that touches an
// audited table to include `audit`. Repositories need not know about the audit at all.
//
// Secret ballots: voter identity never reaches the audit (ballot fields naming a voter,
// person, ticket or device are dropped from every ballot entry); a ballot's entry is dated
// with the ballot's own createdAt (a secret ballot has none: the poll's opening) and a poll's voter
// list is recorded only as a count. A secret ballot's entry is not a link of the chain either
// (its place in the chain would tell when it was cast): it hangs off the poll's opening entry
// (`side`), and the entry that closes or removes the poll vouches for all of them at once
// (`covers`, sorted hashes).
import Dexie, {
  type DBCore,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type DBCoreRangeType,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
  type Transaction,
} from 'dexie';
import { canonicalJson, sha256HexSync } from '@shared/backup';
import { newId, nowIso } from '../clock';

export const AUDIT_TABLE = 'audit';

// Dexie keeps the running transaction in a "zone" that a native `await` does not always carry
// over; the middlewares below this one (cache, live queries) read it. Every call down is made
// inside the zone captured when the request came in.
interface Zones {
  PSD: object;
  usePSD<T>(zone: object, fn: () => T): T;
}
const zones = Dexie.Promise as unknown as Zones;

export function pinned(down: DBCore): DBCore {
  const zone = zones.PSD;
  return {
    ...down,
    table(name) {
      const t = down.table(name);
      return {
        ...t,
        query: (req) => zones.usePSD(zone, () => t.query(req)),
        mutate: (req) => zones.usePSD(zone, () => t.mutate(req)),
        getMany: (req) => zones.usePSD(zone, () => t.getMany(req)),
      };
    },
  };
}
/** Tables whose every change is recorded. */
export const AUDITED_TABLES: ReadonlySet<string> = new Set([
  'meetings',
  'agendaItems',
  'resolutions',
  'tasks',
  'amendments',
  'polls',
  'ballots',
  'plans',
  'planItems',
  'monitoring',
]);
/** Fields that change on their own (clocks, the live pointer) and say nothing about the record. */
const NOISE: ReadonlySet<string> = new Set([
  'updatedAt',
  'elapsedMs',
  'runningSince',
  'currentItemId',
]);
/** Ballot fields that could identify a voter. */
const IDENTITY = /voter|person|ticket|device|token/i;
/** A pause in typing this long closes a burst of discussion edits: the burst becomes one entry. */
export const DRAFT_PAUSE_MS = 30 * 1000;
/** Date of a secret ballot's entry when its poll's opening was never audited. */
const SECRET_AT = '1970-01-01T00:00:00.000Z';
/** `prev` of the first entry of a chain. */
export const GENESIS = '0'.repeat(64);

export type AuditOp = 'create' | 'update' | 'delete' | 'seal' | 'restore';
export const AUDIT_OPS: readonly AuditOp[] = ['create', 'update', 'delete', 'seal', 'restore'];

export interface AuditEntry {
  id: string;
  table: string;
  recordId: string;
  op: AuditOp;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  at: string;
  user?: string;
  /** Position in the chain (the largest parent's n + 1). Entries written before the chain have none. */
  n?: number;
  /** Hash of the entry before this one (GENESIS for the first). */
  prev?: string;
  /** Further entries this one vouches for: a restored file's last entry, a closed poll's secret ballots. */
  covers?: string[];
  /** A secret ballot: linked to its poll's opening, not to the entry written before it. */
  side?: true;
  /** SHA-256 of the entry's canonical JSON without `hash`. */
  hash?: string;
  /** The change came from another laptop through sync (its name): docs/sync.md. */
  from?: string;
}

const OP_RANK: Record<AuditOp, number> = { create: 0, update: 1, seal: 2, delete: 3, restore: 4 };

/** Oldest first: by time, then chain position; within one millisecond create before update before delete. */
export function compareAudit(a: AuditEntry, b: AuditEntry): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  if (a.n !== undefined && b.n !== undefined && a.n !== b.n) return a.n - b.n;
  return OP_RANK[a.op] - OP_RANK[b.op];
}

/** The hash an entry must carry: SHA-256 of its canonical JSON without the `hash` field. */
export function entryHash(entry: AuditEntry): string {
  const { hash: _h, ...rest } = entry;
  return sha256HexSync(canonicalJson(rest));
}

const users = new WeakMap<object, string>();
const suppressed = new WeakSet<object>();

/** Who is changing data in this database (the `userName` setting, asked once per profile). */
export function setAuditUser(db: object, name: string | undefined): void {
  if (name) users.set(db, name);
  else users.delete(db);
}

export function auditUser(db: object): string | undefined {
  return users.get(db);
}

/** Writes in this transaction are not audited (a restore merges the audit itself). */
export function suppressAudit(tx: Transaction | null): void {
  if (tx) suppressed.add(tx.idbtrans);
}

/** A restore's transaction (the outbox leaves it alone too: a restore is local, docs/sync.md). */
export const isAuditSuppressed = (trans: object): boolean => suppressed.has(trans);

const origins = new WeakMap<object, string>();

/** Writes in this transaction were replicated from `partner`: their entries say so (`from`). */
export function setAuditOrigin(tx: Transaction | null, partner: string): void {
  if (tx) origins.set(tx.idbtrans, partner);
}

type Rec = Record<string, unknown>;

function clean(table: string, rec: Rec | undefined): Rec | undefined {
  if (!rec) return undefined;
  const out: Rec = {};
  for (const [k, v] of Object.entries(rec)) {
    if (table === 'ballots' && IDENTITY.test(k)) continue;
    // Who has voted is recorded as a count only: a list that grows next to a ballot entry
    // would pair a secret ballot with its voter.
    if (table === 'polls' && k === 'voters') {
      out.votersCount = Array.isArray(v) ? v.length : 0;
      continue;
    }
    // The hub's receipts (technical ids of phone ballots) grow by one per phone ballot: whole
    // lists in every entry made each stored ballot read and write all the ones before it.
    if (table === 'polls' && k === 'receipts') {
      out.receiptsCount = Array.isArray(v) ? v.length : 0;
      continue;
    }
    out[k] = v;
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Only the fields that differ, without the noise fields. null when nothing meaningful changed. */
export function diffRecords(before: Rec, after: Rec): { before: Rec; after: Rec } | null {
  const b: Rec = {};
  const a: Rec = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (NOISE.has(k) || same(before[k], after[k])) continue;
    if (k in before) b[k] = before[k];
    if (k in after) a[k] = after[k];
  }
  return Object.keys(a).length || Object.keys(b).length ? { before: b, after: a } : null;
}

/** A ballot cast in a secret poll: individual, and no voter on it. */
function isSecretBallot(table: string, rec: Rec | undefined): boolean {
  const ballot = rec?.ballot as Rec | undefined;
  return table === 'ballots' && ballot?.kind === 'individual' && !ballot.voterId;
}

const onlyDiscussion = (d: { before: Rec; after: Rec }) =>
  [...Object.keys(d.before), ...Object.keys(d.after)].every((k) => k === 'discussion');

// ---------------------------------------------------------------------------------------------
// Reading the audit inside a transaction (DBCore level: the Dexie-level transaction may not
// name the audit table, only the widened IndexedDB transaction does).

const EQUAL = 1 as DBCoreRangeType;
const ANY = 3 as DBCoreRangeType;

async function entriesOfRecord(
  down: DBCore,
  trans: DBCoreTransaction,
  table: string,
  recordId: string,
): Promise<AuditEntry[]> {
  const audit = down.table(AUDIT_TABLE);
  const index = audit.schema.getIndexByKeyPath('recordId')!;
  const found = await audit.query({
    trans,
    values: true,
    query: { index, range: { type: EQUAL, lower: recordId, upper: recordId } },
  });
  return (found.result as AuditEntry[]).filter((e) => e.table === table).sort(compareAudit);
}

/** The value of a field as the audit last recorded it (undefined: the audit never saw it). */
async function lastAudited(
  down: DBCore,
  trans: DBCoreTransaction,
  table: string,
  recordId: string,
  field: string,
): Promise<{ value: unknown } | undefined> {
  const entries = await entriesOfRecord(down, trans, table, recordId);
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!;
    if (e.op === 'delete') return undefined;
    if (e.after && field in e.after) return { value: e.after[field] };
    if (e.op === 'create') return { value: undefined };
  }
  return undefined;
}

interface Head {
  hash: string;
  n: number;
  at: string;
}

const chained = (e: AuditEntry): e is AuditEntry & { hash: string; n: number } =>
  typeof e.hash === 'string' && typeof e.n === 'number' && !e.side;

function newest(entries: AuditEntry[]): Head | null {
  let best: Head | null = null;
  for (const e of entries) {
    if (!chained(e)) continue;
    if (!best || e.at > best.at || (e.at === best.at && e.n > best.n))
      best = { hash: e.hash, n: e.n, at: e.at };
  }
  return best;
}

/** The newest chained entry: the one a new entry links to. */
async function chainHead(down: DBCore, trans: DBCoreTransaction): Promise<Head | null> {
  const audit = down.table(AUDIT_TABLE);
  const index = audit.schema.getIndexByKeyPath('at')!;
  const recent = await audit.query({
    trans,
    values: true,
    limit: 50,
    direction: 'prev',
    query: { index, range: { type: ANY, lower: undefined, upper: undefined } },
  });
  const head = newest(recent.result as AuditEntry[]);
  if (head || (recent.result as unknown[]).length < 50) return head;
  const all = await audit.query({
    trans,
    values: true,
    query: { index, range: { type: ANY, lower: undefined, upper: undefined } },
  });
  return newest(all.result as AuditEntry[]);
}

const heads = new WeakMap<object, Head>();
/** Per transaction: each poll's last opening entry (secret ballots are chained to it). */
const openingsOf = new WeakMap<object, Map<string, AuditEntry | undefined>>();

/**
 * Appends entries to the chain inside the transaction `trans`, filling n, prev, covers, side
 * and hash. The one function that writes audit entries.
 */
async function appendChained(
  down: DBCore,
  trans: DBCoreTransaction,
  entries: AuditEntry[],
): Promise<AuditEntry[]> {
  let head = heads.get(trans) ?? (await chainHead(down, trans));
  const out: AuditEntry[] = [];
  for (const raw of entries) {
    const entry: AuditEntry = { ...raw };
    if (entry.op === 'create' && isSecretBallot(entry.table, entry.after)) {
      const pollId = String(entry.after?.pollId ?? '');
      // A batch of phone ballots is one transaction: its poll's opening is looked up once.
      let openings = openingsOf.get(trans);
      if (!openings) openingsOf.set(trans, (openings = new Map()));
      if (!openings.has(pollId))
        openings.set(
          pollId,
          (await entriesOfRecord(down, trans, 'polls', pollId))
            .filter((e) => e.after?.status === 'open' && e.hash)
            .at(-1),
        );
      const opened = openings.get(pollId);
      entry.side = true;
      // Dated with the poll's opening, never the moment it was cast (the ballot has no time).
      entry.at = opened?.at ?? SECRET_AT;
      entry.prev = opened?.hash ?? GENESIS;
      entry.hash = entryHash(entry);
      out.push(entry);
      continue;
    }
    if (
      entry.table === 'polls' &&
      (entry.op === 'delete' || (entry.op === 'update' && entry.after?.status === 'closed'))
    ) {
      const covers = await secretBallotsOf(down, trans, entry.recordId);
      if (covers.length) entry.covers = covers;
    }
    entry.n = head ? head.n + 1 : 0;
    entry.prev = head?.hash ?? GENESIS;
    entry.hash = entryHash(entry);
    head = { hash: entry.hash, n: entry.n, at: entry.at };
    out.push(entry);
  }
  if (head) heads.set(trans, head);
  const res = await down.table(AUDIT_TABLE).mutate({ type: 'add', trans, values: out });
  if (res.numFailures) throw res.failures[Object.keys(res.failures)[0] as unknown as number];
  return out;
}

async function secretBallotsOf(
  down: DBCore,
  trans: DBCoreTransaction,
  pollId: string,
): Promise<string[]> {
  const audit = down.table(AUDIT_TABLE);
  const index = audit.schema.getIndexByKeyPath('table')!;
  const found = await audit.query({
    trans,
    values: true,
    query: { index, range: { type: EQUAL, lower: 'ballots', upper: 'ballots' } },
  });
  return (found.result as AuditEntry[])
    .filter((e) => e.side && e.after?.pollId === pollId && e.hash)
    .map((e) => e.hash!)
    .sort();
}

// ---------------------------------------------------------------------------------------------
// The middleware.

function baseEntry(
  table: string,
  recordId: unknown,
  op: AuditOp,
  user: string | undefined,
  at: string,
): AuditEntry {
  return { id: newId(), table, recordId: String(recordId), op, at, ...(user ? { user } : {}) };
}

async function entriesFor(
  down: DBCore,
  table: string,
  req: DBCoreMutateRequest,
  keys: unknown[],
  before: (Rec | undefined)[],
  res: DBCoreMutateResponse,
  user: string | undefined,
  at: string,
): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  for (const [i, key] of keys.entries()) {
    if (res.failures[i]) continue;
    const prev = clean(table, before[i]);
    if (req.type === 'delete' || req.type === 'deleteRange') {
      if (prev) out.push({ ...baseEntry(table, key, 'delete', user, at), before: prev });
      continue;
    }
    const next = clean(table, req.values[i] as Rec);
    // A ballot's entry carries the ballot's own time (for secret ballots the poll's opening),
    // never the moment it was cast.
    if (!prev && table === 'ballots' && typeof next?.createdAt === 'string')
      out.push({ ...baseEntry(table, key, 'create', user, next.createdAt), after: next });
    else if (!prev) out.push({ ...baseEntry(table, key, 'create', user, at), after: next });
    else if (table === 'agendaItems') {
      const entry = await discussionAware(down, req.trans, key, prev, next ?? {}, user, at);
      out.push(...entry);
    } else {
      const d = diffRecords(prev, next ?? {});
      if (d) out.push({ ...baseEntry(table, key, 'update', user, at), ...d });
    }
  }
  return out;
}

/**
 * Agenda items: a save that only changes the discussion is typing and writes nothing yet. The
 * text since the last recorded value is written when the writer paused (the previous save is
 * DRAFT_PAUSE_MS old) or together with the item's next other change.
 */
async function discussionAware(
  down: DBCore,
  trans: DBCoreTransaction,
  key: unknown,
  prev: Rec,
  next: Rec,
  user: string | undefined,
  at: string,
): Promise<AuditEntry[]> {
  const d = diffRecords(prev, next);
  if (!d) return [];
  const recorded = () => lastAudited(down, trans, 'agendaItems', String(key), 'discussion');
  if (onlyDiscussion(d)) {
    const since = typeof prev.updatedAt === 'string' ? Date.parse(prev.updatedAt) : NaN;
    // Most keystrokes end here, without reading the audit.
    if (Date.parse(at) - since < DRAFT_PAUSE_MS) return [];
    const last = await recorded();
    if (!last || same(last.value, prev.discussion)) return [];
    // The previous burst ended: record it, from the last recorded text to the text before this save.
    return [
      {
        ...baseEntry('agendaItems', key, 'update', user, at),
        before: { discussion: last.value },
        after: { discussion: prev.discussion },
      },
    ];
  }
  const last = await recorded();
  const full = diffRecords(last ? { ...prev, discussion: last.value } : prev, next);
  return full ? [{ ...baseEntry('agendaItems', key, 'update', user, at), ...full }] : [];
}

function auditedTable(db: object, down: DBCore, name: string, table: DBCoreTable): DBCoreTable {
  const pk = table.schema.primaryKey;
  return {
    ...table,
    async mutate(req) {
      if (suppressed.has(req.trans)) return table.mutate(req);
      const core = pinned(down);
      let keys: unknown[];
      let before: (Rec | undefined)[];
      if (req.type === 'deleteRange') {
        const found = await table.query({
          trans: req.trans,
          values: true,
          query: { index: pk, range: req.range },
        });
        before = found.result as Rec[];
        keys = before.map((r) => (pk.extractKey ? pk.extractKey(r) : undefined));
      } else {
        keys =
          req.type === 'delete'
            ? req.keys
            : (req.keys ?? req.values.map((v) => pk.extractKey?.(v)));
        before =
          req.type === 'add'
            ? keys.map(() => undefined)
            : await table.getMany({ trans: req.trans, keys });
      }
      const res = await table.mutate(req);
      if (req.type === 'add' && res.results) keys = res.results;
      const found = await entriesFor(core, name, req, keys, before, res, users.get(db), nowIso());
      const from = origins.get(req.trans);
      const entries = from ? found.map((e) => ({ ...e, from })) : found;
      if (entries.length) await appendChained(core, req.trans, entries);
      return res;
    },
  };
}

/** The middleware, installed by AppDb's constructor: `this.use(auditMiddleware(this))`. */
export function auditMiddleware(db: object): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'audit',
    create(down) {
      const hasAudit = down.schema.tables.some((t) => t.name === AUDIT_TABLE);
      if (!hasAudit) return {};
      return {
        ...down,
        transaction(stores, mode, options) {
          const widened =
            mode === 'readwrite' &&
            stores.some((s) => AUDITED_TABLES.has(s)) &&
            !stores.includes(AUDIT_TABLE)
              ? [...stores, AUDIT_TABLE]
              : stores;
          return down.transaction(widened, mode, options);
        },
        table(name) {
          const table = down.table(name);
          return AUDITED_TABLES.has(name) ? auditedTable(db, down, name, table) : table;
        },
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// For repositories: writing and reading the audit inside their own transactions.

interface CoreDb {
  core: DBCore;
  transaction: Dexie['transaction'];
  table: Dexie['table'];
}

/** The running transaction's IndexedDB transaction (it includes `audit` once widened). */
function currentTrans(): DBCoreTransaction {
  const tx = Dexie.currentTransaction;
  if (!tx) throw new Error('audit: no transaction');
  return tx.idbtrans as unknown as DBCoreTransaction;
}

/**
 * Appends entries (seal, restore) to the chain inside the current read-write transaction,
 * which must include an audited table or `audit` itself. Returns them as written.
 */
export async function appendAudit(
  db: CoreDb,
  entries: Omit<AuditEntry, 'id' | 'at' | 'user' | 'n' | 'prev' | 'hash'>[],
): Promise<AuditEntry[]> {
  const user = users.get(db);
  const at = nowIso();
  return appendChained(
    pinned(db.core),
    currentTrans(),
    entries.map((e) => ({ ...e, id: newId(), at, ...(user ? { user } : {}) })),
  );
}

/** The history of one record inside the current transaction, oldest first. */
export async function auditInTransaction(
  db: CoreDb,
  table: string,
  recordId: string,
): Promise<AuditEntry[]> {
  return entriesOfRecord(pinned(db.core), currentTrans(), table, recordId);
}

/** Every entry of one audited table (or 'backup': the restores) inside the current transaction. */
export async function auditOfTableInTransaction(db: CoreDb, table: string): Promise<AuditEntry[]> {
  const audit = pinned(db.core).table(AUDIT_TABLE);
  const index = audit.schema.getIndexByKeyPath('table')!;
  const found = await audit.query({
    trans: currentTrans(),
    values: true,
    query: { index, range: { type: EQUAL, lower: table, upper: table } },
  });
  return found.result as AuditEntry[];
}

/**
 * Records the discussions whose text changed since the audit last recorded it (the end of a
 * burst of typing). Called when minutes move on (k ověření, approval), when the room closes, and
 * every half minute from the room with `pausedOnly` (items typed into within DRAFT_PAUSE_MS wait).
 */
export async function flushDrafts(
  db: CoreDb & { agendaItems: Dexie['tables'][number] },
  meetingId?: string,
  { pausedOnly = false }: { pausedOnly?: boolean } = {},
): Promise<number> {
  return db.transaction('rw', db.agendaItems, async () => {
    const items = (
      meetingId
        ? await db.agendaItems.where('meetingId').equals(meetingId).toArray()
        : await db.agendaItems.toArray()
    ) as Rec[];
    const trans = currentTrans();
    const core = pinned(db.core);
    const user = users.get(db);
    const at = nowIso();
    const entries: AuditEntry[] = [];
    for (const item of items) {
      const id = String(item.id);
      // While someone is still typing, the burst is not over yet.
      if (pausedOnly && Date.parse(at) - Date.parse(String(item.updatedAt)) < DRAFT_PAUSE_MS)
        continue;
      const recorded = await lastAudited(core, trans, 'agendaItems', id, 'discussion');
      if (!recorded || same(recorded.value, item.discussion)) continue;
      entries.push({
        ...baseEntry('agendaItems', id, 'update', user, at),
        before: { discussion: recorded.value },
        after: { discussion: item.discussion },
      });
    }
    if (entries.length) await appendChained(core, trans, entries);
    return entries.length;
  });
}

// ---------------------------------------------------------------------------------------------
// Verifying the chain, and merging a restored file's audit into the local one.

export type ChainProblem =
  | { kind: 'hash'; id: string }
  | { kind: 'link'; id: string; missing: string }
  | { kind: 'unchained'; count: number };

export interface ChainReport {
  ok: boolean;
  entries: number;
  problems: ChainProblem[];
}

/**
 * Checks a set of entries: every chained entry's hash matches its content, and every entry it
 * links to (prev, covers) is present. The entries may form a DAG (a restore joins the local
 * chain and the file's), so linking to an existing hash is what counts, not a single line.
 * Entries written before the chain existed are counted as `unchained`, not as errors.
 */
export function verifyEntries(entries: readonly AuditEntry[]): ChainReport {
  const hashes = new Set<string>();
  for (const e of entries) if (e.hash) hashes.add(e.hash);
  const problems: ChainProblem[] = [];
  let unchained = 0;
  for (const e of entries) {
    if (!e.hash) {
      unchained++;
      continue;
    }
    if (entryHash(e) !== e.hash) {
      problems.push({ kind: 'hash', id: e.id });
      continue;
    }
    for (const link of [e.prev ?? '', ...(e.covers ?? [])])
      if (link !== GENESIS && !hashes.has(link))
        problems.push({ kind: 'link', id: e.id, missing: link });
  }
  const broken = problems.length > 0;
  if (unchained) problems.push({ kind: 'unchained', count: unchained });
  return { ok: !broken, entries: entries.length, problems };
}

/** Verifies the whole audit table (see verifyEntries). */
export async function verifyAuditChain(db: { table: Dexie['table'] }): Promise<ChainReport> {
  return verifyEntries((await db.table(AUDIT_TABLE).toArray()) as AuditEntry[]);
}

export interface RestoreInfo {
  /** The backup's creation time and checksum, as the restore preview showed them. */
  createdAt: string;
  sha256: string;
  counts: Record<string, number>;
}

/**
 * The audit rows a restore writes, append-only: every local entry stays, the file's entries
 * the database does not have are added, and one 'restore' entry, chained after the local
 * head and vouching for the file's head, records what was restored. Local meeting seals and
 * approvals the file does not know are listed in it as `superseded`: they belong to data the
 * restore replaced, so seal checks no longer hold the restored minutes to them.
 */
export function mergeAuditForRestore(
  localEntries: readonly AuditEntry[],
  fileEntries: readonly AuditEntry[],
  info: RestoreInfo,
  user?: string,
): AuditEntry[] {
  const local = new Map(localEntries.map((e) => [e.id, e]));
  const added: AuditEntry[] = [];
  let conflicts = 0;
  for (const e of fileEntries) {
    const mine = local.get(e.id);
    if (!mine) added.push(e);
    else if (canonicalJson(mine) !== canonicalJson(e)) conflicts++;
  }
  const fileIds = new Set(fileEntries.map((e) => e.id));
  const superseded = localEntries
    .filter((e) => !fileIds.has(e.id) && e.table === 'meetings' && approvalOrSeal(e))
    .map((e) => e.id)
    .sort();
  const localHead = newest([...localEntries]);
  const fileHead = newest([...fileEntries]);
  const at = nowIso();
  const entry: AuditEntry = {
    id: newId(),
    table: 'backup',
    recordId: info.sha256,
    op: 'restore',
    after: {
      createdAt: info.createdAt,
      sha256: info.sha256,
      counts: info.counts,
      added: added.length,
      ...(conflicts ? { conflicts } : {}),
      ...(superseded.length ? { superseded } : {}),
    },
    at: localHead && localHead.at > at ? localHead.at : at,
    ...(user ? { user } : {}),
    n: Math.max(localHead?.n ?? -1, fileHead?.n ?? -1) + 1,
    prev: localHead?.hash ?? GENESIS,
    ...(fileHead ? { covers: [fileHead.hash] } : {}),
  };
  entry.hash = entryHash(entry);
  return [...localEntries, ...added, entry];
}

/** A seal of minutes, or the change that approved them. */
export function approvalOrSeal(e: AuditEntry): boolean {
  return e.op === 'seal' || (e.op === 'update' && e.after?.minutesStatus === 'approved');
}

/** Ids of entries a later restore replaced the data of (see mergeAuditForRestore). */
export function supersededIds(entries: readonly AuditEntry[]): Set<string> {
  const out = new Set<string>();
  for (const e of entries)
    if (e.op === 'restore' && Array.isArray(e.after?.superseded))
      for (const id of e.after.superseded as unknown[]) out.add(String(id));
  return out;
}

/**
 * The audit part of a restore, inside the restore's transaction: adds the file's entries the
 * database does not have and the 'restore' entry (mergeAuditForRestore). Nothing local is
 * cleared or rewritten. `fileRows` is the file's audit table ([] when the file has none).
 */
export async function restoreAuditTable(
  db: { table: Dexie['table'] },
  fileRows: readonly Record<string, unknown>[],
  info: RestoreInfo,
): Promise<void> {
  const audit = db.table(AUDIT_TABLE);
  const local = (await audit.toArray()) as AuditEntry[];
  const merged = mergeAuditForRestore(
    local,
    fileRows as unknown as AuditEntry[],
    info,
    users.get(db),
  );
  await audit.bulkAdd(merged.slice(local.length));
}
