import type {
  AgendaItem,
  Amendment,
  BallotRecord,
  Body,
  Meeting,
  Person,
  PollRecord,
  Resolution,
  Task,
} from '@shared/domain';
import { tasksForReview } from '@shared/domain';
import type { AgendaTemplate, AppDb } from '../schema';
import { attendanceView, type AttendanceView } from '../queries';

export type { AgendaTemplate } from '../schema';

/**
 * An agenda item as the room lists it: without the minutes text and its time of change, which
 * change with every save while someone types.
 */
export type RoomItem = Omit<AgendaItem, 'discussion' | 'updatedAt'>;

/** What the meeting room shows; the discussion of each item is read by its editor alone. */
export interface RoomData extends AttendanceView, RoomRecords, RoomContext {
  items: RoomItem[];
}

/** The whole meeting with the minutes text, for documents and the other windows. */
export interface RoomView extends Omit<RoomData, 'items'> {
  items: AgendaItem[];
}

/** Records created at the meeting (each list read by its own index). */
export interface RoomRecords {
  resolutions: Resolution[];
  /** Tasks assigned at this meeting. */
  tasks: Task[];
  amendments: Amendment[];
  templates: AgendaTemplate[];
  polls: PollRecord[];
  /** Hand-count blocks of open polls (individual ballots stay out of the room view). */
  handCounts: BallotRecord[];
}

/** What the meeting needs from the body's history. */
export interface RoomContext {
  /** Tasks of earlier meetings of the body reviewed (or to be reviewed) here. */
  review: Task[];
  nextMeeting?: Meeting;
  /**
   * People the room names beyond the members and attendees: owners of the tasks shown and the
   * meeting's officers (read by key, not the whole register).
   */
  allPeople: Map<string, Person>;
}

const byOrder = (a: AgendaItem, b: AgendaItem) => a.order - b.order;

/** The meeting and its body: the room's header, before the rest of the room is read. */
export async function roomHead(
  db: AppDb,
  meetingId: string,
): Promise<{ meeting: Meeting; body: Body } | null> {
  const meeting = await db.meetings.get(meetingId);
  const body = meeting && (await db.bodies.get(meeting.bodyId));
  return meeting && body ? { meeting, body } : null;
}

/** The programme of the meeting without the minutes text. */
export async function roomAgenda(db: AppDb, meetingId: string): Promise<RoomItem[]> {
  const items = await db.agendaItems.where('meetingId').equals(meetingId).toArray();
  return items.sort(byOrder).map(({ discussion: _text, updatedAt: _at, ...item }) => item);
}

/** The minutes text of one agenda item ('' for an item that is gone). */
export async function itemDiscussion(db: AppDb, itemId: string): Promise<string> {
  return (await db.agendaItems.get(itemId))?.discussion ?? '';
}

export async function roomRecords(db: AppDb, meetingId: string): Promise<RoomRecords | null> {
  const meeting = await db.meetings.get(meetingId);
  if (!meeting) return null;
  const [polls, resolutions, tasks, amendments, templates] = await Promise.all([
    db.polls.where('meetingId').equals(meetingId).toArray(),
    db.resolutions.where('meetingId').equals(meetingId).toArray(),
    db.tasks.where('meetingId').equals(meetingId).toArray(),
    db.amendments.where('meetingId').equals(meetingId).toArray(),
    db.agendaTemplates.where('bodyId').equals(meeting.bodyId).toArray(),
  ]);
  polls.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const openIds = polls.filter((p) => p.status === 'open').map((p) => p.id);
  const handCounts = openIds.length
    ? (await db.ballots.where('pollId').anyOf(openIds).toArray()).filter((b) => b.source === 'hand')
    : [];
  return {
    resolutions: resolutions.sort((a, b) => a.seq - b.seq),
    tasks: tasks.sort((a, b) => a.seq - b.seq),
    amendments: amendments.sort((a, b) => a.at.localeCompare(b.at)),
    templates,
    polls,
    handCounts,
  };
}

export async function roomContext(db: AppDb, meetingId: string): Promise<RoomContext | null> {
  const meeting = await db.meetings.get(meetingId);
  if (!meeting) return null;
  const [bodyMeetings, bodyTasks, tasks] = await Promise.all([
    db.meetings.where('bodyId').equals(meeting.bodyId).toArray(),
    db.tasks.where('bodyId').equals(meeting.bodyId).toArray(),
    db.tasks.where('meetingId').equals(meetingId).toArray(),
  ]);
  const key = (m: Meeting) => m.date + m.timeFrom;
  const earlier = new Set(
    bodyMeetings.filter((m) => m.id !== meeting.id && key(m) < key(meeting)).map((m) => m.id),
  );
  const review = tasksForReview(bodyTasks, meeting, earlier).sort((a, b) =>
    a.number.localeCompare(b.number, 'cs', { numeric: true }),
  );
  const named = [
    ...tasks.map((t) => t.ownerId),
    ...review.map((t) => t.ownerId),
    meeting.chairId,
    meeting.minuteTakerId,
    meeting.verifierId,
    meeting.signerId,
  ].filter((id): id is string => !!id);
  const people = await db.people.bulkGet([...new Set(named)]);
  return {
    review,
    nextMeeting: meeting.nextMeetingId
      ? bodyMeetings.find((m) => m.id === meeting.nextMeetingId)
      : undefined,
    allPeople: new Map(people.filter((p): p is Person => !!p).map((p) => [p.id, p])),
  };
}

export async function roomView(db: AppDb, meetingId: string): Promise<RoomView | null> {
  const [base, items, records, context] = await Promise.all([
    attendanceView(db, meetingId),
    db.agendaItems.where('meetingId').equals(meetingId).toArray(),
    roomRecords(db, meetingId),
    roomContext(db, meetingId),
  ]);
  if (!base || !records || !context) return null;
  return { ...base, ...records, ...context, items: items.sort(byOrder) };
}

// The task list moved to tasks.ts (read by status); re-exported for older imports.
export { listTasks, type TaskRow } from '../meetings/tasks';

/** Passed resolutions of later meetings of the body: candidates to approve these minutes. */
export async function approvalCandidates(db: AppDb, meetingId: string): Promise<Resolution[]> {
  const meeting = await db.meetings.get(meetingId);
  if (!meeting) return [];
  const later = (await db.meetings.where('bodyId').equals(meeting.bodyId).toArray()).filter(
    (m) => m.date + m.timeFrom > meeting.date + meeting.timeFrom,
  );
  if (later.length === 0) return [];
  const rs = await db.resolutions
    .where('meetingId')
    .anyOf(later.map((m) => m.id))
    .toArray();
  return rs
    .filter((r) => r.outcome === 'passed')
    .sort((a, b) => a.number.localeCompare(b.number, 'cs', { numeric: true }));
}
