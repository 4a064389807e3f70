// The exchange file ("Výměna dat", docs/sync.md): the documents one laptop changed since the
// partner last confirmed, every version with its revision history, exactly what CouchDB
// replication would send. Imported with `new_edits: false`, so importing in any order, or twice,
// ends in the same revision trees.
//
//   { format: "triada-exchange", formatVersion, createdAt, from: {id, name}, to, since, seq,
//     received, sha256: hex(sha256(canonicalJson(docs))), docs: [SyncDoc with _revisions] }
//
// A file from outside goes through inspectExchange only, with the backup's defences: size cap
// before decoding, strict UTF-8, safe JSON (no prototype keys, no absurd nesting, no duplicate
// keys), zod envelope, checksum, and every document and record validated before anything is
// written. Problems are BackupIssues (safety.errors.* and sync.errors.* i18n keys).
import { z } from 'zod';
import { canonicalJson, sha256Hex } from '../backup/canonical';
import { MAX_BACKUP_BYTES, readJsonFile } from '../backup/envelope';
import { BackupError, type BackupIssue } from '../backup/errors';
import { timestamp } from '../backup/records';
import { revGeneration, revHashPart, type SyncDoc } from './rules';
import { parseDocId } from './tables';
import { recordIssue } from './validate';

export const EXCHANGE_FORMAT = 'triada-exchange';
export const EXCHANGE_VERSION = 1;
export const MAX_EXCHANGE_BYTES = MAX_BACKUP_BYTES;
export const MAX_EXCHANGE_DOCS = 2_000_000;
/** CouchDB's default revs_limit: a longer history is not ours. */
export const MAX_REVISIONS = 1000;

export interface ExchangeFile {
  format: typeof EXCHANGE_FORMAT;
  formatVersion: number;
  createdAt: string;
  from: { id: string; name: string };
  to: string | null;
  /** The sender's sequence this file starts after, and the one it reaches. */
  since: number;
  seq: number;
  /** How far the sender has imported the recipient's own files (its acknowledgement). */
  received: number;
  sha256: string;
  docs: SyncDoc[];
}

export type SyncIssueCode =
  | 'sync.errors.notExchange'
  | 'sync.errors.newerFormat'
  | 'sync.errors.checksum'
  | 'sync.errors.badDocument'
  | 'sync.errors.ownFile';

/** Why a file cannot be imported (the first issue is the main reason). */
export class SyncFileError extends Error {
  constructor(readonly issues: { code: string; params: Record<string, string | number> }[]) {
    super(issues[0]?.code ?? 'sync.errors.notExchange');
    this.name = 'SyncFileError';
  }
}

const fail = (code: SyncIssueCode | BackupIssue['code'], params = {}): never => {
  throw new SyncFileError([{ code, params }]);
};

const nodeId = z.string().min(1).max(100);
const seq = z.number().int().min(0);
const envelope = z.strictObject({
  format: z.literal(EXCHANGE_FORMAT),
  formatVersion: z.number().int().min(1),
  createdAt: timestamp,
  from: z.strictObject({ id: nodeId, name: z.string().max(200) }),
  to: nodeId.nullable(),
  since: seq,
  seq,
  received: seq,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  docs: z.array(z.unknown()).max(MAX_EXCHANGE_DOCS),
});

const hash = z.string().regex(/^[0-9a-f]{1,64}$/);
const docShape = z.strictObject({
  _id: z.string().min(3).max(300),
  _rev: z.string().regex(/^[1-9]\d{0,6}-[0-9a-f]{1,64}$/),
  _revisions: z.strictObject({
    start: z.number().int().min(1),
    ids: z.array(hash).min(1).max(MAX_REVISIONS),
  }),
  _deleted: z.literal(true).optional(),
  table: z.string().max(100),
  scope: z.string().max(300),
  data: z.looseObject({}).optional(),
  dismissed: z.array(z.string().max(100)).max(MAX_REVISIONS).optional(),
});

/** Checks one replicated document; returns the reason it is refused, or null. */
export function docIssue(
  raw: unknown,
  index: number,
): { code: string; params: Record<string, string | number> } | null {
  const bad = (problem: string) => ({
    code: 'sync.errors.badDocument',
    params: { index, id: String((raw as { _id?: unknown })?._id ?? '?').slice(0, 80), problem },
  });
  const parsed = docShape.safeParse(raw);
  if (!parsed.success) return bad(parsed.error.issues[0]!.path.map(String).join('.') || '—');
  const doc = parsed.data;
  const id = parseDocId(doc._id);
  if (!id || id.table !== doc.table) return bad('_id');
  const revs = doc._revisions;
  if (
    revs.start !== revGeneration(doc._rev) ||
    revs.ids[0] !== revHashPart(doc._rev) ||
    revs.start - revs.ids.length < 0
  )
    return bad('_revisions');
  if (doc._deleted) return doc.data === undefined ? null : bad('data');
  if (!doc.data || doc.data.id !== id.id) return bad('data.id');
  return recordIssue(doc.table, doc.data, index);
}

/** Reads and validates an exchange file completely; nothing is written here. */
export async function inspectExchange(file: Uint8Array | string): Promise<ExchangeFile> {
  let value: unknown;
  try {
    value = readJsonFile(file, MAX_EXCHANGE_BYTES).value;
  } catch (e) {
    // The same refusals as a backup's, in the exchange's own error.
    if (e instanceof BackupError) throw new SyncFileError(e.issues);
    throw e;
  }
  const format = (value as { format?: unknown } | null)?.format;
  const version = (value as { formatVersion?: unknown } | null)?.formatVersion;
  if (format === EXCHANGE_FORMAT && typeof version === 'number' && version > EXCHANGE_VERSION)
    fail('sync.errors.newerFormat', { version });
  const env = envelope.safeParse(value);
  if (!env.success) return fail('sync.errors.notExchange');
  if ((await sha256Hex(canonicalJson(env.data.docs))) !== env.data.sha256)
    fail('sync.errors.checksum');
  const issues: { code: string; params: Record<string, string | number> }[] = [];
  const seen = new Set<string>();
  env.data.docs.forEach((d, i) => {
    if (issues.length >= 20) return;
    const problem = docIssue(d, i + 1);
    if (problem) issues.push(problem);
    else {
      const key = `${(d as SyncDoc)._id} ${(d as SyncDoc)._rev}`;
      if (seen.has(key))
        issues.push({
          code: 'sync.errors.badDocument',
          params: { index: i + 1, id: (d as SyncDoc)._id, problem: '_rev' },
        });
      seen.add(key);
    }
  });
  if (issues.length) throw new SyncFileError(issues);
  return { ...env.data, docs: env.data.docs as SyncDoc[] } as ExchangeFile;
}

/** Builds the file's text (canonical JSON: the same content gives the same bytes). */
export async function buildExchange(
  info: Omit<ExchangeFile, 'format' | 'formatVersion' | 'sha256'>,
): Promise<string> {
  const sha256 = await sha256Hex(canonicalJson(info.docs));
  return canonicalJson({
    format: EXCHANGE_FORMAT,
    formatVersion: EXCHANGE_VERSION,
    ...info,
    sha256,
  });
}
