// Live sync's HTTP, performed by main so the renderer's CSP keeps connect-src 'self'
// (docs/sync.md "Security"). Main reaches only the one server the user connected to
// (sync:setServer), adds the Authorization header itself, caps both bodies, times out and
// refuses redirects. No electron import: fetch is injected (net.fetch in main.ts), so
// syncHttp.test.ts runs it with a fake.
import {
  SYNC_MAX_RESPONSE_BYTES,
  SYNC_REQUEST_HEADERS,
  SYNC_RESPONSE_HEADERS,
  type IpcResponse,
  type IpcValidRequest,
} from '../shared/ipc/contract';
import { IpcError } from './ipc';

type FetchLike = (url: string, init: RequestInit) => Promise<Response>;
type Server = NonNullable<IpcValidRequest<'sync:setServer'>['server']>;

export function createSyncHttp(deps: {
  fetch: FetchLike;
  /** The password main keeps with safeStorage (electron/credentials.ts), for password null. */
  loadPassword?: (url: string, username: string) => Promise<string | null>;
  timeoutMs?: number;
  maxResponseBytes?: number;
}) {
  const timeoutMs = deps.timeoutMs ?? 60_000;
  const maxBytes = deps.maxResponseBytes ?? SYNC_MAX_RESPONSE_BYTES;
  let target: { origin: string; path: string; authorization: string } | null = null;

  /** Is `raw` the server's base address or below it (same origin, path prefix, no user info)? */
  function allowed(raw: string): URL | null {
    if (!target) return null;
    let u: URL;
    try {
      u = new URL(raw);
    } catch {
      return null;
    }
    if (u.origin !== target.origin || u.username || u.password) return null;
    const path = u.pathname.replace(/\/+$/, '');
    return path === target.path || u.pathname.startsWith(`${target.path}/`) ? u : null;
  }

  async function readCapped(response: Response): Promise<string> {
    const declared = Number(response.headers.get('content-length'));
    if (declared > maxBytes) throw tooLarge();
    if (!response.body) return '';
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
    return new TextDecoder().decode(Buffer.concat(chunks));
  }

  const tooLarge = () =>
    new IpcError('SYNC_TOO_LARGE', `sync:fetch: the response exceeds ${maxBytes} bytes`);

  return {
    async setServer(server: Server | null): Promise<void> {
      target = null;
      if (!server) return;
      const password = server.password ?? (await deps.loadPassword?.(server.url, server.username));
      if (!password)
        throw new IpcError(
          'SYNC_NO_PASSWORD',
          'sync:setServer: no password is kept for this account',
        );
      // The contract already checked the address (shared/sync/live.ts serverUrl).
      const u = new URL(server.url);
      const token = Buffer.from(`${server.username}:${password}`, 'utf8').toString('base64');
      target = {
        origin: u.origin,
        path: u.pathname.replace(/\/+$/, ''),
        authorization: `Basic ${token}`,
      };
    },

    async fetch(request: IpcValidRequest<'sync:fetch'>): Promise<IpcResponse<'sync:fetch'>> {
      const url = allowed(request.url);
      if (!url || !target)
        throw new IpcError(
          'SYNC_NOT_ALLOWED',
          target
            ? 'sync:fetch: the URL is not on the sync server that was connected'
            : 'sync:fetch: no sync server is connected',
        );
      const headers = new Headers();
      for (const [k, v] of request.headers)
        if (SYNC_REQUEST_HEADERS.includes(k.toLowerCase())) headers.set(k, v);
      headers.set('Authorization', target.authorization);
      let response: Response;
      let text: string;
      try {
        response = await deps.fetch(url.href, {
          method: request.method,
          headers,
          body:
            request.method === 'GET' || request.method === 'HEAD'
              ? undefined
              : (request.body ?? undefined),
          // A redirect could lead anywhere: refused like a network failure.
          redirect: 'error',
          credentials: 'omit',
          signal: AbortSignal.timeout(timeoutMs),
        });
        text = request.method === 'HEAD' ? '' : await readCapped(response);
      } catch (e) {
        if (e instanceof IpcError) throw e;
        throw new IpcError(
          'SYNC_NETWORK',
          `sync:fetch: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
      if (response.status < 200 || response.status > 599)
        throw new IpcError('SYNC_NETWORK', `sync:fetch: unexpected status ${response.status}`);
      const out: [string, string][] = [];
      for (const name of SYNC_RESPONSE_HEADERS) {
        const v = response.headers.get(name);
        if (v !== null) out.push([name, v.slice(0, 2000)]);
      }
      return { status: response.status, headers: out, body: text };
    },
  };
}
