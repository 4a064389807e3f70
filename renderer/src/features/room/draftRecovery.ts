// What an editor does with a journal entry it finds when it starts editing an item: text typed
// before a reload or a crash that may not have reached the stored discussion.
import {
  draftJournal,
  textStamp,
  writerLockName,
  type DraftJournal,
  type JournalEntry,
} from '../../db/meetings/draftJournal';

export type Recovery =
  /** No entry, or its editor is still open in some window: nothing to do here. */
  | { kind: 'none' }
  /** The entry holds what is stored: it only goes. */
  | { kind: 'drop' }
  /** Approved minutes: the entry goes unused; the user is told how much. */
  | { kind: 'sealed'; text: string; lost: number }
  /** Typed over the stored text as it is: put in the editor and saved. */
  | { kind: 'recover'; text: string; inserted: number }
  /** The stored text changed since: both are shown, the user chooses. */
  | { kind: 'conflict'; text: string; inserted: number };

/** Characters in `text` that are not in `stored` (what lies between their common ends). */
export function insertedChars(stored: string, text: string): number {
  const max = Math.min(stored.length, text.length);
  let start = 0;
  while (start < max && stored.charCodeAt(start) === text.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < max - start &&
    stored.charCodeAt(stored.length - 1 - end) === text.charCodeAt(text.length - 1 - end)
  )
    end++;
  return text.length - start - end;
}

/**
 * The rule. The stored text is either the entry's base or the text the entry says a save was
 * writing (journalWriter.ts keeps that so) – unless someone else changed it since.
 */
export function decideRecovery(
  entry: JournalEntry | undefined,
  stored: string,
  { sealed, alive }: { sealed: boolean; alive: boolean },
): Recovery {
  if (!entry || alive) return { kind: 'none' };
  if (entry.text === stored) return { kind: 'drop' };
  const inserted = insertedChars(stored, entry.text);
  if (sealed) return { kind: 'sealed', text: entry.text, lost: inserted };
  const now = textStamp(stored);
  if (entry.base !== '' && (now === entry.base || now === entry.saving))
    return { kind: 'recover', text: entry.text, inserted };
  return { kind: 'conflict', text: entry.text, inserted };
}

/** Whether the editor that wrote the entry is still open (its Web Lock is held). */
export async function writerAlive(writer: string): Promise<boolean> {
  if (typeof navigator === 'undefined' || !navigator.locks) return false;
  const { held = [] } = await navigator.locks.query();
  return held.some((l) => l.name === writerLockName(writer));
}

/**
 * Reads the item's entry and decides. `ownWriter`: this editor's own writer, whose entry is
 * never a leftover. Entries that need nothing more (drop, sealed) are removed here.
 */
export async function findRecovery(
  itemId: string,
  stored: string,
  { sealed, ownWriter }: { sealed: boolean; ownWriter?: string },
  journal: Pick<DraftJournal, 'get' | 'clear' | 'readSpare' | 'dropSpare'> = draftJournal,
  alive: (writer: string) => Promise<boolean> = writerAlive,
): Promise<Recovery> {
  const kept = await journal.get(itemId).catch(() => undefined);
  const entry = newer(kept, journal.readSpare(itemId));
  if (!entry || entry.writer === ownWriter) return { kind: 'none' };
  const live = await alive(entry.writer).catch(() => false);
  const recovery = decideRecovery(entry, stored, { sealed, alive: live });
  if (recovery.kind !== 'none') journal.dropSpare(itemId);
  // The writer is gone and this editor holds the item: everything in the journal is settled.
  if (recovery.kind === 'drop' || recovery.kind === 'sealed')
    await journal.clear(itemId).catch(() => undefined);
  return recovery;
}

/** The newer of the journal's entry and the spare copy a page left when it went away. */
export function newer(
  kept: JournalEntry | undefined,
  spare: JournalEntry | undefined,
): JournalEntry | undefined {
  if (!kept || !spare) return kept ?? spare;
  if (kept.writer === spare.writer) return spare.seq > kept.seq ? spare : kept;
  return spare.at > kept.at ? spare : kept;
}
