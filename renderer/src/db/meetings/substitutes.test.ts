import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, substituteBar } from '@shared/domain';
import { clearAttendance, markAttendance } from './attendance';
import { addMembership, createBody } from '../people/bodies';
import { DomainError, ValidationError } from '../errors';
import { createMeeting } from './meetings';
import { createOrganization } from '../people/organizations';
import { createPerson } from '../people/people';
import { attendanceView } from '../queries';
import { db } from '../testDb';

// Issue 11, "Substitutes fail silently": the dialog offers only people whose choice saves.
// The picker's rule (shared/domain/substitutes.ts) must agree with the repository on everyone.

async function scenario(otherOrganizationAllowed: boolean) {
  const orgA = await createOrganization(db, { name: 'Charita Vizovice', kind: 'provider' });
  const orgB = await createOrganization(db, { name: 'Obec Lutonina', kind: 'municipality' });
  const body = await createBody(db, {
    kind: 'working',
    code: 'PS1',
    name: 'Senioři',
    rules: { ...DEFAULT_RULES, substituteFromOtherOrganization: otherOrganizationAllowed },
  });
  const person = async (lastName: string, organizationId?: string) =>
    (await createPerson(db, { firstName: 'Test', lastName, triadRole: 'provider', organizationId }))
      .id;
  const ids = {
    member: await person('Member', orgA.id),
    substituted: await person('Substituted', orgA.id),
    present: await person('Present', orgA.id),
    excused: await person('Excused', orgA.id),
    sameOrg: await person('SameOrg', orgA.id),
    otherOrg: await person('OtherOrg', orgB.id),
    noOrg: await person('NoOrg'),
    guest: await person('Guest', orgA.id),
    busy: await person('Busy', orgA.id),
    excusedOutsider: await person('ExcusedOutsider', orgA.id),
  };
  for (const id of [ids.member, ids.substituted, ids.present, ids.excused])
    await addMembership(db, {
      bodyId: body.id,
      personId: id,
      role: 'member',
      votingRight: true,
      from: '2025-01-01',
    });
  const { meeting } = await createMeeting(
    db,
    { bodyId: body.id, date: '2026-12-10', timeFrom: '09:00', timeTo: '11:00', place: 'MÚ' },
    '2026-11-01',
  );
  const mark = (personId: string, status: 'present' | 'excused' | 'guest', substituteId?: string) =>
    markAttendance(db, { meetingId: meeting.id, personId, status, substituteId });
  await mark(ids.present, 'present');
  await mark(ids.excused, 'excused');
  await mark(ids.guest, 'guest');
  await markAttendance(db, {
    meetingId: meeting.id,
    personId: ids.substituted,
    status: 'substituted',
    substituteId: ids.busy,
  });
  return { meeting, ids };
}

const codeOf = (e: unknown) =>
  e instanceof DomainError
    ? e.code
    : e instanceof ValidationError
      ? Object.values(e.fields)[0]
      : (() => {
          throw e;
        })();

describe.each([false, true])('substitutes (other organization allowed: %s)', (allowed) => {
  it('the picker offers exactly the people the repository accepts, and names the same reason', async () => {
    const { meeting, ids } = await scenario(allowed);
    const view = (await attendanceView(db, meeting.id))!;
    const member = view.members.find((m) => m.personId === ids.member)!;
    const ctx = {
      member: { personId: member.personId, organizationId: member.person.organizationId },
      memberIds: new Set(view.members.map((m) => m.personId)),
      attendance: [...view.attendance.values()],
      otherOrganizationAllowed: view.body.rules.substituteFromOtherOrganization,
    };
    const outcome: Record<string, string | null> = {};
    for (const [name, id] of Object.entries(ids)) {
      const bar = substituteBar(
        { id, organizationId: (await db.people.get(id))!.organizationId },
        ctx,
      );
      let saved: string | null = null;
      try {
        await markAttendance(db, {
          meetingId: meeting.id,
          personId: ids.member,
          status: 'substituted',
          substituteId: id,
        });
        await clearAttendance(db, meeting.id, ids.member);
      } catch (e) {
        saved = codeOf(e)!;
      }
      expect(bar, name).toBe(saved);
      outcome[name] = bar;
    }
    const other = allowed ? null : 'errors.substituteOtherOrganization';
    expect(outcome).toEqual({
      member: 'errors.substituteSelf',
      substituted: 'errors.substituteAttendsHimself',
      present: 'errors.substituteAttendsHimself',
      excused: 'errors.substituteIsMember',
      sameOrg: null,
      otherOrg: other,
      noOrg: other,
      guest: 'errors.substituteAttendsHimself',
      busy: 'errors.substituteTwice',
      excusedOutsider: null,
    });
  });
});
