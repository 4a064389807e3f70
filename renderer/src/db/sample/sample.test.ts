import { describe, expect, it, vi } from 'vitest';
import { buildSampleRegion } from '@shared/sample/vizovicko';
import { markAttendance } from '../meetings/attendance';
import { attendanceView, bodyStats, homeCounts, listBodies, listMeetings } from '../queries';
import { loadSampleRegion } from './sample';
import { db } from '../testDb';

const TODAY = '2026-06-15';

describe('loadSampleRegion', () => {
  it('fills an empty database with the whole region', async () => {
    await loadSampleRegion(db, TODAY);
    const region = buildSampleRegion(TODAY, () => crypto.randomUUID(), '2026-06-15T00:00:00.000Z');
    expect(await db.organizations.count()).toBe(region.organizations.length);
    expect(await db.people.count()).toBe(region.people.length);
    expect(await db.bodies.count()).toBe(4);
    expect(await db.memberships.count()).toBe(region.memberships.length);
    expect(await db.meetings.count()).toBe(region.meetings.length);
    // The rich PS1 meeting's attendance is replaced by the script (shared/sample/vizovickoMeeting.ts):
    // 15 members and 2 guests instead of the random draw.
    const rich = (await db.meetings.toArray()).find(
      (m) => m.minutesStatus === 'approved' && m.startedAt,
    )!;
    const drawn = region.meetings.find(
      (m) => m.bodyId === region.bodies[1]!.id && m.date === rich.date,
    )!;
    const drawnCount = region.attendance.filter((a) => a.meetingId === drawn.id).length;
    expect(await db.attendance.where('meetingId').equals(rich.id).count()).toBe(17);
    expect(await db.attendance.count()).toBe(region.attendance.length - drawnCount + 17);
    expect(await homeCounts(db)).toEqual({ bodies: 4, people: 45 });
    expect((await listBodies(db)).map((b) => b.code)).toEqual(['ŘS', 'PS1', 'PS2', 'PS3']);
    const stats = await bodyStats(db, TODAY);
    expect([...stats.values()].every((s) => s.voting >= 9 && s.members >= s.voting)).toBe(true);
  });

  it('past meetings give a sensible quorum; upcoming ones have none recorded yet', async () => {
    await loadSampleRegion(db, TODAY);
    const meetings = await listMeetings(db);
    const past = meetings.filter((m) => m.date < TODAY);
    const upcoming = meetings.filter((m) => m.date >= TODAY);
    expect(past.length).toBeGreaterThan(10);
    expect(new Set(upcoming.map((m) => m.bodyId)).size).toBe(4);
    let quorate = 0;
    for (const m of past) {
      const view = (await attendanceView(db, m.id))!;
      const q = view.quorum;
      expect(q.votingMembers).toBe(view.members.filter((x) => x.votingRight).length);
      expect(q.required).toBe(Math.floor(q.votingMembers / 2) + 1);
      expect(q.presentVoting).toBeGreaterThan(0);
      expect(q.presentVoting).toBeLessThanOrEqual(q.votingMembers);
      const triadTotal = Object.values(q.triad).reduce((s, n) => s + n, 0);
      expect(triadTotal).toBe(q.presentMembers + q.guests);
      expect(view.attendance.size).toBeGreaterThanOrEqual(view.members.length);
      if (q.quorate) quorate++;
    }
    expect(quorate).toBeGreaterThan(past.length / 2);
    for (const m of upcoming) {
      const view = (await attendanceView(db, m.id))!;
      expect(view.attendance.size).toBe(0);
      expect(view.quorum).toMatchObject({ presentVoting: 0, quorate: false });
    }
  });

  it('the next PS1 meeting warns about Pavel Malý', async () => {
    await loadSampleRegion(db, TODAY);
    const ps1 = (await listBodies(db)).find((b) => b.code === 'PS1')!;
    const next = (await listMeetings(db, ps1.id)).find((m) => m.date >= TODAY)!;
    const maly = (await db.people.where('lastName').equals('Malý').first())!;
    const view = (await attendanceView(db, next.id))!;
    expect(view.absenceWarnings.get(maly.id)).toBeGreaterThanOrEqual(3);
  });

  it('loading is all or nothing', async () => {
    type Uuid = ReturnType<typeof crypto.randomUUID>;
    const ids = () => {
      let n = 0;
      return (): Uuid => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
    };
    const expected = buildSampleRegion(TODAY, ids(), '');
    const clash = expected.attendance.at(-1)!;
    await db.attendance.add(clash); // the very last record of the load will collide
    const spy = vi.spyOn(crypto, 'randomUUID').mockImplementation(ids());
    try {
      await expect(loadSampleRegion(db, TODAY)).rejects.toThrow();
    } finally {
      spy.mockRestore();
    }
    expect(await db.organizations.count()).toBe(0);
    expect(await db.people.count()).toBe(0);
    expect(await db.bodies.count()).toBe(0);
    expect(await db.memberships.count()).toBe(0);
    expect(await db.meetings.count()).toBe(0);
    expect(await db.attendance.count()).toBe(1);
  });

  // BUG (sample data): in PS3 the substitute of Veronika Navrátilová is Barbora Zálešáková, who is
  // herself a member (the chair) of PS3. Whenever both are recorded at a meeting, the sample holds a
  // state markAttendance forbids (errors.substituteAttendsHimself / errors.alreadySubstituting).
  it('the sample attendance obeys the rules of markAttendance', async () => {
    const region = buildSampleRegion(TODAY, () => crypto.randomUUID(), '2026-06-15T00:00:00.000Z');
    await db.transaction(
      'rw',
      [db.organizations, db.people, db.bodies, db.memberships, db.meetings],
      async () => {
        await db.organizations.bulkAdd(region.organizations);
        await db.people.bulkAdd(region.people);
        await db.bodies.bulkAdd(region.bodies);
        await db.memberships.bulkAdd(region.memberships);
        await db.meetings.bulkAdd(region.meetings);
      },
    );
    const failures: string[] = [];
    for (const a of region.attendance) {
      try {
        await markAttendance(db, {
          meetingId: a.meetingId,
          personId: a.personId,
          status: a.status,
          substituteId: a.substituteId,
          arrivedAt: a.arrivedAt,
          leftAt: a.leftAt,
        });
      } catch (e) {
        const who = region.people.find((p) => p.id === a.personId)!.lastName;
        failures.push(`${who} ${a.status}: ${(e as { code?: string }).code ?? String(e)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
