// The seal of approved minutes (docs/data-safety.md, "Minutes seal").
//
// When minutes are approved, the SHA-256 of everything they are made of (meeting header with
// status and approval, attendance, programme and discussions, resolutions, polls with results
// and ballots, tasks created there, amendments) is written IN THE SAME TRANSACTION as the
// approval: on the meeting (`minutesSeal`) and as a `seal` entry of the hash-chained audit,
// with the sealed content for showing differences. Every amendment re-seals. The short
// fingerprint (12 hex digits) goes on paper, where nobody can recompute it.
import { canonicalJson, sha256HexSync } from '@shared/backup';
import { isLocked, type Meeting } from '@shared/domain';
import {
  approvalOrSeal,
  appendAudit,
  AUDIT_TABLE,
  compareAudit,
  entryHash,
  supersededIds,
  verifyAuditChain,
  type AuditEntry,
  type ChainReport,
} from './audit';
import { nowIso } from '../clock';
import { DomainError } from '../errors';
import type { AppDb } from '../schema';

type Rec = Record<string, unknown>;
const pick = (r: Rec, keys: readonly string[]): Rec =>
  Object.fromEntries(keys.filter((k) => r[k] !== undefined).map((k) => [k, r[k]]));
const byId = (a: Rec, b: Rec) => String(a.id).localeCompare(String(b.id));

const MEETING_FIELDS = [
  'bodyId',
  'seq',
  'year',
  'date',
  'timeFrom',
  'timeTo',
  'place',
  'chairId',
  'minuteTakerId',
  'verifierId',
  'note',
  'materials',
  'writtenOn',
  'verifiedOn',
  'minutesStatus',
  'minutesApproval',
] as const;
const ITEM_FIELDS = ['id', 'order', 'title', 'presenter', 'kind', 'note', 'discussion'] as const;
const RESOLUTION_FIELDS = [
  'id',
  'agendaItemId',
  'pollId',
  'number',
  'verb',
  'text',
  'result',
  'outcome',
  'decision',
] as const;
const TASK_FIELDS = [
  'id',
  'agendaItemId',
  'resolutionId',
  'number',
  'text',
  'ownerId',
  'deadline',
] as const;
const ATTENDANCE_FIELDS = [
  'id',
  'personId',
  'status',
  'substituteId',
  'arrivedAt',
  'leftAt',
  'note',
] as const;
const POLL_FIELDS = [
  'id',
  'agendaItemId',
  'title',
  'secret',
  'status',
  'options',
  'definition',
  'voters',
  'snapshot',
  'result',
  'resolutionId',
] as const;
const BALLOT_FIELDS = ['id', 'pollId', 'source', 'ballot'] as const;
const AMENDMENT_FIELDS = ['id', 'reason', 'text', 'author', 'at'] as const;

export interface MinutesContent {
  meeting: Rec;
  agendaItems: Rec[];
  resolutions: Rec[];
  tasks: Rec[];
  attendance: Rec[];
  polls: Rec[];
  ballots: Rec[];
  amendments: Rec[];
}
const PARTS = [
  'agendaItems',
  'resolutions',
  'tasks',
  'attendance',
  'polls',
  'ballots',
  'amendments',
] as const;

const contentTables = (db: AppDb) => [
  db.meetings,
  db.agendaItems,
  db.resolutions,
  db.tasks,
  db.attendance,
  db.polls,
  db.ballots,
  db.amendments,
];

/** Everything the minutes are made of, in a canonical order (no timestamps, no live state). */
export async function minutesContent(db: AppDb, meetingId: string): Promise<MinutesContent> {
  return db.transaction('r', contentTables(db), async () => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting) throw new DomainError('errors.notFound');
    const [items, resolutions, tasks, attendance, polls, amendments] = await Promise.all([
      db.agendaItems.where('meetingId').equals(meetingId).toArray(),
      db.resolutions.where('meetingId').equals(meetingId).toArray(),
      db.tasks.where('meetingId').equals(meetingId).toArray(),
      db.attendance.where('meetingId').equals(meetingId).toArray(),
      db.polls.where('meetingId').equals(meetingId).toArray(),
      db.amendments.where('meetingId').equals(meetingId).toArray(),
    ]);
    const ballots = polls.length
      ? await db.ballots
          .where('pollId')
          .anyOf(polls.map((p) => p.id))
          .toArray()
      : [];
    const part = (rows: object[], fields: readonly string[]) =>
      rows.map((r) => pick(r as Rec, fields)).sort(byId);
    return {
      meeting: pick(meeting as unknown as Rec, MEETING_FIELDS),
      agendaItems: part(items, ITEM_FIELDS),
      resolutions: part(resolutions, RESOLUTION_FIELDS),
      tasks: part(tasks, TASK_FIELDS),
      attendance: part(attendance, ATTENDANCE_FIELDS),
      polls: part(polls, POLL_FIELDS),
      ballots: part(ballots, BALLOT_FIELDS),
      amendments: part(amendments, AMENDMENT_FIELDS),
    };
  });
}

export const contentHash = (content: MinutesContent) => sha256HexSync(canonicalJson(content));

/** SHA-256 (hex) of the canonical JSON of the meeting's minutes content. */
export async function minutesHash(db: AppDb, meetingId: string): Promise<string> {
  return contentHash(await minutesContent(db, meetingId));
}

/** The first 12 hex digits, upper case, in groups of four: "3F9A 0C21 B7E4" (read aloud, typed back). */
export function formatFingerprint(hash: string): string {
  return (
    hash
      .slice(0, 12)
      .toUpperCase()
      .match(/.{1,4}/g)
      ?.join(' ') ?? ''
  );
}

/** What a person typed from paper, as hex digits (spaces, dashes and case ignored); null if not 10–64 hex digits. */
export function normalizeFingerprint(typed: string): string | null {
  const hex = typed.replace(/[\s\-–.:]/g, '').toLowerCase();
  return /^[0-9a-f]{10,64}$/.test(hex) ? hex : null;
}

/**
 * Seals the minutes as they are now, inside the CURRENT read-write transaction (approval and
 * amendments call it): stores the hash on the meeting and appends a `seal` audit entry.
 */
export async function sealInTransaction(
  db: AppDb,
  meetingId: string,
  reason: 'approval' | 'amendment',
): Promise<string> {
  const content = await minutesContent(db, meetingId);
  const hash = contentHash(content);
  await db.meetings.update(meetingId, { minutesSeal: { hash, at: nowIso() } });
  await appendAudit(db, [
    {
      table: 'meetings',
      recordId: meetingId,
      op: 'seal',
      after: { hash, reason, amendments: content.amendments.length, content },
    },
  ]);
  return hash;
}

/** The tables a transaction that seals must include. */
export const sealTables = (db: AppDb) => contentTables(db);

// ---------------------------------------------------------------------------------------------
// Reading seals back.

export interface MinutesSeal {
  hash: string;
  at: string;
  user?: string;
  content: MinutesContent;
  amendments: number;
  entry: AuditEntry;
}

async function meetingHistory(db: AppDb, meetingId: string) {
  const audit = db.table<AuditEntry, string>(AUDIT_TABLE);
  const [own, restores] = await Promise.all([
    audit.where('recordId').equals(meetingId).toArray(),
    audit.where('table').equals('backup').toArray(),
  ]);
  const superseded = supersededIds(restores);
  return own.filter((e) => e.table === 'meetings' && !superseded.has(e.id)).sort(compareAudit);
}

function asSeal(e: AuditEntry): MinutesSeal | null {
  const after = e.after as
    { hash?: unknown; content?: MinutesContent; amendments?: number } | undefined;
  if (!after || typeof after.hash !== 'string' || !after.content) return null;
  return {
    hash: after.hash,
    content: after.content,
    amendments: typeof after.amendments === 'number' ? after.amendments : 0,
    at: e.at,
    entry: e,
    ...(e.user ? { user: e.user } : {}),
  };
}

/** Every seal of the meeting's minutes (approval, then one per amendment), oldest first. */
export async function minutesSeals(db: AppDb, meetingId: string): Promise<MinutesSeal[]> {
  return (await meetingHistory(db, meetingId))
    .filter((e) => e.op === 'seal')
    .map(asSeal)
    .filter((s): s is MinutesSeal => !!s);
}

export async function latestSeal(db: AppDb, meetingId: string): Promise<MinutesSeal | null> {
  return (await minutesSeals(db, meetingId)).at(-1) ?? null;
}

/**
 * The fingerprint to print in the approved minutes (and to cite in the minutes that approve
 * them): "3F9A 0C21 B7E4", or null when the minutes are not sealed.
 */
export async function sealFingerprint(db: AppDb, meetingId: string): Promise<string | null> {
  const meeting = await db.meetings.get(meetingId);
  const hash = meeting?.minutesSeal?.hash ?? (await latestSeal(db, meetingId))?.hash;
  return hash ? formatFingerprint(hash) : null;
}

export interface MinutesChange {
  /** "meeting.place", "agendaItems[<id>].discussion", "ballots[<id>].ballot" … */
  path: string;
  before: unknown;
  after: unknown;
}

function flatten(content: MinutesContent): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(content.meeting ?? {})) out.set(`meeting.${k}`, v);
  for (const part of PARTS)
    for (const rec of content[part] ?? [])
      for (const [k, v] of Object.entries(rec))
        if (k !== 'id') out.set(`${part}[${String(rec.id)}].${k}`, v);
  return out;
}

export function contentChanges(sealed: MinutesContent, current: MinutesContent): MinutesChange[] {
  const a = flatten(sealed);
  const b = flatten(current);
  const changes: MinutesChange[] = [];
  for (const path of [...new Set([...a.keys(), ...b.keys()])].sort())
    if (canonicalJson(a.get(path)) !== canonicalJson(b.get(path)))
      changes.push({ path, before: a.get(path), after: b.get(path) });
  return changes;
}

/** What the seal check found. `none`: the minutes were never approved. */
export type SealCheck =
  | { state: 'none' }
  | {
      state: 'ok';
      fingerprint: string;
      hash: string;
      sealedAt: string;
      sealedBy?: string;
      amendments: number;
    }
  /** Approved (by status, approval record or history), but no seal exists. */
  | { state: 'missing' }
  /** The seal record itself was altered: its entry's hash, the meeting's copy or the chain disagree. */
  | { state: 'tampered'; fingerprint: string }
  /** The minutes differ from what was sealed. */
  | {
      state: 'mismatch';
      fingerprint: string;
      hash: string;
      currentHash: string;
      sealedAt: string;
      changes: MinutesChange[];
    };

export const everApproved = (meeting: Meeting, history: readonly AuditEntry[]) =>
  isLocked(meeting.minutesStatus) ||
  !!meeting.minutesApproval ||
  !!meeting.minutesSeal ||
  history.some(approvalOrSeal);

/**
 * Checks the meeting's minutes against their seal. Run on every open of the meeting (page and
 * room) and after a restore; the UI warns on anything but `ok` and `none`.
 */
export async function checkSeal(db: AppDb, meetingId: string): Promise<SealCheck> {
  const meeting = await db.meetings.get(meetingId);
  if (!meeting) throw new DomainError('errors.notFound');
  const history = await meetingHistory(db, meetingId);
  if (!everApproved(meeting, history)) return { state: 'none' };
  // Seals written before the chain existed covered less and cannot be checked: not counted.
  const seals = history.filter((e) => e.op === 'seal' && e.hash);
  const last = seals.at(-1);
  const seal = last ? asSeal(last) : null;
  if (!last || !seal) return { state: 'missing' };
  const fingerprint = formatFingerprint(seal.hash);
  // The seal's own record: its chain hash, the hash kept on the meeting, and the hash the
  // audit recorded when the meeting got it must all agree.
  const recorded = history.filter((e) => e.op === 'update' && e.after?.minutesSeal).at(-1);
  const recordedHash = (recorded?.after?.minutesSeal as { hash?: string } | undefined)?.hash;
  if (
    !last.hash ||
    entryHash(last) !== last.hash ||
    history.some((e) => e.hash && entryHash(e) !== e.hash) ||
    meeting.minutesSeal?.hash !== seal.hash ||
    (recordedHash !== undefined && recordedHash !== seal.hash)
  )
    return { state: 'tampered', fingerprint };
  const current = await minutesContent(db, meetingId);
  const currentHash = contentHash(current);
  if (currentHash !== seal.hash)
    return {
      state: 'mismatch',
      fingerprint,
      hash: seal.hash,
      currentHash,
      sealedAt: seal.at,
      changes: contentChanges(seal.content, current),
    };
  return {
    state: 'ok',
    fingerprint,
    hash: seal.hash,
    sealedAt: seal.at,
    amendments: seal.amendments,
    ...(seal.user ? { sealedBy: seal.user } : {}),
  };
}

export type PaperCheck =
  | { result: 'invalid' }
  /** The data today gives the typed fingerprint. */
  | { result: 'matches'; amendments: number; latest: boolean }
  | { result: 'noMatch'; current: string };

/**
 * Checks a fingerprint typed from paper against the minutes as they are in the database now:
 * the hash is recomputed from the data (not read from the stored seal). Minutes amended since
 * the paper was printed match it with the amendments made after it left out.
 */
export async function checkPaperFingerprint(
  db: AppDb,
  meetingId: string,
  typed: string,
): Promise<PaperCheck> {
  const hex = normalizeFingerprint(typed);
  if (!hex) return { result: 'invalid' };
  const content = await minutesContent(db, meetingId);
  const amendments = [...content.amendments].sort((a, b) =>
    String(a.at).localeCompare(String(b.at)),
  );
  for (let k = amendments.length; k >= 0; k--) {
    const kept = new Set(amendments.slice(0, k).map((a) => a.id));
    const hash = contentHash({
      ...content,
      amendments: content.amendments.filter((a) => kept.has(a.id)),
    });
    if (hash.startsWith(hex))
      return { result: 'matches', amendments: k, latest: k === amendments.length };
  }
  return { result: 'noMatch', current: formatFingerprint(contentHash(content)) };
}

export interface IntegrityReport {
  chain: ChainReport;
  /** Meetings whose seal check is neither ok nor none. */
  seals: { meetingId: string; check: SealCheck }[];
  ok: boolean;
}

/** The whole database: the audit chain and the seal of every approved meeting (after a restore). */
export async function checkIntegrity(db: AppDb): Promise<IntegrityReport> {
  const chain = await verifyAuditChain(db);
  const meetings = await db.meetings.toArray();
  const sealedIds = new Set(
    (await db.table<AuditEntry, string>(AUDIT_TABLE).where('table').equals('meetings').toArray())
      .filter(approvalOrSeal)
      .map((e) => e.recordId),
  );
  const seals: IntegrityReport['seals'] = [];
  for (const m of meetings) {
    if (!sealedIds.has(m.id) && !isLocked(m.minutesStatus) && !m.minutesApproval && !m.minutesSeal)
      continue;
    const check = await checkSeal(db, m.id);
    if (check.state !== 'ok' && check.state !== 'none') seals.push({ meetingId: m.id, check });
  }
  return { chain, seals, ok: chain.ok && seals.length === 0 };
}
