// The part of PouchDB's API the bridge uses, typed here (the @types/pouchdb-* packages break
// Node's Buffer type for the whole program, see types/pouchdb-stub.d.ts).
import type { SyncDoc } from '@shared/sync/rules';

export type Seq = number | string;

export type PouchDoc = Doc;

export interface PouchChange {
  id: string;
  seq: Seq;
  changes: { rev: string }[];
  deleted?: boolean;
  /** With include_docs: the winning revision. */
  doc?: Doc;
}

export interface PouchGetOptions {
  rev?: string;
  revs?: boolean;
  conflicts?: boolean;
  deleted_conflicts?: boolean;
}

type Doc = SyncDoc & {
  _conflicts?: string[];
  _deleted_conflicts?: string[];
  _revisions?: { start: number; ids: string[] };
};

export interface ReplicationResult {
  ok: boolean;
  docs_read: number;
  docs_written: number;
  doc_write_failures: number;
  last_seq?: Seq;
}

export interface ReplicateOptions {
  filter?: (doc: SyncDoc) => boolean;
  batch_size?: number;
  batches_limit?: number;
  /** Start after this seq of the source, written as the replication's checkpoint first. */
  since?: Seq;
}

/** A PouchDB database: the local replica, or a remote CouchDB one. */
export interface PouchLike {
  name: string;
  get(id: string, options?: PouchGetOptions): Promise<Doc>;
  get(
    id: string,
    options: { open_revs: 'all'; revs?: boolean },
  ): Promise<({ ok: Doc } | { missing: string })[]>;
  bulkDocs(docs: object[], options?: { new_edits?: boolean }): Promise<unknown[]>;
  bulkGet(request: { docs: { id: string; rev?: string }[]; revs?: boolean }): Promise<{
    results: { id: string; docs: ({ ok: SyncDoc } | { error: unknown })[] }[];
  }>;
  /** By keys: a row per key; `doc` is the winning version, null when it is deleted. */
  allDocs(options: { keys: string[]; include_docs: true }): Promise<{
    rows: {
      key: string;
      id?: string;
      value?: { rev: string; deleted?: boolean };
      doc?: Doc | null;
      error?: string;
    }[];
  }>;
  changes(options: {
    since: Seq;
    style?: 'all_docs';
    limit?: number;
    return_docs?: boolean;
    include_docs?: boolean;
  }): Promise<{ results: PouchChange[]; last_seq: Seq }>;
  info(): Promise<{ update_seq: Seq; doc_count: number; db_name: string }>;
  replicate: {
    to(target: PouchLike, options?: ReplicateOptions): Promise<ReplicationResult>;
    from(source: PouchLike, options?: ReplicateOptions): Promise<ReplicationResult>;
  };
  destroy(): Promise<unknown>;
  close(): Promise<unknown>;
}

export const isNotFound = (e: unknown): boolean =>
  !!e && typeof e === 'object' && (e as { status?: number }).status === 404;
