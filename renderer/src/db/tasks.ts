import type { TaskInput, TaskStatus } from '@shared/domain';
import { isSafeText, TASK_STATUSES, taskInput } from '@shared/domain';
import { nowIso } from './clock';
import { DomainError, parseOrThrow } from './errors';
import { editableMeeting } from './guard';
import type { AppDb } from './schema';

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
