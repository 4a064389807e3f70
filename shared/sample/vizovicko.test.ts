import { describe, expect, it } from 'vitest';
import { attendanceInput } from '../domain/attendance';
import { bodyInput, isActiveOn, membershipInput } from '../domain/body';
import { isValidIco } from '../domain/ico';
import { meetingInput } from '../domain/meeting';
import { organizationInput } from '../domain/organization';
import { personInput } from '../domain/person';
import { computeQuorum, unexcusedAbsenceStreak } from '../domain/quorum';
import { addDays } from '../domain/leadTime';
import { buildSampleRegion } from './vizovicko';

const NOW = '2026-06-15T08:00:00.000Z';
const counter = () => {
  let n = 0;
  return () => `id-${++n}`;
};
const build = (today: string) => buildSampleRegion(today, counter(), NOW);

describe.each(['2026-06-15', '2026-01-10', '2025-12-30', '2027-03-03'])(
  'sample region for today = %s',
  (today) => {
    const r = build(today);
    const personIds = new Set(r.people.map((p) => p.id));
    const meetingById = new Map(r.meetings.map((m) => [m.id, m]));

    it('is deterministic for the same today', () => {
      expect(build(today)).toEqual(r);
    });

    it('has ~45 people, 25 organizations, 1 steering + 3 working bodies', () => {
      expect(r.people).toHaveLength(45);
      expect(r.organizations).toHaveLength(25);
      expect(r.bodies).toHaveLength(4);
      expect(r.bodies.filter((b) => b.kind === 'steering')).toHaveLength(1);
      expect(r.bodies.filter((b) => b.kind === 'working')).toHaveLength(3);
    });

    it('ids are unique across all records', () => {
      const all = [
        ...r.organizations,
        ...r.people,
        ...r.bodies,
        ...r.memberships,
        ...r.meetings,
        ...r.attendance,
      ].map((x) => x.id);
      expect(new Set(all).size).toBe(all.length);
    });

    it('every record passes its own input schema', () => {
      for (const o of r.organizations)
        expect(organizationInput.safeParse(o).success, o.name).toBe(true);
      for (const p of r.people)
        expect(personInput.safeParse(p).error?.issues, p.lastName).toBeUndefined();
      for (const b of r.bodies) expect(bodyInput.safeParse(b).success, b.code).toBe(true);
      for (const m of r.memberships) expect(membershipInput.safeParse(m).success).toBe(true);
      for (const m of r.meetings) expect(meetingInput.safeParse(m).error?.issues).toBeUndefined();
      for (const a of r.attendance)
        expect(attendanceInput.safeParse(a).error?.issues).toBeUndefined();
    });

    it('every organization IČO present is valid and unique', () => {
      const icos = r.organizations.flatMap((o) => (o.ico ? [o.ico] : []));
      expect(icos.length).toBeGreaterThanOrEqual(24);
      for (const ico of icos) expect(isValidIco(ico), ico).toBe(true);
      expect(new Set(icos).size).toBe(icos.length);
    });

    it('body codes are unique', () => {
      expect(new Set(r.bodies.map((b) => b.code.toLocaleLowerCase('cs'))).size).toBe(
        r.bodies.length,
      );
    });

    it('every reference resolves', () => {
      const orgIds = new Set(r.organizations.map((o) => o.id));
      const bodyIds = new Set(r.bodies.map((b) => b.id));
      for (const p of r.people)
        if (p.organizationId) expect(orgIds.has(p.organizationId)).toBe(true);
      for (const m of r.memberships) {
        expect(bodyIds.has(m.bodyId)).toBe(true);
        expect(personIds.has(m.personId)).toBe(true);
        if (m.substituteId) expect(personIds.has(m.substituteId)).toBe(true);
      }
      for (const m of r.meetings) {
        expect(bodyIds.has(m.bodyId)).toBe(true);
        for (const id of [m.chairId, m.minuteTakerId, m.verifierId])
          if (id) expect(personIds.has(id)).toBe(true);
      }
      for (const a of r.attendance) {
        expect(meetingById.has(a.meetingId)).toBe(true);
        expect(personIds.has(a.personId)).toBe(true);
        if (a.substituteId) expect(personIds.has(a.substituteId)).toBe(true);
      }
    });

    it('one membership per person and body, one attendance record per person and meeting', () => {
      const ms = r.memberships.map((m) => `${m.bodyId}|${m.personId}`);
      expect(new Set(ms).size).toBe(ms.length);
      const as = r.attendance.map((a) => `${a.meetingId}|${a.personId}`);
      expect(new Set(as).size).toBe(as.length);
    });

    it('substitutes follow the repository rules: same organization, one member each, not themselves members', () => {
      const person = new Map(r.people.map((p) => [p.id, p]));
      for (const body of r.bodies) {
        const ms = r.memberships.filter((m) => m.bodyId === body.id);
        const memberIds = new Set(ms.map((m) => m.personId));
        const subs = ms.flatMap((m) => (m.substituteId ? [m.substituteId] : []));
        expect(new Set(subs).size).toBe(subs.length);
        for (const m of ms.filter((x) => x.substituteId)) {
          expect(person.get(m.substituteId!)!.organizationId).toBe(
            person.get(m.personId)!.organizationId,
          );
          // A substitute who is a member of the same body is counted twice when he stands in.
          expect(
            memberIds.has(m.substituteId!),
            `${body.code}: substitute of ${person.get(m.personId)!.lastName} is a member`,
          ).toBe(false);
        }
      }
    });

    it('attendance is consistent with memberships and the meeting day', () => {
      for (const a of r.attendance) {
        const meeting = meetingById.get(a.meetingId)!;
        const membership = r.memberships.find(
          (m) =>
            m.bodyId === meeting.bodyId && m.personId === a.personId && isActiveOn(m, meeting.date),
        );
        if (a.status === 'guest') expect(membership).toBeUndefined();
        else expect(membership).toBeDefined();
        if (a.status === 'substituted') expect(a.substituteId).toBe(membership!.substituteId);
        else expect(a.substituteId).toBeUndefined();
        // nobody substitutes while also attending in person
        if (a.substituteId) {
          const own = r.attendance.find(
            (x) => x.meetingId === a.meetingId && x.personId === a.substituteId,
          );
          expect(
            own === undefined || own.status === 'absent' || own.status === 'excused',
            `substitute ${a.substituteId} is also marked ${own?.status} at ${meeting.date}`,
          ).toBe(true);
        }
      }
    });

    it('a year of past meetings with attendance, at least one upcoming meeting per body', () => {
      for (const body of r.bodies) {
        const ms = r.meetings.filter((m) => m.bodyId === body.id);
        const past = ms.filter((m) => m.date < today);
        const upcoming = ms.filter((m) => m.date >= today);
        expect(past.length).toBeGreaterThanOrEqual(body.kind === 'steering' ? 5 : 3);
        expect(upcoming.length).toBeGreaterThanOrEqual(1);
        for (const m of ms) expect(m.date >= addDays(today, -366)).toBe(true);
        const members = r.memberships.filter((x) => x.bodyId === body.id);
        for (const m of past) {
          const recorded = new Set(
            r.attendance.filter((a) => a.meetingId === m.id).map((a) => a.personId),
          );
          for (const member of members) expect(recorded.has(member.personId)).toBe(true);
        }
        for (const m of upcoming)
          expect(r.attendance.filter((a) => a.meetingId === m.id)).toEqual([]);
      }
    });

    it('meetings fall on Tuesday–Thursday', () => {
      for (const m of r.meetings)
        expect([2, 3, 4]).toContain(new Date(`${m.date}T12:00:00Z`).getUTCDay());
    });

    it('meeting numbers are unique per body and year, run 1..n in date order, and match the date', () => {
      for (const body of r.bodies) {
        const byYear = new Map<number, typeof r.meetings>();
        for (const m of r.meetings.filter((x) => x.bodyId === body.id)) {
          expect(m.year).toBe(Number(m.date.slice(0, 4)));
          byYear.set(m.year, [...(byYear.get(m.year) ?? []), m]);
        }
        for (const ms of byYear.values()) {
          const sorted = [...ms].sort((a, b) => a.date.localeCompare(b.date));
          expect(sorted.map((m) => m.seq)).toEqual(sorted.map((_, i) => i + 1));
        }
      }
    });

    it('past meetings are mostly quorate', () => {
      const role = new Map(r.people.map((p) => [p.id, p.triadRole]));
      const past = r.meetings.filter((m) => m.date < today);
      let quorate = 0;
      for (const m of past) {
        const body = r.bodies.find((b) => b.id === m.bodyId)!;
        const members = r.memberships.filter((x) => x.bodyId === body.id && isActiveOn(x, m.date));
        const q = computeQuorum(
          members,
          r.attendance.filter((a) => a.meetingId === m.id),
          body.rules,
          (id) => role.get(id),
        );
        expect(q.votingMembers).toBeGreaterThan(5);
        if (q.quorate) quorate++;
      }
      expect(quorate / past.length).toBeGreaterThan(0.7);
    });

    it('Pavel Malý has three unexcused absences in a row in PS1', () => {
      const ps1 = r.bodies.find((b) => b.code === 'PS1')!;
      const maly = r.people.find((p) => p.lastName === 'Malý')!;
      const history = r.meetings
        .filter((m) => m.bodyId === ps1.id && m.date < today)
        .sort((a, b) => b.date.localeCompare(a.date))
        .map(
          (m) => r.attendance.find((a) => a.meetingId === m.id && a.personId === maly.id)?.status,
        );
      expect(unexcusedAbsenceStreak(history)).toBeGreaterThanOrEqual(3);
      expect(unexcusedAbsenceStreak(history)).toBeGreaterThanOrEqual(ps1.rules.absenceWarningAfter);
    });

    it('the steering group needs 5 working days’ notice, working groups 7 calendar days', () => {
      for (const b of r.bodies) {
        expect(b.rules.leadTime).toEqual(
          b.kind === 'steering' ? { days: 5, unit: 'working' } : { days: 7, unit: 'calendar' },
        );
      }
    });
  },
);

describe('sample region', () => {
  it('uses the id source and timestamp it is given', () => {
    const r = build('2026-06-15');
    expect(r.organizations[0]!.id).toBe('id-1');
    expect(r.people.every((p) => p.createdAt === NOW && p.updatedAt === NOW)).toBe(true);
  });
  it('a different today shifts the dates', () => {
    expect(build('2026-06-15').meetings[0]!.date).not.toBe(build('2026-09-15').meetings[0]!.date);
  });
});
