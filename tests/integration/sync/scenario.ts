// The scenario of issue 14, shared by the exchange and the server tests: a meeting prepared on
// one laptop reaches the other; offline, the minute-taker (A) writes the discussion and the
// facilitator (B) takes attendance of the same meeting, both mark the same member present, they
// disagree about another member, one edits a person the other deletes, and each adds 100 people.
import { expect } from 'vitest';
import { DEFAULT_RULES } from '@shared/domain';
import { attendanceId } from '@shared/sync/ids';
import { addAgendaItem, saveDiscussion } from '../../../renderer/src/db/meetings/agenda';
import { markAttendance } from '../../../renderer/src/db/meetings/attendance';
import { addMembership, createBody } from '../../../renderer/src/db/people/bodies';
import { createMeeting } from '../../../renderer/src/db/meetings/meetings';
import { createPerson, removePerson, updatePerson } from '../../../renderer/src/db/people/people';
import { conflictsTable, revsTable } from '../../../renderer/src/db/sync/bridge';
import { revisionTrees, syncedData, type Laptop } from './helpers';

export interface Base {
  bodyId: string;
  meetingId: string;
  itemId: string;
  members: string[];
  guestId: string;
}

/** On A: a working group of 3 members, a meeting with one agenda item, and a person (guest). */
export async function prepareMeeting(a: Laptop): Promise<Base> {
  const body = await createBody(a.db, {
    kind: 'working',
    code: 'PS1',
    name: 'Senioři',
    rules: DEFAULT_RULES,
  });
  const members: string[] = [];
  for (let i = 0; i < 3; i++) {
    const p = await createPerson(a.db, {
      firstName: 'Člen',
      lastName: `Č${i + 1}`,
      triadRole: 'user',
    });
    await addMembership(a.db, {
      bodyId: body.id,
      personId: p.id,
      role: 'member',
      votingRight: true,
      from: '2025-01-01',
    });
    members.push(p.id);
  }
  const guest = await createPerson(a.db, {
    firstName: 'Karel',
    lastName: 'Host',
    triadRole: 'user',
  });
  const { meeting } = await createMeeting(
    a.db,
    { bodyId: body.id, date: '2026-03-04', timeFrom: '09:00', timeTo: '11:00', place: 'MÚ' },
    '2026-01-01',
  );
  const item = await addAgendaItem(a.db, meeting.id, { title: 'Zahájení' });
  return { bodyId: body.id, meetingId: meeting.id, itemId: item.id, members, guestId: guest.id };
}

export async function offlineEdits(a: Laptop, b: Laptop, base: Base): Promise<void> {
  const [m1, m2, m3] = base.members as [string, string, string];
  // The minute-taker writes the discussion on A …
  await saveDiscussion(a.db, base.itemId, 'Přivítání, kontrola usnášeníschopnosti.');
  // … while the facilitator takes attendance on B; both mark m1 present.
  await markAttendance(a.db, { meetingId: base.meetingId, personId: m1, status: 'present' });
  await markAttendance(b.db, { meetingId: base.meetingId, personId: m1, status: 'present' });
  await markAttendance(b.db, { meetingId: base.meetingId, personId: m3, status: 'present' });
  // They disagree about m2: a real conflict.
  await markAttendance(a.db, { meetingId: base.meetingId, personId: m2, status: 'present' });
  await markAttendance(b.db, { meetingId: base.meetingId, personId: m2, status: 'excused' });
  // One edits the guest, the other deletes them.
  await updatePerson(a.db, base.guestId, {
    firstName: 'Karel',
    lastName: 'Host',
    phone: '+420 777 123 456',
    triadRole: 'user',
  });
  expect(await removePerson(b.db, base.guestId)).toBe('deleted');
  for (const l of [a, b])
    for (let i = 0; i < 100; i++)
      await createPerson(l.db, { firstName: l.name, lastName: `Nový ${i + 1}`, triadRole: 'user' });
}

/** The conflicts this scenario must list, as "<kind> <document>". */
export const expectedConflicts = (base: Base) =>
  [
    `edit attendance:${attendanceId(base.meetingId, base.members[1]!)}`,
    `editDelete people:${base.guestId}`,
  ].sort();

export async function conflictList(l: Laptop): Promise<string[]> {
  return (await conflictsTable(l.db).toArray()).map((c) => `${c.kind} ${c.key}`).sort();
}

/** Both laptops hold the same records, revisions and conflicts, and nothing was lost. */
export async function expectConverged(a: Laptop, b: Laptop, base: Base): Promise<void> {
  const [da, dbb] = [await syncedData(a.db), await syncedData(b.db)];
  expect(da).toEqual(dbb);
  expect(await revisionTrees(a.pouch)).toEqual(await revisionTrees(b.pouch));
  const revs = async (l: Laptop) =>
    (await revsTable(l.db).toArray()).sort((x, y) => (x.key < y.key ? -1 : 1));
  expect(await revs(a)).toEqual(await revs(b));
  // 3 members + the guest (edited on A wins over B's deletion) + 100 + 100.
  expect(da.people).toHaveLength(204);
  expect(da.attendance).toHaveLength(3);
  expect((da.agendaItems as { discussion: string }[])[0]!.discussion).toContain('Přivítání');
  expect(await conflictList(a)).toEqual(expectedConflicts(base));
  expect(await conflictList(b)).toEqual(expectedConflicts(base));
}
