import { describe, expect, it } from 'vitest';
import { fullName } from '@shared/domain';
import { seedDatabase } from '../../../../tests/fixtures/backups/seed';
import { dumpTables } from '../safety/backup';
import { ValidationError } from '../errors';
import {
  anonymizePerson,
  exportPersonData,
  inactivePeople,
  isAnonymized,
  setConsent,
} from './gdpr';
import { attendanceView, bodyStats, homeCounts } from '../queries';
import { db } from '../testDb';

async function statistics() {
  const meetings = await db.meetings.toArray();
  const views = await Promise.all(
    meetings.map(async (m) => {
      const v = (await attendanceView(db, m.id))!;
      return {
        quorum: v.quorum,
        members: v.members.length,
        guests: v.guests.length,
        statuses: [...v.attendance.values()].map((a) => `${a.personId}:${a.status}`).sort(),
        absences: [...v.absenceWarnings.entries()].sort(),
      };
    }),
  );
  return {
    views,
    bodies: await bodyStats(db, '2026-04-16'),
    home: await homeCounts(db),
    ballots: await db.table('ballots').toArray(),
    people: await db.people.count(),
  };
}

describe('GDPR', () => {
  it('records and withdraws consent', async () => {
    const { personId } = await seedDatabase(db);
    await setConsent(db, personId, {
      date: '2026-04-01',
      scope: 'jméno a kontakty v zápisech',
      note: 'podepsáno na jednání',
    });
    expect((await db.people.get(personId))!.consent).toEqual({
      date: '2026-04-01',
      scope: 'jméno a kontakty v zápisech',
      note: 'podepsáno na jednání',
    });
    await expect(setConsent(db, personId, { date: 'včera', scope: '' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await setConsent(db, personId, null);
    expect((await db.people.get(personId))!.consent).toBeUndefined();
  });

  it('exports everything stored about a person', async () => {
    const { personId } = await seedDatabase(db);
    await setConsent(db, personId, { date: '2026-04-01', scope: 'zápisy' });
    const data = await exportPersonData(db, personId);
    expect(data.person.id).toBe(personId);
    expect(data.person.consent?.scope).toBe('zápisy');
    expect(data.records.attendance!.length).toBeGreaterThan(0);
    expect(data.records.memberships!.length).toBeGreaterThan(0);
    expect(data.records.tasks!.map((t) => t.id)).toEqual(['t-1']);
    for (const rows of Object.values(data.records))
      for (const r of rows) expect(JSON.stringify(r)).toContain(personId);
  });

  it('anonymizes a person keeping counts, attendance statistics and vote results equal', async () => {
    const { personId } = await seedDatabase(db);
    const before = await statistics();
    const tablesBefore = await dumpTables(db);
    const person = (await db.people.get(personId))!;
    const n = await anonymizePerson(db, personId);
    expect(n).toBe(1);
    const anon = (await db.people.get(personId))!;
    expect(fullName(anon)).toBe('Anonymizovaný člen č. 1');
    expect(anon).not.toHaveProperty('email');
    expect(anon).not.toHaveProperty('phone');
    expect(anon).not.toHaveProperty('title');
    expect(anon).not.toHaveProperty('note');
    expect(anon.triadRole).toBe(person.triadRole);
    expect(anon.organizationId).toBe(person.organizationId);
    expect(await isAnonymized(db, personId)).toBe(true);
    expect(JSON.stringify(await db.people.toArray())).not.toContain(person.lastName + '"');

    const after = await statistics();
    expect(after).toEqual(before);
    const tablesAfter = await dumpTables(db);
    for (const t of ['attendance', 'memberships', 'ballots', 'resolutions', 'meetings'])
      expect(tablesAfter[t], t).toEqual(tablesBefore[t]);

    // The number is stable and never reused.
    expect(await anonymizePerson(db, personId)).toBe(1);
    const other = (await db.people.toArray()).find((p) => p.id !== personId)!;
    expect(await anonymizePerson(db, other.id)).toBe(2);
  });

  it('lists people inactive for N years, leaving out the anonymized', async () => {
    await seedDatabase(db);
    const old = '2019-01-01T00:00:00.000Z';
    await db.people.add({
      id: 'gone',
      firstName: 'Dávno',
      lastName: 'Pryč',
      triadRole: 'public',
      createdAt: old,
      updatedAt: old,
    });
    await db.people.add({
      id: 'gone2',
      firstName: 'Také',
      lastName: 'Pryč',
      triadRole: 'public',
      createdAt: old,
      updatedAt: old,
    });
    const list = await inactivePeople(db, 3, '2026-04-16');
    expect(list.map((x) => x.person.id)).toEqual(expect.arrayContaining(['gone', 'gone2']));
    expect(list.find((x) => x.person.id === 'gone')!.lastActivity).toBe('2019-01-01');
    expect(list.every((x) => x.lastActivity < '2023-04-16')).toBe(true);
    await anonymizePerson(db, 'gone');
    expect((await inactivePeople(db, 3, '2026-04-16')).map((x) => x.person.id)).not.toContain(
      'gone',
    );
    expect((await inactivePeople(db, 10, '2026-04-16')).map((x) => x.person.id)).not.toContain(
      'gone2',
    );
  });
});
