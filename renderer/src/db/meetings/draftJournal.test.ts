import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DraftJournal, textStamp, type JournalEntry } from './draftJournal';

let name: string;
let journal: DraftJournal;
beforeEach(() => {
  name = 'journal-' + crypto.randomUUID();
  journal = new DraftJournal(name);
});
afterEach(async () => {
  await journal.close();
  indexedDB.deleteDatabase(name);
});

const entry = (over: Partial<JournalEntry> = {}): JournalEntry => ({
  itemId: 'item-1',
  meetingId: 'meeting-1',
  text: 'Ad 1: Zahájeno.',
  base: textStamp('Ad 1:'),
  saving: null,
  writer: 'w1',
  at: 1,
  seq: 1,
  ...over,
});

describe('DraftJournal', () => {
  it('keeps one entry per item, the newest', async () => {
    await journal.put(entry({ text: 'A' }));
    await journal.put(entry({ text: 'AB' }));
    await journal.put(entry({ itemId: 'item-2', text: 'jiný bod' }));
    expect((await journal.get('item-1'))?.text).toBe('AB');
    expect((await journal.get('item-2'))?.text).toBe('jiný bod');
    expect(await journal.get('item-3')).toBeUndefined();
  });

  it('survives a new connection (what a reload or a restarted app opens)', async () => {
    await journal.put(entry({ text: 'Předsedkyně zahájila jednání.' }));
    await journal.close();
    const again = new DraftJournal(name);
    expect(await again.get('item-1')).toEqual(entry({ text: 'Předsedkyně zahájila jednání.' }));
    await again.close();
  });

  it('clears an entry only while it still holds the saved text', async () => {
    await journal.put(entry({ text: 'AB' }));
    await journal.clear('item-1', 'A');
    expect((await journal.get('item-1'))?.text).toBe('AB');
    await journal.clear('item-1', 'AB');
    expect(await journal.get('item-1')).toBeUndefined();
    await journal.put(entry());
    await journal.clear('item-1');
    expect(await journal.get('item-1')).toBeUndefined();
  });

  it('drops a record it cannot read instead of offering half of it', async () => {
    await journal.put({ itemId: 'item-1', text: 5 } as unknown as JournalEntry);
    expect(await journal.get('item-1')).toBeUndefined();
    await journal.close();
    // Gone from the store too.
    const raw = await new Promise<unknown>((resolve) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => {
        const get = open.result.transaction('drafts').objectStore('drafts').get('item-1');
        get.onsuccess = () => {
          open.result.close();
          resolve(get.result);
        };
      };
    });
    expect(raw).toBeUndefined();
  });

  it('keeps a spare copy in localStorage, read back validated', () => {
    const items = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
    });
    try {
      journal.putSpare(entry({ text: 'Poslední slovo' }));
      expect(journal.readSpare('item-1')?.text).toBe('Poslední slovo');
      journal.dropSpare('item-1');
      expect(journal.readSpare('item-1')).toBeUndefined();
      items.set('triada-journal:item-1', '{"itemId": 5');
      expect(journal.readSpare('item-1')).toBeUndefined();
      expect(items.size).toBe(0);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('fails softly without IndexedDB (every call rejects, nothing throws synchronously)', async () => {
    const none = new DraftJournal('x', () => undefined);
    await expect(none.put(entry())).rejects.toThrow();
    await expect(none.get('item-1')).rejects.toThrow();
  });
});

describe('textStamp', () => {
  it('tells texts apart by length and content, the same text always alike', () => {
    expect(textStamp('Ad 1: Zahájeno.')).toBe(textStamp('Ad 1: Zahájeno.'));
    expect(textStamp('Ad 1: Zahájeno.')).not.toBe(textStamp('Ad 1: Zahájeno!'));
    expect(textStamp('ab')).not.toBe(textStamp('ba'));
    expect(textStamp('')).toMatch(/^0:/);
    const long = 'Předchozí diskuse k bodu. '.repeat(8000);
    expect(textStamp(long)).not.toBe(textStamp(long.slice(0, -1) + ','));
  });
});
