import { describe, expect, it } from 'vitest';
import type { AgendaItemInput } from '@shared/domain';
import { DEFAULT_RULES, MAX_DISCUSSION_LENGTH } from '@shared/domain';
import { MAX_STRING_LENGTH, RECORD_SCHEMAS } from '@shared/backup';
import {
  addAgendaItem,
  DiscussionConflict,
  addAgendaItems,
  moveAgendaItem,
  previousAgenda,
  removeAgendaItem,
  saveDiscussion,
  toggleTimer,
  updateAgendaItem,
} from './agenda';
import { markAttendance } from './attendance';
import { addMembership, createBody } from '../people/bodies';
import { DomainError, ValidationError } from '../errors';
import { createMeeting } from './meetings';
import { createPerson } from '../people/people';
import { addResolution, addTask } from './resolutions';
import { db, domainCode, rejection } from '../testDb';

async function body(code = 'PS1') {
  return createBody(db, { kind: 'working', code, name: 'Senioři', rules: DEFAULT_RULES });
}
async function meeting(bodyId: string, date = '2026-03-10', timeFrom = '09:00') {
  return (
    await createMeeting(db, { bodyId, date, timeFrom, timeTo: '23:00', place: 'MÚ' }, '2026-01-01')
  ).meeting;
}
async function programme(meetingId: string) {
  return (await db.agendaItems.where('meetingId').equals(meetingId).toArray())
    .sort((a, b) => a.order - b.order)
    .map((i) => `${i.order}:${i.title}`);
}
const STANDARD: AgendaItemInput[] = [
  { title: 'Zahájení', kind: 'opening' },
  { title: 'Kontrola úkolů', kind: 'review' },
  { title: 'Různé', kind: 'other' },
  { title: 'Termín příštího jednání', kind: 'next' },
];

describe('addAgendaItem', () => {
  it('a regular item goes before "Různé" and "Termín příštího jednání"; orders stay 1..n', async () => {
    const b = await body();
    const m = await meeting(b.id);
    await addAgendaItems(db, m.id, STANDARD);
    const item = await addAgendaItem(db, m.id, {
      title: 'Plán 2027',
      presenter: 'Novák',
      plannedMinutes: 20,
    });
    expect(item).toMatchObject({
      order: 3,
      kind: 'regular',
      discussion: '',
      elapsedMs: 0,
      presenter: 'Novák',
    });
    await addAgendaItem(db, m.id, { title: 'Dotace' });
    expect(await programme(m.id)).toEqual([
      '1:Zahájení',
      '2:Kontrola úkolů',
      '3:Plán 2027',
      '4:Dotace',
      '5:Různé',
      '6:Termín příštího jednání',
    ]);
  });

  it('without closing items, and for closing items themselves, the item goes last', async () => {
    const b = await body();
    const m = await meeting(b.id);
    await addAgendaItem(db, m.id, { title: 'A' });
    await addAgendaItem(db, m.id, { title: 'B' });
    await addAgendaItem(db, m.id, { title: 'Různé', kind: 'other' });
    await addAgendaItem(db, m.id, { title: 'Termín', kind: 'next' });
    await addAgendaItem(db, m.id, { title: 'C' });
    expect(await programme(m.id)).toEqual(['1:A', '2:B', '3:C', '4:Různé', '5:Termín']);
  });

  it('bad input is a ValidationError; an unknown meeting is errors.notFound; nothing is written', async () => {
    const b = await body();
    const m = await meeting(b.id);
    const e = await rejection(addAgendaItem(db, m.id, { title: '' }));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).fields).toEqual({ title: 'errors.required' });
    expect(await domainCode(addAgendaItem(db, 'nope', { title: 'X' }))).toBe('errors.notFound');
    expect(await db.agendaItems.count()).toBe(0);
  });

  it('items of another meeting are not renumbered', async () => {
    const b = await body();
    const m1 = await meeting(b.id);
    const m2 = await meeting(b.id, '2026-04-14');
    await addAgendaItems(db, m1.id, STANDARD);
    await addAgendaItems(db, m2.id, STANDARD);
    await addAgendaItem(db, m1.id, { title: 'Nový' });
    expect(await programme(m2.id)).toEqual([
      '1:Zahájení',
      '2:Kontrola úkolů',
      '3:Různé',
      '4:Termín příštího jednání',
    ]);
  });
});

describe('updateAgendaItem', () => {
  it('replaces the fields and drops cleared ones, keeping order and minutes', async () => {
    const b = await body();
    const m = await meeting(b.id);
    const item = await addAgendaItem(db, m.id, {
      title: 'A',
      presenter: 'Novák',
      note: 'x',
      plannedMinutes: 10,
    });
    await saveDiscussion(db, item.id, 'Diskuse');
    await updateAgendaItem(db, item.id, { title: 'B' });
    const stored = (await db.agendaItems.get(item.id))!;
    expect(stored).toMatchObject({ title: 'B', kind: 'regular', order: 1, discussion: 'Diskuse' });
    for (const key of ['presenter', 'note', 'plannedMinutes'])
      expect(key in stored, key).toBe(false);
    expect(await domainCode(updateAgendaItem(db, 'nope', { title: 'X' }))).toBe('errors.notFound');
  });
});

describe('moveAgendaItem', () => {
  it('moves by position and keeps orders 1..n', async () => {
    const b = await body();
    const m = await meeting(b.id);
    await addAgendaItems(db, m.id, [
      { title: 'A' },
      { title: 'B' },
      { title: 'C' },
      { title: 'D' },
    ]);
    await moveAgendaItem(db, m.id, 0, 2);
    expect(await programme(m.id)).toEqual(['1:B', '2:C', '3:A', '4:D']);
    await moveAgendaItem(db, m.id, 3, 0);
    expect(await programme(m.id)).toEqual(['1:D', '2:B', '3:C', '4:A']);
    await moveAgendaItem(db, m.id, 1, 9);
    expect(await programme(m.id)).toEqual(['1:D', '2:B', '3:C', '4:A']);
  });
});

describe('removeAgendaItem', () => {
  it('renumbers the rest', async () => {
    const b = await body();
    const m = await meeting(b.id);
    await addAgendaItems(db, m.id, [{ title: 'A' }, { title: 'B' }, { title: 'C' }]);
    const items = (await db.agendaItems.toArray()).sort((x, y) => x.order - y.order);
    await removeAgendaItem(db, items[0]!.id);
    expect(await programme(m.id)).toEqual(['1:B', '2:C']);
    await removeAgendaItem(db, 'nope'); // gone already: nothing to do
    expect(await programme(m.id)).toEqual(['1:B', '2:C']);
  });

  it('refuses an item with a resolution or a task (errors.itemHasRecords)', async () => {
    const b = await body();
    const m = await meeting(b.id);
    const member = await createPerson(db, {
      firstName: 'Jan',
      lastName: 'Novák',
      triadRole: 'user',
    });
    await addMembership(db, {
      bodyId: b.id,
      personId: member.id,
      role: 'chair',
      votingRight: true,
      from: '2025-01-01',
    });
    await markAttendance(db, { meetingId: m.id, personId: member.id, status: 'present' });
    const a = await addAgendaItem(db, m.id, { title: 'A' });
    const t = await addAgendaItem(db, m.id, { title: 'T' });
    await addAgendaItem(db, m.id, { title: 'C' });
    await addResolution(db, a.id, {
      verb: 'takesNote',
      text: 'Bere na vědomí',
      result: { kind: 'consensus' },
    });
    await addTask(db, m.id, { text: 'Úkol' }, t.id);
    expect(await domainCode(removeAgendaItem(db, a.id))).toBe('errors.itemHasRecords');
    expect(await domainCode(removeAgendaItem(db, t.id))).toBe('errors.itemHasRecords');
    expect(await programme(m.id)).toEqual(['1:A', '2:T', '3:C']);
  });
});

describe('saveDiscussion', () => {
  async function item() {
    const b = await body();
    const m = await meeting(b.id);
    return addAgendaItem(db, m.id, { title: 'A' });
  }
  const stored = async (id: string) => (await db.agendaItems.get(id))!.discussion;

  it('stores the live minutes', async () => {
    const i = await item();
    await saveDiscussion(db, i.id, 'Ad 1: Předsedkyně přivítala přítomné.', '');
    expect(await stored(i.id)).toBe('Ad 1: Předsedkyně přivítala přítomné.');
    expect(await domainCode(saveDiscussion(db, 'nope', 'x'))).toBe('errors.notFound');
  });

  it('refuses text over the limit and keeps what was stored, never a cut copy', async () => {
    const i = await item();
    await saveDiscussion(db, i.id, 'Začátek.', '');
    const full = 'x'.repeat(MAX_DISCUSSION_LENGTH);
    await saveDiscussion(db, i.id, full, 'Začátek.');
    expect(await stored(i.id)).toHaveLength(MAX_DISCUSSION_LENGTH);
    const pasted = 'y'.repeat(649_000);
    const error = await rejection(saveDiscussion(db, i.id, pasted, full));
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('errors.discussionTooLong');
    expect((error as DomainError).params).toEqual({ max: MAX_DISCUSSION_LENGTH });
    expect(await stored(i.id)).toBe(full);
  });

  it('the limit is the one the backup accepts', () => {
    expect(MAX_DISCUSSION_LENGTH).toBeLessThanOrEqual(MAX_STRING_LENGTH);
    const schema = RECORD_SCHEMAS.agendaItems!.schema;
    const record = {
      id: 'a',
      meetingId: 'm',
      order: 1,
      title: 'A',
      kind: 'regular',
      elapsedMs: 0,
      createdAt: '2026-03-10T09:00:00.000Z',
      updatedAt: '2026-03-10T09:00:00.000Z',
    };
    expect(
      schema.safeParse({ ...record, discussion: 'x'.repeat(MAX_DISCUSSION_LENGTH) }).success,
    ).toBe(true);
    expect(
      schema.safeParse({ ...record, discussion: 'x'.repeat(MAX_DISCUSSION_LENGTH + 1) }).success,
    ).toBe(false);
  });

  it('never overwrites a newer text written by someone else', async () => {
    const i = await item();
    // Window A saved "Ahoj"; window B, which saw "Ahoj", saved its own version since.
    await saveDiscussion(db, i.id, 'Ahoj', '');
    await saveDiscussion(db, i.id, 'Ahoj, tady B', 'Ahoj');
    // A still believes "Ahoj" is stored: its save is refused with B's text, nothing written.
    const error = await rejection(saveDiscussion(db, i.id, 'Ahoj, tady A', 'Ahoj'));
    expect(error).toBeInstanceOf(DiscussionConflict);
    expect((error as DiscussionConflict).stored).toBe('Ahoj, tady B');
    expect(await stored(i.id)).toBe('Ahoj, tady B');
    // Having seen B's text, A may replace it deliberately.
    await saveDiscussion(db, i.id, 'Ahoj, tady A', 'Ahoj, tady B');
    expect(await stored(i.id)).toBe('Ahoj, tady A');
  });

  it('the check and the write are one transaction: of two saves from the same base, one wins', async () => {
    const i = await item();
    await saveDiscussion(db, i.id, 'Základ', '');
    const results = await Promise.allSettled([
      saveDiscussion(db, i.id, 'Základ A', 'Základ'),
      saveDiscussion(db, i.id, 'Základ B', 'Základ'),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(DiscussionConflict);
    expect(['Základ A', 'Základ B']).toContain(await stored(i.id));
  });

  it('saving the text that is already stored is not a conflict', async () => {
    const i = await item();
    await saveDiscussion(db, i.id, 'Stejné', '');
    await saveDiscussion(db, i.id, 'Stejné', 'něco starého');
    expect(await stored(i.id)).toBe('Stejné');
  });
});

describe('toggleTimer', () => {
  const t0 = Date.parse('2026-03-10T09:00:00.000Z');
  const at = (s: number) => new Date(t0 + s * 1000);

  it('accumulates time over several runs', async () => {
    const b = await body();
    const m = await meeting(b.id);
    const item = await addAgendaItem(db, m.id, { title: 'A' });
    await toggleTimer(db, item.id, at(0));
    expect((await db.agendaItems.get(item.id))!.runningSince).toBe(at(0).toISOString());
    await toggleTimer(db, item.id, at(60));
    let stored = (await db.agendaItems.get(item.id))!;
    expect(stored.elapsedMs).toBe(60_000);
    expect(stored.runningSince).toBeUndefined();
    await toggleTimer(db, item.id, at(100));
    await toggleTimer(db, item.id, at(130));
    stored = (await db.agendaItems.get(item.id))!;
    expect(stored.elapsedMs).toBe(90_000);
    expect(stored.runningSince).toBeUndefined();
  });

  it('starting an item stops the running one of the same meeting, not of another meeting', async () => {
    const b = await body();
    const m = await meeting(b.id);
    const other = await meeting(b.id, '2026-03-10', '13:00');
    const a = await addAgendaItem(db, m.id, { title: 'A' });
    const c = await addAgendaItem(db, m.id, { title: 'C' });
    const x = await addAgendaItem(db, other.id, { title: 'X' });
    await toggleTimer(db, x.id, at(0));
    await toggleTimer(db, a.id, at(0));
    await toggleTimer(db, c.id, at(45));
    const [sa, sc, sx] = await Promise.all([a.id, c.id, x.id].map((id) => db.agendaItems.get(id)));
    expect(sa).toMatchObject({ elapsedMs: 45_000 });
    expect(sa!.runningSince).toBeUndefined();
    expect(sc).toMatchObject({ elapsedMs: 0, runningSince: at(45).toISOString() });
    expect(sx).toMatchObject({ elapsedMs: 0, runningSince: at(0).toISOString() });
    const running = (await db.agendaItems.where('meetingId').equals(m.id).toArray()).filter(
      (i) => i.runningSince,
    );
    expect(running.map((i) => i.id)).toEqual([c.id]);
  });

  it('unknown item is errors.notFound', async () => {
    expect(await domainCode(toggleTimer(db, 'nope'))).toBe('errors.notFound');
  });
});

describe('previousAgenda', () => {
  it("copies the programme of the body's last earlier meeting that has one, without its minutes", async () => {
    const b = await body();
    const otherBody = await body('PS2');
    const m1 = await meeting(b.id, '2026-01-20');
    const m2 = await meeting(b.id, '2026-02-17');
    const empty = await meeting(b.id, '2026-03-03');
    const m3 = await meeting(b.id, '2026-03-10');
    const later = await meeting(b.id, '2026-04-14');
    const foreign = await meeting(otherBody.id, '2026-03-05');
    await addAgendaItems(db, m1.id, [{ title: 'Starý bod' }]);
    await addAgendaItems(db, m2.id, [
      { title: 'Zahájení', kind: 'opening' },
      { title: 'Plán', presenter: 'Novák', plannedMinutes: 30 },
      { title: 'Různé', kind: 'other' },
    ]);
    await addAgendaItems(db, later.id, [{ title: 'Budoucí bod' }]);
    await addAgendaItems(db, foreign.id, [{ title: 'Cizí bod' }]);
    const plan = (await db.agendaItems.toArray()).find((i) => i.title === 'Plán')!;
    await saveDiscussion(db, plan.id, 'Diskuse se nekopíruje');
    const copy = await previousAgenda(db, m3.id);
    expect(copy).toEqual([
      { title: 'Zahájení', kind: 'opening', presenter: undefined, plannedMinutes: undefined },
      { title: 'Plán', kind: 'regular', presenter: 'Novák', plannedMinutes: 30 },
      { title: 'Různé', kind: 'other', presenter: undefined, plannedMinutes: undefined },
    ]);
    expect(await previousAgenda(db, empty.id)).toHaveLength(3);
    expect(await previousAgenda(db, m1.id)).toEqual([]);
    expect(await previousAgenda(db, 'nope')).toEqual([]);
  });
});
