import { describe, expect, it } from 'vitest';
import type { TaskStatus } from '@shared/domain';
import { DEFAULT_RULES } from '@shared/domain';
import { createBody } from '../people/bodies';
import { ValidationError } from '../errors';
import { createMeeting } from './meetings';
import { approveMinutes, setMinutesStatus } from './minutes';
import { createPerson } from '../people/people';
import { addTask } from './resolutions';
import {
  listTasks,
  PENDING_STATUSES,
  removeTask,
  reviewTask,
  setTaskStatus,
  updateTask,
} from './tasks';
import { db, domainCode, rejection } from '../testDb';

async function body(code = 'PS1') {
  return createBody(db, { kind: 'working', code, name: 'Senioři', rules: DEFAULT_RULES });
}
async function meeting(bodyId: string, date: string) {
  return (
    await createMeeting(
      db,
      { bodyId, date, timeFrom: '09:00', timeTo: '11:00', place: 'MÚ' },
      '2026-01-01',
    )
  ).meeting;
}
async function approve(meetingId: string, on: string) {
  await setMinutesStatus(db, meetingId, 'toVerify');
  await setMinutesStatus(db, meetingId, 'verified');
  await approveMinutes(db, meetingId, { by: 'tacit', on });
}
/** PS1 with meetings 1/2026 (March) and 2/2026 (April), a task assigned at meeting 1. */
async function setup() {
  const b = await body();
  const m1 = await meeting(b.id, '2026-03-10');
  const m2 = await meeting(b.id, '2026-04-14');
  const owner = await createPerson(db, {
    firstName: 'Jan',
    lastName: 'Novák',
    triadRole: 'provider',
  });
  const task = await addTask(db, m1.id, {
    text: 'Zjistit kapacity',
    ownerId: owner.id,
    deadline: '2026-04-01',
  });
  return { b, m1, m2, owner, task };
}

describe('updateTask', () => {
  it('replaces text, owner and deadline, dropping cleared ones; keeps number and status', async () => {
    const s = await setup();
    await updateTask(db, s.task.id, { text: 'Zjistit volné kapacity' });
    const t = (await db.tasks.get(s.task.id))!;
    expect(t).toMatchObject({
      text: 'Zjistit volné kapacity',
      number: 'U-1/2026-1',
      status: 'open',
    });
    expect('ownerId' in t || 'deadline' in t).toBe(false);
    await updateTask(db, s.task.id, { text: 'X', ownerId: s.owner.id, deadline: '2026-05-01' });
    expect(await db.tasks.get(s.task.id)).toMatchObject({
      ownerId: s.owner.id,
      deadline: '2026-05-01',
    });
  });

  it('unknown task or owner, bad input', async () => {
    const s = await setup();
    expect(await domainCode(updateTask(db, 'nope', { text: 'X' }))).toBe('errors.notFound');
    expect(await domainCode(updateTask(db, s.task.id, { text: 'X', ownerId: 'nope' }))).toBe(
      'errors.unknownPerson',
    );
    expect(await rejection(updateTask(db, s.task.id, { text: '' }))).toBeInstanceOf(
      ValidationError,
    );
    expect((await db.tasks.get(s.task.id))!.text).toBe('Zjistit kapacity');
  });
});

describe('reviewTask', () => {
  it('a later meeting of the body sets the status and records the review', async () => {
    const s = await setup();
    await reviewTask(db, s.task.id, s.m2.id, 'ongoing', '  Průběžně plněno  ');
    let t = (await db.tasks.get(s.task.id))!;
    expect(t.status).toBe('ongoing');
    expect(t.reviews).toHaveLength(1);
    expect(t.reviews[0]).toMatchObject({
      meetingId: s.m2.id,
      status: 'ongoing',
      comment: 'Průběžně plněno',
    });
    // reviewing again at the same meeting replaces that meeting's review
    await reviewTask(db, s.task.id, s.m2.id, 'done', '   ');
    t = (await db.tasks.get(s.task.id))!;
    expect(t.status).toBe('done');
    expect(t.reviews).toHaveLength(1);
    expect(t.reviews[0]).toMatchObject({ meetingId: s.m2.id, status: 'done' });
    expect('comment' in t.reviews[0]!).toBe(false);
    // a third meeting adds its own review
    const m3 = await meeting(s.b.id, '2026-05-12');
    await reviewTask(db, s.task.id, m3.id, 'open');
    t = (await db.tasks.get(s.task.id))!;
    expect(t.reviews.map((r) => [r.meetingId, r.status])).toEqual([
      [s.m2.id, 'done'],
      [m3.id, 'open'],
    ]);
    expect(t.status).toBe('open');
  });

  it('refuses the meeting that assigned the task and a meeting of another body', async () => {
    const s = await setup();
    const other = await body('PS2');
    const foreign = await meeting(other.id, '2026-04-20');
    expect(await domainCode(reviewTask(db, s.task.id, s.m1.id, 'done'))).toBe('errors.invalid');
    expect(await domainCode(reviewTask(db, s.task.id, foreign.id, 'done'))).toBe('errors.invalid');
    expect(await domainCode(reviewTask(db, 'nope', s.m2.id, 'done'))).toBe('errors.notFound');
    expect(await domainCode(reviewTask(db, s.task.id, 'nope', 'done'))).toBe('errors.notFound');
    expect(await domainCode(reviewTask(db, s.task.id, s.m2.id, 'lost' as TaskStatus))).toBe(
      'errors.invalid',
    );
    expect(await db.tasks.get(s.task.id)).toMatchObject({ status: 'open', reviews: [] });
  });

  it('refuses a meeting held before the one that assigned the task', async () => {
    const s = await setup();
    const january = await meeting(s.b.id, '2026-01-20');
    await rejection(reviewTask(db, s.task.id, january.id, 'done'));
    expect(await db.tasks.get(s.task.id)).toMatchObject({ status: 'open', reviews: [] });
  });

  it('a task of approved minutes can still be reviewed at a later meeting', async () => {
    const s = await setup();
    await approve(s.m1.id, '2026-03-31');
    await reviewTask(db, s.task.id, s.m2.id, 'done');
    expect((await db.tasks.get(s.task.id))!.status).toBe('done');
  });
});

describe('removeTask', () => {
  it('removes an unreviewed task, refuses a reviewed one', async () => {
    const s = await setup();
    const other = await addTask(db, s.m1.id, { text: 'Druhý' });
    await removeTask(db, other.id);
    expect(await db.tasks.get(other.id)).toBeUndefined();
    await reviewTask(db, s.task.id, s.m2.id, 'ongoing');
    expect(await domainCode(removeTask(db, s.task.id))).toBe('errors.taskReviewed');
    expect(await db.tasks.get(s.task.id)).toBeDefined();
    await removeTask(db, 'nope');
  });

  it('a removed number is not reused while a later one exists', async () => {
    const s = await setup();
    const t2 = await addTask(db, s.m1.id, { text: 'Druhý' });
    await removeTask(db, s.task.id);
    expect((await addTask(db, s.m1.id, { text: 'Třetí' })).number).toBe('U-1/2026-3');
    expect(t2.number).toBe('U-1/2026-2');
  });
});

describe('setTaskStatus', () => {
  it('sets the status outside a meeting without a review', async () => {
    const s = await setup();
    await setTaskStatus(db, s.task.id, 'cancelled');
    expect(await db.tasks.get(s.task.id)).toMatchObject({ status: 'cancelled', reviews: [] });
    await setTaskStatus(db, s.task.id, 'open');
    expect((await db.tasks.get(s.task.id))!.status).toBe('open');
    expect(await domainCode(setTaskStatus(db, s.task.id, 'x' as TaskStatus))).toBe(
      'errors.invalid',
    );
  });
});

describe('listTasks', () => {
  /** A region's ten years: 3,600 tasks of one body, 387 of them open or ongoing. */
  async function tenYears() {
    const b = await body();
    const m = await meeting(b.id, '2026-03-10');
    const owner = await createPerson(db, {
      firstName: 'Jan',
      lastName: 'Novák',
      triadRole: 'provider',
    });
    const statuses: TaskStatus[] = [];
    for (let i = 0; i < 3600; i++)
      statuses.push(i < 300 ? 'open' : i < 387 ? 'ongoing' : i % 7 ? 'done' : 'cancelled');
    const now = '2026-03-10T10:00:00.000Z';
    await db.tasks.bulkAdd(
      statuses.map((status, i) => ({
        id: `t${String(i).padStart(5, '0')}`,
        bodyId: b.id,
        meetingId: m.id,
        seq: i + 1,
        number: `U-1/2026-${i + 1}`,
        text: `Úkol ${i + 1}`,
        ...(i % 2 ? { ownerId: owner.id } : {}),
        status,
        reviews: [],
        createdAt: now,
        updatedAt: now,
      })),
    );
  }

  it('reads only the open and ongoing tasks through the status index', async () => {
    await tenYears();
    let read = 0;
    const count = () => void read++;
    db.tasks.hook('reading', (task) => {
      count();
      return task;
    });
    const rows = await listTasks(db, PENDING_STATUSES);
    expect(rows).toHaveLength(387);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['open', 'ongoing']));
    expect(read).toBe(387);
    expect(rows[1]).toMatchObject({
      bodyCode: 'PS1',
      meetingNumber: '1/2026',
      ownerName: 'Jan Novák',
    });
    expect(rows.map((r) => r.seq).slice(0, 3)).toEqual([1, 2, 3]);
    // without statuses: every task (and the counter sees every read)
    read = 0;
    expect(await listTasks(db)).toHaveLength(3600);
    expect(read).toBe(3600);
  });
});
