// One editor per agenda item across the windows and tabs of one browser profile (or of the
// Electron app). The Web Locks API holds the lock and releases it by itself when a window
// closes or crashes; a BroadcastChannel carries what locks cannot: who holds the item, and
// the request to hand it over, so the holder saves what it has before the other steals.
//
// Without the Web Locks API (very old browsers) every window may edit; saves are then
// protected only by the repository's stale-write check, which refuses instead of overwriting.

export type EditLockState =
  /** Asking the lock manager. */
  | { kind: 'pending' }
  /** This window may edit. */
  | { kind: 'held' }
  /** Another window edits; `lost`: it took the item over from this one. */
  | { kind: 'other'; holder?: string; lost: boolean }
  /** This window asked the holder to hand over and waits for it. */
  | { kind: 'taking'; holder?: string }
  /** Another window asked for the item: this one saves and lets go (read-only meanwhile). */
  | { kind: 'handing' };

type Message =
  | { type: 'who'; key: string; from: string }
  | { type: 'held'; key: string; from: string; holder?: string }
  | { type: 'yield'; key: string; from: string }
  | { type: 'yielded'; key: string; from: string };

const CHANNEL = 'triada-edit-locks';
/** How long a take-over waits for the holder to save and answer before it steals anyway. */
export const HAND_OVER_MS = 1500;
/** A holder that saved for a take-over which never came edits again after this. */
const HAND_OVER_GIVE_UP_MS = 4000;

export interface EditLockOptions {
  /** Name shown to the other windows (the audit user name), if known. */
  holderName: () => string | undefined;
  onChange: (state: EditLockState) => void;
  /** Called before this window hands the item over: save what is pending. */
  beforeHandOver: () => Promise<void>;
}

export class EditLock {
  private state: EditLockState = { kind: 'pending' };
  private channel: BroadcastChannel | null = null;
  private release: (() => void) | null = null;
  private waiter: AbortController | null = null;
  private yielded: (() => void) | null = null;
  private handingOver: ReturnType<typeof setTimeout> | null = null;
  private holder: string | undefined;
  private stopped = false;
  private readonly name: string;
  /** Tells this editor's own messages from the others' (one per editor, not per window). */
  private readonly id = Math.random().toString(36).slice(2);

  constructor(
    readonly key: string,
    private readonly options: EditLockOptions,
  ) {
    this.name = `triada:edit:${key}`;
  }

  static supported(): boolean {
    return typeof navigator !== 'undefined' && !!navigator.locks;
  }

  current(): EditLockState {
    return this.state;
  }

  start(): void {
    if (!EditLock.supported()) {
      this.set({ kind: 'held' });
      return;
    }
    if (typeof BroadcastChannel !== 'undefined') {
      this.channel = new BroadcastChannel(CHANNEL);
      this.channel.onmessage = (e: MessageEvent<Message>) => this.receive(e.data);
    }
    // ifAvailable answers at once: granted (edit here) or null (another window edits).
    void navigator.locks
      .request(this.name, { ifAvailable: true }, (lock) => {
        if (lock) return this.hold();
        this.becomeViewer(false);
        return null;
      })
      .catch((e: unknown) => this.onBroken(e));
  }

  /** Explicit take-over: the holder saves and answers, then this window steals the lock. */
  async takeOver(): Promise<void> {
    if (this.state.kind !== 'other' || !EditLock.supported()) return;
    this.set({ kind: 'taking', holder: this.holder });
    const answered = new Promise<void>((resolve) => (this.yielded = resolve));
    this.post({ type: 'yield', key: this.key, from: this.id });
    await Promise.race([answered, new Promise((r) => setTimeout(r, HAND_OVER_MS))]);
    this.yielded = null;
    // The holder may have let go on its own and the queue granted the lock here already.
    if (this.stopped || this.current().kind !== 'taking') return;
    this.waiter?.abort();
    this.waiter = null;
    void navigator.locks
      .request(this.name, { steal: true }, () => this.hold())
      .catch((e: unknown) => this.onBroken(e));
  }

  stop(): void {
    this.stopped = true;
    this.waiter?.abort();
    this.waiter = null;
    if (this.handingOver) clearTimeout(this.handingOver);
    this.release?.();
    this.release = null;
    this.channel?.close();
    this.channel = null;
  }

  private set(state: EditLockState) {
    this.state = state;
    if (!this.stopped) this.options.onChange(state);
  }

  private post(message: Message) {
    this.channel?.postMessage(message);
  }

  /** The lock callback: holds until released by stop() or broken by a steal. */
  private hold(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.holder = undefined;
    this.set({ kind: 'held' });
    this.announce();
    return new Promise<void>((resolve) => (this.release = resolve));
  }

  private announce() {
    this.post({ type: 'held', key: this.key, from: this.id, holder: this.options.holderName() });
  }

  private becomeViewer(lost: boolean) {
    if (this.stopped) return;
    this.release = null;
    this.set({ kind: 'other', holder: this.holder, lost });
    this.post({ type: 'who', key: this.key, from: this.id });
    // Wait in the queue: when the holder closes its window or leaves the item, edit here.
    this.waiter?.abort();
    const waiter = new AbortController();
    this.waiter = waiter;
    void navigator.locks
      .request(this.name, { signal: waiter.signal }, () => this.hold())
      .catch((e: unknown) => {
        if (!waiter.signal.aborted) this.onBroken(e);
      });
  }

  /** A lock request failed: a steal by another window (AbortError), or the manager broke. */
  private onBroken(e: unknown) {
    if (this.stopped) return;
    if (this.handingOver) clearTimeout(this.handingOver);
    this.handingOver = null;
    const stolen = e instanceof DOMException && e.name === 'AbortError';
    // A lock manager that fails otherwise must not lock the minutes away: edit, and let the
    // repository's stale-write check guard the saves.
    if (!stolen) this.set({ kind: 'held' });
    else if (this.state.kind !== 'other') this.becomeViewer(true);
  }

  private receive(m: Message) {
    if (!m || m.key !== this.key || m.from === this.id) return;
    if (m.type === 'who' && this.state.kind === 'held') {
      this.announce();
    } else if (m.type === 'held') {
      this.holder = m.holder;
      if (this.state.kind === 'other') this.set({ ...this.state, holder: m.holder });
      if (this.state.kind === 'taking') this.set({ kind: 'taking', holder: m.holder });
    } else if (m.type === 'yield' && this.state.kind === 'held') {
      void this.handOver();
    } else if (m.type === 'yielded') {
      this.yielded?.();
    }
  }

  /** Saves what is pending, then tells the taker to steal; edits again if it never does. */
  private async handOver() {
    this.set({ kind: 'handing' });
    try {
      await this.options.beforeHandOver();
    } finally {
      this.post({ type: 'yielded', key: this.key, from: this.id });
      this.handingOver = setTimeout(() => {
        this.handingOver = null;
        if (this.state.kind === 'handing' && this.release) this.set({ kind: 'held' });
      }, HAND_OVER_GIVE_UP_MS);
    }
  }
}
