import type { Meeting, MeetingInput, NoticeCheck } from '@shared/domain';
import { checkNotice, meetingInput, nextMeetingSeq, yearOf } from '@shared/domain';
import { newId, nowIso, todayIso } from './clock';
import { DomainError, parseOrThrow } from './errors';
import { editableMeeting } from './guard';
import type { AppDb } from './schema';

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
  return db.transaction('rw', [db.meetings, db.bodies, db.people], async () => {
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
    return { meeting, notice: checkNotice(data.date, today, body.rules.leadTime) };
  });
}

export async function updateMeeting(
  db: AppDb,
  id: string,
  input: MeetingInput,
  today = todayIso(),
): Promise<SavedMeeting> {
  const data = parseOrThrow(meetingInput, input);
  return db.transaction('rw', [db.meetings, db.bodies, db.people], async () => {
    const current = await editableMeeting(db, id);
    if (data.bodyId !== current.bodyId) throw new DomainError('errors.meetingBodyFixed');
    await checkReferences(db, data);
    const body = (await db.bodies.get(data.bodyId))!;
    const year = yearOf(data.date);
    // Moving a meeting into another year gives it that year's next number.
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
    return { meeting, notice: checkNotice(data.date, today, body.rules.leadTime) };
  });
}

/** Deletes a meeting together with everything recorded at it. */
export async function removeMeeting(db: AppDb, id: string): Promise<void> {
  await db.transaction(
    'rw',
    [db.meetings, db.attendance, db.agendaItems, db.resolutions, db.tasks, db.amendments],
    async () => {
      const meeting = await db.meetings.get(id);
      if (meeting?.minutesStatus === 'approved') throw new DomainError('errors.minutesLocked');
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
      await db.meetings
        .filter((m) => m.nextMeetingId === id)
        .modify((m) => {
          delete m.nextMeetingId;
        });
      await db.meetings.delete(id);
    },
  );
}
