// How live sync's PouchDB reaches the CouchDB server (PouchDB's `fetch` option).
// Electron: every request goes through main (sync:fetch), which reaches only the server set
// with sync:setServer and adds the password itself, so the CSP keeps connect-src 'self'.
// Browser mode has no main process: the page's own fetch, with PouchDB adding the password.
import type { TriadaApi } from '../../../shared/ipc/api';
import { SYNC_REQUEST_HEADERS, type SYNC_METHODS } from '../../../shared/ipc/contract';
import { PlatformError } from './types';

export interface SyncServerAccount {
  url: string;
  username: string;
  /** null: the one main keeps (Electron with OS encryption, platform.syncSecrets.load). */
  password: string | null;
}

export interface SyncTransport {
  fetch(url: string, init?: RequestInit): Promise<Response>;
  /** PouchDB's `auth` option; absent when the transport adds the credentials itself. */
  auth?: { username: string; password: string };
}

export interface SyncTransports {
  /** Prepares requests to this server (Electron: main forgets any other server). */
  open(server: SyncServerAccount): Promise<SyncTransport>;
  /** Disconnected: Electron's main refuses every request until the next open. */
  close(): Promise<void>;
}

export function webSyncTransports(fetchImpl: typeof fetch): SyncTransports {
  return {
    open: async ({ username, password }) => {
      if (password === null) throw new Error('sync: browser mode needs the password itself');
      return { fetch: (url, init) => fetchImpl(url, init), auth: { username, password } };
    },
    close: async () => undefined,
  };
}

/** Statuses whose Response must have no body. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/** Rejects with the signal's reason when it aborts first (main's own timeout still ends the request). */
function untilAborted<T>(promise: Promise<T>, signal?: AbortSignal | null): Promise<T> {
  if (!signal) return promise;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export function electronSyncTransports(api: NonNullable<TriadaApi['syncHttp']>): SyncTransports {
  const fetchThroughMain = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const method = (init.method ?? 'GET').toUpperCase() as (typeof SYNC_METHODS)[number];
    const headers: [string, string][] = [];
    new Headers(init.headers).forEach((value, name) => {
      if (SYNC_REQUEST_HEADERS.includes(name)) headers.push([name, value]);
    });
    if (init.body != null && typeof init.body !== 'string')
      // PouchDB sends JSON text; binary attachments are not used by the app.
      throw new TypeError('sync: only text request bodies are relayed through main');
    const reply = await untilAborted(
      api.fetch({ url, method, headers, body: init.body ?? null }),
      init.signal,
    );
    if (!reply.ok) {
      // As the page's fetch would: an unreachable server is a TypeError (live sync: offline).
      if (reply.error.code === 'SYNC_NETWORK') throw new TypeError(reply.error.message);
      throw new PlatformError(reply.error.code, reply.error.message);
    }
    const { status, headers: h, body } = reply.value;
    return new Response(NULL_BODY.has(status) || method === 'HEAD' ? null : body, {
      status,
      headers: h,
    });
  };
  return {
    async open(server) {
      const reply = await api.setServer({ server });
      if (!reply.ok) throw new PlatformError(reply.error.code, reply.error.message);
      return { fetch: fetchThroughMain };
    },
    async close() {
      const reply = await api.setServer({ server: null });
      if (!reply.ok) throw new PlatformError(reply.error.code, reply.error.message);
    },
  };
}
