import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '@shared/domain';
import { attendanceView } from './queries';
import { AppDb } from './schema';

// The v1 stores exactly as they landed; a database created by the first release must open
// under the current AppDb with every record intact.
const V1 = {
  organizations: 'id, name, ico, kind',
  people: 'id, lastName, organizationId, triadRole',
  bodies: 'id, code, kind',
  memberships: 'id, bodyId, personId, substituteId, [bodyId+personId]',
  meetings: 'id, bodyId, date, [bodyId+year]',
  attendance: 'id, meetingId, personId, substituteId, &[meetingId+personId]',
  settings: 'key',
};

describe('AppDb upgrade from v1', () => {
  it('opens a v1 database and keeps its data usable', async () => {
    const name = 'test-' + crypto.randomUUID();
    const old = new Dexie(name);
    old.version(1).stores(V1);
    const t = { createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' };
    await old
      .table('people')
      .add({ id: 'p1', firstName: 'Jana', lastName: 'Nováková', triadRole: 'provider', ...t });
    await old
      .table('bodies')
      .add({ id: 'b1', kind: 'working', code: 'PS1', name: 'Senioři', rules: DEFAULT_RULES, ...t });
    await old.table('memberships').add({
      id: 'ms1',
      bodyId: 'b1',
      personId: 'p1',
      role: 'member',
      votingRight: true,
      from: '2025-01-01',
      ...t,
    });
    await old.table('meetings').add({
      id: 'm1',
      bodyId: 'b1',
      date: '2025-03-04',
      timeFrom: '09:00',
      timeTo: '11:00',
      place: 'MÚ',
      seq: 1,
      year: 2025,
      ...t,
    });
    await old
      .table('attendance')
      .add({ id: 'a1', meetingId: 'm1', personId: 'p1', status: 'present', ...t });
    await old.table('settings').put({ key: 'language', value: 'cs' });
    old.close();

    const db = new AppDb(name);
    try {
      await db.open();
      expect(db.verno).toBeGreaterThanOrEqual(2);
      expect(await db.people.get('p1')).toMatchObject({ lastName: 'Nováková' });
      expect(await db.settings.get('language')).toEqual({ key: 'language', value: 'cs' });
      expect(await db.meetings.where('[bodyId+year]').equals(['b1', 2025]).count()).toBe(1);
      const view = (await attendanceView(db, 'm1'))!;
      expect(view.quorum).toMatchObject({ votingMembers: 1, presentVoting: 1, quorate: true });
      expect(view.meeting.minutesStatus).toBeUndefined();
    } finally {
      await db.delete();
    }
  });
});
