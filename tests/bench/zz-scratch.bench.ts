import { afterAll, bench, describe } from 'vitest';
import { openRegionDb } from './fixtures';
const region = await openRegionDb();
const { db, latestMeetingId } = region;
afterAll(() => db.delete());
const latest = region.meetings.find((m) => m.id === latestMeetingId)!;
const ids = region.meetings.filter((m) => m.bodyId === latest.bodyId).map((m) => m.id).sort();
const opts = { time: 300, warmupTime: 50, warmupIterations: 1, iterations: 3 };
function rawCursor(withKeyContinue: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const tx = db.backendDB().transaction('attendance', 'readonly');
    const idx = tx.objectStore('attendance').index('meetingId');
    const req = idx.openCursor(IDBKeyRange.bound(ids[0], ids[ids.length - 1]));
    let n = 0;
    req.onsuccess = () => {
      const c = req.result;
      if (!c) return resolve(n);
      n++;
      if (withKeyContinue) c.continue(c.key); else c.continue();
    };
    req.onerror = () => reject(req.error);
  });
}
describe('scratch', () => {
  bench('between().toArray (getAll)', async () => { await db.attendance.where('meetingId').between(ids[0], ids[ids.length - 1], true, true).toArray(); }, opts);
  bench('raw cursor continue()', async () => { await rawCursor(false); }, opts);
  bench('raw cursor continue(key)', async () => { await rawCursor(true); }, opts);
  bench('between().each', async () => { await db.attendance.where('meetingId').between(ids[0], ids[ids.length - 1], true, true).each(() => undefined); }, opts);
});
