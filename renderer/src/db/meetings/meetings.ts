import type { Meeting, MeetingInput, NoticeCheck } from '@shared/domain';
import {
  checkNotice,
  isMeetingHeld,
  meetingInput,
  nextMeetingSeq,
  numberMeetings,
  yearOf,
} from '@shared/domain';
import { newId, nowIso, todayIso } from '../clock';
import { DomainError, parseOrThrow } from '../errors';
import { editableMeeting } from '../guard';
import type { AppDb } from '../schema';

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

type MeetingData = Omit<Meeting, 'id' | 'createdAt' | 'updatedAt' | 'seq' | 'year'>;

async function checkReferences(db: AppDb, data: MeetingData): Promise<void> {
  if (!(await db.bodies.get(data.bodyId))) throw new DomainError('errors.unknownBody');
  for (const personId of [data.chairId, data.minuteTakerId, data.verifierId]) {
    if (personId && !(await db.people.get(personId))) throw new DomainError('errors.unknownPerson');
  }
}

async function seqFor(db: AppDb, bodyId: string, year: number): Promise<number> {
  const existing = await db.meetings.where('[bodyId+year]').equals([bodyId, year]).toArray();
  return nextMeetingSeq(existing, year);
}

/** Tables a renumbering reads or writes: run it inside a transaction that holds them all. */
const numberingTables = (db: AppDb) => [
  db.meetings,
  db.attendance,
  db.resolutions,
  db.tasks,
  db.polls,
];

/**
 * Numbers of one body's year in date order (shared/domain/numbering.ts): meetings not yet
 * held are renumbered, held ones keep their number. `unnumbered` is a meeting that has just
 * arrived in this year (new, or moved from another year): it takes its place by date even
 * when it is already held. Call inside the caller's transaction, after its writes.
 */
async function renumberYear(
  db: AppDb,
  bodyId: string,
  year: number,
  today: string,
  unnumbered?: string,
): Promise<void> {
  const meetings = await db.meetings.where('[bodyId+year]').equals([bodyId, year]).toArray();
  if (meetings.length === 0) return;
  const ids = meetings.map((m) => m.id);
  const recorded = new Set<string>();
  for (const a of await db.attendance.where('meetingId').anyOf(ids).toArray())
    if (a.status === 'present' || a.status === 'substituted' || a.status === 'guest')
      recorded.add(a.meetingId);
  for (const r of await db.resolutions.where('meetingId').anyOf(ids).toArray())
    recorded.add(r.meetingId);
  for (const t of await db.tasks.where('meetingId').anyOf(ids).toArray()) recorded.add(t.meetingId);
  for (const p of await db.polls.where('meetingId').anyOf(ids).toArray())
    if (p.status !== 'draft') recorded.add(p.meetingId);
  const numbers = numberMeetings(
    meetings.map((m) => ({
      ...m,
      fixed: m.id !== unnumbered && isMeetingHeld(m, today, recorded.has(m.id)),
    })),
  );
  const now = nowIso();
  for (const m of meetings) {
    const seq = numbers.get(m.id)!;
    if (seq !== m.seq) await db.meetings.update(m.id, { seq, updatedAt: now });
  }
}

export interface SavedMeeting {
  meeting: Meeting;
  /** The notice the body's rules require, judged for invitations sent today. */
  notice: NoticeCheck;
}

/** Schedules a meeting; `previousMeetingId` links it as that meeting's "next meeting". */
export async function createMeeting(
  db: AppDb,
  input: MeetingInput,
  today = todayIso(),
  previousMeetingId?: string,
): Promise<SavedMeeting> {
  const data = parseOrThrow(meetingInput, input);
  const tables = [db.bodies, db.people, ...numberingTables(db)];
  return db.transaction('rw', tables, async () => {
    await checkReferences(db, data);
    const body = (await db.bodies.get(data.bodyId))!;
    const year = yearOf(data.date);
    const now = nowIso();
    const meeting: Meeting = {
      ...data,
      id: newId(),
      year,
      seq: await seqFor(db, data.bodyId, year),
      createdAt: now,
      updatedAt: now,
    };
    if (previousMeetingId) {
      const previous = await db.meetings.get(previousMeetingId);
      if (!previous || previous.bodyId !== data.bodyId) throw new DomainError('errors.notFound');
      if (previous.date + previous.timeFrom >= data.date + data.timeFrom)
        throw new DomainError('errors.nextBeforePrevious');
      await db.meetings.update(previousMeetingId, { nextMeetingId: meeting.id, updatedAt: now });
    }
    await db.meetings.add(meeting);
    await renumberYear(db, data.bodyId, year, today, meeting.id);
    return {
      meeting: (await db.meetings.get(meeting.id))!,
      notice: checkNotice(data.date, today, body.rules.leadTime),
    };
  });
}

export async function updateMeeting(
  db: AppDb,
  id: string,
  input: MeetingInput,
  today = todayIso(),
): Promise<SavedMeeting> {
  const data = parseOrThrow(meetingInput, input);
  const tables = [db.bodies, db.people, ...numberingTables(db)];
  return db.transaction('rw', tables, async () => {
    const current = await editableMeeting(db, id);
    if (data.bodyId !== current.bodyId) throw new DomainError('errors.meetingBodyFixed');
    await checkReferences(db, data);
    const body = (await db.bodies.get(data.bodyId))!;
    const year = yearOf(data.date);
    // Moving a meeting into another year: a provisional number, set by date order below.
    const seq = year === current.year ? current.seq : await seqFor(db, data.bodyId, year);
    // Keep the room's state (minutes status, next meeting…); form fields cleared in the form go away.
    const kept: Meeting = { ...current };
    for (const key of ['chairId', 'minuteTakerId', 'verifierId', 'note', 'materials'] as const)
      delete kept[key];
    const meeting: Meeting = {
      ...kept,
      ...stripUndefined(data),
      id,
      year,
      seq,
      createdAt: current.createdAt,
      updatedAt: nowIso(),
    };
    await db.meetings.put(meeting);
    // Both years read in date order again; a meeting moved to another year is new there.
    await renumberYear(db, data.bodyId, year, today, year === current.year ? undefined : id);
    if (year !== current.year) await renumberYear(db, data.bodyId, current.year, today);
    return {
      meeting: (await db.meetings.get(id))!,
      notice: checkNotice(data.date, today, body.rules.leadTime),
    };
  });
}

/** Deletes a meeting together with everything recorded at it; later open meetings move up. */
export async function removeMeeting(db: AppDb, id: string, today = todayIso()): Promise<void> {
  const tables = [...numberingTables(db), db.agendaItems, db.amendments, db.polls, db.ballots];
  await db.transaction('rw', tables, async () => {
    const meeting = await db.meetings.get(id);
    if (meeting) await editableMeeting(db, id, { reopen: false });
    const ownResolutions = new Set(
      (await db.resolutions.where('meetingId').equals(id).toArray()).map((r) => r.id),
    );
    if (
      (await db.meetings
        .filter(
          (m) =>
            m.minutesApproval?.by === 'resolution' &&
            ownResolutions.has(m.minutesApproval.resolutionId),
        )
        .count()) > 0
    ) {
      throw new DomainError('errors.resolutionApprovesMinutes');
    }
    await db.tasks
      .filter((t) => t.reviews.some((r) => r.meetingId === id))
      .modify((t) => {
        t.reviews = t.reviews.filter((r) => r.meetingId !== id);
      });
    await db.attendance.where('meetingId').equals(id).delete();
    await db.agendaItems.where('meetingId').equals(id).delete();
    await db.resolutions.where('meetingId').equals(id).delete();
    await db.tasks.where('meetingId').equals(id).delete();
    await db.amendments.where('meetingId').equals(id).delete();
    // Polls go with their meeting, ballots with their polls: nothing is left pointing nowhere.
    const polls = await db.polls.where('meetingId').equals(id).primaryKeys();
    if (polls.length) await db.ballots.where('pollId').anyOf(polls).delete();
    await db.polls.where('meetingId').equals(id).delete();
    await db.meetings
      .filter((m) => m.nextMeetingId === id)
      .modify((m) => {
        delete m.nextMeetingId;
      });
    await db.meetings.delete(id);
    if (meeting) await renumberYear(db, meeting.bodyId, meeting.year, today);
  });
}
