// Test helper (imported by *.test.ts only): an in-memory draft journal whose transactions take
// fake milliseconds, so the order of journal writes and saves can be played out.
import type { JournalEntry } from '../../db/meetings/draftJournal';

/** A journal whose transactions take `latency` ms; counts how many run at once. */
export function slowJournal(latency: () => number = () => 5) {
  const j = {
    entry: undefined as JournalEntry | undefined,
    inFlight: 0,
    maxInFlight: 0,
    puts: [] as string[],
    clears: [] as string[],
    spare: undefined as JournalEntry | undefined,
    putSpare(e: JournalEntry) {
      j.spare = e;
    },
    dropSpare() {
      j.spare = undefined;
    },
    async put(e: JournalEntry) {
      j.inFlight++;
      j.maxInFlight = Math.max(j.maxInFlight, j.inFlight);
      await new Promise((r) => setTimeout(r, latency()));
      j.entry = e;
      j.puts.push(e.text);
      j.inFlight--;
    },
    async clear(_id: string, text?: string) {
      j.inFlight++;
      await new Promise((r) => setTimeout(r, latency()));
      if (text === undefined || j.entry?.text === text) j.entry = undefined;
      j.clears.push(text ?? '');
      j.inFlight--;
    },
  };
  return j;
}
