// The typing journal of the live minutes (issue 12): the editor's text is written here on every
// change, so a reload or a crash of the app keeps what was typed even between two saves of the
// discussion (which stays the truth, saved at a capped rate).
//
// A database of its own, in raw IndexedDB, rather than a table of AppDb: a table there would pass
// through the audit and sync-outbox middlewares and wake Dexie's change broadcast on every
// keystroke, and would need excluding from backups and sync by hand. Here none of that can reach
// it, and one put is one tiny transaction. Only the journal (a copy of text on its way into
// AppDb) lives here; nothing else reads it.
import { z } from 'zod';

export const JOURNAL_DB = 'triada-journal';
const STORE = 'drafts';

export interface JournalEntry {
  /** The agenda item (the key: one entry per item). */
  itemId: string;
  meetingId: string;
  /** The editor's text. */
  text: string;
  /** textStamp of the stored discussion this text was typed over; '' when it is in conflict. */
  base: string;
  /** textStamp of the text a save was writing at that moment, if one was. */
  saving: string | null;
  /** The writer: one per open editor, alive while it holds its Web Lock (writerLockName). */
  writer: string;
  /** Epoch ms of the write. */
  at: number;
  /** The writer's count of states recorded: which of two entries of one writer is newer. */
  seq: number;
}

const entrySchema = z.object({
  itemId: z.string().min(1),
  meetingId: z.string(),
  text: z.string(),
  base: z.string(),
  saving: z.string().nullable(),
  writer: z.string(),
  at: z.number(),
  seq: z.number(),
});

/** The spare copy a page that goes away (reload, close) leaves in localStorage, synchronously. */
const spareKey = (itemId: string) => `triada-journal:${itemId}`;

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** The Web Lock a writer holds while its editor is open: held means the text is not orphaned. */
export const writerLockName = (writer: string) => `triada:journal:${writer}`;

/**
 * A short fingerprint of a text: its length and a 53-bit hash (cyrb53). Stored instead of the
 * text itself, so an entry stays one text long; computed only when a save moves the base on.
 */
export function textStamp(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${text.length}:${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`;
}

function done(request: IDBRequest): Promise<unknown> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new DOMException('aborted', 'AbortError'));
  });
}

export class DraftJournal {
  private opening: Promise<IDBDatabase> | null = null;

  constructor(
    private readonly name = JOURNAL_DB,
    private readonly factory: () => IDBFactory | undefined = () =>
      typeof indexedDB === 'undefined' ? undefined : indexedDB,
  ) {}

  /** Writes the item's entry (replacing the one before). */
  async put(entry: JournalEntry): Promise<void> {
    const tx = await this.tx('readwrite');
    tx.objectStore(STORE).put(entry);
    // Nothing else comes: commit now rather than when the task ends (a narrower window to lose).
    tx.commit();
    await committed(tx);
  }

  async get(itemId: string): Promise<JournalEntry | undefined> {
    const tx = await this.tx('readonly');
    const found = await done(tx.objectStore(STORE).get(itemId));
    if (found === undefined) return undefined;
    // A record this code cannot read is no draft: dropped rather than shown half.
    const parsed = entrySchema.safeParse(found);
    if (!parsed.success) {
      await this.clear(itemId);
      return undefined;
    }
    return parsed.data;
  }

  /** Removes the item's entry; with `text`, only while the entry still holds that text. */
  async clear(itemId: string, text?: string): Promise<void> {
    const tx = await this.tx('readwrite');
    const store = tx.objectStore(STORE);
    if (text === undefined) store.delete(itemId);
    else {
      const found = (await done(store.get(itemId))) as { text?: unknown } | undefined;
      if (found && found.text === text) store.delete(itemId);
    }
    await committed(tx);
  }

  /**
   * On pagehide: an IndexedDB transaction still running when the page goes is lost with it, so
   * the newest entry is also kept in localStorage, which is written at once.
   */
  putSpare(entry: JournalEntry): void {
    try {
      storage()?.setItem(spareKey(entry.itemId), JSON.stringify(entry));
    } catch {
      // Full or refused: the IndexedDB journal is still there.
    }
  }

  readSpare(itemId: string): JournalEntry | undefined {
    try {
      const raw = storage()?.getItem(spareKey(itemId));
      if (!raw) return undefined;
      const parsed = entrySchema.safeParse(JSON.parse(raw));
      if (parsed.success) return parsed.data;
    } catch {
      // Unreadable: dropped below.
    }
    this.dropSpare(itemId);
    return undefined;
  }

  dropSpare(itemId: string): void {
    try {
      storage()?.removeItem(spareKey(itemId));
    } catch {
      // Nothing to do.
    }
  }

  /** Closes the connection (tests; the app keeps it open for its lifetime). */
  async close(): Promise<void> {
    const opening = this.opening;
    this.opening = null;
    if (opening) (await opening.catch(() => null))?.close();
  }

  private async tx(mode: IDBTransactionMode): Promise<IDBTransaction> {
    const idb = await this.open();
    // Relaxed: committed once the browser has the data, without waiting for the disk to flush.
    // That survives the app's or the browser's crash (the case here); a power cut is what the
    // capped-rate save of the discussion is for.
    return idb.transaction(STORE, mode, { durability: 'relaxed' });
  }

  private open(): Promise<IDBDatabase> {
    this.opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const factory = this.factory();
      if (!factory) return reject(new Error('IndexedDB is not available'));
      const request = factory.open(this.name, 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore(STORE, { keyPath: 'itemId' });
      };
      request.onsuccess = () => {
        const idb = request.result;
        // Another tab deleting the database (tests, a reset): let it, reopen on the next write.
        idb.onversionchange = () => {
          idb.close();
          this.opening = null;
        };
        resolve(idb);
      };
      request.onerror = () => reject(request.error);
    });
    // A failed open is tried again next time instead of failing for good.
    this.opening.catch(() => (this.opening = null));
    return this.opening;
  }
}

/** The app's journal. */
export const draftJournal = new DraftJournal();
