// Writes one editor's text to the draft journal (db/meetings/draftJournal.ts) on every change without
// costing the typing: record() only remembers the newest state; at most one journal transaction
// is in flight, and when it completes the newest state (not every keystroke) is written next. The
// journal so lags the editor by one small transaction, a few milliseconds.
//
// The invariant a recovery relies on (draftRecovery.ts): the stored discussion is always either
// the entry's base or the text the entry says was being saved. The saver records a save before
// it starts it and waits until that record is written (settled()), then saves.
import {
  textStamp,
  writerLockName,
  type DraftJournal,
  type JournalEntry,
} from '../../db/meetings/draftJournal';

/** What the editor holds: its text, the stored text it builds on, the text being saved. */
export interface JournalState {
  text: string;
  /** null: in conflict with the stored text (nothing stored is this text's base). */
  base: string | null;
  saving: string | null;
}

/** What DiscussionSaver needs of a journal. */
export interface JournalHook {
  record(state: JournalState): void;
  /** Resolves once every state recorded so far is in the journal (or the journal failed). */
  settled(): Promise<void>;
}

/** The state is what is stored: nothing to keep. */
const clean = (s: JournalState) => s.base !== null && s.saving === null && s.text === s.base;

export class JournalWriter implements JournalHook {
  readonly id = crypto.randomUUID();
  private pending: JournalState | null = null;
  /** A transaction is running (or run() is deciding the next). */
  private active = false;
  private recorded = 0;
  private written = 0;
  private waiters: { seq: number; resolve: () => void }[] = [];
  /** This writer's entry may be in the journal. */
  private holds = false;
  /** The newest state recorded. */
  private last: JournalState | null = null;
  /** A spare copy was left in localStorage (flushSync) and has not been superseded. */
  private spare = false;
  private release: (() => void) | null = null;
  /** textStamp is computed once per base and per saved text, not per keystroke. */
  private stamps = new Map<string, string>();
  /** Journal transactions started (tests). */
  transactions = 0;

  constructor(
    private readonly journal: Pick<DraftJournal, 'put' | 'clear' | 'putSpare' | 'dropSpare'>,
    readonly itemId: string,
    private readonly meetingId: string,
    private readonly now: () => number = () => Date.now(),
  ) {
    // Alive while held: a recovery leaves the entries of writers that still live alone.
    if (typeof navigator !== 'undefined' && navigator.locks)
      void navigator.locks
        .request(writerLockName(this.id), () => new Promise<void>((r) => (this.release = r)))
        .catch(() => undefined);
  }

  record(state: JournalState): void {
    this.recorded++;
    this.pending = state;
    this.last = state;
    if (!this.active) {
      this.active = true;
      void this.run();
    }
  }

  settled(): Promise<void> {
    const seq = this.recorded;
    if (this.written >= seq) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ seq, resolve }));
  }

  /**
   * The page is going away (pagehide): what the journal has not written yet is kept in a spare
   * copy, synchronously, since a transaction still running then may be lost with the page.
   */
  flushSync(): void {
    const state = this.last;
    if (!state || this.written >= this.recorded || clean(state)) return;
    this.journal.putSpare(this.entry(state, this.recorded));
    this.spare = true;
  }

  /** Writes what is recorded, then lets the liveness lock go (the editor closed). */
  async dispose(): Promise<void> {
    await this.settled();
    this.release?.();
    this.release = null;
  }

  private async run(): Promise<void> {
    while (this.pending) {
      const state = this.pending;
      const seq = this.recorded;
      this.pending = null;
      try {
        if (!clean(state)) {
          this.transactions++;
          await this.journal.put(this.entry(state, seq));
          this.holds = true;
        } else if (this.holds) {
          // Saved: the entry goes, unless it already holds newer text of another writer.
          this.transactions++;
          await this.journal.clear(this.itemId, state.text);
          this.holds = false;
        }
        // The page stayed (the pagehide was not the end): the spare copy is older now.
        if (this.spare && seq >= this.recorded) {
          this.journal.dropSpare(this.itemId);
          this.spare = false;
        }
      } catch {
        // The journal is a safety net: when it fails, the capped-rate save still runs.
      }
      this.written = seq;
      this.waiters = this.waiters.filter((w) => (w.seq <= seq ? (w.resolve(), false) : true));
    }
    this.active = false;
  }

  private entry(state: JournalState, seq: number): JournalEntry {
    return {
      itemId: this.itemId,
      meetingId: this.meetingId,
      text: state.text,
      base: state.base === null ? '' : this.stamp(state.base),
      saving: state.saving === null ? null : this.stamp(state.saving),
      writer: this.id,
      at: this.now(),
      seq,
    };
  }

  private stamp(text: string): string {
    let s = this.stamps.get(text);
    if (s === undefined) {
      // Only the current base and the text being saved are ever asked for again.
      if (this.stamps.size > 4) this.stamps.clear();
      s = textStamp(text);
      this.stamps.set(text, s);
    }
    return s;
  }
}
