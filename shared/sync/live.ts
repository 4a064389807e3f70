// Pure rules of live sync with a CouchDB server (docs/sync.md "Live sync"): the server
// address, what is remembered across reloads, the states the screen shows, how errors are
// classified, and the back-off between attempts. No I/O here.
import { z } from 'zod';

/** Why a server address is refused (i18n keys sync.live.url.*). */
export type ServerUrlProblem = 'empty' | 'invalid' | 'scheme' | 'credentials' | 'query';

/** The server's base address, without a trailing slash: http(s) only, no user:password in it. */
export function checkServerUrl(
  raw: string,
): { ok: true; url: string } | { ok: false; problem: ServerUrlProblem } {
  const text = raw.trim();
  if (!text) return { ok: false, problem: 'empty' };
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { ok: false, problem: 'scheme' };
  if (!u.hostname) return { ok: false, problem: 'invalid' };
  // The password belongs in the password field (kept by safeStorage), never in the address.
  if (u.username || u.password) return { ok: false, problem: 'credentials' };
  if (u.search || u.hash) return { ok: false, problem: 'query' };
  return { ok: true, url: `${u.origin}${u.pathname.replace(/\/+$/, '')}` };
}

export const serverUrl = z
  .string()
  .max(2000)
  .refine((s) => {
    const r = checkServerUrl(s);
    return r.ok && r.url === s;
  }, 'errors.invalid');

/** What is remembered in settings ('syncServer'): never the password. */
export const syncServerSetting = z.strictObject({
  url: serverUrl,
  username: z.string().trim().min(1).max(200),
  /** 'all': every body this laptop knows (also bodies that arrive later); else these ids. */
  bodies: z.union([z.literal('all'), z.array(z.string().min(1).max(100)).max(500)]),
  /** Connected when the app was left: reconnect on start when the password is available. */
  enabled: z.boolean(),
});
export type SyncServerSetting = z.output<typeof syncServerSetting>;

export type LiveErrorKind = 'offline' | 'auth' | 'server';

/**
 * What went wrong, from PouchDB's error: no HTTP status (fetch failed, connection refused,
 * timeout) → offline; 401/403 → auth (wrong name or password, or not a member of a database:
 * retrying cannot help); anything else → the server's error.
 */
export function classifyError(e: unknown): LiveErrorKind {
  const o = (e && typeof e === 'object' ? e : {}) as {
    status?: unknown;
    name?: unknown;
    code?: unknown;
    message?: unknown;
  };
  const status = typeof o.status === 'number' ? o.status : 0;
  if (status === 401 || status === 403 || o.name === 'unauthorized' || o.name === 'forbidden')
    return 'auth';
  if (status >= 400 && status !== 408) return 'server';
  return 'offline';
}

export interface BackoffOptions {
  /** The first wait after an error. */
  baseMs: number;
  /** The longest wait. */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 2_000, capMs: 5 * 60_000 };

/**
 * The wait before attempt number `failures` (1 = after the first error): exponential, capped,
 * with "equal jitter" (half fixed, half random) so that laptops cut off together do not all
 * come back in the same second. `random` is in [0, 1).
 */
export function backoffDelay(
  failures: number,
  random: number,
  o: BackoffOptions = DEFAULT_BACKOFF,
): number {
  const n = Math.max(1, Math.min(failures, 30));
  const full = Math.min(o.capMs, o.baseMs * 2 ** (n - 1));
  return Math.round(full / 2 + (full / 2) * Math.min(Math.max(random, 0), 0.999));
}

/** The state the sync screen shows. */
export type LiveState =
  | { kind: 'off'; needsPassword?: boolean }
  | { kind: 'connecting' }
  | { kind: 'firstSync'; done: number; total: number }
  | { kind: 'syncing' }
  | { kind: 'upToDate' }
  | {
      kind: 'retrying';
      error: 'offline' | 'server';
      retryAt: number;
      delayMs: number;
      failures: number;
      message?: string;
    }
  | { kind: 'authError'; message?: string };

/** Progress of the first sync, clamped (doc_count leaves deleted documents out; reads count them). */
export function progressOf(
  done: number,
  total: number,
): { done: number; total: number; percent: number } {
  const t = Math.max(0, total);
  const d = Math.min(Math.max(0, done), t);
  return { done: d, total: t, percent: t ? Math.floor((d / t) * 100) : 0 };
}
