// Reading the audit trail, the user's name for it, and the seal of approved minutes.
import { useLiveQuery } from 'dexie-react-hooks';
import { canonicalJson, sha256Hex } from '@shared/backup';
import { auditUser, compareAudit, setAuditUser, type AuditEntry } from './audit';
import { newId, nowIso } from './clock';
import { DomainError } from './errors';
import { db as appDb, type AppDb } from './schema';

export const USER_NAME_KEY = 'userName';

const auditTable = (db: AppDb) => db.table<AuditEntry, string>('audit');

/** History of one record, newest first. */
export async function auditFor(db: AppDb, table: string, recordId: string): Promise<AuditEntry[]> {
  const rows = await auditTable(db).where('recordId').equals(recordId).toArray();
  return rows.filter((e) => e.table === table).sort((a, b) => compareAudit(b, a));
}

export const useAuditLog = (table: string, recordId: string | undefined) =>
  useLiveQuery(async () => (recordId ? auditFor(appDb, table, recordId) : []), [table, recordId]);

/** Loads the user's name into the audit at start-up; returns it (undefined: not asked yet). */
export async function loadUserName(db: AppDb): Promise<string | undefined> {
  const value = (await db.settings.get(USER_NAME_KEY))?.value;
  const name = typeof value === 'string' && value.trim() ? value.trim() : undefined;
  setAuditUser(db, name);
  return name;
}

export async function saveUserName(db: AppDb, name: string): Promise<void> {
  const trimmed = name.trim();
  if (!trimmed) throw new DomainError('errors.required');
  if (trimmed.length > 120) throw new DomainError('errors.tooLong');
  await db.settings.put({ key: USER_NAME_KEY, value: trimmed });
  setAuditUser(db, trimmed);
}

// ---------------------------------------------------------------------------------------------
// Minutes seal: when minutes are approved, the SHA-256 of their content is stored (as a 'seal'
// entry of the meeting's audit trail, with the sealed content), and any later change shows as
// a difference from it.

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
] as const;
const ITEM_FIELDS = ['id', 'order', 'title', 'presenter', 'kind', 'note', 'discussion'] as const;
const RESOLUTION_FIELDS = [
  'id',
  'agendaItemId',
  'number',
  'verb',
  'text',
  'result',
  'outcome',
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

export interface MinutesContent {
  meeting: Rec;
  agendaItems: Rec[];
  resolutions: Rec[];
  tasks: Rec[];
  attendance: Rec[];
}

/** The content minutes consist of, in a canonical order (no timestamps, no live state). */
export async function minutesContent(db: AppDb, meetingId: string): Promise<MinutesContent> {
  return db.transaction(
    'r',
    [db.meetings, db.agendaItems, db.resolutions, db.tasks, db.attendance],
    async () => {
      const meeting = await db.meetings.get(meetingId);
      if (!meeting) throw new DomainError('errors.notFound');
      const [items, resolutions, tasks, attendance] = await Promise.all([
        db.agendaItems.where('meetingId').equals(meetingId).toArray(),
        db.resolutions.where('meetingId').equals(meetingId).toArray(),
        db.tasks.where('meetingId').equals(meetingId).toArray(),
        db.attendance.where('meetingId').equals(meetingId).toArray(),
      ]);
      return {
        meeting: pick(meeting as unknown as Rec, MEETING_FIELDS),
        agendaItems: items.map((i) => pick(i as unknown as Rec, ITEM_FIELDS)).sort(byId),
        resolutions: resolutions
          .map((r) => pick(r as unknown as Rec, RESOLUTION_FIELDS))
          .sort(byId),
        tasks: tasks.map((t) => pick(t as unknown as Rec, TASK_FIELDS)).sort(byId),
        attendance: attendance.map((a) => pick(a as unknown as Rec, ATTENDANCE_FIELDS)).sort(byId),
      };
    },
  );
}

/** SHA-256 (hex) of the canonical JSON of the meeting's minutes content. */
export async function minutesHash(db: AppDb, meetingId: string): Promise<string> {
  return sha256Hex(canonicalJson(await minutesContent(db, meetingId)));
}

export interface MinutesSeal {
  hash: string;
  at: string;
  user?: string;
  content: MinutesContent;
}

/** Stores the seal of the minutes as they are now. Call it when the minutes are approved. */
export async function sealMinutes(db: AppDb, meetingId: string): Promise<MinutesSeal> {
  const content = await minutesContent(db, meetingId);
  const hash = await sha256Hex(canonicalJson(content));
  const at = nowIso();
  const user = auditUser(db);
  const entry: AuditEntry = {
    id: newId(),
    table: 'meetings',
    recordId: meetingId,
    op: 'seal',
    after: { hash, content },
    at,
    ...(user ? { user } : {}),
  };
  await auditTable(db).add(entry);
  return { hash, at, content, ...(user ? { user } : {}) };
}

export async function latestSeal(db: AppDb, meetingId: string): Promise<MinutesSeal | null> {
  const seal = (await auditFor(db, 'meetings', meetingId)).find((e) => e.op === 'seal');
  if (!seal?.after) return null;
  const after = seal.after as { hash: string; content: MinutesContent };
  return {
    hash: after.hash,
    content: after.content,
    at: seal.at,
    ...(seal.user ? { user: seal.user } : {}),
  };
}

export interface MinutesChange {
  /** "meeting.place", "agendaItems[<id>].discussion", "resolutions[<id>]" (added/removed). */
  path: string;
  before: unknown;
  after: unknown;
}

export interface MinutesDiff {
  sealedAt: string;
  sealedBy?: string;
  sealedHash: string;
  currentHash: string;
  changed: boolean;
  changes: MinutesChange[];
}

function flatten(content: MinutesContent): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(content.meeting)) out.set(`meeting.${k}`, v);
  for (const part of ['agendaItems', 'resolutions', 'tasks', 'attendance'] as const) {
    for (const rec of content[part]) {
      for (const [k, v] of Object.entries(rec))
        if (k !== 'id') out.set(`${part}[${String(rec.id)}].${k}`, v);
    }
  }
  return out;
}

/** What changed in the minutes since they were sealed; null when they were never sealed. */
export async function minutesDiffSinceSeal(
  db: AppDb,
  meetingId: string,
): Promise<MinutesDiff | null> {
  const seal = await latestSeal(db, meetingId);
  if (!seal) return null;
  const current = await minutesContent(db, meetingId);
  const currentHash = await sha256Hex(canonicalJson(current));
  const a = flatten(seal.content);
  const b = flatten(current);
  const changes: MinutesChange[] = [];
  for (const path of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    if (canonicalJson(a.get(path)) !== canonicalJson(b.get(path)))
      changes.push({ path, before: a.get(path), after: b.get(path) });
  }
  return {
    sealedAt: seal.at,
    ...(seal.user ? { sealedBy: seal.user } : {}),
    sealedHash: seal.hash,
    currentHash,
    changed: currentHash !== seal.hash,
    changes,
  };
}

/** The user's name: `undefined` while loading, `{ name: undefined }` when not asked yet. */
export const useUserName = () =>
  useLiveQuery(async () => {
    const value = (await appDb.settings.get(USER_NAME_KEY))?.value;
    return { name: typeof value === 'string' && value ? value : undefined };
  });
