import { buildSampleRegion } from '@shared/sample/vizovicko';
import { buildSamplePlan } from '@shared/sample/vizovickoPlan';
import { newId, nowIso, todayIso } from '../clock';
import { DomainError } from '../errors';
import { planTables } from '../plan/planRepo';
import { playSampleMeetings } from './sampleMeeting';
import type { AppDb } from '../schema';

/** Loads the sample region into an empty database, all or nothing. */
export async function loadSampleRegion(db: AppDb, today = todayIso()): Promise<void> {
  const region = buildSampleRegion(today, newId, nowIso());
  const samplePlan = buildSamplePlan(region, today, newId, nowIso());
  const plan = planTables(db);
  // One transaction for everything, the meetings played through the repositories included:
  // nobody sees (or backs up) a half-loaded region, and a failure leaves the database empty.
  await db.transaction('rw', db.tables, async () => {
    if ((await db.people.count()) + (await db.bodies.count()) > 0)
      throw new DomainError('errors.notEmpty');
    await db.organizations.bulkAdd(region.organizations);
    await db.people.bulkAdd(region.people);
    await db.bodies.bulkAdd(region.bodies);
    await db.memberships.bulkAdd(region.memberships);
    await db.meetings.bulkAdd(region.meetings);
    await db.attendance.bulkAdd(region.attendance);
    await plan.plans.add(samplePlan.plan);
    await plan.items.bulkAdd(samplePlan.items);
    await plan.monitoring.bulkAdd(samplePlan.monitoring);
    await plan.comments.bulkAdd(samplePlan.comments);
    // Three PS1 meetings as they went in the room (agenda, votes, a poll, tasks, approved minutes).
    await playSampleMeetings(
      db,
      region.people.map((p) => p.id),
      region.bodies[1]!.id,
      today,
    );
  });
}
