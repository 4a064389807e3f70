import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DraftJournal, textStamp, type JournalEntry } from '../../db/meetings/draftJournal';
import { DiscussionConflict } from '../../db';
import { DiscussionSaver } from './discussionSaver';
import { decideRecovery, findRecovery, insertedChars, newer } from './draftRecovery';
import { JournalWriter } from './journalWriter';
import { slowJournal } from './testJournal';

const entry = (text: string, base: string, saving: string | null = null): JournalEntry => ({
  itemId: 'item-1',
  meetingId: 'meeting-1',
  text,
  base: textStamp(base),
  saving: saving === null ? null : textStamp(saving),
  writer: 'gone',
  at: 0,
  seq: 1,
});
const dead = { sealed: false, alive: false };

describe('decideRecovery', () => {
  it('text typed over the stored text is put back', () => {
    expect(decideRecovery(entry('Ad 1: Zahájeno.', 'Ad 1:'), 'Ad 1:', dead)).toEqual({
      kind: 'recover',
      text: 'Ad 1: Zahájeno.',
      inserted: 10,
    });
  });

  it('also when the save the entry mentions had landed', () => {
    const r = decideRecovery(entry('Ad 1: Zahájeno.', 'Ad 1:', 'Ad 1: Zah'), 'Ad 1: Zah', dead);
    expect(r).toMatchObject({ kind: 'recover', inserted: 6 });
  });

  it('an entry that holds the stored text only goes', () => {
    expect(decideRecovery(entry('Ad 1:', 'Ad'), 'Ad 1:', dead)).toEqual({ kind: 'drop' });
  });

  it('a stored text changed by someone else since: both shown, nothing overwritten', () => {
    const r = decideRecovery(entry('Ad 1: Moje.', 'Ad 1:'), 'Ad 1: Doplněno jinde.', dead);
    expect(r).toMatchObject({ kind: 'conflict', text: 'Ad 1: Moje.' });
    // An entry written in conflict has no base: never taken silently.
    const inConflict = { ...entry('Ad 1: Moje.', ''), base: '' };
    expect(decideRecovery(inConflict, '', dead).kind).toBe('conflict');
  });

  it('approved minutes never take an entry', () => {
    const r = decideRecovery(entry('Ad 1: Zahájeno.', 'Ad 1:'), 'Ad 1:', {
      sealed: true,
      alive: false,
    });
    expect(r).toEqual({ kind: 'sealed', text: 'Ad 1: Zahájeno.', lost: 10 });
  });

  it('an editor still open elsewhere keeps its entry: it is not a leftover', () => {
    expect(decideRecovery(entry('X', ''), '', { sealed: false, alive: true })).toEqual({
      kind: 'none',
    });
    expect(decideRecovery(undefined, '', dead)).toEqual({ kind: 'none' });
  });

  it('counts the characters between the common ends', () => {
    expect(insertedChars('abc', 'abXYc')).toBe(2);
    expect(insertedChars('aaa', 'aaaa')).toBe(1);
    expect(insertedChars('abc', 'ac')).toBe(0);
    expect(insertedChars('', 'Ahoj')).toBe(4);
  });
});

describe('findRecovery', () => {
  let journal: DraftJournal;
  beforeEach(() => {
    journal = new DraftJournal('recovery-' + crypto.randomUUID());
  });
  afterEach(() => journal.close());
  const never = () => Promise.resolve(false);

  it('drops what needs nothing more, keeps what the editor will take over', async () => {
    await journal.put(entry('Ad 1:', 'Ad'));
    expect(await findRecovery('item-1', 'Ad 1:', { sealed: false }, journal, never)).toEqual({
      kind: 'drop',
    });
    expect(await journal.get('item-1')).toBeUndefined();

    await journal.put(entry('Ad 1: text', 'Ad 1:'));
    const sealed = await findRecovery('item-1', 'Ad 1:', { sealed: true }, journal, never);
    expect(sealed.kind).toBe('sealed');
    expect(await journal.get('item-1')).toBeUndefined();

    await journal.put(entry('Ad 1: text', 'Ad 1:'));
    expect((await findRecovery('item-1', 'Ad 1:', { sealed: false }, journal, never)).kind).toBe(
      'recover',
    );
    // Stays until the editor's own writer replaces it with what it then holds.
    expect(await journal.get('item-1')).toBeDefined();
  });

  it('takes the spare copy a page left when it is newer, then drops both', async () => {
    const spares = new Map<string, JournalEntry>();
    const withSpare = Object.assign(journal, {
      readSpare: (id: string) => spares.get(id),
      dropSpare: (id: string) => void spares.delete(id),
    });
    await journal.put(entry('Ad 1: te', 'Ad 1:'));
    spares.set('item-1', { ...entry('Ad 1: text', 'Ad 1:'), seq: 2 });
    const found = await findRecovery('item-1', 'Ad 1:', { sealed: false }, withSpare, never);
    expect(found).toMatchObject({ kind: 'recover', text: 'Ad 1: text' });
    expect(spares.size).toBe(0);
    // A spare that holds the stored text: the older entry goes with it (never offered later).
    await journal.put(entry('Ad 1: te', 'Ad 1:'));
    spares.set('item-1', { ...entry('Ad 1: text', 'Ad 1:'), seq: 2 });
    expect(await findRecovery('item-1', 'Ad 1: text', { sealed: false }, withSpare, never)).toEqual(
      { kind: 'drop' },
    );
    expect(await journal.get('item-1')).toBeUndefined();
  });

  it('of two entries the newer: by count for one writer, by time for two', () => {
    const a = { ...entry('a', ''), seq: 5, at: 10 };
    expect(newer(a, { ...a, text: 'b', seq: 6, at: 10 })?.text).toBe('b');
    expect(newer(a, { ...a, text: 'b', seq: 4, at: 11 })?.text).toBe('a');
    expect(newer(a, { ...a, writer: 'other', text: 'b', seq: 1, at: 11 })?.text).toBe('b');
    expect(newer(undefined, a)).toBe(a);
    expect(newer(a, undefined)).toBe(a);
  });

  it("leaves a living writer's entry and this editor's own alone", async () => {
    await journal.put(entry('Ad 1: text', 'Ad 1:'));
    const alive = () => Promise.resolve(true);
    expect(await findRecovery('item-1', 'Ad 1:', { sealed: false }, journal, alive)).toEqual({
      kind: 'none',
    });
    expect(
      await findRecovery('item-1', 'Ad 1:', { sealed: false, ownWriter: 'gone' }, journal, never),
    ).toEqual({ kind: 'none' });
  });
});

describe('a crash at any moment while typing', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  // The editor (saver + journal writer) against a store and a journal of random speeds; the
  // app "crashes" at every millisecond: what a restart would find is checked each time.
  it.each([1, 2, 3, 4, 5])(
    'nothing typed more than two journal writes ago is lost, and no false conflict (seed %i)',
    async (seed) => {
      let r = seed;
      const rand = () => (r = (r * 16807) % 2147483647) / 2147483647;
      const journal = slowJournal(() => 1 + Math.floor(rand() * 30));
      const JOURNAL_MAX = 31;
      const store = { text: 'Předchozí text. ' };
      const write = async (text: string, expected: string) => {
        await new Promise((res) => setTimeout(res, 2 + Math.floor(rand() * 60)));
        if (store.text !== text && store.text !== expected)
          throw new DiscussionConflict(store.text);
        store.text = text;
      };
      const writer = new JournalWriter(journal, 'item-1', 'meeting-1');
      const saver = new DiscussionSaver(store.text, write, () => {}, { journal: writer });
      const typed: { at: number; text: string }[] = [{ at: -Infinity, text: store.text }];
      const burst = 'Členové se shodli na rozšíření odlehčovací služby o víkendy a svátky.';
      let next = 0;
      let nextAt = 0;
      let checks = 0;
      for (let t = 0; t < burst.length * 45 + 500; t++) {
        if (next < burst.length && t >= nextAt) {
          const text = typed.at(-1)!.text + burst[next++];
          saver.change(text);
          typed.push({ at: t, text });
          nextAt = t + 5 + Math.floor(rand() * 70);
        }
        await vi.advanceTimersByTimeAsync(1);
        // The crash: only what is committed in the store and in the journal remains.
        const found = decideRecovery(journal.entry && { ...journal.entry }, store.text, dead);
        expect(found.kind).not.toBe('conflict');
        const restored =
          found.kind === 'recover' ? found.text : found.kind === 'sealed' ? '' : store.text;
        const due = typed.filter((k) => k.at <= Date.now() - 2 * JOURNAL_MAX - 2).at(-1)!.text;
        expect(restored.startsWith(due)).toBe(true);
        expect(typed.at(-1)!.text.startsWith(restored)).toBe(true);
        checks++;
      }
      expect(checks).toBeGreaterThan(3000);
      expect(store.text).toBe(typed.at(-1)!.text);
      expect(journal.entry).toBeUndefined();
    },
  );

  it('without the journal the same crash loses what the capped-rate save had not written', async () => {
    const store = { text: '' };
    const saver = new DiscussionSaver(
      store.text,
      async (text) => {
        await new Promise((res) => setTimeout(res, 20));
        store.text = text;
      },
      () => {},
    );
    let typed = '';
    let worst = 0;
    for (let i = 0; i < 60; i++) {
      typed += 'x';
      saver.change(typed);
      await vi.advanceTimersByTimeAsync(40);
      worst = Math.max(worst, typed.length - store.text.length);
    }
    // Several keystrokes were only in the editor at some moment: a crash then would lose them.
    expect(worst).toBeGreaterThan(2);
  });
});
