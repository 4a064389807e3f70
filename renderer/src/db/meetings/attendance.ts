import type { Attendance, AttendanceInput, Body, PersonInput } from '@shared/domain';
import { attendanceInput, isActiveOn, personInput } from '@shared/domain';
import { attendanceId } from '@shared/sync/ids';
import { newId, nowIso } from '../clock';
import { DomainError, parseOrThrow } from '../errors';
import { editableMeeting } from '../guard';
import type { AppDb } from '../schema';

export type AttendanceWarning = 'warnings.substituteOtherOrganization';

async function checkSubstitute(
  db: AppDb,
  data: Attendance | Omit<Attendance, 'id' | 'createdAt' | 'updatedAt'>,
  body: Body,
): Promise<AttendanceWarning[]> {
  if (data.status !== 'substituted' || !data.substituteId) return [];
  const substituteId = data.substituteId;
  const [member, substitute, others] = await Promise.all([
    db.people.get(data.personId),
    db.people.get(substituteId),
    db.attendance.where('meetingId').equals(data.meetingId).toArray(),
  ]);
  if (!substitute) throw new DomainError('errors.unknownPerson');
  if (others.some((a) => a.personId !== data.personId && a.substituteId === substituteId)) {
    throw new DomainError('errors.substituteTwice');
  }
  if (
    others.some(
      (a) => a.personId === substituteId && a.status !== 'absent' && a.status !== 'excused',
    )
  ) {
    throw new DomainError('errors.substituteAttendsHimself');
  }
  const meeting = await db.meetings.get(data.meetingId);
  const substituteMemberships = await db.memberships
    .where('[bodyId+personId]')
    .equals([body.id, substituteId])
    .toArray();
  if (meeting && substituteMemberships.some((m) => isActiveOn(m, meeting.date)))
    throw new DomainError('errors.substituteIsMember');
  if (member?.organizationId !== substitute.organizationId) {
    if (!body.rules.substituteFromOtherOrganization)
      throw new DomainError('errors.substituteOtherOrganization');
    return ['warnings.substituteOtherOrganization'];
  }
  return [];
}

/**
 * Records one person's attendance at a meeting (one record per person and meeting).
 * Returns warnings the facilitator should see; errors write nothing.
 */
export async function markAttendance(
  db: AppDb,
  input: AttendanceInput,
): Promise<AttendanceWarning[]> {
  const data = parseOrThrow(attendanceInput, input);
  if (data.status !== 'substituted') delete data.substituteId;
  return db.transaction(
    'rw',
    [db.attendance, db.meetings, db.bodies, db.people, db.memberships],
    async () => {
      // Attendance is part of the minutes: locked once they are approved.
      const meeting = await editableMeeting(db, data.meetingId);
      const body = await db.bodies.get(meeting.bodyId);
      if (!body) throw new DomainError('errors.unknownBody');
      if (!(await db.people.get(data.personId))) throw new DomainError('errors.unknownPerson');
      const isMember = (
        await db.memberships.where('[bodyId+personId]').equals([body.id, data.personId]).toArray()
      ).some((m) => isActiveOn(m, meeting.date));
      if (data.status === 'guest' && isMember) throw new DomainError('errors.memberAsGuest');
      if (data.status !== 'guest' && !isMember) throw new DomainError('errors.notAMember');
      if (data.status === 'present') {
        const substituting = await db.attendance
          .where('meetingId')
          .equals(data.meetingId)
          .filter((a) => a.substituteId === data.personId)
          .first();
        if (substituting) throw new DomainError('errors.alreadySubstituting');
      }
      const warnings = await checkSubstitute(db, data, body);
      const current = await db.attendance
        .where('[meetingId+personId]')
        .equals([data.meetingId, data.personId])
        .first();
      const now = nowIso();
      const record: Attendance = {
        ...data,
        // Derived from meeting and person: two laptops marking the same person make one record.
        id: current?.id ?? attendanceId(data.meetingId, data.personId),
        createdAt: current?.createdAt ?? now,
        updatedAt: now,
      };
      for (const key of ['substituteId', 'arrivedAt', 'leftAt', 'note'] as const) {
        if (record[key] === undefined) delete record[key];
      }
      await db.attendance.put(record);
      return warnings;
    },
  );
}

/** Takes back a mark: the member is "not yet recorded" again. */
export async function clearAttendance(
  db: AppDb,
  meetingId: string,
  personId: string,
): Promise<void> {
  await db.transaction('rw', db.attendance, db.meetings, async () => {
    await editableMeeting(db, meetingId);
    await db.attendance.where('[meetingId+personId]').equals([meetingId, personId]).delete();
  });
}

/** A guest who is not yet in the address book: person and attendance in one transaction. */
export async function addNewGuest(
  db: AppDb,
  meetingId: string,
  person: PersonInput,
  arrivedAt?: string,
): Promise<string> {
  const data = parseOrThrow(personInput, person);
  return db.transaction(
    'rw',
    [db.people, db.attendance, db.meetings, db.organizations],
    async () => {
      await editableMeeting(db, meetingId);
      if (data.organizationId && !(await db.organizations.get(data.organizationId)))
        throw new DomainError('errors.unknownOrganization');
      const now = nowIso();
      const personId = newId();
      await db.people.add({ ...data, id: personId, createdAt: now, updatedAt: now });
      const record: Attendance = {
        id: attendanceId(meetingId, personId),
        meetingId,
        personId,
        status: 'guest',
        createdAt: now,
        updatedAt: now,
      };
      if (arrivedAt) record.arrivedAt = arrivedAt;
      await db.attendance.add(record);
      return personId;
    },
  );
}
