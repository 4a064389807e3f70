import type { Body, Meeting, Resolution, ResolutionInput, Task, TaskInput } from '@shared/domain';
import {
  evaluateResolution,
  isInRoom,
  resolutionInput,
  resolutionNumber,
  taskInput,
  taskNumber,
  VoteCountError,
} from '@shared/domain';
import type { EntitlementSnapshot } from '@shared/voting';
import { newId, nowIso } from '../clock';
import { DomainError, parseOrThrow } from '../errors';
import { editableMeeting } from '../guard';
import { attendanceView } from '../queries';
import type { AppDb } from '../schema';

/** Who may vote right now: members with a vote (and guests if the rules give them one), and who is in the room. */
export interface RoomSnapshot extends EntitlementSnapshot {
  /** Guests given a vote by the rules: they vote but never count towards the quorum. */
  guestIds: Set<string>;
}

export async function entitlementSnapshot(db: AppDb, meetingId: string): Promise<RoomSnapshot> {
  const view = await attendanceView(db, meetingId);
  if (!view) throw new DomainError('errors.notFound');
  const members = view.members.map((m) => {
    const a = view.attendance.get(m.personId);
    const role =
      a?.status === 'substituted' && a.substituteId
        ? view.people.get(a.substituteId)?.triadRole
        : m.person.triadRole;
    return { voterId: m.personId, role, entitled: m.votingRight, present: !!a && isInRoom(a) };
  });
  const guests = view.body.rules.guestsVote
    ? view.guests.map((g) => ({
        voterId: g.person.id,
        role: g.person.triadRole,
        entitled: true,
        present: isInRoom(g.attendance),
      }))
    : [];
  return {
    takenAt: nowIso(),
    members: [...members, ...guests],
    guestIds: new Set(guests.map((g) => g.voterId)),
  };
}

/** Identity, sequence, number (by the body's pattern) and time of a meeting's next resolution. */
export async function newResolutionStub(
  db: AppDb,
  meeting: Meeting,
  body: Body,
  agendaItemId: string,
) {
  const existing = await db.resolutions.where('meetingId').equals(meeting.id).toArray();
  const seq = existing.reduce((max, r) => Math.max(max, r.seq), 0) + 1;
  const now = nowIso();
  return {
    id: newId(),
    meetingId: meeting.id,
    bodyId: body.id,
    agendaItemId,
    seq,
    number: resolutionNumber(body.resolutionPattern, {
      bodyCode: body.code,
      meetingSeq: meeting.seq,
      year: meeting.year,
      seq,
    }),
    createdAt: now,
    updatedAt: now,
  };
}

const TABLES = (db: AppDb) => [
  db.resolutions,
  db.tasks,
  db.meetings,
  db.bodies,
  db.agendaItems,
  db.attendance,
  db.memberships,
  db.people,
  db.organizations,
];

export async function addResolution(
  db: AppDb,
  agendaItemId: string,
  input: ResolutionInput,
  task?: TaskInput,
): Promise<Resolution> {
  const data = parseOrThrow(resolutionInput, input);
  const taskData = task ? parseOrThrow(taskInput, task) : undefined;
  return db.transaction('rw', TABLES(db), async () => {
    const item = await db.agendaItems.get(agendaItemId);
    if (!item) throw new DomainError('errors.notFound');
    const meeting = await editableMeeting(db, item.meetingId);
    const body = await db.bodies.get(meeting.bodyId);
    if (!body) throw new DomainError('errors.unknownBody');
    const snapshot = await entitlementSnapshot(db, meeting.id);
    let evaluated;
    try {
      evaluated = evaluateResolution(
        data.result,
        body.rules,
        { takenAt: snapshot.takenAt, members: snapshot.members },
        snapshot.guestIds,
      );
    } catch (e) {
      if (e instanceof VoteCountError) throw new DomainError(e.code, e.params);
      throw e;
    }
    const resolution: Resolution = {
      ...(await newResolutionStub(db, meeting, body, agendaItemId)),
      verb: data.verb,
      text: data.text,
      result: data.result,
      outcome: evaluated.outcome,
      decision: evaluated.decision,
    };
    await db.resolutions.add(resolution);
    if (taskData)
      await insertTask(db, meeting.id, taskData, { agendaItemId, resolutionId: resolution.id });
    return resolution;
  });
}

/** Removes a resolution of draft minutes; the later ones of the meeting close the gap. */
export async function removeResolution(db: AppDb, id: string): Promise<void> {
  await db.transaction('rw', [db.resolutions, db.meetings, db.bodies, db.tasks], async () => {
    const r = await db.resolutions.get(id);
    if (!r) return;
    const meeting = await editableMeeting(db, r.meetingId);
    const body = await db.bodies.get(r.bodyId);
    // Removing renumbers the later ones; none of them may be the one that approved other minutes.
    const shifted = new Set(
      (await db.resolutions.where('meetingId').equals(r.meetingId).toArray())
        .filter((x) => x.seq >= r.seq)
        .map((x) => x.id),
    );
    const approving = await db.meetings
      .filter(
        (m) =>
          m.minutesApproval?.by === 'resolution' && shifted.has(m.minutesApproval.resolutionId),
      )
      .count();
    if (approving > 0) throw new DomainError('errors.resolutionApprovesMinutes');
    await db.tasks
      .where('meetingId')
      .equals(r.meetingId)
      .filter((t) => t.resolutionId === id)
      .modify((t) => {
        delete t.resolutionId;
      });
    await db.resolutions.delete(id);
    const rest = (await db.resolutions.where('meetingId').equals(r.meetingId).toArray()).sort(
      (a, b) => a.seq - b.seq,
    );
    for (const [i, other] of rest.entries()) {
      if (other.seq === i + 1) continue;
      const number = resolutionNumber(body?.resolutionPattern, {
        bodyCode: body?.code ?? '',
        meetingSeq: meeting.seq,
        year: meeting.year,
        seq: i + 1,
      });
      await db.resolutions.update(other.id, { seq: i + 1, number });
    }
  });
}

async function insertTask(
  db: AppDb,
  meetingId: string,
  data: ReturnType<typeof taskInput.parse>,
  links: { agendaItemId?: string; resolutionId?: string },
): Promise<Task> {
  const meeting = await db.meetings.get(meetingId);
  if (!meeting) throw new DomainError('errors.notFound');
  if (data.ownerId && !(await db.people.get(data.ownerId)))
    throw new DomainError('errors.unknownPerson');
  const seq =
    (await db.tasks.where('meetingId').equals(meetingId).toArray()).reduce(
      (max, t) => Math.max(max, t.seq),
      0,
    ) + 1;
  const now = nowIso();
  const task: Task = {
    id: newId(),
    bodyId: meeting.bodyId,
    meetingId,
    seq,
    number: taskNumber(meeting, seq),
    text: data.text,
    status: 'open',
    reviews: [],
    createdAt: now,
    updatedAt: now,
  };
  if (data.ownerId) task.ownerId = data.ownerId;
  if (data.deadline) task.deadline = data.deadline;
  if (links.agendaItemId) task.agendaItemId = links.agendaItemId;
  if (links.resolutionId) task.resolutionId = links.resolutionId;
  await db.tasks.add(task);
  return task;
}

export async function addTask(
  db: AppDb,
  meetingId: string,
  input: TaskInput,
  agendaItemId?: string,
): Promise<Task> {
  const data = parseOrThrow(taskInput, input);
  return db.transaction('rw', [db.tasks, db.meetings, db.people], async () => {
    await editableMeeting(db, meetingId);
    return insertTask(db, meetingId, data, { agendaItemId });
  });
}
