import { afterAll, bench, describe } from 'vitest';
import { openRegionDb } from './fixtures';
const region = await openRegionDb();
const { db, latestMeetingId } = region;
afterAll(() => db.delete());
const latest = region.meetings.find((m) => m.id === latestMeetingId)!;
const ids = region.meetings.filter((m) => m.bodyId === latest.bodyId).map((m) => m.id);
const opts = { time: 300, warmupTime: 50, warmupIterations: 1, iterations: 3 };
describe('scratch', () => {
  bench('meetings where bodyId', async () => { await db.meetings.where('bodyId').equals(latest.bodyId).toArray(); }, opts);
  bench('anyOf 100', async () => { await db.attendance.where('meetingId').anyOf(ids).toArray(); }, opts);
  bench('anyOf 10', async () => { await db.attendance.where('meetingId').anyOf(ids.slice(0, 10)).toArray(); }, opts);
  bench('100 x equals', async () => { await Promise.all(ids.map((id) => db.attendance.where('meetingId').equals(id).toArray())); }, opts);
  bench('attendance.toArray', async () => { await db.attendance.toArray(); }, opts);
  bench('tasks where bodyId', async () => { await db.tasks.where('bodyId').equals(latest.bodyId).toArray(); }, opts);
});
