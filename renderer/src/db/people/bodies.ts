import type { Body, BodyInput, Membership, MembershipInput } from '@shared/domain';
import { bodyInput, membershipInput } from '@shared/domain';
import { membershipId } from '@shared/sync/ids';
import { newId, nowIso } from '../clock';
import { DomainError, parseOrThrow } from '../errors';
import type { AppDb } from '../schema';

export async function createBody(db: AppDb, input: BodyInput): Promise<Body> {
  const data = parseOrThrow(bodyInput, input);
  return db.transaction('rw', db.bodies, async () => {
    await assertUniqueCode(db, data.code);
    const now = nowIso();
    const body: Body = { ...data, id: newId(), createdAt: now, updatedAt: now };
    await db.bodies.add(body);
    return body;
  });
}

export async function updateBody(db: AppDb, id: string, input: BodyInput): Promise<void> {
  const data = parseOrThrow(bodyInput, input);
  await db.transaction('rw', db.bodies, async () => {
    const current = await db.bodies.get(id);
    if (!current) throw new DomainError('errors.notFound');
    await assertUniqueCode(db, data.code, id);
    const { targetGroup, resolutionPattern, ...rest } = data;
    const next: Body = { id, createdAt: current.createdAt, updatedAt: nowIso(), ...rest };
    if (targetGroup) next.targetGroup = targetGroup;
    if (resolutionPattern) next.resolutionPattern = resolutionPattern;
    if (current.archivedAt) next.archivedAt = current.archivedAt;
    await db.bodies.put(next);
  });
}

async function assertUniqueCode(db: AppDb, code: string, selfId?: string): Promise<void> {
  const clash = await db.bodies
    .filter((b) => !b.archivedAt && b.code.toLocaleLowerCase('cs') === code.toLocaleLowerCase('cs'))
    .first();
  if (clash && clash.id !== selfId) throw new DomainError('errors.duplicateBodyCode', { code });
}

/** A body that has met is archived (its minutes stay meaningful); an unused one is deleted. */
export async function removeBody(db: AppDb, id: string): Promise<'deleted' | 'archived'> {
  return db.transaction('rw', db.bodies, db.memberships, db.meetings, async () => {
    const meetings = await db.meetings.where('bodyId').equals(id).count();
    if (meetings > 0) {
      await db.bodies.update(id, { archivedAt: nowIso(), updatedAt: nowIso() });
      return 'archived';
    }
    await db.memberships.where('bodyId').equals(id).delete();
    await db.bodies.delete(id);
    return 'deleted';
  });
}

function overlaps(a: Pick<Membership, 'from' | 'to'>, b: Pick<Membership, 'from' | 'to'>): boolean {
  const aTo = a.to ?? '9999-12-31';
  const bTo = b.to ?? '9999-12-31';
  return a.from <= bTo && b.from <= aTo;
}

async function checkMembership(
  db: AppDb,
  data: Membership | Omit<Membership, 'id' | 'createdAt' | 'updatedAt'>,
  selfId?: string,
): Promise<void> {
  const [body, person] = await Promise.all([
    db.bodies.get(data.bodyId),
    db.people.get(data.personId),
  ]);
  if (!body) throw new DomainError('errors.notFound');
  if (!person) throw new DomainError('errors.unknownPerson');
  if (data.substituteId && !(await db.people.get(data.substituteId))) {
    throw new DomainError('errors.unknownPerson');
  }
  const others = await db.memberships.where('bodyId').equals(data.bodyId).toArray();
  const duplicate = others.find(
    (m) => m.id !== selfId && m.personId === data.personId && overlaps(m, data),
  );
  if (duplicate) throw new DomainError('errors.duplicateMembership');
  if (
    data.substituteId &&
    others.some((m) => m.id !== selfId && m.personId === data.substituteId && overlaps(m, data))
  ) {
    throw new DomainError('errors.substituteIsMember');
  }
  if (data.substituteId) {
    const taken = others.find(
      (m) => m.id !== selfId && m.substituteId === data.substituteId && overlaps(m, data),
    );
    if (taken) throw new DomainError('errors.substituteTaken');
  }
}

export async function addMembership(db: AppDb, input: MembershipInput): Promise<Membership> {
  const data = parseOrThrow(membershipInput, input);
  return db.transaction('rw', db.memberships, db.bodies, db.people, async () => {
    await checkMembership(db, data);
    const now = nowIso();
    // Derived from body, person and first day: the same membership added on two laptops is one record.
    const id = membershipId(data.bodyId, data.personId, data.from);
    const membership: Membership = { ...data, id, createdAt: now, updatedAt: now };
    await db.memberships.add(membership);
    return membership;
  });
}

export async function updateMembership(
  db: AppDb,
  id: string,
  input: MembershipInput,
): Promise<void> {
  const data = parseOrThrow(membershipInput, input);
  await db.transaction('rw', db.memberships, db.bodies, db.people, async () => {
    const current = await db.memberships.get(id);
    if (!current) throw new DomainError('errors.notFound');
    await checkMembership(db, data, id);
    const { substituteId, to, ...rest } = data;
    const next: Membership = { id, createdAt: current.createdAt, updatedAt: nowIso(), ...rest };
    if (substituteId) next.substituteId = substituteId;
    if (to) next.to = to;
    await db.memberships.put(next);
  });
}

export async function removeMembership(db: AppDb, id: string): Promise<void> {
  await db.memberships.delete(id);
}
