import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_DISCUSSION_LENGTH } from '@shared/domain';
import { DiscussionConflict } from '../../db';
import {
  DiscussionSaver,
  JOURNAL_WAIT_MS,
  SAVE_INTERVAL_MS,
  type SaveStatus,
} from './discussionSaver';

/** A fake store whose writes take `latency` ms and check the expected text, like the repository. */
function store(initial: string, latency = 20) {
  const s = {
    text: initial,
    writes: [] as { at: number; text: string }[],
    write: async (text: string, expected: string) => {
      await new Promise((r) => setTimeout(r, latency));
      if (s.text !== text && s.text !== expected) throw new DiscussionConflict(s.text);
      s.text = text;
      s.writes.push({ at: Date.now(), text });
    },
  };
  return s;
}

/** Lets fake time run until the promise settles (writes take fake milliseconds). */
async function settle(p: Promise<void>, ms = 60) {
  await vi.advanceTimersByTimeAsync(ms);
  await p;
}

describe('DiscussionSaver', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('a burst of typing is never more than the interval plus one write behind', async () => {
    const db = store('');
    const statuses: SaveStatus[] = [];
    const saver = new DiscussionSaver('', db.write, (s) => statuses.push(s));
    let typed = '';
    const history: { at: number; text: string }[] = [];
    // 200 characters, one every 10 ms: far faster than anyone types.
    for (let i = 0; i < 200; i++) {
      typed += String.fromCharCode(97 + (i % 26));
      saver.change(typed);
      history.push({ at: Date.now(), text: typed });
      // At every moment the store holds what the editor held at most 150 + 20 ms earlier.
      const lagging = history.filter((h) => h.at <= Date.now() - SAVE_INTERVAL_MS - 20).at(-1);
      if (lagging) expect(db.text.length).toBeGreaterThanOrEqual(lagging.text.length);
      await vi.advanceTimersByTimeAsync(10);
    }
    // Writes are spaced, not one per keystroke: at most one per interval of the 2 s burst.
    expect(db.writes.length).toBeLessThanOrEqual(2000 / SAVE_INTERVAL_MS + 1);
    await vi.advanceTimersByTimeAsync(SAVE_INTERVAL_MS + 50);
    expect(db.text).toBe(typed);
    expect(statuses.at(-1)).toEqual({ kind: 'saved' });
  });

  it('typing at 25 characters a second: one write per five characters at most, none lost', async () => {
    const db = store('', 15);
    const saver = new DiscussionSaver('', db.write, () => {});
    const typed = 'Členové se shodli na rozšíření odlehčovací služby o víkendy. '.repeat(3);
    for (let i = 1; i <= typed.length; i++) {
      saver.change(typed.slice(0, i));
      // Stored at most the interval plus one write behind: five characters, six at a boundary.
      expect(i - db.text.length).toBeLessThanOrEqual(6);
      await vi.advanceTimersByTimeAsync(40);
    }
    // Not a write per keystroke (the old 100 ms cap wrote every 2–3 characters).
    expect(db.writes.length).toBeLessThanOrEqual(Math.ceil(typed.length / 5) + 1);
    await vi.advanceTimersByTimeAsync(SAVE_INTERVAL_MS + 20);
    expect(db.text).toBe(typed);
  });

  it('the first change after a pause is written at once; flush() skips the wait', async () => {
    const db = store('');
    const saver = new DiscussionSaver('', db.write, () => {});
    saver.change('A');
    await vi.advanceTimersByTimeAsync(20);
    expect(db.text).toBe('A');
    saver.change('AB');
    const flushed = saver.flush();
    await vi.advanceTimersByTimeAsync(20);
    expect(db.text).toBe('AB');
    expect(Date.now()).toBeLessThan(SAVE_INTERVAL_MS);
    await flushed;
  });

  it('text over the limit is kept in the editor, reported and never written', async () => {
    const db = store('Začátek');
    const statuses: SaveStatus[] = [];
    const saver = new DiscussionSaver('Začátek', db.write, (s) => statuses.push(s));
    const pasted = 'x'.repeat(649_000);
    saver.change(pasted);
    await settle(saver.flush());
    await vi.advanceTimersByTimeAsync(1000);
    expect(db.writes).toEqual([]);
    expect(db.text).toBe('Začátek');
    expect(saver.text).toBe(pasted);
    expect(saver.unsaved).toBe(true);
    expect(statuses.at(-1)).toEqual({ kind: 'tooLong', length: 649_000 });
    // Shortened to the limit, it is saved.
    saver.change(pasted.slice(0, MAX_DISCUSSION_LENGTH));
    await settle(saver.flush());
    expect(db.text).toHaveLength(MAX_DISCUSSION_LENGTH);
    expect(statuses.at(-1)).toEqual({ kind: 'saved' });
  });

  it('stops at a conflict with both texts and writes only after the user chooses', async () => {
    const db = store('Ahoj');
    const statuses: SaveStatus[] = [];
    const saver = new DiscussionSaver('Ahoj', db.write, (s) => statuses.push(s));
    db.text = 'Ahoj, tady B'; // another window wrote
    saver.change('Ahoj, tady A');
    await settle(saver.flush());
    expect(db.text).toBe('Ahoj, tady B');
    expect(statuses.at(-1)).toEqual({ kind: 'conflict', stored: 'Ahoj, tady B' });
    saver.change('Ahoj, tady A!');
    await settle(saver.flush());
    expect(db.text).toBe('Ahoj, tady B');
    expect(saver.text).toBe('Ahoj, tady A!');
    await settle(saver.keepMine());
    expect(db.text).toBe('Ahoj, tady A!');
    expect(statuses.at(-1)).toEqual({ kind: 'saved' });
  });

  it('taking the stored text ends the conflict without writing', async () => {
    const db = store('X');
    const saver = new DiscussionSaver('X', db.write, () => {});
    db.text = 'Y';
    saver.change('Z');
    await settle(saver.flush());
    expect(saver.takeStored()).toBe('Y');
    expect(saver.unsaved).toBe(false);
    expect(saver.status()).toEqual({ kind: 'saved' });
    expect(db.writes).toEqual([]);
  });

  it('follows the stored text only while nothing typed here is pending', async () => {
    const db = store('A');
    const saver = new DiscussionSaver('A', db.write, () => {});
    expect(saver.follow('B')).toBe(true);
    expect(saver.text).toBe('B');
    saver.change('BC');
    expect(saver.follow('D')).toBe(false);
    expect(saver.text).toBe('BC');
  });

  it('journals every change, records a save before starting it, and a stuck journal only delays it', async () => {
    const db = store('A', 10);
    const recorded: { text: string; base: string | null; saving: string | null }[] = [];
    let release = () => {};
    const journal = {
      record: (s: (typeof recorded)[number]) => recorded.push(s),
      settled: () => new Promise<void>((r) => (release = r)),
    };
    const saver = new DiscussionSaver('A', db.write, () => {}, { journal });
    saver.change('AB');
    expect(recorded[0]).toEqual({ text: 'AB', base: 'A', saving: null });
    expect(recorded[1]).toEqual({ text: 'AB', base: 'A', saving: 'AB' });
    // The save waits for the journal to hold it…
    await vi.advanceTimersByTimeAsync(50);
    expect(db.writes).toEqual([]);
    release();
    await vi.advanceTimersByTimeAsync(20);
    expect(db.text).toBe('AB');
    expect(recorded.at(-1)).toEqual({ text: 'AB', base: 'AB', saving: null });
    // …but never longer than JOURNAL_WAIT_MS.
    saver.change('ABC');
    await vi.advanceTimersByTimeAsync(JOURNAL_WAIT_MS + SAVE_INTERVAL_MS + 20);
    expect(db.text).toBe('ABC');
  });

  it('a conflict is journaled without a base; showConflict puts a recovered text beside the stored', async () => {
    const db = store('X');
    const recorded: { text: string; base: string | null }[] = [];
    const journal = {
      record: (s: (typeof recorded)[number]) => recorded.push(s),
      settled: async () => {},
    };
    const saver = new DiscussionSaver('X', db.write, () => {}, { journal });
    saver.showConflict('Obnoveno', 'X');
    expect(saver.status()).toEqual({ kind: 'conflict', stored: 'X' });
    expect(saver.text).toBe('Obnoveno');
    expect(recorded.at(-1)).toMatchObject({ text: 'Obnoveno', base: null });
    await settle(saver.keepMine());
    expect(db.text).toBe('Obnoveno');
    expect(recorded.at(-1)).toMatchObject({ text: 'Obnoveno', base: 'Obnoveno' });
  });
});
