// The meeting room's live data comes in pieces (db/room/roomHooks.ts): typing in the minutes must
// leave every piece but the editor's own text identical, so no panel re-renders.
import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { addAgendaItems, saveDiscussion, updateAgendaItem } from '../meetings/agenda';
import { share } from '../liveValue';
import { createMeeting } from '../meetings/meetings';
import { createPerson } from '../people/people';
import { addTask } from '../meetings/resolutions';
import { itemDiscussion, roomAgenda, roomContext, roomRecords, roomView } from './room';
import { attendanceView } from '../queries';
import { db, groupOfMembers } from '../testDb';

async function room() {
  const g = await groupOfMembers('PS1', 3);
  const { meeting } = await createMeeting(
    db,
    { bodyId: g.body.id, date: '2026-03-10', timeFrom: '09:00', timeTo: '11:00', place: 'MÚ' },
    '2026-01-01',
  );
  await addAgendaItems(db, meeting.id, [{ title: 'Zahájení' }, { title: 'Různé' }]);
  const items = await roomAgenda(db, meeting.id);
  return { g, meeting, items };
}

/** Every value a live query gives until `until` settles, in fake-indexeddb. */
async function emissions<T>(query: () => Promise<T>, until: () => Promise<void>): Promise<T[]> {
  const seen: T[] = [];
  const sub = liveQuery(query).subscribe((v) => seen.push(v));
  await expect.poll(() => seen.length).toBe(1);
  await until();
  await new Promise((r) => setTimeout(r, 50));
  sub.unsubscribe();
  return seen;
}

describe('the room in pieces', () => {
  it('saves of the minutes leave the programme, the records, the attendance and the context identical', async () => {
    const { meeting, items } = await room();
    const id = meeting.id;
    const before = {
      agenda: await roomAgenda(db, id),
      records: await roomRecords(db, id),
      context: await roomContext(db, id),
      attendance: await attendanceView(db, id),
    };
    let text = '';
    for (const word of ['Předsedkyně', ' zahájila', ' jednání.']) {
      const expected = text;
      text += word;
      await saveDiscussion(db, items[0]!.id, text, expected);
    }
    expect(await itemDiscussion(db, items[0]!.id)).toBe('Předsedkyně zahájila jednání.');
    expect(share(before.agenda, await roomAgenda(db, id))).toBe(before.agenda);
    expect(share(before.records, await roomRecords(db, id))).toBe(before.records);
    expect(share(before.context, await roomContext(db, id))).toBe(before.context);
    expect(share(before.attendance, await attendanceView(db, id))).toBe(before.attendance);
    // The whole view (documents, projector) still carries the text.
    expect((await roomView(db, id))!.items[0]!.discussion).toBe('Předsedkyně zahájila jednání.');
  });

  it('a live programme query re-runs on a save but its answer, shared, is the same object', async () => {
    const { meeting, items } = await room();
    const answers = await emissions(
      () => roomAgenda(db, meeting.id),
      async () => {
        await saveDiscussion(db, items[0]!.id, 'A', '');
        await saveDiscussion(db, items[0]!.id, 'AB', 'A');
      },
    );
    expect(answers.length).toBeGreaterThan(1);
    const shared = answers.reduce((prev, next) => share(prev, next));
    expect(shared).toBe(answers[0]);
    expect(answers[0]![0]).not.toHaveProperty('discussion');
  });

  it('a changed programme keeps the identity of the items that did not change', async () => {
    const { meeting, items } = await room();
    const before = await roomAgenda(db, meeting.id);
    await updateAgendaItem(db, items[1]!.id, { title: 'Různé a diskuse' });
    const after = share(before, await roomAgenda(db, meeting.id));
    expect(after).not.toBe(before);
    expect(after[0]).toBe(before[0]);
    expect(after[1]!.title).toBe('Různé a diskuse');
  });

  it('names task owners and the officers without reading the whole register', async () => {
    const { g, meeting } = await room();
    const owner = await createPerson(db, {
      firstName: 'Eva',
      lastName: 'Nováková',
      triadRole: 'provider',
    });
    await createPerson(db, { firstName: 'Jan', lastName: 'Nikde', triadRole: 'public' });
    await addTask(db, meeting.id, { text: 'Rozeslat zápis', ownerId: owner.id });
    const context = (await roomContext(db, meeting.id))!;
    expect([...context.allPeople.keys()]).toEqual([owner.id]);
    expect(g.members).not.toContain(owner.id);
  });
});

describe('share', () => {
  it('keeps equal answers, Maps and nested records; replaces what changed', () => {
    const prev = { a: [{ x: 1 }, { x: 2 }], m: new Map([['k', { y: 1 }]]), s: new Set([1]) };
    const same = { a: [{ x: 1 }, { x: 2 }], m: new Map([['k', { y: 1 }]]), s: new Set([1]) };
    expect(share(prev, same)).toBe(prev);
    const next = share(prev, {
      a: [{ x: 1 }, { x: 3 }],
      m: new Map([['k', { y: 1 }]]),
      s: new Set([1]),
    });
    expect(next).not.toBe(prev);
    expect(next.a[0]).toBe(prev.a[0]);
    expect(next.a[1]).toEqual({ x: 3 });
    expect(next.m).toBe(prev.m);
    expect(share([1, 2], [1, 2, 3])).toEqual([1, 2, 3]);
    expect(share({ a: 1 }, { a: 1, b: undefined })).not.toBe(prev);
    expect(share(null, null)).toBeNull();
  });
});
