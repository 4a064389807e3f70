// Phone voting in this window: whether it is on (for which meeting), the LAN address and URL,
// the join codes, and the hub connection that stores ballots. One per window, outside React,
// so a ballot is stored whatever page is shown. Kept in sessionStorage, so a reload of the app
// window reconnects and stores the ballots the hub delivers again; the join codes stay valid
// until phone voting is switched off (then the hub forgets them: useless after the meeting).
import { z } from 'zod';
import { db, storeHubBallots, type HubBallot } from '../../db';
import {
  connectHub,
  type HubClient,
  type HubConnection,
  type HubInterface,
  type HubStatus,
} from '../../platform/hub';
import { ackFor, browserRandom, reissueJoinCode } from './session';

const KEY = 'triada.phoneVoting';
/** Most ballots stored in one transaction (a room's worth: 200 phones at once fit). */
const STORE_BATCH = 500;

const savedSchema = z.object({
  meetingId: z.string().max(100),
  address: z.string().max(64).nullable(),
  url: z.string().max(200).nullable(),
  codes: z.record(z.string().max(100), z.string().regex(/^[A-Z0-9]{4,12}$/)),
  retired: z
    .array(z.string().regex(/^[A-Z0-9]{4,12}$/))
    .max(5000)
    .default([]),
});
type Saved = z.infer<typeof savedSchema>;

export interface PhoneVotingState {
  /** The meeting whose phone voting is on in this window; null: off. */
  meetingId: string | null;
  address: string | null;
  /** The phone page's address (under the QR code); null while the LAN face is not running. */
  url: string | null;
  /** voterId → join code (normalized, e.g. "KX4HQ7"). */
  codes: Record<string, string>;
  /** Codes withdrawn by "New code" in this meeting: never issued again while it lasts. */
  retired: string[];
  connection: HubConnection;
  status: HubStatus | null;
  interfaces: HubInterface[] | null;
  /** An i18n key of the last failure, shown in the panel. */
  error: string | null;
  /** Ballots this window stored and acknowledged (a count, never who). */
  stored: number;
}

function load(): Saved | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    const parsed = raw ? savedSchema.safeParse(JSON.parse(raw)) : null;
    return parsed?.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const saved = typeof sessionStorage === 'undefined' ? null : load();
let state: PhoneVotingState = {
  meetingId: saved?.meetingId ?? null,
  address: saved?.address ?? null,
  url: saved?.url ?? null,
  codes: saved?.codes ?? {},
  retired: saved?.retired ?? [],
  connection: 'closed',
  status: null,
  interfaces: null,
  error: null,
  stored: 0,
};
let client: HubClient | null = null;
const subscribers = new Set<() => void>();

function set(patch: Partial<PhoneVotingState>) {
  state = { ...state, ...patch };
  if (state.meetingId) {
    const keep: Saved = {
      meetingId: state.meetingId,
      address: state.address,
      url: state.url,
      codes: state.codes,
      retired: state.retired,
    };
    sessionStorage.setItem(KEY, JSON.stringify(keep));
  } else sessionStorage.removeItem(KEY);
  for (const s of subscribers) s();
}

export const phoneVoting = {
  subscribe(fn: () => void) {
    subscribers.add(fn);
    return () => void subscribers.delete(fn);
  },
  get: () => state,
  get client() {
    return client;
  },

  /** Connects as the owner (the window that stores ballots). Idempotent. */
  connect(): HubClient | null {
    if (client || !state.meetingId) return client;
    const c = connectHub({ owner: true });
    client = c;
    // Store, THEN acknowledge: the phone hears "stored" only for a ballot on disk. A batch
    // from the hub is one transaction and one acks message; ballots that arrive while one is
    // being written go together into the next.
    const waiting: HubBallot[] = [];
    let writing = false;
    const drain = async () => {
      writing = true;
      while (waiting.length) {
        const batch = waiting.splice(0, STORE_BATCH);
        try {
          const outcomes = await storeHubBallots(db, batch);
          c.acks(batch.map((ballot, i) => ({ id: ballot.id, result: ackFor(outcomes[i]!) })));
          const fresh = outcomes.filter((o) => o.ok && !o.duplicate).length;
          if (fresh) set({ stored: state.stored + fresh });
        } catch (e: unknown) {
          console.error('storing phone ballots failed', e);
          c.acks(batch.map((b) => ({ id: b.id, result: { ok: false, code: 'UNAVAILABLE' } })));
        }
      }
      writing = false;
    };
    c.onBallots((ballots) => {
      waiting.push(...ballots);
      if (!writing) void drain();
    });
    c.onStatus((status) => {
      const lan = status.lan;
      set({ status, url: lan.running ? lan.url : null });
    });
    c.onConnection((connection) => set({ connection }));
    set({ connection: c.connection });
    return c;
  },

  /** Switches phone voting on for a meeting and lists the networks to pick from. */
  async enable(meetingId: string) {
    if (state.meetingId && state.meetingId !== meetingId) await phoneVoting.disable();
    set({ meetingId, error: null });
    const c = phoneVoting.connect();
    if (c?.connection === 'unavailable') return set({ error: 'phoneVoting.errors.unavailable' });
    await phoneVoting.loadInterfaces();
  },

  async loadInterfaces() {
    const c = client;
    if (!c) return;
    try {
      set({ interfaces: await c.interfaces(), error: null });
    } catch {
      set({ error: 'phoneVoting.errors.hub' });
    }
  },

  /** Starts the LAN face on the picked network. */
  async start(address: string) {
    const c = client;
    if (!c) return;
    try {
      const { url } = await c.start({ address });
      set({ address, url, error: null });
    } catch {
      set({ error: 'phoneVoting.errors.start' });
    }
  },

  setCodes(codes: Record<string, string>) {
    set({ codes });
  },

  /**
   * "New code" for a member whose phone lost its login: the old code is withdrawn (PhoneVotingHost
   * sends the session without it, so the hub releases the old phone) and the new one is returned
   * to be shown. null: the member has no code.
   */
  reissueCode(voterId: string): string | null {
    if (!state.codes[voterId]) return null;
    const next = reissueJoinCode(state.codes, voterId, browserRandom, state.retired);
    set(next);
    return next.codes[voterId] ?? null;
  },

  /** Off: the hub forgets the session (join codes are useless from now on) and leaves the LAN. */
  async disable() {
    const c = client;
    client = null;
    if (c) {
      try {
        await c.setSession(null);
        await c.stop();
      } catch {
        // The hub may be gone already; the session is over for the app either way.
      }
      c.close();
    }
    set({
      meetingId: null,
      address: null,
      url: null,
      codes: {},
      retired: [],
      status: null,
      interfaces: null,
      error: null,
      stored: 0,
      connection: 'closed',
    });
  },
};
