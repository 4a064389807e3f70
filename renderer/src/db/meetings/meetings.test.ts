import { describe, expect, it } from 'vitest';
import type { MeetingInput } from '@shared/domain';
import { DEFAULT_RULES, meetingNumber } from '@shared/domain';
import { markAttendance } from './attendance';
import { addMembership, createBody } from '../people/bodies';
import { ValidationError } from '../errors';
import { createMeeting, removeMeeting, updateMeeting } from './meetings';
import { createPerson } from '../people/people';
import { listMeetings } from '../queries';
import { db, domainCode, rejection } from '../testDb';

const TODAY = '2026-01-05';
const at = (bodyId: string, date: string, extra: Partial<MeetingInput> = {}): MeetingInput => ({
  bodyId,
  date,
  timeFrom: '09:00',
  timeTo: '11:00',
  place: 'MÚ Vizovice',
  ...extra,
});

async function bodies() {
  const ps1 = await createBody(db, {
    kind: 'working',
    code: 'PS1',
    name: 'Senioři',
    rules: DEFAULT_RULES,
  });
  const rs = await createBody(db, {
    kind: 'steering',
    code: 'ŘS',
    name: 'Řídící skupina',
    rules: { ...DEFAULT_RULES, leadTime: { days: 5, unit: 'working' } },
  });
  return { ps1, rs };
}

describe('meetings', () => {
  it('numbers meetings per body and year: 1/2026, 2/2026; restarts in 2027', async () => {
    const { ps1, rs } = await bodies();
    const m1 = (await createMeeting(db, at(ps1.id, '2026-02-10'), TODAY)).meeting;
    const m2 = (await createMeeting(db, at(ps1.id, '2026-05-12'), TODAY)).meeting;
    const r1 = (await createMeeting(db, at(rs.id, '2026-03-03'), TODAY)).meeting;
    const m3 = (await createMeeting(db, at(ps1.id, '2027-01-19'), TODAY)).meeting;
    const m4 = (await createMeeting(db, at(ps1.id, '2026-12-01'), TODAY)).meeting;
    expect([m1, m2, r1, m3, m4].map(meetingNumber)).toEqual([
      '1/2026',
      '2/2026',
      '1/2026',
      '1/2027',
      '3/2026',
    ]);
    expect(await db.meetings.get(m2.id)).toEqual(m2);
  });

  it('deleting a meeting not yet held closes the gap: the later ones move up', async () => {
    const { ps1 } = await bodies();
    const [, m2] = [
      (await createMeeting(db, at(ps1.id, '2026-02-10'), TODAY)).meeting,
      (await createMeeting(db, at(ps1.id, '2026-03-10'), TODAY)).meeting,
    ];
    const m3 = (await createMeeting(db, at(ps1.id, '2026-04-10'), TODAY)).meeting;
    await removeMeeting(db, m2.id, TODAY);
    expect(meetingNumber((await db.meetings.get(m3.id))!)).toBe('2/2026');
    expect(meetingNumber((await createMeeting(db, at(ps1.id, '2026-05-10'), TODAY)).meeting)).toBe(
      '3/2026',
    );
  });

  it('moving a meeting to another year numbers it there by date; within the year the order holds', async () => {
    const { ps1 } = await bodies();
    await createMeeting(db, at(ps1.id, '2026-02-10'), TODAY);
    const m2 = (await createMeeting(db, at(ps1.id, '2026-12-15'), TODAY)).meeting;
    const n1 = (await createMeeting(db, at(ps1.id, '2027-02-10'), TODAY)).meeting;
    const same = await updateMeeting(db, m2.id, at(ps1.id, '2026-12-08'), TODAY);
    expect(meetingNumber(same.meeting)).toBe('2/2026');
    const moved = await updateMeeting(db, m2.id, at(ps1.id, '2027-01-12'), TODAY);
    expect(meetingNumber(moved.meeting)).toBe('1/2027');
    expect(await db.meetings.get(m2.id)).toMatchObject({
      seq: 1,
      year: 2027,
      date: '2027-01-12',
      createdAt: m2.createdAt,
    });
    expect(meetingNumber((await db.meetings.get(n1.id))!)).toBe('2/2027');
    const numbers = (await db.meetings.where('bodyId').equals(ps1.id).toArray())
      .map(meetingNumber)
      .sort();
    expect(numbers).toEqual(['1/2026', '1/2027', '2/2027']);
  });

  it('a meeting cannot move to another body', async () => {
    const { ps1, rs } = await bodies();
    const m = (await createMeeting(db, at(ps1.id, '2026-02-10'), TODAY)).meeting;
    expect(await domainCode(updateMeeting(db, m.id, at(rs.id, '2026-02-10'), TODAY))).toBe(
      'errors.meetingBodyFixed',
    );
    expect(await domainCode(updateMeeting(db, 'nope', at(rs.id, '2026-02-10'), TODAY))).toBe(
      'errors.notFound',
    );
  });

  it('returns the notice check: calendar days', async () => {
    const { ps1 } = await bodies();
    // 7 calendar days before Wed 17. 6. 2026 is Wed 10. 6.
    expect((await createMeeting(db, at(ps1.id, '2026-06-17'), '2026-06-10')).notice).toEqual({
      ok: true,
      latestInvitation: '2026-06-10',
    });
    expect((await createMeeting(db, at(ps1.id, '2026-06-17'), '2026-06-12')).notice).toEqual({
      ok: false,
      latestInvitation: '2026-06-10',
    });
  });

  it('returns the notice check: working days over Christmas', async () => {
    const { rs } = await bodies();
    const short = await createMeeting(db, at(rs.id, '2026-12-29'), '2026-12-21');
    expect(short.notice).toEqual({ ok: false, latestInvitation: '2026-12-18' });
    const updated = await updateMeeting(
      db,
      short.meeting.id,
      at(rs.id, '2027-01-12'),
      '2026-12-21',
    );
    expect(updated.notice.ok).toBe(true);
  });

  it('a meeting ending before it starts is a ValidationError and nothing is written', async () => {
    const { ps1 } = await bodies();
    const e = await rejection(
      createMeeting(db, at(ps1.id, '2026-02-10', { timeFrom: '10:00', timeTo: '09:00' }), TODAY),
    );
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).fields).toEqual({ timeTo: 'errors.endsBeforeStart' });
    expect(await db.meetings.count()).toBe(0);
  });

  it('an impossible date is a ValidationError', async () => {
    const { ps1 } = await bodies();
    const e = await rejection(createMeeting(db, at(ps1.id, '2026-02-30'), TODAY));
    expect((e as ValidationError).fields).toEqual({ date: 'errors.date' });
    expect(await db.meetings.count()).toBe(0);
  });

  it('unknown body or people are rejected and nothing is written', async () => {
    const { ps1 } = await bodies();
    expect(await domainCode(createMeeting(db, at('nope', '2026-02-10'), TODAY))).toBe(
      'errors.unknownBody',
    );
    expect(
      await domainCode(createMeeting(db, at(ps1.id, '2026-02-10', { chairId: 'nope' }), TODAY)),
    ).toBe('errors.unknownPerson');
    expect(
      await domainCode(createMeeting(db, at(ps1.id, '2026-02-10', { verifierId: 'nope' }), TODAY)),
    ).toBe('errors.unknownPerson');
    expect(await db.meetings.count()).toBe(0);
  });

  it('removeMeeting deletes its attendance and nothing else', async () => {
    const { ps1 } = await bodies();
    const p = await createPerson(db, {
      firstName: 'Jana',
      lastName: 'Nováková',
      triadRole: 'provider',
    });
    await addMembership(db, {
      bodyId: ps1.id,
      personId: p.id,
      role: 'member',
      votingRight: true,
      from: '2026-01-01',
    });
    const a = (await createMeeting(db, at(ps1.id, '2026-02-10'), TODAY)).meeting;
    const b = (await createMeeting(db, at(ps1.id, '2026-03-10'), TODAY)).meeting;
    await markAttendance(db, { meetingId: a.id, personId: p.id, status: 'present' });
    await markAttendance(db, { meetingId: b.id, personId: p.id, status: 'excused' });
    await removeMeeting(db, a.id);
    expect(await db.meetings.get(a.id)).toBeUndefined();
    expect(await db.attendance.where('meetingId').equals(a.id).count()).toBe(0);
    expect(await db.attendance.where('meetingId').equals(b.id).count()).toBe(1);
    expect(await db.people.count()).toBe(1);
  });

  it('listMeetings sorts by date and time and attaches the body', async () => {
    const { ps1, rs } = await bodies();
    await createMeeting(
      db,
      at(ps1.id, '2026-03-10', { timeFrom: '13:00', timeTo: '14:00' }),
      TODAY,
    );
    await createMeeting(db, at(rs.id, '2026-03-10'), TODAY);
    await createMeeting(db, at(ps1.id, '2026-02-10'), TODAY);
    const rows = await listMeetings(db);
    expect(rows.map((r) => `${r.date} ${r.timeFrom} ${r.body.code}`)).toEqual([
      '2026-02-10 09:00 PS1',
      '2026-03-10 09:00 ŘS',
      '2026-03-10 13:00 PS1',
    ]);
    expect(await listMeetings(db, rs.id)).toHaveLength(1);
  });
});

describe('updateMeeting keeps the meeting room state', () => {
  it('editing the header keeps minutes status and the next-meeting link, clears emptied fields, and stores materials', async () => {
    const { ps1 } = await bodies();
    const { meeting } = await createMeeting(
      db,
      at(ps1.id, '2026-03-10', { materials: ['Návrh dotazníku', ''] }),
      TODAY,
    );
    expect(meeting.materials).toEqual(['Návrh dotazníku']);
    const { meeting: next } = await createMeeting(db, at(ps1.id, '2026-05-10'), TODAY, meeting.id);
    await db.meetings.update(meeting.id, { minutesStatus: 'toVerify', currentItemId: 'x' });
    await updateMeeting(
      db,
      meeting.id,
      at(ps1.id, '2026-03-10', { place: 'Nové místo', materials: [] }),
      TODAY,
    );
    const saved = (await db.meetings.get(meeting.id))!;
    expect(saved).toMatchObject({
      place: 'Nové místo',
      minutesStatus: 'toVerify',
      currentItemId: 'x',
      nextMeetingId: next.id,
    });
    expect('materials' in saved).toBe(false);
  });

  it('approved minutes lock the meeting header', async () => {
    const { ps1 } = await bodies();
    const { meeting } = await createMeeting(db, at(ps1.id, '2026-03-10'), TODAY);
    await db.meetings.update(meeting.id, { minutesStatus: 'approved' });
    expect(await domainCode(updateMeeting(db, meeting.id, at(ps1.id, '2026-03-11'), TODAY))).toBe(
      'errors.minutesLocked',
    );
    expect((await db.meetings.get(meeting.id))!.date).toBe('2026-03-10');
  });
});
