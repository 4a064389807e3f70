import { describe, expect, it, vi } from 'vitest';
import type { AttendanceInput, RulesOfProcedure, TriadRole } from '@shared/domain';
import { DEFAULT_RULES } from '@shared/domain';
import { addNewGuest, clearAttendance, markAttendance } from './attendance';
import { addMembership, createBody } from '../people/bodies';
import { ValidationError } from '../errors';
import { createMeeting } from './meetings';
import { createOrganization } from '../people/organizations';
import { createPerson } from '../people/people';
import { attendanceView } from '../queries';
import { db, domainCode, rejection } from '../testDb';

const ROLES: TriadRole[] = [
  'commissioner',
  'commissioner',
  'provider',
  'provider',
  'provider',
  'user',
  'user',
  'public',
  'commissioner',
];

/** A working group of 9 voting members (org A) and a non-voting secretary, plus outsiders. */
async function group(rules: Partial<RulesOfProcedure> = {}) {
  const orgA = await createOrganization(db, { name: 'Charita Vizovice', kind: 'provider' });
  const orgB = await createOrganization(db, { name: 'Obec Lutonina', kind: 'municipality' });
  const body = await createBody(db, {
    kind: 'working',
    code: 'PS1',
    name: 'Senioři',
    rules: { ...DEFAULT_RULES, ...rules },
  });
  const members: string[] = [];
  for (let i = 0; i < 9; i++) {
    const p = await createPerson(db, {
      firstName: 'Člen',
      lastName: `Člen${i + 1}`,
      triadRole: ROLES[i]!,
      organizationId: orgA.id,
    });
    members.push(p.id);
  }
  const secretary = (
    await createPerson(db, { firstName: 'Petra', lastName: 'Dvořáková', triadRole: 'commissioner' })
  ).id;
  const subA = (
    await createPerson(db, {
      firstName: 'Marie',
      lastName: 'Horáková',
      triadRole: 'user',
      organizationId: orgA.id,
    })
  ).id;
  const subA2 = (
    await createPerson(db, {
      firstName: 'Lucie',
      lastName: 'Šimková',
      triadRole: 'provider',
      organizationId: orgA.id,
    })
  ).id;
  const subB = (
    await createPerson(db, {
      firstName: 'Josef',
      lastName: 'Kučera',
      triadRole: 'commissioner',
      organizationId: orgB.id,
    })
  ).id;
  const outsider = (
    await createPerson(db, { firstName: 'Jiří', lastName: 'Hájek', triadRole: 'public' })
  ).id;
  for (const [i, personId] of members.entries()) {
    await addMembership(db, {
      bodyId: body.id,
      personId,
      role: i === 0 ? 'chair' : 'member',
      votingRight: true,
      from: '2025-01-01',
      substituteId: i === 0 ? subA : undefined,
    });
  }
  await addMembership(db, {
    bodyId: body.id,
    personId: secretary,
    role: 'secretary',
    votingRight: false,
    from: '2025-01-01',
  });
  const meeting = (
    await createMeeting(
      db,
      { bodyId: body.id, date: '2026-03-10', timeFrom: '09:00', timeTo: '11:00', place: 'MÚ' },
      '2026-01-01',
    )
  ).meeting;
  return { orgA, orgB, body, members, secretary, subA, subA2, subB, outsider, meeting };
}

describe('markAttendance', () => {
  it('records and updates one record per person and meeting, dropping cleared fields', async () => {
    const g = await group();
    const mark = (x: Partial<AttendanceInput>) =>
      markAttendance(db, {
        meetingId: g.meeting.id,
        personId: g.members[0]!,
        status: 'present',
        ...x,
      });
    expect(await mark({ arrivedAt: '09:05', leftAt: '10:30', note: 'odešla dříve' })).toEqual([]);
    const first = (await db.attendance.toArray())[0]!;
    await mark({ status: 'excused' });
    const all = await db.attendance.toArray();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ id: first.id, createdAt: first.createdAt, status: 'excused' });
    for (const key of ['arrivedAt', 'leftAt', 'note', 'substituteId'])
      expect(key in all[0]!, key).toBe(false);
    await clearAttendance(db, g.meeting.id, g.members[0]!);
    expect(await db.attendance.count()).toBe(0);
  });

  it('a non-member marked present is errors.notAMember', async () => {
    const g = await group();
    expect(
      await domainCode(
        markAttendance(db, { meetingId: g.meeting.id, personId: g.outsider, status: 'present' }),
      ),
    ).toBe('errors.notAMember');
    expect(
      await domainCode(
        markAttendance(db, { meetingId: g.meeting.id, personId: g.outsider, status: 'excused' }),
      ),
    ).toBe('errors.notAMember');
    expect(await db.attendance.count()).toBe(0);
  });

  it('membership is judged on the meeting day', async () => {
    const g = await group();
    const late = (
      await createPerson(db, { firstName: 'Nový', lastName: 'Člen', triadRole: 'user' })
    ).id;
    await addMembership(db, {
      bodyId: g.body.id,
      personId: late,
      role: 'member',
      votingRight: true,
      from: '2026-03-11',
    });
    expect(
      await domainCode(
        markAttendance(db, { meetingId: g.meeting.id, personId: late, status: 'present' }),
      ),
    ).toBe('errors.notAMember');
    // ...but he may come as a guest before his membership starts
    await markAttendance(db, { meetingId: g.meeting.id, personId: late, status: 'guest' });
  });

  it('a member marked as guest is errors.memberAsGuest', async () => {
    const g = await group();
    expect(
      await domainCode(
        markAttendance(db, { meetingId: g.meeting.id, personId: g.members[1]!, status: 'guest' }),
      ),
    ).toBe('errors.memberAsGuest');
    expect(await db.attendance.count()).toBe(0);
  });

  it('unknown meeting or person', async () => {
    const g = await group();
    expect(
      await domainCode(
        markAttendance(db, { meetingId: 'nope', personId: g.members[0]!, status: 'present' }),
      ),
    ).toBe('errors.notFound');
    expect(
      await domainCode(
        markAttendance(db, { meetingId: g.meeting.id, personId: 'nope', status: 'guest' }),
      ),
    ).toBe('errors.unknownPerson');
    expect(
      await domainCode(
        markAttendance(db, {
          meetingId: g.meeting.id,
          personId: g.members[1]!,
          status: 'substituted',
          substituteId: 'nope',
        }),
      ),
    ).toBe('errors.unknownPerson');
  });

  it('invalid input is a ValidationError and writes nothing', async () => {
    const g = await group();
    const e = await rejection(
      markAttendance(db, {
        meetingId: g.meeting.id,
        personId: g.members[0]!,
        status: 'substituted',
      }),
    );
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).fields).toEqual({ substituteId: 'errors.substituteRequired' });
    expect(await db.attendance.count()).toBe(0);
  });

  it('a person substituting for two members is errors.substituteTwice', async () => {
    const g = await group();
    await markAttendance(db, {
      meetingId: g.meeting.id,
      personId: g.members[0]!,
      status: 'substituted',
      substituteId: g.subA,
    });
    expect(
      await domainCode(
        markAttendance(db, {
          meetingId: g.meeting.id,
          personId: g.members[1]!,
          status: 'substituted',
          substituteId: g.subA,
        }),
      ),
    ).toBe('errors.substituteTwice');
    expect(await db.attendance.count()).toBe(1);
    // changing the same member's substitute is fine
    await markAttendance(db, {
      meetingId: g.meeting.id,
      personId: g.members[0]!,
      status: 'substituted',
      substituteId: g.subA2,
    });
    expect((await db.attendance.toArray())[0]!.substituteId).toBe(g.subA2);
  });

  it('a member of the same group cannot substitute for another member', async () => {
    const g = await group();
    expect(
      await domainCode(
        markAttendance(db, {
          meetingId: g.meeting.id,
          personId: g.members[0]!,
          status: 'substituted',
          substituteId: g.members[1]!,
        }),
      ),
    ).toBe('errors.substituteIsMember');
    expect(await db.attendance.count()).toBe(0);
  });

  it('a substitute from another organization is an error when the rules forbid it', async () => {
    const g = await group();
    expect(
      await domainCode(
        markAttendance(db, {
          meetingId: g.meeting.id,
          personId: g.members[0]!,
          status: 'substituted',
          substituteId: g.subB,
        }),
      ),
    ).toBe('errors.substituteOtherOrganization');
    expect(await db.attendance.count()).toBe(0);
    // a substitute without any organization is "another organization" too
    expect(
      await domainCode(
        markAttendance(db, {
          meetingId: g.meeting.id,
          personId: g.members[0]!,
          status: 'substituted',
          substituteId: g.outsider,
        }),
      ),
    ).toBe('errors.substituteOtherOrganization');
  });

  it('a substitute from another organization is a warning when the rules allow it', async () => {
    const g = await group({ substituteFromOtherOrganization: true });
    expect(
      await markAttendance(db, {
        meetingId: g.meeting.id,
        personId: g.members[0]!,
        status: 'substituted',
        substituteId: g.subB,
      }),
    ).toEqual(['warnings.substituteOtherOrganization']);
    expect(await db.attendance.count()).toBe(1);
    expect(
      await markAttendance(db, {
        meetingId: g.meeting.id,
        personId: g.members[1]!,
        status: 'substituted',
        substituteId: g.subA,
      }),
    ).toEqual([]);
  });
});

describe('addNewGuest', () => {
  it('writes the person and the guest attendance together', async () => {
    const g = await group();
    const id = await addNewGuest(
      db,
      g.meeting.id,
      { firstName: 'Vladimír', lastName: 'Trčka', triadRole: 'public', email: '' },
      '09:20',
    );
    const person = (await db.people.get(id))!;
    expect(person).toMatchObject({ firstName: 'Vladimír', lastName: 'Trčka', triadRole: 'public' });
    expect(person.email).toBeUndefined();
    const records = await db.attendance.where('personId').equals(id).toArray();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      meetingId: g.meeting.id,
      status: 'guest',
      arrivedAt: '09:20',
    });
    const view = (await attendanceView(db, g.meeting.id))!;
    expect(view.guests.map((x) => x.person.id)).toEqual([id]);
    expect(view.quorum.guests).toBe(1);
  });

  it('bad input writes neither person nor attendance', async () => {
    const g = await group();
    const people = await db.people.count();
    const e = await rejection(
      addNewGuest(db, g.meeting.id, { firstName: 'X', lastName: '', triadRole: 'public' }),
    );
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).fields).toEqual({ lastName: 'errors.required' });
    expect(
      await domainCode(
        addNewGuest(db, 'nope', { firstName: 'X', lastName: 'Y', triadRole: 'public' }),
      ),
    ).toBe('errors.notFound');
    expect(
      await domainCode(
        addNewGuest(db, g.meeting.id, {
          firstName: 'X',
          lastName: 'Y',
          triadRole: 'public',
          organizationId: 'nope',
        }),
      ),
    ).toBe('errors.unknownOrganization');
    expect(await db.people.count()).toBe(people);
    expect(await db.attendance.count()).toBe(0);
  });
});

describe('attendanceView', () => {
  it('null for an unknown meeting', async () => {
    expect(await attendanceView(db, 'nope')).toBeNull();
  });

  it('quorum goes from not quorate (4 of 9) to quorate (5 of 9); the secretary does not count', async () => {
    const g = await group();
    await markAttendance(db, { meetingId: g.meeting.id, personId: g.secretary, status: 'present' });
    for (const id of g.members.slice(0, 4))
      await markAttendance(db, { meetingId: g.meeting.id, personId: id, status: 'present' });
    let view = (await attendanceView(db, g.meeting.id))!;
    expect(view.members).toHaveLength(10);
    expect(view.quorum).toMatchObject({
      votingMembers: 9,
      presentVoting: 4,
      required: 5,
      quorate: false,
      presentMembers: 5,
    });
    await markAttendance(db, {
      meetingId: g.meeting.id,
      personId: g.members[4]!,
      status: 'present',
    });
    view = (await attendanceView(db, g.meeting.id))!;
    expect(view.quorum).toMatchObject({ presentVoting: 5, quorate: true });
    // one leaves: not quorate again
    await markAttendance(db, {
      meetingId: g.meeting.id,
      personId: g.members[4]!,
      status: 'present',
      arrivedAt: '09:00',
      leftAt: '10:00',
    });
    expect((await attendanceView(db, g.meeting.id))!.quorum).toMatchObject({
      presentVoting: 4,
      quorate: false,
    });
  });

  it('triad counts: members by role, substitutes by their own role, guests included', async () => {
    const g = await group();
    // members[0] (commissioner) substituted by subA (user); members[2] provider present; members[5] user present
    await markAttendance(db, {
      meetingId: g.meeting.id,
      personId: g.members[0]!,
      status: 'substituted',
      substituteId: g.subA,
    });
    await markAttendance(db, {
      meetingId: g.meeting.id,
      personId: g.members[2]!,
      status: 'present',
    });
    await markAttendance(db, {
      meetingId: g.meeting.id,
      personId: g.members[5]!,
      status: 'present',
    });
    await markAttendance(db, {
      meetingId: g.meeting.id,
      personId: g.members[7]!,
      status: 'absent',
    });
    await markAttendance(db, { meetingId: g.meeting.id, personId: g.outsider, status: 'guest' });
    const view = (await attendanceView(db, g.meeting.id))!;
    expect(view.quorum.triad).toEqual({ commissioner: 0, provider: 1, user: 2, public: 1 });
    expect(view.quorum).toMatchObject({ presentVoting: 3, presentMembers: 3, guests: 1 });
    expect(view.people.get(g.subA)?.lastName).toBe('Horáková');
    expect(view.attendance.get(g.members[7]!)?.status).toBe('absent');
    expect(view.guests).toHaveLength(1);
    expect(view.guests[0]!.organizationName).toBeUndefined();
  });

  it('warns after 3 unexcused absences in a row; an excused absence or attendance resets', async () => {
    const g = await group();
    const dates = ['2026-04-14', '2026-05-12', '2026-06-09', '2026-07-14'];
    const ms = [g.meeting];
    for (const date of dates)
      ms.push(
        (
          await createMeeting(
            db,
            { bodyId: g.body.id, date, timeFrom: '09:00', timeTo: '11:00', place: 'MÚ' },
            '2026-01-01',
          )
        ).meeting,
      );
    const [a, b, c] = [g.members[6]!, g.members[7]!, g.members[8]!];
    // meetings 0..3 before the last one (index 4)
    const plan: Record<string, (string | undefined)[]> = {
      [a]: ['present', 'absent', 'absent', 'absent'],
      [b]: ['absent', 'absent', 'excused', 'absent'],
      [c]: ['absent', 'absent', undefined, 'absent'],
    };
    for (const [personId, statuses] of Object.entries(plan)) {
      for (const [i, status] of statuses.entries()) {
        if (status)
          await markAttendance(db, {
            meetingId: ms[i]!.id,
            personId,
            status: status as AttendanceInput['status'],
          });
      }
    }
    const view = (await attendanceView(db, ms[4]!.id))!;
    expect(Object.fromEntries(view.absenceWarnings)).toEqual({ [a]: 3, [c]: 3 });
    // before the fourth meeting the streaks are shorter
    const earlier = (await attendanceView(db, ms[3]!.id))!;
    expect(earlier.absenceWarnings.size).toBe(0);
  });

  it('a long streak of absences is counted across the batches of earlier meetings, read a few at once', async () => {
    const g = await group();
    const ms = [g.meeting];
    for (let month = 4; month <= 12; month++)
      ms.push(
        (
          await createMeeting(
            db,
            {
              bodyId: g.body.id,
              date: `2026-${String(month).padStart(2, '0')}-14`,
              timeFrom: '09:00',
              timeTo: '11:00',
              place: 'MÚ',
            },
            '2026-01-01',
          )
        ).meeting,
      );
    const [a, b] = [g.members[6]!, g.members[7]!];
    // a: absent at all nine meetings before the last; b: present at the first, then absent
    for (const [i, m] of ms.slice(0, 9).entries()) {
      await markAttendance(db, { meetingId: m.id, personId: a, status: 'absent' });
      await markAttendance(db, { meetingId: m.id, personId: b, status: i ? 'absent' : 'present' });
    }
    for (const personId of g.members.slice(0, 6))
      await markAttendance(db, { meetingId: ms[8]!.id, personId, status: 'present' });
    const where = vi.spyOn(db.attendance, 'where');
    const view = (await attendanceView(db, ms[9]!.id))!;
    expect(Object.fromEntries(view.absenceWarnings)).toEqual({ [a]: 9, [b]: 8 });
    // this meeting's attendance, then the nine earlier meetings in batches of 2, 4 and 8
    // (one read per earlier meeting before)
    expect(where).toHaveBeenCalledTimes(4);
    where.mockRestore();
  });

  it('absence warnings can be switched off and respect the rule’s limit', async () => {
    const g = await group({ absenceWarningAfter: 0 });
    const m2 = (
      await createMeeting(
        db,
        { bodyId: g.body.id, date: '2026-04-14', timeFrom: '09:00', timeTo: '11:00', place: 'MÚ' },
        '2026-01-01',
      )
    ).meeting;
    await markAttendance(db, {
      meetingId: g.meeting.id,
      personId: g.members[0]!,
      status: 'absent',
    });
    expect((await attendanceView(db, m2.id))!.absenceWarnings.size).toBe(0);
    await db.bodies.update(g.body.id, { rules: { ...DEFAULT_RULES, absenceWarningAfter: 1 } });
    expect(Object.fromEntries((await attendanceView(db, m2.id))!.absenceWarnings)).toEqual({
      [g.members[0]!]: 1,
    });
  });

  it('meetings before a membership began do not count toward the streak', async () => {
    const g = await group();
    const newcomer = (
      await createPerson(db, { firstName: 'Nový', lastName: 'Člen', triadRole: 'user' })
    ).id;
    const later: string[] = [];
    for (const date of ['2026-04-14', '2026-05-12'])
      later.push(
        (
          await createMeeting(
            db,
            { bodyId: g.body.id, date, timeFrom: '09:00', timeTo: '11:00', place: 'MÚ' },
            '2026-01-01',
          )
        ).meeting.id,
      );
    await addMembership(db, {
      bodyId: g.body.id,
      personId: newcomer,
      role: 'member',
      votingRight: true,
      from: '2026-04-01',
    });
    await markAttendance(db, { meetingId: later[0]!, personId: newcomer, status: 'absent' });
    await db.bodies.update(g.body.id, { rules: { ...DEFAULT_RULES, absenceWarningAfter: 1 } });
    const view = (await attendanceView(db, later[1]!))!;
    expect(view.absenceWarnings.get(newcomer)).toBe(1);
    expect(view.members.some((m) => m.personId === newcomer)).toBe(true);
    // in the first meeting (before he joined) he is not a member at all
    expect(
      (await attendanceView(db, g.meeting.id))!.members.some((m) => m.personId === newcomer),
    ).toBe(false);
  });
});
