import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DraftJournal, textStamp } from '../../db/meetings/draftJournal';
import { JournalWriter } from './journalWriter';
import { slowJournal } from './testJournal';

describe('JournalWriter', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('one transaction in flight at most, the newest text written next, typing never queues', async () => {
    const journal = slowJournal(() => 30);
    const writer = new JournalWriter(journal, 'item-1', 'meeting-1');
    let typed = '';
    // 100 keystrokes 5 ms apart against 30 ms transactions.
    for (let i = 0; i < 100; i++) {
      typed += 'abcdefghij'[i % 10];
      writer.record({ text: typed, base: '', saving: null });
      await vi.advanceTimersByTimeAsync(5);
    }
    await vi.advanceTimersByTimeAsync(100);
    expect(journal.maxInFlight).toBe(1);
    // About one put per 30 ms, not one per keystroke; the last one holds everything.
    expect(journal.puts.length).toBeLessThanOrEqual(100 / 6 + 2);
    expect(journal.entry?.text).toBe(typed);
    expect(journal.entry?.base).toBe(textStamp(''));
    expect(writer.transactions).toBe(journal.puts.length);
  });

  it('settled() waits for what was recorded before it, not for what is typed after', async () => {
    const journal = slowJournal(() => 20);
    const writer = new JournalWriter(journal, 'item-1', 'meeting-1');
    writer.record({ text: 'A', base: '', saving: null });
    writer.record({ text: 'AB', base: '', saving: 'AB' });
    let settled = false;
    const done = writer.settled().then(() => (settled = true));
    // Typing goes on while the first put runs.
    await vi.advanceTimersByTimeAsync(10);
    writer.record({ text: 'ABC', base: '', saving: 'AB' });
    await vi.advanceTimersByTimeAsync(15);
    expect(settled).toBe(false); // 'AB' waited for 'A' to finish
    await vi.advanceTimersByTimeAsync(20);
    await done;
    expect(settled).toBe(true);
    expect(journal.entry?.text).toBe('ABC');
    expect(journal.entry?.saving).toBe(textStamp('AB'));
  });

  it('a saved state clears its entry; one it never wrote costs no transaction', async () => {
    const journal = slowJournal();
    const writer = new JournalWriter(journal, 'item-1', 'meeting-1');
    writer.record({ text: 'Ahoj', base: 'Ahoj', saving: null });
    await vi.advanceTimersByTimeAsync(20);
    expect(writer.transactions).toBe(0);
    writer.record({ text: 'Ahoj!', base: 'Ahoj', saving: null });
    await vi.advanceTimersByTimeAsync(20);
    expect(journal.entry?.text).toBe('Ahoj!');
    writer.record({ text: 'Ahoj!', base: 'Ahoj!', saving: null });
    await vi.advanceTimersByTimeAsync(20);
    expect(journal.entry).toBeUndefined();
    expect(journal.clears).toEqual(['Ahoj!']);
  });

  it('on pagehide what the journal has not written is kept as a spare, dropped once written', async () => {
    const journal = slowJournal(() => 20);
    const writer = new JournalWriter(journal, 'item-1', 'meeting-1');
    writer.record({ text: 'Ahoj', base: '', saving: null });
    await vi.advanceTimersByTimeAsync(25);
    writer.flushSync();
    expect(journal.spare).toBeUndefined(); // all written: nothing to spare
    writer.record({ text: 'Ahoj!', base: '', saving: null });
    writer.flushSync();
    expect(journal.spare).toMatchObject({ text: 'Ahoj!', seq: 2 });
    expect(journal.entry?.text).toBe('Ahoj');
    // The page stayed after all: the put lands and the spare goes.
    await vi.advanceTimersByTimeAsync(25);
    expect(journal.entry).toMatchObject({ text: 'Ahoj!', seq: 2 });
    expect(journal.spare).toBeUndefined();
  });

  it('in conflict the entry has no base (a recovery then shows both texts)', async () => {
    const journal = slowJournal();
    const writer = new JournalWriter(journal, 'item-1', 'meeting-1');
    writer.record({ text: 'Moje verze', base: null, saving: null });
    await vi.advanceTimersByTimeAsync(20);
    expect(journal.entry?.base).toBe('');
  });

  it('a failing journal never blocks: settled() resolves', async () => {
    const writer = new JournalWriter(
      {
        put: () => Promise.reject(new Error('quota')),
        clear: () => Promise.resolve(),
        putSpare: () => {},
        dropSpare: () => {},
      },
      'item-1',
      'meeting-1',
    );
    writer.record({ text: 'x', base: '', saving: 'x' });
    await writer.settled();
  });
});

describe('JournalWriter on IndexedDB', () => {
  it('the newest text is in the journal once settled', async () => {
    const journal = new DraftJournal('writer-' + crypto.randomUUID());
    const writer = new JournalWriter(journal, 'item-1', 'meeting-1');
    let typed = '';
    for (const c of 'Předsedkyně zahájila jednání.') {
      typed += c;
      writer.record({ text: typed, base: '', saving: null });
    }
    await writer.settled();
    expect((await journal.get('item-1'))?.text).toBe(typed);
    // Far fewer transactions than keystrokes.
    expect(writer.transactions).toBeLessThan(typed.length / 2);
    writer.record({ text: typed, base: typed, saving: null });
    await writer.dispose();
    expect(await journal.get('item-1')).toBeUndefined();
    await journal.close();
  });
});
