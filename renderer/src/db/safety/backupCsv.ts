// Writes a validated CSV import plan (shared/backup/csv.ts) all or nothing: one transaction,
// every record parsed again at the storage boundary.
import type { CsvPlan } from '@shared/backup/csv';
import { organizationInput, personInput, type Organization, type Person } from '@shared/domain';
import { newId, nowIso } from '../clock';
import { DomainError, parseOrThrow } from '../errors';
import type { AppDb } from '../schema';

export async function existingForCsv(db: AppDb) {
  const [organizations, people] = await Promise.all([
    db.organizations.toArray(),
    db.people.toArray(),
  ]);
  return { organizations, people };
}

export async function applyCsvPlan(
  db: AppDb,
  plan: CsvPlan,
): Promise<{ people: number; organizations: number }> {
  if (!plan.valid) throw new DomainError('safety.csv.notValid');
  const now = nowIso();
  return db.transaction('rw', db.people, db.organizations, async () => {
    const orgs: Organization[] = plan.organizations.map((r) => ({
      ...parseOrThrow(organizationInput, r.data),
      id: newId(),
      createdAt: now,
      updatedAt: now,
    }));
    const created = new Map<string, string>();
    for (const name of plan.newOrganizations) {
      const org: Organization = {
        ...parseOrThrow(organizationInput, { name, kind: 'other' }),
        id: newId(),
        createdAt: now,
        updatedAt: now,
      };
      orgs.push(org);
      created.set(name, org.id);
    }
    const people: Person[] = plan.people.map((r) => {
      const data = parseOrThrow(
        personInput,
        r.newOrganization ? { ...r.data, organizationId: created.get(r.newOrganization) } : r.data,
      );
      const person = { ...data, id: newId(), createdAt: now, updatedAt: now } as Person;
      for (const k of Object.keys(person) as (keyof Person)[])
        if (person[k] === undefined) delete person[k];
      return person;
    });
    await db.organizations.bulkAdd(orgs);
    await db.people.bulkAdd(people);
    return { people: people.length, organizations: orgs.length };
  });
}
