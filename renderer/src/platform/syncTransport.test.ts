import { describe, expect, it, vi } from 'vitest';
import type { TriadaApi } from '../../../shared/ipc/api';
import { createElectronPlatform } from './electron-platform';
import { electronSyncTransports, webSyncTransports } from './syncTransport';
import { PlatformError } from './types';

const SERVER = { url: 'https://couch.example.cz', username: 'jana', password: 'tajné' };
type SyncHttp = NonNullable<TriadaApi['syncHttp']>;

function fakeSyncHttp(
  value = { status: 200, headers: [['content-type', 'application/json']], body: '{"a":1}' },
) {
  return {
    setServer: vi.fn(async () => ({ ok: true as const, value: null })),
    fetch: vi.fn(async () => ({ ok: true as const, value })),
  } as unknown as SyncHttp & {
    setServer: ReturnType<typeof vi.fn>;
    fetch: ReturnType<typeof vi.fn>;
  };
}

describe('browser mode', () => {
  it("uses the page's fetch, and PouchDB adds the password", async () => {
    const f = vi.fn(async () => new Response('{}'));
    const t = await webSyncTransports(f).open(SERVER);
    expect(t.auth).toEqual({ username: 'jana', password: 'tajné' });
    await t.fetch('https://couch.example.cz/db', { method: 'GET' });
    expect(f).toHaveBeenCalledWith('https://couch.example.cz/db', { method: 'GET' });
  });
});

describe('Electron: through main', () => {
  it('names the server to main, which adds the password: none in PouchDB', async () => {
    const api = fakeSyncHttp();
    const t = await electronSyncTransports(api).open(SERVER);
    expect(api.setServer).toHaveBeenCalledWith({ server: SERVER });
    expect(t.auth).toBeUndefined();
    await electronSyncTransports(api).close();
    expect(api.setServer).toHaveBeenLastCalledWith({ server: null });
  });

  it("sends method, allowed headers and text body; returns main's answer as a Response", async () => {
    const api = fakeSyncHttp();
    const t = await electronSyncTransports(api).open(SERVER);
    const headers = new Headers({
      'Content-Type': 'application/json',
      Accept: 'application/json',
      Authorization: 'Basic eDp5',
    });
    const r = await t.fetch('https://couch.example.cz/db/_bulk_docs', {
      method: 'post',
      headers,
      body: '{"docs":[]}',
    });
    expect(api.fetch).toHaveBeenCalledWith({
      url: 'https://couch.example.cz/db/_bulk_docs',
      method: 'POST',
      headers: [
        ['accept', 'application/json'],
        ['content-type', 'application/json'],
      ],
      body: '{"docs":[]}',
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json');
    expect(await r.json()).toEqual({ a: 1 });
  });

  it('a bodiless status or HEAD gives a Response without body', async () => {
    const t = await electronSyncTransports(
      fakeSyncHttp({ status: 204, headers: [], body: '' }),
    ).open(SERVER);
    expect((await t.fetch('https://couch.example.cz/db')).status).toBe(204);
  });

  it('an unreachable server is a TypeError like fetch; a refusal keeps its code', async () => {
    const api = fakeSyncHttp();
    const t = await electronSyncTransports(api).open(SERVER);
    api.fetch.mockResolvedValueOnce({
      ok: false,
      error: { code: 'SYNC_NETWORK', message: 'sync:fetch: fetch failed' },
    });
    await expect(t.fetch('https://couch.example.cz/db')).rejects.toBeInstanceOf(TypeError);
    api.fetch.mockResolvedValueOnce({
      ok: false,
      error: { code: 'SYNC_NOT_ALLOWED', message: 'no' },
    });
    const e = await t.fetch('https://evil.example/db').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PlatformError);
    expect((e as PlatformError).code).toBe('SYNC_NOT_ALLOWED');
  });

  it('refuses binary bodies and honours an abort signal', async () => {
    const api = fakeSyncHttp();
    const t = await electronSyncTransports(api).open(SERVER);
    await expect(
      t.fetch('https://couch.example.cz/db/doc/att', { method: 'PUT', body: new Blob(['x']) }),
    ).rejects.toBeInstanceOf(TypeError);
    api.fetch.mockReturnValueOnce(new Promise(() => undefined));
    const ctl = new AbortController();
    const pending = t.fetch('https://couch.example.cz/db', { signal: ctl.signal });
    ctl.abort(new DOMException('stop', 'AbortError'));
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('the Electron platform uses the relay when the preload offers it', async () => {
    const api = fakeSyncHttp();
    const platform = createElectronPlatform({
      platform: 'electron',
      syncHttp: api,
    } as unknown as TriadaApi);
    const t = await platform.syncTransports.open(SERVER);
    expect(t.auth).toBeUndefined();
    expect(api.setServer).toHaveBeenCalled();
  });
});
