// Applying a replica's changes in batches (bridge.ts writeFetched): a first sync reads no
// document one by one, and the batch's decisions are those record-by-record writes would make
// (attendance's one record per meeting and person included).
import { afterEach, describe, expect, it } from 'vitest';
import { attendanceId } from '@shared/sync/ids';
import { bodyScope } from '@shared/sync/scope';
import { markAttendance } from '../../../renderer/src/db/meetings/attendance';
import { createPerson } from '../../../renderer/src/db/people/people';
import { applyIncoming, conflictsTable, pushOutbox } from '../../../renderer/src/db/sync/bridge';
import type { PouchLike } from '../../../renderer/src/db/sync/pouch';
import { closeLaptop, laptop, syncedData, type Laptop } from './helpers';
import { prepareMeeting } from './scenario';

const open: Laptop[] = [];
afterEach(async () => {
  for (const l of open.splice(0)) await closeLaptop(l);
});

/** The replica, counting the documents read one at a time. */
function counted(pouch: PouchLike) {
  const reads = { get: 0 };
  const get = pouch.get.bind(pouch) as (...a: unknown[]) => Promise<unknown>;
  pouch.get = ((...a: unknown[]) => {
    reads.get++;
    return get(...a);
  }) as PouchLike['get'];
  return reads;
}

describe('applying replicated changes', () => {
  it('a first push and a first sync of 450 records read no document one by one; every record arrives', async () => {
    const a = await laptop('Jana');
    const b = await laptop('Petr');
    open.push(a, b);
    const base = await prepareMeeting(a);
    for (let i = 0; i < 440; i++)
      await createPerson(a.db, { firstName: 'Osoba', lastName: `P${i}`, triadRole: 'user' });
    await markAttendance(a.db, {
      meetingId: base.meetingId,
      personId: base.members[0]!,
      status: 'present',
    });
    const pushReads = counted(a.pouch);
    await pushOutbox(a.db, a.pouch);
    expect(pushReads.get).toBe(0);
    await a.pouch.replicate.to(b.pouch);
    const reads = counted(b.pouch);
    const r = await applyIncoming(b.db, b.pouch, 'Jana');
    expect(reads.get).toBe(0);
    expect(r).toMatchObject({ refused: 0, waiting: 0 });
    expect(await syncedData(b.db)).toEqual(await syncedData(a.db));
  });

  it('attendance under another id for a taken meeting and person is refused, unless the holder goes in the same batch', async () => {
    const a = await laptop('Jana');
    const b = await laptop('Petr');
    open.push(a, b);
    const base = await prepareMeeting(a);
    const [m1, m2] = base.members as [string, string];
    await markAttendance(a.db, { meetingId: base.meetingId, personId: m1, status: 'present' });
    await markAttendance(a.db, { meetingId: base.meetingId, personId: m2, status: 'present' });
    await pushOutbox(a.db, a.pouch);
    await a.pouch.replicate.to(b.pouch);
    await applyIncoming(b.db, b.pouch, 'Jana');
    const held1 = (await b.db.attendance.get(attendanceId(base.meetingId, m1)))!;
    const held2 = (await b.db.attendance.get(attendanceId(base.meetingId, m2)))!;
    // A broken client sends m1's attendance under a foreign id; m2's record is deleted and
    // re-sent under a foreign id in the same batch (its pair is free by then).
    const scope = bodyScope(base.bodyId);
    const intruder = { ...held1, id: 'foreign-1', status: 'excused' };
    const moved = { ...held2, id: 'foreign-2', status: 'excused' };
    const doc = (id: string, data: object) => ({
      _id: `attendance:${id}`,
      table: 'attendance',
      scope,
      data,
    });
    const old2 = await b.pouch.get(`attendance:${held2.id}`);
    await b.pouch.bulkDocs([
      doc('foreign-1', intruder),
      { _id: old2._id, _rev: old2._rev, _deleted: true, table: 'attendance', scope },
      doc('foreign-2', moved),
    ]);
    const r = await applyIncoming(b.db, b.pouch, 'Jana');
    expect(r).toMatchObject({ applied: 1, deleted: 1, refused: 1 });
    const rows = await b.db.attendance.where('meetingId').equals(base.meetingId).toArray();
    expect(rows.map((x) => [x.id, x.status]).sort()).toEqual(
      [
        [held1.id, 'present'],
        ['foreign-2', 'excused'],
      ].sort(),
    );
    const refused = await conflictsTable(b.db).get('attendance:foreign-1');
    expect(refused).toMatchObject({
      kind: 'refused',
      problem: { code: 'safety.errors.duplicateId' },
    });
  });
});
