// The app's client of the voting hub's admin face (issue 13). The ONLY renderer code that
// touches the hub's transport; features use `connectHub()` and the typed methods below.
// The wire contract and its rules (store, then ack; ids may arrive twice) are in
// shared/hub/protocol.ts – read its header before using onBallot.
//
// Transport: browser mode opens a same-origin WebSocket at ADMIN_PROXY_PATH (scripts/serve.mjs
// proxies it to the hub and adds the per-start secret, so CSP connect-src 'self' stays).
// Electron: the preload's named hub functions; main holds the secret and relays (electron/hub/host.ts).
// Either way the client reconnects by itself; after a reconnect (or a reload of the window)
// the hub delivers every unacknowledged ballot again.
import type { WindowWithApi } from '../../../shared/ipc/api';
import {
  ADMIN_PROXY_PATH,
  HubBallotSchema,
  MAX_BALLOTS_PER_MESSAGE,
  type AckResult,
  type AdminOp,
  type AdminOpValues,
  type AdminRequest,
  type HubBallot,
  type HubInterface,
  type HubPollSpec,
  type HubSession,
  type HubStatus,
  type HubToAdmin,
} from '../../../shared/hub/protocol';

export type {
  AckResult,
  HubBallot,
  HubInterface,
  HubPollSpec,
  HubSession,
  HubStatus,
} from '../../../shared/hub/protocol';

/** 'unavailable': no hub in this runtime (e.g. `npm run dev`), nothing will ever connect. */
export type HubConnection = 'connecting' | 'open' | 'closed' | 'unavailable';

export class HubError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HubError';
  }
}

export interface HubClient {
  /** Non-internal IPv4 interfaces, virtual adapters left out. */
  interfaces(): Promise<HubInterface[]>;
  /** Starts the LAN face on that address; the URL goes under the QR code. */
  start(options: { address: string; port?: number }): Promise<{ url: string }>;
  /** Stops the LAN face (phones can no longer reach it). Pending ballots stay journaled. */
  stop(): Promise<void>;
  /** The meeting whose members may join; null ends it (join codes become useless). */
  setSession(session: HubSession | null): Promise<void>;
  openPoll(spec: HubPollSpec): Promise<void>;
  closePoll(pollId: string): Promise<void>;
  status(): Promise<HubStatus>;
  /**
   * The ballots to store (owner clients only), as the hub sends them: all that arrived at the
   * hub together. Store them (one transaction), then call acks() for them. The same id may
   * come again after a reconnect: store it once, ack it again.
   */
  onBallots(listener: (ballots: HubBallot[]) => void): () => void;
  /** The answers for stored (or refused) ballots, in one message. */
  acks(answers: readonly { id: string; result: AckResult }[]): void;
  /** Joined members / devices, connected phones, ballots per poll; pushed on every change. */
  onStatus(listener: (status: HubStatus) => void): () => void;
  onConnection(listener: (state: HubConnection) => void): () => void;
  readonly connection: HubConnection;
  /** The last status received (null before the first). */
  readonly lastStatus: HubStatus | null;
  /** Closes the connection for good (the hub keeps running and keeps the ballots). */
  close(): void;
}

/** A text-frame pipe to the admin face; the hub client adds everything else. */
export interface HubTransport {
  open(handlers: { onOpen(): void; onMessage(text: string): void; onClose(): void }): {
    send(text: string): void;
    close(): void;
  };
}

const REQUEST_TIMEOUT_MS = 15_000;
const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 5_000;

type Listener<T> = (value: T) => void;

function listeners<T>() {
  const set = new Set<Listener<T>>();
  return {
    add(l: Listener<T>) {
      set.add(l);
      return () => void set.delete(l);
    },
    emit(value: T) {
      for (const l of [...set]) {
        try {
          l(value);
        } catch (e) {
          console.error('hub listener failed', e);
        }
      }
    },
  };
}

/** Browser mode: the same-origin WebSocket that serve.mjs proxies to the hub. */
export function webSocketTransport(win: Window = window): HubTransport | null {
  const { protocol, host } = win.location;
  if (protocol !== 'http:' && protocol !== 'https:') return null;
  const url = `${protocol === 'https:' ? 'wss' : 'ws'}://${host}${ADMIN_PROXY_PATH}`;
  return {
    open(h) {
      const ws = new WebSocket(url);
      ws.onopen = () => h.onOpen();
      ws.onmessage = (e) => {
        if (typeof e.data === 'string') h.onMessage(e.data);
      };
      ws.onclose = () => h.onClose();
      return {
        send: (text) => {
          if (ws.readyState === WebSocket.OPEN) ws.send(text);
        },
        close: () => ws.close(),
      };
    },
  };
}

/** Electron: the preload's named functions (main relays to the hub with the secret). */
export function electronTransport(api: NonNullable<WindowWithApi['api']>): HubTransport | null {
  const hub = api.hub;
  if (!hub) return null;
  return {
    open(h) {
      let closed = false;
      const offMessage = hub.onMessage((text) => h.onMessage(text));
      const offClosed = hub.onClosed(() => {
        if (!closed) h.onClose();
      });
      void hub.open().then((reply) => {
        if (closed) return;
        if (reply.ok) h.onOpen();
        else h.onClose();
      });
      return {
        send: (text) => hub.send(text),
        close: () => {
          closed = true;
          offMessage();
          offClosed();
          hub.close();
        },
      };
    },
  };
}

/** The transport of this runtime, or null when there is no hub (the client reports 'unavailable'). */
export function defaultTransport(win: Window & WindowWithApi = window): HubTransport | null {
  if (win.api?.platform === 'electron') return electronTransport(win.api);
  return webSocketTransport(win);
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Connects to the hub. `owner: true` for the one window that stores ballots (the meeting
 * room); the projector connects with owner:false and only watches the status.
 */
export function connectHub(
  options: { owner: boolean; transport?: HubTransport | null } = { owner: true },
): HubClient {
  const transport = options.transport === undefined ? defaultTransport() : options.transport;
  const ballots = listeners<HubBallot[]>();
  const statuses = listeners<HubStatus>();
  const connections = listeners<HubConnection>();
  const pending = new Map<number, Pending>();
  const queue: string[] = [];
  let nextId = 1;
  let state: HubConnection = transport ? 'connecting' : 'unavailable';
  let lastStatus: HubStatus | null = null;
  let link: { send(text: string): void; close(): void } | null = null;
  let closedForGood = false;
  let delay = RECONNECT_MIN_MS;
  let retry: ReturnType<typeof setTimeout> | null = null;

  const setState = (next: HubConnection) => {
    if (state === next) return;
    state = next;
    connections.emit(next);
  };

  const onMessage = (text: string) => {
    let msg: HubToAdmin;
    try {
      msg = JSON.parse(text) as HubToAdmin;
    } catch {
      return;
    }
    if (msg.t === 'res') {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      clearTimeout(p.timer);
      if (msg.ok) p.resolve(msg.value);
      else p.reject(new HubError(msg.error.code, msg.error.message));
    } else if (msg.t === 'ballots') {
      // Each ballot checked on its own: a malformed one does not drop the others.
      const valid: HubBallot[] = [];
      for (const b of Array.isArray(msg.ballots) ? msg.ballots : []) {
        const parsed = HubBallotSchema.safeParse(b);
        if (parsed.success) valid.push(parsed.data);
      }
      if (valid.length) ballots.emit(valid);
    } else if (msg.t === 'status') {
      lastStatus = msg.status;
      statuses.emit(msg.status);
    }
  };

  const connect = () => {
    if (!transport || closedForGood) return;
    setState('connecting');
    link = transport.open({
      onOpen: () => {
        delay = RECONNECT_MIN_MS;
        link?.send(JSON.stringify({ t: 'hello', owner: options.owner }));
        for (const text of queue.splice(0)) link?.send(text);
        setState('open');
      },
      onMessage,
      onClose: () => {
        link = null;
        if (closedForGood) return;
        setState('closed');
        retry = setTimeout(connect, delay);
        delay = Math.min(delay * 2, RECONNECT_MAX_MS);
      },
    });
  };

  const send = (text: string) => {
    if (state === 'open' && link) link.send(text);
    else queue.push(text);
  };

  function request<O extends AdminOp>(
    op: O,
    args: Omit<Extract<AdminRequest, { op: O }>, 't' | 'id' | 'op'>,
  ): Promise<AdminOpValues[O]> {
    if (!transport)
      return Promise.reject(new HubError('UNAVAILABLE', 'No voting hub in this runtime'));
    const id = nextId++;
    return new Promise<AdminOpValues[O]>((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new HubError('TIMEOUT', `The voting hub did not answer ${op}`));
      }, REQUEST_TIMEOUT_MS);
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      send(JSON.stringify({ t: 'req', id, op, ...args }));
    });
  }

  connect();

  return {
    interfaces: () => request('interfaces', {}),
    start: async ({ address, port }) => {
      const value = await request('start', port === undefined ? { address } : { address, port });
      return { url: value.url };
    },
    stop: async () => void (await request('stop', {})),
    setSession: async (session) => void (await request('setSession', { session })),
    openPoll: async (poll) => void (await request('openPoll', { poll })),
    closePoll: async (pollId) => void (await request('closePoll', { pollId })),
    status: () => request('status', {}),
    onBallots: (l) => ballots.add(l),
    // An ack lost to a disconnect is harmless: the ballot comes again and is acked again.
    acks: (answers) => {
      for (let i = 0; i < answers.length; i += MAX_BALLOTS_PER_MESSAGE)
        if (state === 'open' && link)
          link.send(
            JSON.stringify({ t: 'acks', acks: answers.slice(i, i + MAX_BALLOTS_PER_MESSAGE) }),
          );
    },
    onStatus: (l) => statuses.add(l),
    onConnection: (l) => connections.add(l),
    get connection() {
      return state;
    },
    get lastStatus() {
      return lastStatus;
    },
    close() {
      closedForGood = true;
      if (retry) clearTimeout(retry);
      link?.close();
      link = null;
      for (const [id, p] of pending) {
        clearTimeout(p.timer);
        p.reject(new HubError('CLOSED', 'The hub client was closed'));
        pending.delete(id);
      }
      setState('closed');
    },
  };
}
