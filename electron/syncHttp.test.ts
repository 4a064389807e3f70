// Live sync's HTTP through main: only the connected server, allowed methods and headers,
// size caps, timeout, no redirects; through the IPC router so the contract is checked too.
import { describe, expect, it, vi } from 'vitest';
import { createIpcRouter, type InvokeEventLike } from './ipc';
import { createSyncHttp } from './syncHttp';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => unknown;
type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

const SERVER = { url: 'https://couch.example.cz:6984/triada', username: 'jana', password: 'tajné' };
const trusted: InvokeEventLike = { sender: 'w', senderFrame: { url: 'app://triada/index.html' } };

function setup(
  respond: (url: string, init: RequestInit) => Promise<Response> = () =>
    Promise.resolve(
      new Response('{"ok":true}', {
        status: 201,
        headers: { 'Content-Type': 'application/json', ETAG: '"1-a"', 'Set-Cookie': 'x=1' },
      }),
    ),
  options: { timeoutMs?: number; maxResponseBytes?: number } = {},
) {
  const fetch = vi.fn(respond);
  const handlers = new Map<string, Listener>();
  const router = createIpcRouter<InvokeEventLike>({
    ipcMain: {
      handle: (c, l) => void handlers.set(c, l),
      removeHandler: (c) => void handlers.delete(c),
    },
    isTrustedSender: (e) => e.sender === 'w',
    logError: () => undefined,
  });
  const kept = new Map([['https://couch.example.cz:6984/triada\njana', 'uložené']]);
  const http = createSyncHttp({
    fetch,
    loadPassword: async (url, user) => kept.get(`${url}\n${user}`) ?? null,
    ...options,
  });
  router.handle('sync:setServer', async ({ server }) => (await http.setServer(server), null));
  router.handle('sync:fetch', (r) => http.fetch(r));
  const call = (channel: string, payload: unknown, event = trusted) =>
    handlers.get(channel)!(event, payload) as Promise<Reply>;
  const get = (url: string, more: object = {}) =>
    call('sync:fetch', { url, method: 'GET', headers: [], body: null, ...more });
  return { fetch, call, get };
}

const code = (r: Reply) => (r.ok ? 'OK' : r.error.code);

describe('sync:fetch', () => {
  it('refuses everything before a server is connected, and after it is disconnected', async () => {
    const s = setup();
    expect(code(await s.get(`${SERVER.url}/triada-region`))).toBe('SYNC_NOT_ALLOWED');
    await s.call('sync:setServer', { server: SERVER });
    expect(code(await s.get(`${SERVER.url}/triada-region`))).toBe('OK');
    await s.call('sync:setServer', { server: null });
    expect(code(await s.get(`${SERVER.url}/triada-region`))).toBe('SYNC_NOT_ALLOWED');
    expect(s.fetch).toHaveBeenCalledTimes(1);
  });

  it('reaches the server only: another host, port, scheme, path or user info is refused', async () => {
    const s = setup();
    await s.call('sync:setServer', { server: SERVER });
    for (const url of [
      'https://evil.example/triada/triada-region',
      'https://couch.example.cz/triada/triada-region',
      'http://couch.example.cz:6984/triada/triada-region',
      'https://couch.example.cz:6984/other/triada-region',
      'https://couch.example.cz:6984/triadax',
      'https://couch.example.cz:6984/triada/../_users/org.couchdb.user:jana',
      'https://x:y@couch.example.cz:6984/triada/triada-region',
      'not a url',
    ])
      expect([url, code(await s.get(url))]).toEqual([url, 'SYNC_NOT_ALLOWED']);
    expect(s.fetch).not.toHaveBeenCalled();
    expect(code(await s.get(`${SERVER.url}/triada-region/_changes?since=0`))).toBe('OK');
    expect(code(await s.get(SERVER.url))).toBe('OK');
  });

  it('refuses a server address with credentials or another scheme when connecting', async () => {
    const s = setup();
    for (const url of ['ftp://couch.example.cz/', 'https://a:b@couch.example.cz', 'x'])
      expect(code(await s.call('sync:setServer', { server: { ...SERVER, url } }))).toBe(
        'BAD_REQUEST',
      );
  });

  it('refuses other methods, headers and an oversize body before any request', async () => {
    const s = setup();
    await s.call('sync:setServer', { server: SERVER });
    const url = `${SERVER.url}/triada-region`;
    expect(code(await s.get(url, { method: 'PATCH' }))).toBe('BAD_REQUEST');
    expect(code(await s.get(url, { method: 'COPY' }))).toBe('BAD_REQUEST');
    expect(code(await s.get(url, { headers: [['Authorization', 'Basic eDp5']] }))).toBe(
      'BAD_REQUEST',
    );
    expect(code(await s.get(url, { headers: [['Cookie', 'AuthSession=1']] }))).toBe('BAD_REQUEST');
    const big = 'x'.repeat(16 * 1024 * 1024 + 1);
    expect(code(await s.get(url, { method: 'POST', body: big }))).toBe('BAD_REQUEST');
    expect(code(await s.call('sync:fetch', { url, method: 'GET', headers: [] }))).toBe(
      'BAD_REQUEST',
    );
    expect(code(await s.call('sync:fetch', { url, method: 'GET' }, { sender: 'x' }))).toBe(
      'FORBIDDEN_SENDER',
    );
    expect(s.fetch).not.toHaveBeenCalled();
  });

  it('adds the password itself, passes allowed headers and returns allowed ones', async () => {
    const s = setup();
    await s.call('sync:setServer', { server: SERVER });
    const reply = await s.call('sync:fetch', {
      url: `${SERVER.url}/triada-region/_bulk_docs`,
      method: 'POST',
      headers: [
        ['Content-Type', 'application/json'],
        ['Accept', 'application/json'],
      ],
      body: '{"docs":[]}',
    });
    expect(reply).toEqual({
      ok: true,
      value: {
        status: 201,
        headers: [
          ['content-type', 'application/json'],
          ['etag', '"1-a"'],
        ],
        body: '{"ok":true}',
      },
    });
    const [url, init] = s.fetch.mock.calls[0]!;
    expect(url).toBe(`${SERVER.url}/triada-region/_bulk_docs`);
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"docs":[]}');
    expect(init.redirect).toBe('error');
    const h = init.headers as Headers;
    expect(h.get('authorization')).toBe(
      `Basic ${Buffer.from('jana:tajné', 'utf8').toString('base64')}`,
    );
    expect(h.get('content-type')).toBe('application/json');
    expect([...h.keys()].sort()).toEqual(['accept', 'authorization', 'content-type']);
  });

  it('password null: main adds the one it keeps; none kept: refused, nothing reachable', async () => {
    const s = setup();
    expect(code(await s.call('sync:setServer', { server: { ...SERVER, password: null } }))).toBe(
      'OK',
    );
    await s.get(`${SERVER.url}/db`);
    const h = s.fetch.mock.calls[0]![1].headers as Headers;
    expect(h.get('authorization')).toBe(
      `Basic ${Buffer.from('jana:uložené', 'utf8').toString('base64')}`,
    );
    const petr = { ...SERVER, username: 'petr', password: null };
    expect(code(await s.call('sync:setServer', { server: petr }))).toBe('SYNC_NO_PASSWORD');
    expect(code(await s.get(`${SERVER.url}/db`))).toBe('SYNC_NOT_ALLOWED');
  });

  it('passes HTTP errors through with their status (401 stops the loop in the renderer)', async () => {
    const s = setup(() =>
      Promise.resolve(new Response('{"error":"unauthorized"}', { status: 401 })),
    );
    await s.call('sync:setServer', { server: SERVER });
    const r = await s.get(`${SERVER.url}/triada-region`);
    expect(r.ok && r.value).toMatchObject({ status: 401, body: '{"error":"unauthorized"}' });
  });

  it('refuses an oversize response, declared or streamed', async () => {
    const declared = setup(
      () =>
        Promise.resolve(new Response('{}', { status: 200, headers: { 'Content-Length': '2000' } })),
      { maxResponseBytes: 1000 },
    );
    await declared.call('sync:setServer', { server: SERVER });
    expect(code(await declared.get(`${SERVER.url}/db`))).toBe('SYNC_TOO_LARGE');

    const chunk = new Uint8Array(400).fill(0x61);
    const streamed = setup(
      () =>
        Promise.resolve(
          new Response(
            new ReadableStream({
              pull(c) {
                c.enqueue(chunk);
              },
            }),
            { status: 200 },
          ),
        ),
      { maxResponseBytes: 1000 },
    );
    await streamed.call('sync:setServer', { server: SERVER });
    expect(code(await streamed.get(`${SERVER.url}/db`))).toBe('SYNC_TOO_LARGE');
  });

  it('reports a refused connection, a redirect and a timeout as SYNC_NETWORK', async () => {
    const refused = setup(() => Promise.reject(new TypeError('fetch failed')));
    await refused.call('sync:setServer', { server: SERVER });
    expect(code(await refused.get(`${SERVER.url}/db`))).toBe('SYNC_NETWORK');

    const stalled = setup(
      (_url, init) =>
        new Promise((_resolve, reject) =>
          init.signal!.addEventListener('abort', () => reject(init.signal!.reason as Error)),
        ),
      { timeoutMs: 20 },
    );
    await stalled.call('sync:setServer', { server: SERVER });
    expect(code(await stalled.get(`${SERVER.url}/db`))).toBe('SYNC_NETWORK');
  });
});
