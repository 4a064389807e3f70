import type {
  AgendaItem,
  Amendment,
  BallotRecord,
  Meeting,
  Person,
  PollRecord,
  Resolution,
  Task,
} from '@shared/domain';
import { tasksForReview } from '@shared/domain';
import type { AgendaTemplate, AppDb } from './schema';
import { attendanceView, type AttendanceView } from './queries';

export interface RoomView extends AttendanceView {
  items: AgendaItem[];
  resolutions: Resolution[];
  /** Tasks assigned at this meeting. */
  tasks: Task[];
  /** Tasks of earlier meetings of the body reviewed (or to be reviewed) here. */
  review: Task[];
  amendments: Amendment[];
  templates: AgendaTemplate[];
  polls: PollRecord[];
  /** Hand-count blocks of open polls (individual ballots stay out of the room view). */
  handCounts: BallotRecord[];
  nextMeeting?: Meeting;
  /** Everyone a task can be assigned to: active members first, then anyone named in the room. */
  allPeople: Map<string, Person>;
}

export async function roomView(db: AppDb, meetingId: string): Promise<RoomView | null> {
  const base = await attendanceView(db, meetingId);
  if (!base) return null;
  const { meeting } = base;
  const polls = (await db.polls.where('meetingId').equals(meetingId).toArray()).sort((a, b) =>
    a.createdAt.localeCompare(b.createdAt),
  );
  const openIds = polls.filter((p) => p.status === 'open').map((p) => p.id);
  const handCounts = openIds.length
    ? (await db.ballots.where('pollId').anyOf(openIds).toArray()).filter((b) => b.source === 'hand')
    : [];
  const [items, resolutions, tasks, bodyMeetings, bodyTasks, amendments, templates, people] =
    await Promise.all([
      db.agendaItems.where('meetingId').equals(meetingId).toArray(),
      db.resolutions.where('meetingId').equals(meetingId).toArray(),
      db.tasks.where('meetingId').equals(meetingId).toArray(),
      db.meetings.where('bodyId').equals(meeting.bodyId).toArray(),
      db.tasks.where('bodyId').equals(meeting.bodyId).toArray(),
      db.amendments.where('meetingId').equals(meetingId).toArray(),
      db.agendaTemplates.where('bodyId').equals(meeting.bodyId).toArray(),
      db.people.toArray(),
    ]);
  const key = (m: Meeting) => m.date + m.timeFrom;
  const earlier = new Set(
    bodyMeetings.filter((m) => m.id !== meeting.id && key(m) < key(meeting)).map((m) => m.id),
  );
  const nextMeeting = meeting.nextMeetingId
    ? bodyMeetings.find((m) => m.id === meeting.nextMeetingId)
    : undefined;
  return {
    ...base,
    items: items.sort((a, b) => a.order - b.order),
    resolutions: resolutions.sort((a, b) => a.seq - b.seq),
    tasks: tasks.sort((a, b) => a.seq - b.seq),
    review: tasksForReview(bodyTasks, meeting, earlier).sort((a, b) =>
      a.number.localeCompare(b.number, 'cs', { numeric: true }),
    ),
    amendments: amendments.sort((a, b) => a.at.localeCompare(b.at)),
    templates,
    polls,
    handCounts,
    nextMeeting,
    allPeople: new Map(people.map((p) => [p.id, p])),
  };
}

// The task list moved to tasks.ts (read by status); re-exported for older imports.
export { listTasks, type TaskRow } from './tasks';

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
