import type { Organization, OrganizationInput } from '@shared/domain';
import { organizationInput } from '@shared/domain';
import { newId, nowIso } from '../clock';
import { DomainError, parseOrThrow } from '../errors';
import type { AppDb } from '../schema';

export async function createOrganization(
  db: AppDb,
  input: OrganizationInput,
): Promise<Organization> {
  const data = parseOrThrow(organizationInput, input);
  return db.transaction('rw', db.organizations, async () => {
    await assertUniqueIco(db, data.ico);
    const now = nowIso();
    const org: Organization = { ...data, id: newId(), createdAt: now, updatedAt: now };
    await db.organizations.add(org);
    return org;
  });
}

export async function updateOrganization(
  db: AppDb,
  id: string,
  input: OrganizationInput,
): Promise<void> {
  const data = parseOrThrow(organizationInput, input);
  await db.transaction('rw', db.organizations, async () => {
    const current = await db.organizations.get(id);
    if (!current) throw new DomainError('errors.notFound');
    await assertUniqueIco(db, data.ico, id);
    await db.organizations.put({ ...current, ...data, ico: data.ico, updatedAt: nowIso() });
  });
}

async function assertUniqueIco(db: AppDb, ico: string | undefined, selfId?: string): Promise<void> {
  if (!ico) return;
  const same = await db.organizations.where('ico').equals(ico).first();
  if (same && same.id !== selfId) throw new DomainError('errors.duplicateIco', { name: same.name });
}

export interface OrganizationUsage {
  people: number;
}

export async function organizationUsage(db: AppDb, id: string): Promise<OrganizationUsage> {
  return { people: await db.people.where('organizationId').equals(id).count() };
}

/**
 * Removes an organization. One that people belong to is archived instead: it leaves the
 * pickers, but attendance sheets and minutes still name it.
 */
export async function removeOrganization(db: AppDb, id: string): Promise<'deleted' | 'archived'> {
  return db.transaction('rw', db.organizations, db.people, async () => {
    const usage = await organizationUsage(db, id);
    if (usage.people > 0) {
      await db.organizations.update(id, { archivedAt: nowIso(), updatedAt: nowIso() });
      return 'archived';
    }
    await db.organizations.delete(id);
    return 'deleted';
  });
}

export async function restoreOrganization(db: AppDb, id: string): Promise<void> {
  const org = await db.organizations.get(id);
  if (!org) throw new DomainError('errors.notFound');
  const { archivedAt: _gone, ...rest } = org;
  await db.organizations.put({ ...rest, updatedAt: nowIso() });
}
