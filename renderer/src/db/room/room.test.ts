import { describe, expect, it } from 'vitest';
import type { ResolutionInput } from '@shared/domain';

import { addAgendaItem, addAgendaItems, saveDiscussion } from '../meetings/agenda';
import { markAttendance } from '../meetings/attendance';

import { createMeeting, removeMeeting } from '../meetings/meetings';
import { addAmendment, approveMinutes, setMinutesStatus } from '../meetings/minutes';
import { createPerson } from '../people/people';
import { addResolution, addTask } from '../meetings/resolutions';
import { approvalCandidates, listTasks, roomView } from './room';
import { reviewTask } from '../meetings/tasks';
import { db, domainCode, groupOfMembers } from '../testDb';

const group = (code = 'PS1') => groupOfMembers(code, 3);
async function meeting(
  bodyId: string,
  date: string,
  previousMeetingId?: string,
  timeFrom = '09:00',
) {
  return (
    await createMeeting(
      db,
      { bodyId, date, timeFrom, timeTo: '23:00', place: 'MÚ' },
      '2026-01-01',
      previousMeetingId,
    )
  ).meeting;
}
async function passedResolution(meetingId: string, members: string[], text = 'Schvaluje zápis') {
  for (const personId of members)
    await markAttendance(db, { meetingId, personId, status: 'present' });
  const item = await addAgendaItem(db, meetingId, { title: 'Bod' });
  const input: ResolutionInput = {
    verb: 'approves',
    text,
    result: { kind: 'vote', yes: 3, no: 0, abstain: 0 },
  };
  return addResolution(db, item.id, input);
}
async function verify(meetingId: string) {
  await setMinutesStatus(db, meetingId, 'toVerify');
  await setMinutesStatus(db, meetingId, 'verified');
}

describe('roomView', () => {
  it('null for an unknown meeting', async () => {
    expect(await roomView(db, 'nope')).toBeNull();
  });

  it('lists items, resolutions and tasks of the meeting in order', async () => {
    const g = await group();
    const m = await meeting(g.body.id, '2026-03-10');
    await addAgendaItems(db, m.id, [{ title: 'A' }, { title: 'B' }]);
    await addAgendaItem(db, m.id, { title: 'Nový' });
    const r = await passedResolution(m.id, g.members);
    await addTask(db, m.id, { text: 'T1' });
    await addTask(db, m.id, { text: 'T2' });
    const view = (await roomView(db, m.id))!;
    expect(view.items.map((i) => `${i.order}:${i.title}`)).toEqual([
      '1:A',
      '2:B',
      '3:Nový',
      '4:Bod',
    ]);
    expect(view.resolutions.map((x) => x.id)).toEqual([r.id]);
    expect(view.tasks.map((t) => t.number)).toEqual(['U-1/2026-1', 'U-1/2026-2']);
    expect(view.review).toEqual([]);
    expect(view.quorum.presentVoting).toBe(3);
  });

  it('an open task of meeting 1 is reviewed at meeting 2, not at a meeting of another body', async () => {
    const g = await group();
    const other = await group('PS2');
    const m1 = await meeting(g.body.id, '2026-03-10');
    const m2 = await meeting(g.body.id, '2026-04-14', m1.id);
    const foreign = await meeting(other.body.id, '2026-04-20');
    const task = await addTask(db, m1.id, { text: 'Zjistit kapacity' });
    const done = await addTask(db, m1.id, { text: 'Hotový' });
    await reviewTask(db, done.id, m2.id, 'done');
    const v2 = (await roomView(db, m2.id))!;
    // the task done at meeting 2 stays in its review list
    expect(v2.review.map((t) => t.id)).toEqual([task.id, done.id]);
    expect((await roomView(db, foreign.id))!.review).toEqual([]);
    expect((await roomView(db, m1.id))!.review).toEqual([]);
    // meeting 3: the open task is carried over again, the done one is not
    const m3 = await meeting(g.body.id, '2026-05-12', m2.id);
    expect((await roomView(db, m3.id))!.review.map((t) => t.id)).toEqual([task.id]);
    await reviewTask(db, task.id, m2.id, 'ongoing');
    expect((await roomView(db, m3.id))!.review.map((t) => t.id)).toEqual([task.id]);
    await reviewTask(db, task.id, m3.id, 'done');
    expect((await roomView(db, m3.id))!.review.map((t) => t.id)).toEqual([task.id]);
    expect((await roomView(db, m2.id))!.review.map((t) => t.id)).toEqual([task.id, done.id]);
  });

  it('review order is by task number, numerically', async () => {
    const g = await group();
    const m1 = await meeting(g.body.id, '2026-03-10');
    const m2 = await meeting(g.body.id, '2026-04-14');
    for (let i = 1; i <= 10; i++) await addTask(db, m1.id, { text: `Úkol ${i}` });
    const numbers = (await roomView(db, m2.id))!.review.map((t) => t.number);
    expect(numbers[0]).toBe('U-1/2026-1');
    expect(numbers[1]).toBe('U-1/2026-2');
    expect(numbers[9]).toBe('U-1/2026-10');
  });

  it('shows the linked next meeting and the amendments', async () => {
    const g = await group();
    const m1 = await meeting(g.body.id, '2026-03-10');
    const m2 = await meeting(g.body.id, '2026-04-14', m1.id);
    expect((await roomView(db, m1.id))!.nextMeeting?.id).toBe(m2.id);
    expect((await roomView(db, m2.id))!.nextMeeting).toBeUndefined();
    await verify(m1.id);
    await approveMinutes(db, m1.id, { by: 'tacit', on: '2026-03-31' });
    await addAmendment(db, m1.id, { reason: 'Oprava', text: 'X' }, 'Petra');
    expect((await roomView(db, m1.id))!.amendments.map((a) => a.reason)).toEqual(['Oprava']);
  });
});

describe('listTasks', () => {
  it('every task with body code, meeting number and owner, newest meeting first', async () => {
    const g = await group();
    const other = await group('PS2');
    const m1 = await meeting(g.body.id, '2026-03-10');
    const m2 = await meeting(other.body.id, '2026-04-14');
    const owner = await createPerson(db, {
      title: 'Mgr.',
      firstName: 'Jana',
      lastName: 'Malá',
      triadRole: 'provider',
    });
    await addTask(db, m1.id, { text: 'A1' });
    await addTask(db, m1.id, { text: 'A2', ownerId: owner.id });
    await addTask(db, m2.id, { text: 'B1' });
    const rows = await listTasks(db);
    expect(rows.map((r) => [r.text, r.bodyCode, r.meetingNumber, r.ownerName])).toEqual([
      ['B1', 'PS2', '1/2026', undefined],
      ['A1', 'PS1', '1/2026', undefined],
      ['A2', 'PS1', '1/2026', 'Mgr. Jana Malá'],
    ]);
    expect('_date' in rows[0]!).toBe(false);
  });
});

describe('approvalCandidates', () => {
  it('passed resolutions of later meetings of the same body', async () => {
    const g = await group();
    const other = await group('PS2');
    const m0 = await meeting(g.body.id, '2026-02-10');
    const m1 = await meeting(g.body.id, '2026-03-10');
    const m2 = await meeting(g.body.id, '2026-04-14');
    const foreign = await meeting(other.body.id, '2026-04-20');
    await passedResolution(m0.id, g.members);
    await passedResolution(m1.id, g.members);
    const later = await passedResolution(m2.id, g.members);
    const item = (await db.agendaItems.get(later.agendaItemId))!;
    await addResolution(db, item.id, {
      verb: 'approves',
      text: 'X',
      result: { kind: 'vote', yes: 0, no: 3, abstain: 0 },
    });
    await passedResolution(foreign.id, other.members);
    expect((await approvalCandidates(db, m1.id)).map((r) => r.id)).toEqual([later.id]);
    expect(await approvalCandidates(db, m2.id)).toEqual([]);
    expect(await approvalCandidates(db, 'nope')).toEqual([]);
  });
});

describe('createMeeting with previousMeetingId', () => {
  it("links the new meeting as the previous one's next meeting", async () => {
    const g = await group();
    const m1 = await meeting(g.body.id, '2026-03-10');
    const m2 = await meeting(g.body.id, '2026-04-14', m1.id);
    expect((await db.meetings.get(m1.id))!.nextMeetingId).toBe(m2.id);
    expect((await db.meetings.get(m2.id))!.nextMeetingId).toBeUndefined();
    // later the same day is fine
    const m3 = await meeting(g.body.id, '2026-04-14', m2.id, '13:00');
    expect((await db.meetings.get(m2.id))!.nextMeetingId).toBe(m3.id);
  });

  it('refuses a date not after the previous meeting, a meeting of another body and an unknown one', async () => {
    const g = await group();
    const other = await group('PS2');
    const m1 = await meeting(g.body.id, '2026-03-10');
    expect(await domainCode(meeting(g.body.id, '2026-03-01', m1.id))).toBe(
      'errors.nextBeforePrevious',
    );
    expect(await domainCode(meeting(g.body.id, '2026-03-10', m1.id))).toBe(
      'errors.nextBeforePrevious',
    );
    expect(await domainCode(meeting(other.body.id, '2026-04-14', m1.id))).toBe('errors.notFound');
    expect(await domainCode(meeting(g.body.id, '2026-04-14', 'nope'))).toBe('errors.notFound');
    expect(await db.meetings.count()).toBe(1);
    expect((await db.meetings.get(m1.id))!.nextMeetingId).toBeUndefined();
  });
});

describe('removeMeeting', () => {
  it('deletes the agenda, resolutions, tasks, attendance and the link from the previous meeting', async () => {
    const g = await group();
    const m1 = await meeting(g.body.id, '2026-03-10');
    const m2 = await meeting(g.body.id, '2026-04-14', m1.id);
    const keep = await passedResolution(m1.id, g.members);
    await addTask(db, m1.id, { text: 'Zůstane' });
    await addAgendaItems(db, m2.id, [{ title: 'A' }]);
    const r = await passedResolution(m2.id, g.members);
    await saveDiscussion(db, r.agendaItemId, 'Diskuse');
    await addResolution(
      db,
      r.agendaItemId,
      { verb: 'instructs', text: 'Ukládá', result: { kind: 'consensus' } },
      { text: 'Úkol' },
    );
    await addTask(db, m2.id, { text: 'Další' });
    await removeMeeting(db, m2.id);
    expect(await db.meetings.get(m2.id)).toBeUndefined();
    expect(await db.agendaItems.where('meetingId').equals(m2.id).count()).toBe(0);
    expect(await db.resolutions.where('meetingId').equals(m2.id).count()).toBe(0);
    expect(await db.tasks.where('meetingId').equals(m2.id).count()).toBe(0);
    expect(await db.attendance.where('meetingId').equals(m2.id).count()).toBe(0);
    expect('nextMeetingId' in (await db.meetings.get(m1.id))!).toBe(false);
    // meeting 1 keeps everything
    expect(await db.resolutions.get(keep.id)).toBeDefined();
    expect(await db.tasks.where('meetingId').equals(m1.id).count()).toBe(1);
    expect(await db.agendaItems.where('meetingId').equals(m1.id).count()).toBe(1);
    expect(await db.attendance.where('meetingId').equals(m1.id).count()).toBe(3);
  });

  it('refuses a meeting with approved minutes', async () => {
    const g = await group();
    const m = await meeting(g.body.id, '2026-03-10');
    await addAgendaItems(db, m.id, [{ title: 'A' }]);
    await verify(m.id);
    await approveMinutes(db, m.id, { by: 'tacit', on: '2026-03-31' });
    expect(await domainCode(removeMeeting(db, m.id))).toBe('errors.minutesLocked');
    expect(await db.meetings.get(m.id)).toBeDefined();
    expect(await db.agendaItems.count()).toBe(1);
  });
});
