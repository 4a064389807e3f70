import type { Person, PersonInput } from '@shared/domain';
import { personInput } from '@shared/domain';
import { newId, nowIso, todayIso } from '../clock';
import { DomainError, parseOrThrow } from '../errors';
import type { AppDb } from '../schema';

async function assertOrganizationExists(
  db: AppDb,
  organizationId: string | undefined,
): Promise<void> {
  if (organizationId && !(await db.organizations.get(organizationId))) {
    throw new DomainError('errors.unknownOrganization');
  }
}

export async function createPerson(db: AppDb, input: PersonInput): Promise<Person> {
  const data = parseOrThrow(personInput, input);
  return db.transaction('rw', db.people, db.organizations, async () => {
    await assertOrganizationExists(db, data.organizationId);
    const now = nowIso();
    const person: Person = { ...data, id: newId(), createdAt: now, updatedAt: now };
    await db.people.add(person);
    return person;
  });
}

export async function updatePerson(db: AppDb, id: string, input: PersonInput): Promise<void> {
  const data = parseOrThrow(personInput, input);
  await db.transaction('rw', db.people, db.organizations, async () => {
    const current = await db.people.get(id);
    if (!current) throw new DomainError('errors.notFound');
    await assertOrganizationExists(db, data.organizationId);
    // Optional fields cleared in the form must disappear, so build the record anew.
    const { title, email, phone, note, organizationId, ...required } = data;
    const next: Person = { id, createdAt: current.createdAt, updatedAt: nowIso(), ...required };
    Object.assign(
      next,
      strip({
        title,
        email,
        phone,
        note,
        organizationId,
        archivedAt: current.archivedAt,
        consent: current.consent,
      }),
    );
    await db.people.put(next);
  });
}

function strip<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export interface PersonUsage {
  memberships: number;
  attendance: number;
  meetingRoles: number;
}

export async function personUsage(db: AppDb, id: string): Promise<PersonUsage> {
  const [memberships, asSubstitute, attendance, asAttendSubstitute, meetings] = await Promise.all([
    db.memberships.where('personId').equals(id).count(),
    db.memberships.where('substituteId').equals(id).count(),
    db.attendance.where('personId').equals(id).count(),
    db.attendance.where('substituteId').equals(id).count(),
    db.meetings
      .filter((m) => m.chairId === id || m.minuteTakerId === id || m.verifierId === id)
      .count(),
  ]);
  return {
    memberships: memberships + asSubstitute,
    attendance: attendance + asAttendSubstitute,
    meetingRoles: meetings,
  };
}

/**
 * Removes a person. Someone with history (attendance, a role at a meeting) is archived:
 * their current memberships end today and they leave the pickers, but the minutes of past
 * meetings keep their name. Only a person without any history is deleted outright.
 */
export async function removePerson(db: AppDb, id: string): Promise<'deleted' | 'archived'> {
  return db.transaction('rw', [db.people, db.memberships, db.attendance, db.meetings], async () => {
    const usage = await personUsage(db, id);
    const now = nowIso();
    if (usage.attendance > 0 || usage.meetingRoles > 0) {
      const today = todayIso();
      // Memberships not begun yet are dropped; running ones end today (never before they start).
      await db.memberships
        .where('personId')
        .equals(id)
        .filter((m) => m.from > today)
        .delete();
      await db.memberships
        .where('personId')
        .equals(id)
        .filter((m) => m.to === undefined || m.to > today)
        .modify({ to: today, updatedAt: now });
      await db.memberships
        .where('substituteId')
        .equals(id)
        .modify((m) => {
          delete m.substituteId;
          m.updatedAt = now;
        });
      await db.people.update(id, { archivedAt: now, updatedAt: now });
      return 'archived';
    }
    await db.memberships.where('personId').equals(id).delete();
    await db.memberships
      .where('substituteId')
      .equals(id)
      .modify((m) => {
        delete m.substituteId;
        m.updatedAt = now;
      });
    await db.people.delete(id);
    return 'deleted';
  });
}
