import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { attendanceId, membershipId } from '@shared/sync/ids';
import { addAgendaItem, saveDiscussion } from '../meetings/agenda';
import { markAttendance } from '../meetings/attendance';
import { suppressAudit } from '../safety/audit';
import { createMeeting } from '../meetings/meetings';
import { markFromSync, type OutboxEntry } from './outbox';
import { createPerson, removePerson } from '../people/people';
import { db, groupOfMembers } from '../testDb';

const outbox = async () =>
  ((await db.table('outbox').toArray()) as OutboxEntry[]).map((e) => `${e.op} ${e.key}`).sort();

async function meeting(bodyId: string) {
  return (
    await createMeeting(
      db,
      { bodyId, date: '2026-03-04', timeFrom: '09:00', timeTo: '11:00', place: 'MÚ' },
      '2026-01-01',
    )
  ).meeting;
}

describe('the outbox', () => {
  it('records every created, changed and deleted record of a synced table, once per record', async () => {
    const p = await createPerson(db, { firstName: 'Jana', lastName: 'Nová', triadRole: 'user' });
    expect(await outbox()).toEqual([`put people:${p.id}`]);
    await removePerson(db, p.id);
    expect(await outbox()).toEqual([`delete people:${p.id}`]);
  });

  it('is written in the same transaction as the change: a failed transaction leaves no entry', async () => {
    await expect(
      db.transaction('rw', db.people, async () => {
        await db.people.add({
          id: 'x',
          firstName: 'A',
          lastName: 'B',
          triadRole: 'user',
          createdAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-01-01T00:00:00.000Z',
        });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await outbox()).toEqual([]);
  });

  it('covers the meeting room: the agenda, the minutes text and attendance', async () => {
    const { body, members } = await groupOfMembers('PS1', 2);
    const m = await meeting(body.id);
    await db.table('outbox').clear();
    const item = await addAgendaItem(db, m.id, { title: 'Zahájení' });
    await saveDiscussion(db, item.id, 'Přivítání hostů.');
    await markAttendance(db, { meetingId: m.id, personId: members[0]!, status: 'present' });
    expect(await outbox()).toEqual(
      [
        `put agendaItems:${item.id}`,
        `put attendance:${attendanceId(m.id, members[0]!)}`,
        // addAgendaItem renumbers the items after it in the same meeting: none here.
      ].sort(),
    );
  });

  it('leaves out writes applied from sync and a restore (which marks that the bridge must re-read)', async () => {
    await db.transaction('rw', db.people, async () => {
      markFromSync(Dexie.currentTransaction);
      await db.people.put({
        id: 'from-b',
        firstName: 'B',
        lastName: 'B',
        triadRole: 'user',
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      });
    });
    expect(await outbox()).toEqual([]);
    await db.transaction('rw', db.people, async () => {
      suppressAudit(Dexie.currentTransaction);
      await db.people.clear();
    });
    expect(await outbox()).toEqual([]);
    expect(await db.table('syncState').get('restored')).toEqual({ key: 'restored', value: true });
  });
});

describe('natural keys', () => {
  it('two laptops marking the same person present, or adding the same membership, make the same record', async () => {
    const { body, members } = await groupOfMembers('PS1', 1);
    const m = await meeting(body.id);
    await markAttendance(db, { meetingId: m.id, personId: members[0]!, status: 'present' });
    const [att] = await db.attendance.toArray();
    expect(att!.id).toBe(attendanceId(m.id, members[0]!));
    const [ms] = await db.memberships.toArray();
    expect(ms!.id).toBe(membershipId(body.id, members[0]!, '2025-01-01'));
    // Other keys derive other ids; the id keeps the shape of a UUID.
    expect(attendanceId(m.id, 'someone-else')).not.toBe(att!.id);
    expect(att!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
