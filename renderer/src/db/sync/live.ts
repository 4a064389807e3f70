// Live sync with a CouchDB server (docs/sync.md "Live sync"): our own loop around syncRound,
// so every change still goes through the bridge (local edits leave through the outbox, remote
// ones are applied into Dexie, validated and audited). After a round the loop waits until the
// outbox has something to send (it watches the outbox) or a server database has news (it asks
// each database's update_seq every `idleMs`), then runs the next round. Errors: offline and
// server errors are retried with capped exponential back-off and jitter; an auth error stops
// the loop (retrying a wrong password only locks the account).
import { liveQuery, type Subscription } from 'dexie';
import {
  backoffDelay,
  classifyError,
  DEFAULT_BACKOFF,
  type BackoffOptions,
  type LiveState,
} from '@shared/sync/live';
import { nowIso } from '../clock';
import type { AppDb } from '../schema';
import { setBatchYield } from './bridge';
import { nextOutboxBatch } from './holdBack';
import type { PouchLike, Seq } from './pouch';
import { syncRound } from './server';

export interface LiveSyncOptions {
  db: AppDb;
  replica: PouchLike;
  /** A server database, with the credentials. */
  openRemote(database: string): PouchLike;
  bodies: readonly string[] | 'all';
  /** Who the changes are from in the audit ("server name"). */
  serverName: string;
  /** No successful sync with this server yet: show the first sync's progress. */
  firstSync: boolean;
  /** After every successful round (the screen shows it; the session remembers it). */
  onSynced?(at: string): void | Promise<void>;
  backoff?: BackoffOptions;
  /** How often an idle loop asks the server for news. */
  idleMs?: number;
  random?(): number;
}

type Listener = (s: LiveState) => void;
type Cancellable = { cancel?(): void };

/** A macrotask: lets the UI paint and handle input between batches of the bridge. */
const yieldToUi = () => new Promise<void>((ok) => setTimeout(ok, 0));

export class LiveSync {
  private current: LiveState = { kind: 'connecting' };
  private readonly listeners = new Set<Listener>();
  private readonly active = new Set<Cancellable>();
  private stopped = false;
  private forced = false;
  private wakeUp: (() => void) | null = null;
  private outboxWatch: Subscription | null = null;
  private loop: Promise<void> | null = null;
  /** Errors in a row (reset by a successful round). */
  failures = 0;
  rounds = 0;

  constructor(private readonly o: LiveSyncOptions) {}

  get state(): LiveState {
    return this.current;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    listener(this.current);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    if (this.loop) return;
    setBatchYield(yieldToUi);
    let seen: number | undefined;
    this.outboxWatch = liveQuery(() => this.o.db.table('outbox').count()).subscribe({
      next: (n) => {
        if (seen !== undefined && n !== seen) this.wake();
        seen = n;
      },
      error: () => undefined,
    });
    this.loop = this.run();
  }

  /** Sync now (the screen's button): ends an idle wait or a back-off wait. */
  syncNow(): void {
    this.forced = true;
    this.wake();
  }

  /** Stops the loop: cancels running replications and waits until the loop has ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.outboxWatch?.unsubscribe();
    for (const r of this.active) r.cancel?.();
    this.wake();
    await this.loop?.catch(() => undefined);
    this.set({ kind: 'off' });
  }

  private set(s: LiveState) {
    this.current = s;
    for (const l of this.listeners) l(s);
  }

  private wake() {
    const w = this.wakeUp;
    this.wakeUp = null;
    w?.();
  }

  /** Waits `ms` or until woken (outbox change, sync now, stop). */
  private sleep(ms: number): Promise<void> {
    return new Promise((ok) => {
      const t = setTimeout(() => {
        this.wakeUp = null;
        ok();
      }, ms);
      this.wakeUp = () => {
        clearTimeout(t);
        ok();
      };
    });
  }

  private async run(): Promise<void> {
    let first = this.o.firstSync;
    while (!this.stopped) {
      this.set(first ? { kind: 'firstSync', done: 0, total: 0 } : { kind: 'syncing' });
      const seen = new Map<string, Seq>();
      try {
        const r = await syncRound(
          this.o.db,
          this.o.replica,
          (name) => this.o.openRemote(name),
          this.o.bodies,
          this.o.serverName,
          undefined,
          {
            onDocs: first
              ? (done, total) => {
                  if (!this.stopped) this.set({ kind: 'firstSync', done, total });
                }
              : undefined,
            onSeq: (name, seq) => seen.set(name, seq),
            track: (rep) => {
              if (this.stopped) rep.cancel?.();
              this.active.add(rep);
              return () => this.active.delete(rep);
            },
          },
        );
        if (this.stopped) break;
        this.rounds++;
        this.failures = 0;
        first = false;
        await this.o.onSynced?.(nowIso());
        this.set({ kind: 'upToDate' });
        await this.idle(r.databases, seen);
      } catch (e) {
        if (this.stopped) break;
        const kind = classifyError(e);
        const message = e instanceof Error ? e.message : undefined;
        if (kind === 'auth') {
          this.set({ kind: 'authError', message });
          break;
        }
        this.failures++;
        const delay = backoffDelay(
          this.failures,
          (this.o.random ?? Math.random)(),
          this.o.backoff ?? DEFAULT_BACKOFF,
        );
        this.set({
          kind: 'retrying',
          error: kind,
          retryAt: Date.now() + delay,
          delayMs: delay,
          failures: this.failures,
          message,
        });
        this.forced = false;
        await this.sleep(delay);
      }
    }
    this.outboxWatch?.unsubscribe();
  }

  private async seqs(databases: string[]): Promise<Map<string, Seq>> {
    const out = new Map<string, Seq>();
    for (const name of databases) {
      const remote = this.o.openRemote(name);
      try {
        out.set(name, (await remote.info()).update_seq);
      } finally {
        await remote.close();
      }
    }
    return out;
  }

  /** Returns when there is something to sync (or on stop); errors go to the back-off. */
  private async idle(databases: string[], seqs: Map<string, Seq>): Promise<void> {
    this.forced = false;
    for (;;) {
      if (this.stopped || this.forced) return;
      if ((await nextOutboxBatch(this.o.db, 1)).length) return;
      const now = await this.seqs(databases);
      if (databases.some((d) => String(now.get(d)) !== String(seqs.get(d)))) return;
      if (this.stopped || this.forced) return;
      await this.sleep(this.o.idleMs ?? 5_000);
    }
  }
}
