import type { Task, TaskInput, TaskStatus } from '@shared/domain';
import { isPending, isSafeText, TASK_STATUSES, taskInput } from '@shared/domain';
import { nowIso } from '../clock';
import { DomainError, parseOrThrow } from '../errors';
import { editableMeeting } from '../guard';
import type { AppDb } from '../schema';

export async function updateTask(db: AppDb, id: string, input: TaskInput): Promise<void> {
  const data = parseOrThrow(taskInput, input);
  await db.transaction('rw', [db.tasks, db.meetings, db.people], async () => {
    const task = await db.tasks.get(id);
    if (!task) throw new DomainError('errors.notFound');
    await editableMeeting(db, task.meetingId);
    if (data.ownerId && !(await db.people.get(data.ownerId)))
      throw new DomainError('errors.unknownPerson');
    const next = { ...task, text: data.text, updatedAt: nowIso() };
    delete next.ownerId;
    delete next.deadline;
    if (data.ownerId) next.ownerId = data.ownerId;
    if (data.deadline) next.deadline = data.deadline;
    await db.tasks.put(next);
  });
}

export async function removeTask(db: AppDb, id: string): Promise<void> {
  await db.transaction('rw', db.tasks, db.meetings, async () => {
    const task = await db.tasks.get(id);
    if (!task) return;
    await editableMeeting(db, task.meetingId);
    if (task.reviews.length > 0) throw new DomainError('errors.taskReviewed');
    await db.tasks.delete(id);
  });
}

/**
 * "Kontrola úkolů": the status a later meeting found the task in, with a comment. The task
 * takes that status; the review stays in the task's history under that meeting.
 */
export async function reviewTask(
  db: AppDb,
  taskId: string,
  meetingId: string,
  status: TaskStatus,
  comment?: string,
): Promise<void> {
  if (!TASK_STATUSES.includes(status)) throw new DomainError('errors.invalid');
  const clean = comment?.trim() || undefined;
  // Refused, never cut or stored with characters a backup would refuse.
  if (clean && clean.length > 2000) throw new DomainError('errors.tooLong');
  if (clean && !isSafeText(clean)) throw new DomainError('errors.unsafeText');
  await db.transaction('rw', db.tasks, db.meetings, async () => {
    const task = await db.tasks.get(taskId);
    if (!task) throw new DomainError('errors.notFound');
    const meeting = await editableMeeting(db, meetingId);
    const assignedAt = await db.meetings.get(task.meetingId);
    const later =
      assignedAt && meeting.date + meeting.timeFrom > assignedAt.date + assignedAt.timeFrom;
    if (meeting.bodyId !== task.bodyId || meeting.id === task.meetingId || !later)
      throw new DomainError('errors.invalid');
    const review = { meetingId, status, at: nowIso(), ...(clean ? { comment: clean } : {}) };
    const reviews = [...task.reviews.filter((r) => r.meetingId !== meetingId), review];
    await db.tasks.update(taskId, { status, reviews, updatedAt: nowIso() });
  });
}

/** Status of a task outside a meeting (task list): done, cancelled, reopened. */
export async function setTaskStatus(db: AppDb, taskId: string, status: TaskStatus): Promise<void> {
  if (!TASK_STATUSES.includes(status)) throw new DomainError('errors.invalid');
  await db.tasks.update(taskId, { status, updatedAt: nowIso() });
}

/** Open and ongoing: the statuses the task list shows by default. */
export const PENDING_STATUSES: readonly TaskStatus[] = TASK_STATUSES.filter((status) =>
  isPending({ status }),
);

export interface TaskRow extends Task {
  bodyCode: string;
  meetingNumber: string;
  ownerName?: string;
}

/**
 * Tasks across bodies, newest meeting first. With `statuses`, only those tasks are read, through
 * the status index (a region's ten years hold thousands of finished tasks the list never shows),
 * and only their meetings and owners.
 */
export async function listTasks(db: AppDb, statuses?: readonly TaskStatus[]): Promise<TaskRow[]> {
  // One indexed getAll per status: anyOf() would walk a cursor, one round trip per task.
  // Bodies are read alongside the tasks, not after them: one round trip less before the first frame.
  const [tasks, bodies] = await Promise.all([
    statuses
      ? Promise.all(statuses.map((s) => db.tasks.where('status').equals(s).toArray())).then((l) =>
          l.flat(),
        )
      : db.tasks.toArray(),
    db.bodies.toArray(),
  ]);
  const meetingIds = [...new Set(tasks.map((t) => t.meetingId))];
  const ownerIds = [...new Set(tasks.flatMap((t) => (t.ownerId ? [t.ownerId] : [])))];
  const [meetings, owners] = await Promise.all([
    statuses ? db.meetings.bulkGet(meetingIds) : db.meetings.toArray(),
    db.people.bulkGet(ownerIds),
  ]);
  const meetingById = new Map(meetings.flatMap((m) => (m ? [[m.id, m] as const] : [])));
  const bodyById = new Map(bodies.map((b) => [b.id, b]));
  const personById = new Map(owners.flatMap((p) => (p ? [[p.id, p] as const] : [])));
  return tasks
    .map((t) => {
      const m = meetingById.get(t.meetingId);
      const owner = t.ownerId ? personById.get(t.ownerId) : undefined;
      return {
        ...t,
        bodyCode: bodyById.get(t.bodyId)?.code ?? '',
        meetingNumber: m ? `${m.seq}/${m.year}` : '',
        ownerName: owner
          ? [owner.title, owner.firstName, owner.lastName].filter(Boolean).join(' ')
          : undefined,
        _date: m?.date ?? '',
      };
    })
    .sort((a, b) => (a._date === b._date ? a.seq - b.seq : a._date < b._date ? 1 : -1)) // ISO days: plain order, no collation per comparison
    .map(({ _date, ...t }) => t);
}
