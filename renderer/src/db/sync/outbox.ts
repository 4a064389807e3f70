// The outbox (docs/sync.md): a Dexie DBCore middleware that records, in the SAME transaction
// as the change, which synced record was written or deleted: {key "<table>:<id>", table, id,
// op, at}. One row per record (a later change overwrites the row), so the outbox is the set of
// records whose current state the sync bridge still has to turn into a new revision.
//
// Writes the bridge applies from another laptop are marked (markFromSync) and are not
// recorded, so they are never sent back; a restore (audit-suppressed transaction) is local
// and not recorded either: after it the bridge re-reads every record (sync/bridge.ts).
import { type DBCore, type DBCoreTable, type Middleware, type Transaction } from 'dexie';
import { docId, isSyncedTable } from '@shared/sync/tables';
import { isAuditSuppressed, pinned } from '../safety/audit';
import { newId, nowIso } from '../clock';

export const OUTBOX_TABLE = 'outbox';
export const SYNC_STATE_TABLE = 'syncState';
/** syncState key set by a restore: the bridge must re-read every record (bridge.ts bootstrap). */
export const RESTORED_KEY = 'restored';

export interface OutboxEntry {
  key: string;
  table: string;
  id: string;
  op: 'put' | 'delete';
  at: string;
  /** Unique per write: the bridge removes the entry only if no later write replaced it. */
  v: string;
}

const quiet = new WeakSet<object>();

/** The `at` of a secret ballot's row. */
const NO_TIME = '1970-01-01T00:00:00.000Z';

function isSecretBallotRecord(v: unknown): boolean {
  const ballot = (v as { ballot?: { kind?: unknown; voterId?: unknown } } | undefined)?.ballot;
  return ballot?.kind === 'individual' && ballot.voterId === undefined;
}

/** Writes in this transaction come from sync (or a migration): the outbox does not record them. */
export function markFromSync(tx: Transaction | null): void {
  if (tx) quiet.add(tx.idbtrans);
}

function outboxedTable(down: DBCore, name: string, table: DBCoreTable): DBCoreTable {
  const pk = table.schema.primaryKey;
  return {
    ...table,
    async mutate(req) {
      if (quiet.has(req.trans)) return table.mutate(req);
      if (isAuditSuppressed(req.trans)) {
        const res = await table.mutate(req);
        await pinned(down)
          .table(SYNC_STATE_TABLE)
          .mutate({ type: 'put', trans: req.trans, values: [{ key: RESTORED_KEY, value: true }] });
        return res;
      }
      const core = pinned(down);
      let keys: unknown[];
      if (req.type === 'deleteRange') {
        const found = await table.query({
          trans: req.trans,
          values: false,
          query: { index: pk, range: req.range },
        });
        keys = found.result;
      } else if (req.type === 'delete') keys = req.keys;
      else keys = req.keys ?? req.values.map((v) => pk.extractKey?.(v));
      const res = await table.mutate(req);
      if (req.type === 'add' && res.results) keys = res.results;
      const op = req.type === 'delete' || req.type === 'deleteRange' ? 'delete' : 'put';
      const at = nowIso();
      const values: OutboxEntry[] = [];
      keys.forEach((k, i) => {
        if (res.failures[i] || typeof k !== 'string') return;
        // A secret ballot has no time (issue 13): its row must not say when it was cast either.
        const secret =
          name === 'ballots' &&
          req.type !== 'delete' &&
          req.type !== 'deleteRange' &&
          isSecretBallotRecord(req.values[i]);
        values.push({
          key: docId(name, k),
          table: name,
          id: k,
          op,
          at: secret ? NO_TIME : at,
          v: newId(),
        });
      });
      if (values.length) {
        const out = await core
          .table(OUTBOX_TABLE)
          .mutate({ type: 'put', trans: req.trans, values });
        if (out.numFailures) throw out.failures[Object.keys(out.failures)[0] as unknown as number];
      }
      return res;
    },
  };
}

/** The middleware, installed by AppDb's constructor after the audit's. */
export function outboxMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'outbox',
    create(down) {
      if (!down.schema.tables.some((t) => t.name === OUTBOX_TABLE)) return {};
      return {
        ...down,
        transaction(stores, mode, options) {
          const extra = [OUTBOX_TABLE, SYNC_STATE_TABLE].filter((s) => !stores.includes(s));
          const widened =
            mode === 'readwrite' && stores.some(isSyncedTable) ? [...stores, ...extra] : stores;
          return down.transaction(widened, mode, options);
        },
        table(name) {
          const table = down.table(name);
          return isSyncedTable(name) ? outboxedTable(down, name, table) : table;
        },
      };
    },
  };
}
