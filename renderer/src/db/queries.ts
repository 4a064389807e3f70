import type {
  Attendance,
  AttendanceStatus,
  Body,
  Meeting,
  Membership,
  Organization,
  Person,
  QuorumState,
} from '@shared/domain';
import { comparePeople, computeQuorum, isActiveOn, unexcusedAbsenceStreak } from '@shared/domain';
import type { AppDb } from './schema';

const collator = new Intl.Collator('cs');

export async function listOrganizations(
  db: AppDb,
  includeArchived = false,
): Promise<Organization[]> {
  const all = await db.organizations.toArray();
  return all
    .filter((o) => includeArchived || !o.archivedAt)
    .sort((a, b) => collator.compare(a.name, b.name));
}

export interface PersonRow extends Person {
  organizationName?: string;
}

export async function listPeople(db: AppDb, includeArchived = false): Promise<PersonRow[]> {
  const [people, orgs] = await Promise.all([db.people.toArray(), db.organizations.toArray()]);
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  return people
    .filter((p) => includeArchived || !p.archivedAt)
    .sort(comparePeople)
    .map((p) => ({
      ...p,
      organizationName: p.organizationId ? orgName.get(p.organizationId) : undefined,
    }));
}

const KIND_ORDER: Record<Body['kind'], number> = {
  steering: 0,
  working: 1,
  realization: 2,
  other: 3,
};

export async function listBodies(db: AppDb, includeArchived = false): Promise<Body[]> {
  const all = await db.bodies.toArray();
  return all
    .filter((b) => includeArchived || !b.archivedAt)
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || collator.compare(a.code, b.code));
}

export interface MemberRow extends Membership {
  person: Person;
  organizationName?: string;
  substitute?: Person;
}

export async function bodyMembers(
  db: AppDb,
  bodyId: string,
  activeOn?: string,
): Promise<MemberRow[]> {
  const memberships = await db.memberships.where('bodyId').equals(bodyId).toArray();
  const ids = new Set(
    memberships.flatMap((m) => [m.personId, m.substituteId].filter((x): x is string => !!x)),
  );
  const people = new Map(
    (await db.people.bulkGet([...ids])).filter((p): p is Person => !!p).map((p) => [p.id, p]),
  );
  const orgIds = [
    ...new Set([...people.values()].map((p) => p.organizationId).filter((x): x is string => !!x)),
  ];
  const orgs = new Map(
    (await db.organizations.bulkGet(orgIds))
      .filter((o): o is Organization => !!o)
      .map((o) => [o.id, o.name]),
  );
  return memberRows(memberships, people, orgs, activeOn);
}

/** The member rows of a body's memberships, active on a day, sorted by name. */
function memberRows(
  memberships: Membership[],
  people: Map<string, Person>,
  orgs: Map<string, string>,
  activeOn?: string,
): MemberRow[] {
  return memberships
    .filter((m) => !activeOn || isActiveOn(m, activeOn))
    .flatMap((m) => {
      const person = people.get(m.personId);
      if (!person) return [];
      const row: MemberRow = {
        ...m,
        person,
        organizationName: person.organizationId ? orgs.get(person.organizationId) : undefined,
      };
      if (m.substituteId) row.substitute = people.get(m.substituteId);
      return [row];
    })
    .sort((a, b) => comparePeople(a.person, b.person));
}

export interface MeetingRow extends Meeting {
  body: Body;
}

export async function listMeetings(db: AppDb, bodyId?: string): Promise<MeetingRow[]> {
  const [meetings, bodies] = await Promise.all([
    bodyId ? db.meetings.where('bodyId').equals(bodyId).toArray() : db.meetings.toArray(),
    db.bodies.toArray(),
  ]);
  const byId = new Map(bodies.map((b) => [b.id, b]));
  return meetings
    .flatMap((m) => {
      const body = byId.get(m.bodyId);
      return body ? [{ ...m, body }] : [];
    })
    .sort((a, b) => {
      // ISO date and time compare as plain strings: no locale-aware compare for 1,200 meetings
      const x = a.date + a.timeFrom;
      const y = b.date + b.timeFrom;
      return x < y ? -1 : x > y ? 1 : 0;
    });
}

export interface AttendanceView {
  meeting: Meeting;
  body: Body;
  members: MemberRow[];
  attendance: Map<string, Attendance>;
  guests: { attendance: Attendance; person: Person; organizationName?: string }[];
  people: Map<string, Person>;
  quorum: QuorumState;
  /** Unexcused absences in a row before this meeting, for members at or over the rule's limit. */
  absenceWarnings: Map<string, number>;
}

export async function attendanceView(db: AppDb, meetingId: string): Promise<AttendanceView | null> {
  const meeting = await db.meetings.get(meetingId);
  if (!meeting) return null;
  // Everything else hangs on the meeting's body alone: one round of parallel reads, then the
  // people by key and the absence history together (the room waits for the slowest read).
  const [body, memberships, records, bodyMeetings, orgList] = await Promise.all([
    db.bodies.get(meeting.bodyId),
    db.memberships.where('bodyId').equals(meeting.bodyId).toArray(),
    db.attendance.where('meetingId').equals(meetingId).toArray(),
    db.meetings.where('bodyId').equals(meeting.bodyId).toArray(),
    db.organizations.toArray(),
  ]);
  if (!body) return null;
  const active = memberships.filter((m) => isActiveOn(m, meeting.date));
  const ids = new Set(
    [...memberships, ...records].flatMap((x) =>
      [x.personId, x.substituteId].filter((id): id is string => !!id),
    ),
  );
  const [found, streaks] = await Promise.all([
    db.people.bulkGet([...ids]),
    absenceWarnings(db, meeting, body, active, bodyMeetings),
  ]);
  const byId = new Map(found.filter((p): p is Person => !!p).map((p) => [p.id, p]));
  const orgs = new Map(orgList.map((o) => [o.id, o.name]));
  const members = memberRows(memberships, byId, orgs, meeting.date);
  const attendance = new Map(records.map((a) => [a.personId, a]));
  // The members themselves and whoever the attendance names.
  const people = new Map<string, Person>(members.map((m) => [m.person.id, m.person]));
  for (const a of records)
    for (const id of [a.personId, a.substituteId])
      if (id && !people.has(id) && byId.has(id)) people.set(id, byId.get(id)!);
  const memberIds = new Set(members.map((m) => m.personId));
  const guests = records
    .filter((a) => a.status === 'guest' && !memberIds.has(a.personId))
    .flatMap((a) => {
      const person = people.get(a.personId);
      return person
        ? [
            {
              attendance: a,
              person,
              organizationName: person.organizationId ? orgs.get(person.organizationId) : undefined,
            },
          ]
        : [];
    })
    .sort((a, b) => comparePeople(a.person, b.person));
  const quorum = computeQuorum(members, records, body.rules, (id) => people.get(id)?.triadRole);
  // Members whose person record is missing are not listed, so they get no warning either.
  for (const id of streaks.keys()) if (!memberIds.has(id)) streaks.delete(id);
  return {
    meeting,
    body,
    members,
    attendance,
    guests,
    people,
    quorum,
    absenceWarnings: streaks,
  };
}

/**
 * Unexcused absences in a row before this meeting, for members at or over the rule's limit.
 * Walks the earlier meetings newest first and stops as soon as every member's streak is
 * settled (typically one to three meetings, whatever the group's age): their attendance is read
 * in growing batches (2, 4, 8, … meetings, one indexed read each) instead of one by one.
 */
async function absenceWarnings(
  db: AppDb,
  meeting: Meeting,
  body: Body,
  members: Membership[],
  bodyMeetings: Meeting[],
): Promise<Map<string, number>> {
  const limit = body.rules.absenceWarningAfter;
  const out = new Map<string, number>();
  if (limit <= 0 || members.length === 0) return out;
  const earlier = bodyMeetings
    .filter((m) => m.date + m.timeFrom < meeting.date + meeting.timeFrom)
    .sort((a, b) => (b.date + b.timeFrom).localeCompare(a.date + a.timeFrom));
  // Each member's statuses, newest first, read only until their streak is broken.
  const history = new Map<string, (AttendanceStatus | undefined)[]>(
    members.map((m) => [m.personId, []]),
  );
  const open = new Set(members.map((m) => m.personId));
  let next = 0;
  for (let size = 2; next < earlier.length && open.size > 0; size *= 2) {
    const batch = earlier.slice(next, next + size);
    next += batch.length;
    const records = await db.attendance
      .where('meetingId')
      .anyOf(batch.map((m) => m.id))
      .toArray();
    for (const m of batch) {
      if (open.size === 0) break;
      const status = new Map<string, AttendanceStatus>(
        records.filter((a) => a.meetingId === m.id).map((a) => [a.personId, a.status]),
      );
      for (const member of members) {
        if (!open.has(member.personId)) continue;
        if (m.date < member.from) {
          open.delete(member.personId); // no history before the membership began
          continue;
        }
        if (!isActiveOn(member, m.date)) continue;
        const st = status.get(member.personId);
        history.get(member.personId)!.push(st);
        if (st !== undefined && st !== 'absent') open.delete(member.personId);
      }
    }
  }
  for (const [personId, statuses] of history) {
    const n = unexcusedAbsenceStreak(statuses);
    if (n >= limit) out.set(personId, n);
  }
  return out;
}

/** Current member and voting-member counts per body. */
export async function bodyStats(
  db: AppDb,
  today: string,
): Promise<Map<string, { members: number; voting: number }>> {
  const out = new Map<string, { members: number; voting: number }>();
  for (const m of await db.memberships.toArray()) {
    if (!isActiveOn(m, today)) continue;
    const s = out.get(m.bodyId) ?? { members: 0, voting: 0 };
    s.members++;
    if (m.votingRight) s.voting++;
    out.set(m.bodyId, s);
  }
  return out;
}

export async function homeCounts(db: AppDb): Promise<{ bodies: number; people: number }> {
  const [bodies, people] = await Promise.all([db.bodies.toArray(), db.people.toArray()]);
  return {
    bodies: bodies.filter((b) => !b.archivedAt).length,
    people: people.filter((p) => !p.archivedAt).length,
  };
}
