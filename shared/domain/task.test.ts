import { describe, expect, it } from 'vitest';
import type { Task, TaskStatus } from './task';
import { isOverdue, isPending, taskInput, taskNumber, tasksForReview } from './task';

type T = Pick<Task, 'bodyId' | 'meetingId' | 'status' | 'reviews'> & { id: string };
const task = (id: string, x: Partial<T> = {}): T => ({
  id,
  bodyId: 'PS1',
  meetingId: 'm1',
  status: 'open',
  reviews: [],
  ...x,
});

describe('taskNumber', () => {
  it('U-{meeting seq}/{year}-{task seq}', () => {
    expect(taskNumber({ seq: 3, year: 2026 }, 1)).toBe('U-3/2026-1');
    expect(taskNumber({ seq: 12, year: 2027 }, 10)).toBe('U-12/2027-10');
  });
});

describe('isPending', () => {
  it('open and ongoing are pending; done and cancelled are not', () => {
    const cases: [TaskStatus, boolean][] = [
      ['open', true],
      ['ongoing', true],
      ['done', false],
      ['cancelled', false],
    ];
    for (const [status, pending] of cases) expect(isPending({ status }), status).toBe(pending);
  });
});

describe('tasksForReview', () => {
  const meeting = { id: 'm3', bodyId: 'PS1' };
  const earlier = new Set(['m1', 'm2']);

  it('pending tasks of earlier meetings of the same body', () => {
    const tasks = [
      task('open1', { meetingId: 'm1' }),
      task('ongoing2', { meetingId: 'm2', status: 'ongoing' }),
      task('done1', { meetingId: 'm1', status: 'done' }),
      task('cancelled2', { meetingId: 'm2', status: 'cancelled' }),
    ];
    expect(tasksForReview(tasks, meeting, earlier).map((t) => t.id)).toEqual(['open1', 'ongoing2']);
  });

  it('only the same body', () => {
    const tasks = [task('mine'), task('other', { bodyId: 'PS2' })];
    expect(tasksForReview(tasks, meeting, earlier).map((t) => t.id)).toEqual(['mine']);
  });

  it('only earlier meetings: not this meeting, not later ones', () => {
    const tasks = [
      task('earlier', { meetingId: 'm1' }),
      task('here', { meetingId: 'm3' }),
      task('later', { meetingId: 'm4' }),
    ];
    expect(tasksForReview(tasks, meeting, earlier).map((t) => t.id)).toEqual(['earlier']);
  });

  it('a task reviewed here stays even when it is done now; one done at another meeting does not', () => {
    const tasks = [
      task('doneHere', {
        status: 'done',
        reviews: [{ meetingId: 'm3', status: 'done', at: '2026-05-01T10:00:00Z' }],
      }),
      task('doneAtM2', {
        status: 'done',
        reviews: [{ meetingId: 'm2', status: 'done', at: '2026-04-01T10:00:00Z' }],
      }),
      task('cancelledHere', {
        status: 'cancelled',
        reviews: [{ meetingId: 'm3', status: 'cancelled', at: '2026-05-01T10:00:00Z' }],
      }),
    ];
    expect(tasksForReview(tasks, meeting, earlier).map((t) => t.id)).toEqual([
      'doneHere',
      'cancelledHere',
    ]);
  });

  it('the first meeting of a body reviews nothing', () => {
    expect(tasksForReview([task('a')], { id: 'm1', bodyId: 'PS1' }, new Set())).toEqual([]);
  });
});

describe('isOverdue', () => {
  it('pending and the deadline has passed; the deadline day itself is not overdue', () => {
    expect(isOverdue({ status: 'open', deadline: '2026-03-09' }, '2026-03-10')).toBe(true);
    expect(isOverdue({ status: 'ongoing', deadline: '2026-03-09' }, '2026-03-10')).toBe(true);
    expect(isOverdue({ status: 'open', deadline: '2026-03-10' }, '2026-03-10')).toBe(false);
    expect(isOverdue({ status: 'open', deadline: '2026-03-11' }, '2026-03-10')).toBe(false);
  });

  it('done, cancelled or without a deadline is never overdue', () => {
    expect(isOverdue({ status: 'done', deadline: '2025-01-01' }, '2026-03-10')).toBe(false);
    expect(isOverdue({ status: 'cancelled', deadline: '2025-01-01' }, '2026-03-10')).toBe(false);
    expect(isOverdue({ status: 'open' }, '2026-03-10')).toBe(false);
  });
});

describe('taskInput', () => {
  it('empty owner and deadline become undefined; a bad date is rejected', () => {
    expect(taskInput.parse({ text: ' Zjistit kapacity ', ownerId: '', deadline: '' })).toEqual({
      text: 'Zjistit kapacity',
      ownerId: undefined,
      deadline: undefined,
    });
    expect(taskInput.safeParse({ text: 'X', deadline: '2026-02-30' }).success).toBe(false);
    expect(taskInput.safeParse({ text: '' }).success).toBe(false);
  });
});
