import { describe, expect, it } from 'vitest';
import type { Task } from '@shared/domain';
import type { MonitoringRecord, Plan, PlanItem } from '@shared/plan/model';
import { createMeeting } from './meetings/meetings';
import { monitoringPeriodsDue, todayTasks } from './overview';
import { db, groupOfMembers } from './testDb';

const TODAY = '2026-09-15';
const NOW = new Date('2026-09-15T10:00:00Z');

async function meeting(bodyId: string, date: string) {
  const m = await createMeeting(
    db,
    { bodyId, date, timeFrom: '09:00', timeTo: '11:00', place: 'Radnice' },
    '2026-01-01',
  );
  return m.meeting.id;
}

const task = (id: string, status: Task['status'], deadline?: string) =>
  ({
    id,
    bodyId: 'b',
    meetingId: 'm',
    text: 'Úkol',
    status,
    deadline,
    reviews: [],
  }) as unknown as Task;

describe('todayTasks', () => {
  it('lists each kind of work due today and leaves out what is done', async () => {
    const { body } = await groupOfMembers('PS1', 3);
    const toVerify = await meeting(body.id, '2026-06-10');
    const verified = await meeting(body.id, '2026-07-10');
    const approved = await meeting(body.id, '2026-08-10');
    const soon = await meeting(body.id, '2026-10-01');
    const sent = await meeting(body.id, '2026-10-05');
    await meeting(body.id, '2026-12-01'); // beyond 30 days: not yet
    await db.meetings.update(toVerify, { minutesStatus: 'toVerify' });
    await db.meetings.update(verified, { minutesStatus: 'verified' });
    await db.meetings.update(approved, { minutesStatus: 'approved' });
    await db.meetings.update(sent, { invitationSentOn: '2026-09-10' });
    await db.tasks.bulkPut([
      task('late', 'open', '2026-09-01'),
      task('lateOngoing', 'ongoing', '2026-09-14'),
      task('doneLate', 'done', '2026-09-01'),
      task('dueToday', 'open', TODAY),
    ]);
    const plan = {
      id: 'p',
      name: 'KPSS 2026–2028',
      periodFrom: 2026,
      periodTo: 2028,
      status: 'approved',
    };
    await db
      .table('plans')
      .bulkPut([
        plan,
        { ...plan, id: 'draft', name: 'Návrh', status: 'draft' },
      ] as unknown as Plan[]);
    await db.table('planItems').bulkPut([
      { id: 'a1', planId: 'p', level: 3 },
      { id: 'a2', planId: 'p', level: 3 },
      { id: 'm1', planId: 'p', level: 2 },
      { id: 'd1', planId: 'draft', level: 3 },
    ] as unknown as PlanItem[]);
    await db.table('monitoring').put({
      id: 'r1',
      planItemId: 'a1',
      planId: 'p',
      period: 2026,
    } as unknown as MonitoringRecord);

    const items = await todayTasks(db, TODAY, NOW);
    expect(items).toEqual([
      expect.objectContaining({ kind: 'verify', meetingId: toVerify, bodyCode: 'PS1', seq: 1 }),
      expect.objectContaining({ kind: 'approve', meetingId: verified, seq: 2 }),
      { kind: 'overdueTasks', count: 2 },
      expect.objectContaining({ kind: 'invitation', meetingId: soon, date: '2026-10-01' }),
      { kind: 'monitoring', planId: 'p', planName: 'KPSS 2026–2028', period: 2026, count: 1 },
      { kind: 'backup', days: 'never' },
    ]);
  });

  it('is empty when everything is done, backed up and there is nothing ahead', async () => {
    const { body } = await groupOfMembers('PS2', 3);
    const id = await meeting(body.id, '2026-05-01');
    await db.meetings.update(id, { minutesStatus: 'approved' });
    await db.settings.put({ key: 'lastBackupAt', value: '2026-09-14T10:00:00.000Z' });
    expect(await todayTasks(db, TODAY, NOW)).toEqual([]);
  });

  it('asks for last year\u2019s monitoring in spring and this year\u2019s too after June', () => {
    expect(monitoringPeriodsDue('2026-03-01')).toEqual([2025]);
    expect(monitoringPeriodsDue('2026-07-01')).toEqual([2025, 2026]);
  });
});
