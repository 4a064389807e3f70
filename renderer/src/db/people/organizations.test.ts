import { describe, expect, it } from 'vitest';
import { DomainError, ValidationError } from '../errors';
import {
  createOrganization,
  organizationUsage,
  removeOrganization,
  restoreOrganization,
  updateOrganization,
} from './organizations';
import { createPerson } from './people';
import { listOrganizations } from '../queries';
import { db, domainCode, rejection } from '../testDb';

async function fields(p: Promise<unknown>): Promise<Record<string, string>> {
  const e = await rejection(p);
  if (!(e instanceof ValidationError)) throw e;
  return e.fields;
}

describe('organizations', () => {
  it('creates an organization with a normalized IČO', async () => {
    const org = await createOrganization(db, {
      name: 'Hlavní město Praha',
      ico: '645 81',
      kind: 'municipality',
    });
    expect(org.ico).toBe('00064581');
    expect(await db.organizations.get(org.id)).toEqual(org);
  });

  it('a bad IČO is a ValidationError and nothing is written', async () => {
    expect(
      await fields(createOrganization(db, { name: 'Obec', ico: '12345678', kind: 'municipality' })),
    ).toEqual({ ico: 'errors.ico' });
    expect(
      await fields(createOrganization(db, { name: 'Obec', ico: 'abc', kind: 'municipality' })),
    ).toEqual({ ico: 'errors.ico' });
    expect(await db.organizations.count()).toBe(0);
  });

  it('update with a bad IČO is a ValidationError and the record is unchanged', async () => {
    const org = await createOrganization(db, {
      name: 'Obec',
      ico: '00064581',
      kind: 'municipality',
    });
    expect(
      await fields(
        updateOrganization(db, org.id, { name: 'Jiné jméno', ico: '00064582', kind: 'ngo' }),
      ),
    ).toEqual({ ico: 'errors.ico' });
    expect(await db.organizations.get(org.id)).toEqual(org);
  });

  it('a duplicate IČO is a DomainError, also when written differently', async () => {
    await createOrganization(db, { name: 'Praha', ico: '00064581', kind: 'municipality' });
    const e = await rejection(
      createOrganization(db, { name: 'Praha 2', ico: '645 81', kind: 'municipality' }),
    );
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('errors.duplicateIco');
    expect((e as DomainError).params).toEqual({ name: 'Praha' });
    expect(await db.organizations.count()).toBe(1);
  });

  it('update may keep its own IČO but not take another’s', async () => {
    const a = await createOrganization(db, { name: 'A', ico: '00064581', kind: 'municipality' });
    const b = await createOrganization(db, { name: 'B', ico: '25596641', kind: 'provider' });
    await updateOrganization(db, a.id, { name: 'A2', ico: '00064581', kind: 'municipality' });
    expect((await db.organizations.get(a.id))!.name).toBe('A2');
    expect(
      await domainCode(
        updateOrganization(db, b.id, { name: 'B', ico: '00064581', kind: 'provider' }),
      ),
    ).toBe('errors.duplicateIco');
    expect((await db.organizations.get(b.id))!.ico).toBe('25596641');
  });

  it('organizations without IČO never clash', async () => {
    await createOrganization(db, { name: 'A', kind: 'ngo' });
    await createOrganization(db, { name: 'B', ico: '', kind: 'ngo' });
    expect(await db.organizations.count()).toBe(2);
  });

  it('update can clear the IČO, which frees it for another organization', async () => {
    const a = await createOrganization(db, { name: 'A', ico: '00064581', kind: 'municipality' });
    await updateOrganization(db, a.id, { name: 'A', ico: '', kind: 'municipality' });
    expect((await db.organizations.get(a.id))!.ico).toBeUndefined();
    await createOrganization(db, { name: 'B', ico: '00064581', kind: 'municipality' });
    expect(await db.organizations.count()).toBe(2);
  });

  it('update of an unknown organization is errors.notFound', async () => {
    expect(await domainCode(updateOrganization(db, 'nope', { name: 'X', kind: 'ngo' }))).toBe(
      'errors.notFound',
    );
  });

  it('remove deletes an unused organization', async () => {
    const org = await createOrganization(db, { name: 'A', kind: 'ngo' });
    expect(await removeOrganization(db, org.id)).toBe('deleted');
    expect(await db.organizations.get(org.id)).toBeUndefined();
  });

  it('remove archives an organization with people; they keep a resolvable reference; restore brings it back', async () => {
    const org = await createOrganization(db, { name: 'Charita Vizovice', kind: 'provider' });
    const person = await createPerson(db, {
      firstName: 'Jana',
      lastName: 'Nováková',
      triadRole: 'provider',
      organizationId: org.id,
    });
    expect(await organizationUsage(db, org.id)).toEqual({ people: 1 });
    expect(await removeOrganization(db, org.id)).toBe('archived');
    const archived = await db.organizations.get(org.id);
    expect(archived?.archivedAt).toBeDefined();
    expect(
      await db.organizations.get((await db.people.get(person.id))!.organizationId!),
    ).toBeDefined();
    expect(await listOrganizations(db)).toEqual([]);
    expect(await listOrganizations(db, true)).toHaveLength(1);
    // editing an archived organization keeps it archived
    await updateOrganization(db, org.id, { name: 'Charita Vizovice, o. p. s.', kind: 'provider' });
    expect((await db.organizations.get(org.id))!.archivedAt).toBe(archived!.archivedAt);
    await restoreOrganization(db, org.id);
    const restored = await db.organizations.get(org.id);
    expect(restored).toBeDefined();
    expect('archivedAt' in restored!).toBe(false);
  });

  it('lists organizations in Czech order', async () => {
    for (const name of ['Šance', 'Charita', 'Centrum', 'Čtyřlístek', 'Hospic'])
      await createOrganization(db, { name, kind: 'ngo' });
    expect((await listOrganizations(db)).map((o) => o.name)).toEqual([
      'Centrum',
      'Čtyřlístek',
      'Hospic',
      'Charita',
      'Šance',
    ]);
  });
});
