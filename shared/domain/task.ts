import { z } from 'zod';
import type { Stored, Timestamps } from './common';
import { isoDate, requiredText } from './common';

export const TASK_STATUSES = ['open', 'done', 'ongoing', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const taskInput = z.object({
  text: requiredText(1000),
  ownerId: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined)),
  deadline: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(isoDate.optional()),
});
export type TaskInput = z.input<typeof taskInput>;

export interface TaskReview {
  meetingId: string;
  status: TaskStatus;
  comment?: string;
  at: string;
}

export interface Task extends Stored<z.output<typeof taskInput>>, Timestamps {
  id: string;
  bodyId: string;
  /** The meeting that assigned the task. */
  meetingId: string;
  agendaItemId?: string;
  resolutionId?: string;
  seq: number;
  /** "U-3/2026-1": task 1 of meeting 3/2026. */
  number: string;
  status: TaskStatus;
  reviews: TaskReview[];
}

export function taskNumber(meeting: { seq: number; year: number }, seq: number): string {
  return `U-${meeting.seq}/${meeting.year}-${seq}`;
}

/** Still to be followed up: open or ongoing. */
export const isPending = (t: Pick<Task, 'status'>) => t.status === 'open' || t.status === 'ongoing';

/**
 * Tasks a meeting reviews under "Kontrola úkolů": tasks of the same body assigned at an
 * earlier meeting that were still pending before this meeting, plus those already reviewed here.
 */
export function tasksForReview<T extends Pick<Task, 'bodyId' | 'meetingId' | 'status' | 'reviews'>>(
  tasks: readonly T[],
  meeting: { id: string; bodyId: string },
  earlierMeetingIds: ReadonlySet<string>,
): T[] {
  return tasks.filter(
    (t) =>
      t.bodyId === meeting.bodyId &&
      earlierMeetingIds.has(t.meetingId) &&
      (isPending(t) || t.reviews.some((r) => r.meetingId === meeting.id)),
  );
}

export function isOverdue(t: Pick<Task, 'status' | 'deadline'>, today: string): boolean {
  return isPending(t) && t.deadline !== undefined && t.deadline < today;
}
