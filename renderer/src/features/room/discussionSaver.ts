// Autosave of the live minutes, apart from React so its timing can be reasoned about (and
// tested). The first change after a pause is written at once; while typing goes on, writes
// start at most every SAVE_INTERVAL_MS and never overlap, so the database lags the editor by
// at most that interval plus one write. flush() writes what is pending right away (window
// hidden or closing, editor left, hand-over to another window).
//
// Every write carries the text this editor last saw stored; when the stored text moved on
// (another window, a restore), the repository refuses and the saver stops in "conflict" with
// both texts, until the user chooses. Text over the limit is never sent: "tooLong".
//
// Between two saves, every change also goes to the draft journal (journalWriter.ts), one small
// transaction behind the editor, so a reload or a crash loses nothing typed. Each save is
// recorded there before it starts, which lets a recovery tell "saved by this editor" from
// "changed by someone else" (draftRecovery.ts).
import { MAX_DISCUSSION_LENGTH } from '@shared/domain';
import { DiscussionConflict } from '../../db';
import type { JournalHook } from './journalWriter';

/**
 * At most five writes a second: at 25 characters a second that is one write per five
 * characters, and a crash loses at most this interval plus one write (a few characters).
 */
export const SAVE_INTERVAL_MS = 200;

/** A save waits at most this long for the journal to record it (a stuck journal never stops saving). */
export const JOURNAL_WAIT_MS = 1000;

export type SaveStatus =
  | { kind: 'saved' }
  | { kind: 'saving' }
  | { kind: 'tooLong'; length: number }
  | { kind: 'conflict'; stored: string }
  | { kind: 'error'; error: unknown };

export type WriteDiscussion = (text: string, expected: string) => Promise<void>;

export class DiscussionSaver {
  /** The text this editor knows to be stored. */
  private base: string;
  /** The editor's text. */
  private latest: string;
  private writing: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private wake: (() => void) | null = null;
  private lastStart = -Infinity;
  private urgent = false;
  private conflict: string | null = null;
  private error: unknown = null;
  /** The text a running write is saving. */
  private saving: string | null = null;
  private readonly now: () => number;
  private readonly journal: JournalHook | null;

  constructor(
    stored: string,
    private readonly write: WriteDiscussion,
    private readonly onStatus: (status: SaveStatus) => void,
    options: { now?: () => number; journal?: JournalHook } = {},
  ) {
    this.base = stored;
    this.latest = stored;
    this.now = options.now ?? (() => Date.now());
    this.journal = options.journal ?? null;
  }

  get text(): string {
    return this.latest;
  }

  get storedText(): string {
    return this.base;
  }

  /** Something typed here is not (yet) in the database. */
  get unsaved(): boolean {
    return this.latest !== this.base;
  }

  status(): SaveStatus {
    if (this.conflict !== null) return { kind: 'conflict', stored: this.conflict };
    if (this.latest.length > MAX_DISCUSSION_LENGTH)
      return { kind: 'tooLong', length: this.latest.length };
    if (this.error !== null) return { kind: 'error', error: this.error };
    return this.unsaved || this.writing ? { kind: 'saving' } : { kind: 'saved' };
  }

  /** The stored text changed elsewhere; followed only when nothing typed here is pending. */
  follow(stored: string): boolean {
    if (this.unsaved || this.writing || this.conflict !== null) return false;
    this.base = stored;
    this.latest = stored;
    this.journalRecord();
    this.report();
    return true;
  }

  change(text: string): void {
    this.latest = text;
    this.error = null;
    this.journalRecord();
    this.report();
    if (!this.writable()) return;
    if (this.writing) return; // the running loop picks the new text up
    const wait = this.lastStart + SAVE_INTERVAL_MS - this.now();
    if (wait <= 0) void this.run();
    else this.timer ??= setTimeout(() => void this.run(), wait);
  }

  /** Writes what is pending now; resolves once it is stored or refused. */
  async flush(): Promise<void> {
    this.urgent = true;
    this.wake?.();
    if (this.writing) await this.writing;
    if (this.writable()) await this.run(true);
  }

  /** Conflict: the user keeps this editor's text over the stored one. */
  keepMine(): Promise<void> {
    if (this.conflict === null) return Promise.resolve();
    this.base = this.conflict;
    this.conflict = null;
    this.journalRecord();
    this.report();
    return this.flush();
  }

  /**
   * Recovery of a journal entry typed over a stored text that has changed since: the entry's
   * text goes in the editor, the stored text beside it, and the user chooses (keepMine/takeStored).
   */
  showConflict(text: string, stored: string): void {
    this.base = stored;
    this.latest = text;
    this.conflict = stored;
    this.error = null;
    this.journalRecord();
    this.report();
  }

  /** Conflict: the user takes the stored text; this editor's text is dropped by choice. */
  takeStored(): string {
    if (this.conflict !== null) this.base = this.conflict;
    this.latest = this.base;
    this.conflict = null;
    this.error = null;
    this.journalRecord();
    this.report();
    return this.latest;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private writable(): boolean {
    return this.unsaved && this.conflict === null && this.latest.length <= MAX_DISCUSSION_LENGTH;
  }

  private report() {
    this.onStatus(this.status());
  }

  private journalRecord() {
    this.journal?.record({
      text: this.latest,
      base: this.conflict === null ? this.base : null,
      saving: this.saving,
    });
  }

  /** The journal has the text about to be saved before the save can land. */
  private async journalSettled(): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      this.journal!.settled(),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, JOURNAL_WAIT_MS))),
    ]);
    clearTimeout(timer);
  }

  private run(now = false): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.writing) return this.writing;
    this.writing = this.loop(now).finally(() => {
      this.writing = null;
      this.urgent = false;
      this.report();
    });
    return this.writing;
  }

  private async loop(now: boolean): Promise<void> {
    while (this.writable()) {
      const wait = this.lastStart + SAVE_INTERVAL_MS - this.now();
      if (!now && !this.urgent && wait > 0) await this.pause(wait);
      if (!this.writable()) break;
      const next = this.latest;
      this.lastStart = this.now();
      this.saving = next;
      try {
        this.journalRecord();
        if (this.journal) await this.journalSettled();
        await this.write(next, this.base);
        this.base = next;
      } catch (e) {
        if (e instanceof DiscussionConflict) this.conflict = e.stored;
        else this.error = e;
        return;
      } finally {
        this.saving = null;
        this.journalRecord();
      }
    }
  }

  /** Waits out the interval, unless flush() asks for the write now. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
