import { buildSampleRegion } from '@shared/sample/vizovicko';
import { newId, nowIso, todayIso } from './clock';
import { DomainError } from './errors';
import type { AppDb } from './schema';

/** Loads the sample region into an empty database, all or nothing. */
export async function loadSampleRegion(db: AppDb, today = todayIso()): Promise<void> {
  const region = buildSampleRegion(today, newId, nowIso());
  await db.transaction('rw', [db.organizations, db.people, db.bodies, db.memberships, db.meetings, db.attendance], async () => {
    if ((await db.people.count()) + (await db.bodies.count()) > 0) throw new DomainError('errors.notEmpty');
    await db.organizations.bulkAdd(region.organizations);
    await db.people.bulkAdd(region.people);
    await db.bodies.bulkAdd(region.bodies);
    await db.memberships.bulkAdd(region.memberships);
    await db.meetings.bulkAdd(region.meetings);
    await db.attendance.bulkAdd(region.attendance);
  });
}
