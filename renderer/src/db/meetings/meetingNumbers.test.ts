import { describe, expect, it } from 'vitest';
import type { MeetingInput } from '@shared/domain';
import { meetingNumber } from '@shared/domain';
import { markAttendance } from './attendance';
import { createMeeting, removeMeeting, updateMeeting } from './meetings';
import { setMinutesStatus } from './minutes';
import { db, groupOfMembers } from '../testDb';

// Issue 11, "Numbers out of order": numbers follow the date order of the body's year; meetings
// not yet held renumber, held meetings never do.
const TODAY = '2026-11-20';
const at = (bodyId: string, date: string): MeetingInput => ({
  bodyId,
  date,
  timeFrom: '09:00',
  timeTo: '11:00',
  place: 'MÚ Vizovice',
});

async function numbers(bodyId: string): Promise<Record<string, string>> {
  const all = await db.meetings.where('bodyId').equals(bodyId).toArray();
  return Object.fromEntries(all.map((m) => [m.date, meetingNumber(m)]));
}

describe('meeting numbers follow the date order', () => {
  it('a meeting scheduled before one already planned takes its number; the later one moves on', async () => {
    const { body } = await groupOfMembers();
    for (const date of ['2026-02-10', '2026-05-12', '2026-09-08'])
      await createMeeting(db, at(body.id, date), TODAY);
    const late = await createMeeting(db, at(body.id, '2026-12-29'), TODAY);
    expect(meetingNumber(late.meeting)).toBe('4/2026');
    // The reported case: 2. 12. became 5/2026 while 4/2026 was on 29. 12.
    const early = await createMeeting(db, at(body.id, '2026-12-02'), TODAY);
    expect(meetingNumber(early.meeting)).toBe('4/2026');
    expect(await numbers(body.id)).toEqual({
      '2026-02-10': '1/2026',
      '2026-05-12': '2/2026',
      '2026-09-08': '3/2026',
      '2026-12-02': '4/2026',
      '2026-12-29': '5/2026',
    });
  });

  it('moving a planned meeting earlier or later reorders the planned ones', async () => {
    const { body } = await groupOfMembers();
    const a = await createMeeting(db, at(body.id, '2026-12-01'), TODAY);
    await createMeeting(db, at(body.id, '2026-12-10'), TODAY);
    await createMeeting(db, at(body.id, '2026-12-20'), TODAY);
    await updateMeeting(db, a.meeting.id, at(body.id, '2026-12-15'), TODAY);
    expect(await numbers(body.id)).toEqual({
      '2026-12-10': '1/2026',
      '2026-12-15': '2/2026',
      '2026-12-20': '3/2026',
    });
  });

  it('held meetings keep their numbers: past day, someone present, or minutes beyond a draft', async () => {
    const { body, members } = await groupOfMembers();
    await createMeeting(db, at(body.id, '2026-03-01'), '2026-01-01');
    const withPresence = await createMeeting(db, at(body.id, '2026-12-10'), TODAY);
    const withMinutes = await createMeeting(db, at(body.id, '2026-12-12'), TODAY);
    const planned = await createMeeting(db, at(body.id, '2026-12-14'), TODAY);
    await markAttendance(db, {
      meetingId: withPresence.meeting.id,
      personId: members[0]!,
      status: 'present',
    });
    await setMinutesStatus(db, withMinutes.meeting.id, 'toVerify');
    // An excuse sent in advance does not make a meeting held.
    await markAttendance(db, {
      meetingId: planned.meeting.id,
      personId: members[1]!,
      status: 'excused',
    });
    expect(await numbers(body.id)).toEqual({
      '2026-03-01': '1/2026',
      '2026-12-10': '2/2026',
      '2026-12-12': '3/2026',
      '2026-12-14': '4/2026',
    });

    // Scheduled before all of them: the held ones stay; it gets the first free number after
    // the meetings before it, and the planned one moves after it.
    const earlier = await createMeeting(db, at(body.id, '2026-12-05'), TODAY);
    expect(meetingNumber(earlier.meeting)).toBe('4/2026');
    expect(await numbers(body.id)).toEqual({
      '2026-03-01': '1/2026',
      '2026-12-05': '4/2026',
      '2026-12-10': '2/2026',
      '2026-12-12': '3/2026',
      '2026-12-14': '5/2026',
    });
  });

  it('deleting a planned meeting moves the later planned ones up, never a held one', async () => {
    const { body, members } = await groupOfMembers();
    const first = await createMeeting(db, at(body.id, '2026-12-01'), TODAY);
    const held = await createMeeting(db, at(body.id, '2026-12-05'), TODAY);
    await createMeeting(db, at(body.id, '2026-12-09'), TODAY);
    await markAttendance(db, {
      meetingId: held.meeting.id,
      personId: members[0]!,
      status: 'present',
    });
    await removeMeeting(db, first.meeting.id, TODAY);
    expect(await numbers(body.id)).toEqual({ '2026-12-05': '2/2026', '2026-12-09': '3/2026' });
  });

  it('meetings scheduled at the same moment (two windows) get unique numbers in date order', async () => {
    const { body } = await groupOfMembers();
    await Promise.all(
      ['2026-12-30', '2026-12-03', '2026-12-17', '2026-12-24', '2026-12-10'].map((d) =>
        createMeeting(db, at(body.id, d), TODAY),
      ),
    );
    expect(await numbers(body.id)).toEqual({
      '2026-12-03': '1/2026',
      '2026-12-10': '2/2026',
      '2026-12-17': '3/2026',
      '2026-12-24': '4/2026',
      '2026-12-30': '5/2026',
    });
  });
});
