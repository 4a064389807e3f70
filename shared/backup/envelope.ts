// The Triáda backup file: one JSON envelope around a dump of every table.
//
//   { appVersion, counts: { table: n }, createdAt, format: "triada-backup", formatVersion: 2,
//     schemaVersion, sha256, data: { table: [records] } }
//
// Format 2: `sha256` is the SHA-256 of the data section's bytes exactly as they stand in the
// file (the UTF-8 text from the "{" after "data": to its matching "}"), so a reader hashes
// what it read and never re-serializes. The writer puts canonical JSON there (stable key
// order: the same database gives the same file). Format 1 files hashed canonicalJson(data)
// instead; they are still read, and the check re-serializes only for them.
//
// Every file from outside goes through ONE path, inspectBackup(): size check, text decoding,
// safe JSON parse (one pre-scan for keys and depth), envelope check, format version,
// checksum, migrations of older formats, per-table and per-record validation, duplicate ids,
// references, polls against ballots. Its result is written as it is, without a second check.
import { z } from 'zod';
import { decodeBytes } from './bytes';
import { canonicalJson, checksumMatches, safeJsonParse, sha256Hex } from './canonical';
import { BackupError, issue, type BackupIssue } from './errors';
import { isSafeText } from '../domain/common';
import { pollConsistencyIssues } from './pollConsistency';
import { REFERENCES, RECORD_SCHEMAS, schemaFor, timestamp } from './records';

export const BACKUP_FORMAT = 'triada-backup';
/** Version of the envelope and of the `data` layout. Bump it and add a migration when either changes. */
export const FORMAT_VERSION = 2;
/** Upper bound of a backup file (the whole database of a region is a few MB). */
export const MAX_BACKUP_BYTES = 100 * 1024 * 1024;
/** No single text in any record may be longer (a minute's discussion is far below this). */
export const MAX_STRING_LENGTH = 200_000;
export const MAX_RECORDS_PER_TABLE = 1_000_000;
/** At most this many issues are collected before giving up on a file. */
export const MAX_ISSUES = 50;

export type BackupData = Record<string, Record<string, unknown>[]>;

export interface BackupMeta {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  appVersion: string;
  /** AppDb.verno of the database that was backed up. */
  schemaVersion: number;
  createdAt: string;
  counts: Record<string, number>;
  sha256: string;
}

export interface BackupEnvelope extends BackupMeta {
  data: BackupData;
}

/** What the database that will receive the file looks like. */
export interface RestoreTarget {
  schemaVersion: number;
  tables: readonly { name: string; primaryKey: string }[];
}

export interface InspectedBackup {
  meta: BackupMeta;
  data: BackupData;
  /** Tables the file does not mention (written before they existed): a restore keeps them. */
  kept: string[];
}

/** What the check is doing, for a progress bar: `done` of `total` (bytes, rows or steps). */
export type CheckPhase = 'parse' | 'checksum' | 'records' | 'references' | 'polls';
export type CheckProgress = (phase: CheckPhase, done: number, total: number) => void;

/**
 * Format migrations: MIGRATIONS[n] turns the `data` of format n into format n + 1. Formats
 * are only appended, and each migration gets a frozen fixture in tests/fixtures/backups/.
 */
export const FORMAT_MIGRATIONS: Record<number, (data: BackupData) => BackupData> = {
  // 1 → 2 changed only what the checksum covers; the data layout is the same.
  1: (data) => data,
};

export function migrateData(
  data: BackupData,
  from: number,
  migrations = FORMAT_MIGRATIONS,
  to = FORMAT_VERSION,
): BackupData {
  let out = data;
  for (let v = from; v < to; v++) {
    const step = migrations[v];
    if (!step) throw new BackupError([issue('safety.errors.notBackup', { version: v })]);
    out = step(out);
  }
  return out;
}

/**
 * Builds the envelope around a table dump. The header's keys are sorted, the data section is
 * canonical JSON and comes last, and the checksum is of exactly that data text: the same
 * database always gives the same bytes.
 */
export async function buildBackup(
  data: BackupData,
  info: { appVersion: string; schemaVersion: number; createdAt: string },
): Promise<{ envelope: BackupEnvelope; text: string }> {
  const counts = Object.fromEntries(Object.entries(data).map(([t, rows]) => [t, rows.length]));
  const dataText = canonicalJson(data);
  const sha256 = await sha256Hex(dataText);
  const meta: BackupMeta = {
    format: BACKUP_FORMAT,
    formatVersion: FORMAT_VERSION,
    ...info,
    counts,
    sha256,
  };
  const header = canonicalJson(meta);
  return {
    envelope: { ...meta, data },
    text: `${header.slice(0, -1)},"data":${dataText}}`,
  };
}

const envelopeShape = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().min(1),
  appVersion: z.string().max(50),
  schemaVersion: z.number().int().min(1),
  createdAt: timestamp,
  counts: z.record(z.string(), z.number().int().min(0)),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  data: z.record(z.string(), z.unknown()),
});

const fail = (
  code: Parameters<typeof issue>[0],
  params: Record<string, string | number> = {},
): never => {
  throw new BackupError([issue(code, params)]);
};

/**
 * A file from outside read as JSON, refusing each problem with its own message: the size before
 * anything is decoded, strict UTF-8, a BOM dropped, then the safe parse (no prototype keys, no
 * absurd nesting, no duplicate keys). Backups and exchange files both come in through here.
 */
export function readJsonFile(
  file: Uint8Array | string,
  maxBytes: number,
  onParsing?: () => void,
): { text: string; value: unknown; dataSpan: [number, number] | null } {
  const size = typeof file === 'string' ? file.length : file.byteLength;
  if (size === 0) fail('safety.errors.empty');
  if (size > maxBytes)
    fail('safety.errors.tooLarge', {
      size: Math.round(size / 1024 / 1024),
      max: maxBytes / 1024 / 1024,
    });

  let text: string;
  if (typeof file === 'string') text = file;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(file);
    } catch {
      return fail('safety.errors.notText');
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  onParsing?.();
  const parsed = safeJsonParse(text);
  if (!parsed.ok) {
    const f = parsed.failure;
    if (f.kind === 'truncated') fail('safety.errors.truncated');
    if (f.kind === 'forbiddenKey') fail('safety.errors.forbiddenKey', { key: f.key });
    if (f.kind === 'tooDeep') fail('safety.errors.tooDeep');
    if (f.kind === 'duplicateKey') fail('safety.errors.duplicateKey', { key: f.key });
    fail('safety.errors.notJson');
  }
  return {
    text,
    value: parsed.ok ? parsed.value : undefined,
    dataSpan: parsed.ok ? parsed.dataSpan : null,
  };
}

/**
 * Reads and validates a backup file completely, in one pass. Throws BackupError naming what
 * is wrong; returns the data only when every check passed, with binary values decoded
 * (bytes.ts), ready to be written as it is. Nothing here writes anything. Runs in the restore
 * worker (renderer/src/features/safety/restore.worker.ts) and in tests.
 */
export async function inspectBackup(
  file: Uint8Array | string,
  target: RestoreTarget,
  onProgress?: CheckProgress,
): Promise<InspectedBackup> {
  // 1–2. Size, text and JSON.
  const {
    text,
    value: raw,
    dataSpan,
  } = readJsonFile(file, MAX_BACKUP_BYTES, () => onProgress?.('parse', 0, 1));

  // 3. The envelope.
  const env = envelopeShape.safeParse(raw);
  if (!env.success) {
    const o = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
    if (
      o.format === BACKUP_FORMAT &&
      typeof o.formatVersion === 'number' &&
      o.formatVersion > FORMAT_VERSION
    )
      fail('safety.errors.newerFormat');
    fail('safety.errors.notBackup');
  }
  const envelope = env.data!;

  // 4. Versions: a file from a newer Triáda is refused with its own message (its checksum
  // may follow rules this version does not know).
  if (envelope.formatVersion > FORMAT_VERSION) fail('safety.errors.newerFormat');
  if (envelope.schemaVersion > target.schemaVersion)
    fail('safety.errors.newerSchema', { file: envelope.schemaVersion, app: target.schemaVersion });

  // 5. Checksum of the content.
  onProgress?.('checksum', 0, 1);
  if (!(await checksumMatches(envelope, text, dataSpan))) fail('safety.errors.checksum');

  // 6. Migrations of older formats.
  for (const [t, rows] of Object.entries(envelope.data))
    if (!Array.isArray(rows)) fail('safety.errors.tableNotList', { table: t });
  const data = migrateData(envelope.data as BackupData, envelope.formatVersion);

  // 7. Tables, records, duplicates, references, polls. When the file's text has no unsafe
  // character and no escape that could make one, no string in it can hold one either.
  const textIsSafe = !/\\[ubf]/.test(text) && !MAYBE_UNSAFE.test(text);
  const issues = validateData(data, envelope.schemaVersion, target, onProgress, textIsSafe);
  if (issues.length === 0) {
    for (const [t, n] of Object.entries(envelope.counts)) {
      if ((data[t]?.length ?? 0) !== n)
        issues.push(
          issue('safety.errors.countMismatch', {
            table: t,
            expected: n,
            actual: data[t]?.length ?? 0,
          }),
        );
    }
  }
  if (issues.length) throw new BackupError(issues);

  const { data: _data, ...meta } = envelope;
  // Binary values ({"$bytes": …}, the logo) become bytes again; only files that have any pay.
  const decoded = text.includes('"$bytes"') ? decodeData(data) : data;
  return {
    meta: { ...meta, format: BACKUP_FORMAT },
    data: decoded,
    kept: keptTables(data, target),
  };
}

function decodeData(data: BackupData): BackupData {
  return Object.fromEntries(
    Object.entries(data).map(([t, rows]) => [
      t,
      rows.map((r) => decodeBytes(r) as Record<string, unknown>),
    ]),
  );
}

/**
 * Tables of this app that the file does not contain because it was written by a version that
 * did not have them yet (a missing table of the file's own version is refused instead). A
 * restore leaves them as they are: an older file never wipes newer tables.
 */
export function keptTables(data: BackupData, target: RestoreTarget): string[] {
  return target.tables.map((t) => t.name).filter((name) => !Object.hasOwn(data, name));
}

/** Every check of the content, collecting up to MAX_ISSUES issues. Exported for the export self-check. */
export function validateData(
  data: BackupData,
  schemaVersion: number,
  target: RestoreTarget,
  onProgress?: CheckProgress,
  /** Every string is already known to be free of unsafe characters (see inspectBackup). */
  textIsSafe = false,
): BackupIssue[] {
  const issues: BackupIssue[] = [];
  const full = () => issues.length >= MAX_ISSUES;
  const known = new Map(target.tables.map((t) => [t.name, t.primaryKey]));

  for (const table of Object.keys(data)) {
    if (!known.has(table)) issues.push(issue('safety.errors.unknownTable', { table }));
  }
  for (const table of known.keys()) {
    // A table that existed in the file's own version must be there: a file cut down by hand
    // must not silently empty a table on restore.
    const since = RECORD_SCHEMAS[table]?.since ?? 1;
    if (since <= schemaVersion && !Object.hasOwn(data, table))
      issues.push(issue('safety.errors.missingTable', { table }));
  }
  if (issues.length) return issues;

  const ids = new Map<string, Set<string>>();
  const totalRows = Object.values(data).reduce(
    (n, rows) => n + (Array.isArray(rows) ? rows.length : 0),
    0,
  );
  let doneRows = 0;
  onProgress?.('records', 0, totalRows);
  for (const [table, rows] of Object.entries(data)) {
    if (!Array.isArray(rows)) {
      issues.push(issue('safety.errors.tableNotList', { table }));
      continue;
    }
    if (rows.length > MAX_RECORDS_PER_TABLE) {
      issues.push(issue('safety.errors.tooManyRecords', { table, count: rows.length }));
      continue;
    }
    const pk = known.get(table) ?? 'id';
    const schema = schemaFor(table);
    const seen = new Set<string>();
    ids.set(table, seen);
    for (let i = 0; i < rows.length && !full(); i++) {
      if (++doneRows % PROGRESS_EVERY === 0) onProgress?.('records', doneRows, totalRows);
      const row: unknown = rows[i];
      const where = { table, index: i + 1 };
      if (!row || typeof row !== 'object' || Array.isArray(row)) {
        issues.push(
          issue('safety.errors.invalidRecord', {
            ...where,
            id: '?',
            field: '—',
            problem: 'errors.invalid',
          }),
        );
        continue;
      }
      const rec = row as Record<string, unknown>;
      const key = rec[pk];
      const id = typeof key === 'string' ? key : '?';
      const bad = hasBadValue(rec, !textIsSafe) ? findBadValue(rec) : null;
      if (bad !== null) {
        issues.push(
          issue(BAD_VALUE_CODE[bad.kind], {
            ...where,
            id: id.slice(0, 60),
            field: bad.path,
            max: MAX_STRING_LENGTH,
          }),
        );
        continue;
      }
      const result = schema.safeParse(rec);
      if (!result.success) {
        const first = result.error.issues[0]!;
        issues.push(
          issue('safety.errors.invalidRecord', {
            ...where,
            id: id.slice(0, 60),
            field: first.path.map(String).join('.') || '—',
            problem: first.message.startsWith('errors.') ? first.message : 'errors.invalid',
          }),
        );
        continue;
      }
      if (typeof key !== 'string' || key.length === 0) {
        issues.push(
          issue('safety.errors.invalidRecord', {
            ...where,
            id: '?',
            field: pk,
            problem: 'errors.id',
          }),
        );
        continue;
      }
      if (seen.has(key))
        issues.push(issue('safety.errors.duplicateId', { table, id: key.slice(0, 60) }));
      seen.add(key);
    }
  }
  if (issues.length) return issues;
  onProgress?.('records', totalRows, totalRows);

  let step = 0;
  for (const ref of REFERENCES) {
    onProgress?.('references', step++, REFERENCES.length);
    const rows = data[ref.table];
    const targets = ids.get(ref.target);
    if (!rows || !targets) continue;
    for (const rec of rows) {
      if (full()) return issues;
      const value = rec[ref.field];
      if (typeof value === 'string' && value !== '' && !targets.has(value))
        issues.push(danglingIssue(ref, rec, value));
    }
  }
  if (issues.length) return issues;
  onProgress?.('polls', 0, 1);
  return pollConsistencyIssues(data, MAX_ISSUES);
}

/**
 * Every character UNSAFE_TEXT (shared/domain/common.ts) refuses, and any surrogate at all: a
 * plain class, so one pass over a whole file is quick. A match only means "look closer".
 */
const MAYBE_UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/;

/** Rows between two progress reports of the record check. */
const PROGRESS_EVERY = 2000;

/** "attendance, record …: field personId refers to a missing record … in people". */
export function danglingIssue(
  ref: (typeof REFERENCES)[number],
  rec: Record<string, unknown>,
  value: string,
): BackupIssue {
  return issue('safety.errors.danglingReference', {
    table: ref.table,
    id: String(rec.id ?? '?').slice(0, 60),
    field: ref.field,
    target: ref.target,
    value: value.slice(0, 60),
  });
}

type BadValue = 'huge' | 'unsafe' | 'nonFinite';
export const BAD_VALUE_CODE = {
  huge: 'safety.errors.hugeString',
  unsafe: 'safety.errors.unsafeText',
  nonFinite: 'safety.errors.nonFinite',
} as const;

/** Whether findBadValue would find something: the same walk without building paths. */
function hasBadValue(v: unknown, checkText: boolean): boolean {
  if (typeof v === 'string') return v.length > MAX_STRING_LENGTH || (checkText && !isSafeText(v));
  if (typeof v === 'number') return !Number.isFinite(v);
  if (!v || typeof v !== 'object') return false;
  if (Array.isArray(v)) {
    for (const child of v) if (hasBadValue(child, checkText)) return true;
    return false;
  }
  for (const k in v) {
    if (!Object.hasOwn(v, k)) continue;
    if (k.length > MAX_STRING_LENGTH || (checkText && !isSafeText(k))) return true;
    if (hasBadValue((v as Record<string, unknown>)[k], checkText)) return true;
  }
  return false;
}

/**
 * The first value no record of the app may hold, in any field of any table (keys included):
 * a string longer than MAX_STRING_LENGTH, text with control characters, bidi overrides or lone
 * surrogates (refused by every text schema too), or a number that is not finite (JSON's 1e400
 * parses as Infinity).
 */
export function findBadValue(value: unknown): { path: string; kind: BadValue } | null {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.length > MAX_STRING_LENGTH) return { path: path || '—', kind: 'huge' };
      if (!isSafeText(v)) return { path: path || '—', kind: 'unsafe' };
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) return { path: path || '—', kind: 'nonFinite' };
    } else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        const p = (path ? `${path}.${k}` : k).slice(0, 80);
        if (k.length > MAX_STRING_LENGTH) return { path: p, kind: 'huge' };
        if (!isSafeText(k)) return { path: p, kind: 'unsafe' };
        stack.push([child, p]);
      }
    }
  }
  return null;
}
