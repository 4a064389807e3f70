// The audit trail (docs/data-safety.md §4): a Dexie DBCore middleware that writes, in the SAME
// transaction as the change, one `audit` record per created, changed or deleted record of the
// audited tables: {id, table, recordId, op, before, after, at, user}. Only changed fields are
// kept in before/after. Quick successive edits of one record by one person (autosave while
// typing minutes) are merged into one entry, keeping the oldest "before".
//
// Transactions: a middleware cannot add a table to a transaction that was opened without it,
// so `transaction()` is wrapped too and widens every read-write transaction that touches an
// audited table to include `audit`. Repositories need not know about the audit at all.
//
// Secret ballots: voter identity never reaches the audit (ballot fields naming a voter,
// person, ticket or device are dropped from every ballot entry); a ballot's entry is dated
// with the ballot's own createdAt (the poll's opening for secret polls) and a poll's voter
// list is recorded only as a count, so no entry pairs a ballot with the person who cast it.
import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreRangeType,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
  Transaction,
} from 'dexie';
import { newId, nowIso } from './clock';

export const AUDIT_TABLE = 'audit';
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
/** Edits of one record by one person within this window become one entry. */
export const MERGE_WINDOW_MS = 5 * 60 * 1000;

export type AuditOp = 'create' | 'update' | 'delete' | 'seal';

export interface AuditEntry {
  id: string;
  table: string;
  recordId: string;
  op: AuditOp;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  at: string;
  user?: string;
}

const OP_RANK: Record<AuditOp, number> = { create: 0, update: 1, seal: 2, delete: 3 };

/** Oldest first; within one millisecond a create comes before an update before a delete. */
export function compareAudit(a: AuditEntry, b: AuditEntry): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : OP_RANK[a.op] - OP_RANK[b.op];
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

/** Writes in this transaction are not audited (a restore writes back the audit from the file). */
export function suppressAudit(tx: Transaction | null): void {
  if (tx) suppressed.add(tx.idbtrans);
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

function entriesFor(
  table: string,
  req: DBCoreMutateRequest,
  keys: unknown[],
  before: (Rec | undefined)[],
  res: DBCoreMutateResponse,
  user: string | undefined,
  at: string,
): AuditEntry[] {
  const out: AuditEntry[] = [];
  const base = (recordId: unknown, op: AuditOp) => ({
    id: newId(),
    table,
    recordId: String(recordId),
    op,
    at,
    ...(user ? { user } : {}),
  });
  keys.forEach((key, i) => {
    if (res.failures[i]) return;
    const prev = clean(table, before[i]);
    if (req.type === 'delete' || req.type === 'deleteRange') {
      if (prev) out.push({ ...base(key, 'delete'), before: prev });
      return;
    }
    const next = clean(table, req.values[i] as Rec);
    // A ballot's entry carries the ballot's own time (for secret ballots the poll's opening),
    // never the moment it was cast.
    if (!prev && table === 'ballots' && typeof next?.createdAt === 'string')
      out.push({ ...base(key, 'create'), at: next.createdAt, after: next });
    else if (!prev) out.push({ ...base(key, 'create'), after: next });
    else {
      const d = diffRecords(prev, next ?? {});
      if (d) out.push({ ...base(key, 'update'), ...d });
    }
  });
  return out;
}

/** Folds a new update into the previous entry of the same record and user (oldest "before" wins). */
function mergeInto(prev: AuditEntry, next: AuditEntry): AuditEntry | null {
  const before: Rec = { ...next.before, ...prev.before };
  const after: Rec = { ...prev.after, ...next.after };
  for (const k of Object.keys(next.before ?? {})) if (!(k in (next.after ?? {}))) delete after[k];
  const d = diffRecords(before, after);
  return d ? { ...prev, before: d.before, after: d.after, at: next.at } : null;
}

function auditedTable(db: object, down: DBCore, name: string, table: DBCoreTable): DBCoreTable {
  const pk = table.schema.primaryKey;
  return {
    ...table,
    async mutate(req) {
      if (suppressed.has(req.trans)) return table.mutate(req);
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
      const entries = entriesFor(name, req, keys, before, res, users.get(db), nowIso());
      if (entries.length) await writeEntries(down, req.trans, entries);
      return res;
    },
  };
}

async function writeEntries(
  down: DBCore,
  trans: DBCoreTransaction,
  entries: AuditEntry[],
): Promise<void> {
  const audit = down.table(AUDIT_TABLE);
  const index = audit.schema.getIndexByKeyPath('recordId');
  const out: AuditEntry[] = [];
  for (const entry of entries) {
    if (entry.op === 'update' && index && entries.length === 1) {
      const equal = 1 as DBCoreRangeType;
      const found = await audit.query({
        trans,
        values: true,
        query: { index, range: { type: equal, lower: entry.recordId, upper: entry.recordId } },
      });
      const last = (found.result as AuditEntry[])
        .filter((e) => e.table === entry.table)
        .sort(compareAudit)
        .at(-1);
      if (
        last &&
        last.op === 'update' &&
        last.user === entry.user &&
        Date.parse(entry.at) - Date.parse(last.at) < MERGE_WINDOW_MS
      ) {
        const merged = mergeInto(last, entry);
        if (merged) await audit.mutate({ type: 'put', trans, values: [merged] });
        else await audit.mutate({ type: 'delete', trans, keys: [last.id] });
        continue;
      }
    }
    out.push(entry);
  }
  if (out.length) {
    const res = await audit.mutate({ type: 'add', trans, values: out });
    if (res.numFailures) throw res.failures[Object.keys(res.failures)[0] as unknown as number];
  }
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
