// Electron's live sync with the CSP's connect-src 'self': PouchDB's HTTP goes through the
// platform's transport to main's sync:fetch (IPC router + contract + electron/syncHttp.ts with
// Node's fetch) to express-pouchdb on 127.0.0.1. Main adds the password; the page never does.
import PouchDB from 'pouchdb-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { classifyError } from '@shared/sync/live';
import type { TriadaApi } from '../../../shared/ipc/api';
import { createIpcRouter, type InvokeEventLike } from '../../../electron/ipc';
import { createSyncHttp } from '../../../electron/syncHttp';
import { syncRound } from '../../../renderer/src/db/sync/server';
import type { PouchLike } from '../../../renderer/src/db/sync/pouch';
import {
  electronSyncTransports,
  type SyncTransport,
} from '../../../renderer/src/platform/syncTransport';
import { closeLaptop, laptop, remotePouch, startServer, type Laptop } from './helpers';
import { prepareMeeting } from './scenario';

// helpers.ts already added the http adapter and replication to pouchdb-core (plugins are global).
const Pouch = PouchDB as unknown as new (name: string, o?: object) => PouchLike;

const AUTH = { username: 'jana', password: 'tajne-heslo' };
let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer({ auth: AUTH });
});
afterAll(async () => {
  await server.close();
});
const open: Laptop[] = [];
afterEach(async () => {
  for (const l of open.splice(0)) await closeLaptop(l);
});

/** window.api.syncHttp as the preload exposes it, answered by main's real handlers. */
function mainProcess(): NonNullable<TriadaApi['syncHttp']> {
  const handlers = new Map<string, (e: InvokeEventLike, ...a: unknown[]) => unknown>();
  const router = createIpcRouter<InvokeEventLike>({
    ipcMain: {
      handle: (c, l) => void handlers.set(c, l),
      removeHandler: (c) => void handlers.delete(c),
    },
    isTrustedSender: () => true,
  });
  const syncHttp = createSyncHttp({ fetch: (url, init) => fetch(url, init) });
  router.handle('sync:setServer', async ({ server: s }) => (await syncHttp.setServer(s), null));
  router.handle('sync:fetch', (r) => syncHttp.fetch(r));
  const event = { sender: 1, senderFrame: { url: 'app://triada/index.html' } };
  const invoke = (c: string, r: unknown) => handlers.get(c)!(event, r) as Promise<never>;
  return {
    setServer: (r) => invoke('sync:setServer', r),
    fetch: (r) => invoke('sync:fetch', r),
  };
}

const viaMain = (t: SyncTransport) => (name: string) =>
  new Pouch(`${server.url}/${name}`, { fetch: t.fetch, ...(t.auth ? { auth: t.auth } : {}) });

describe('live sync through main (Electron)', () => {
  it('replicates both ways with the password added by main only', async () => {
    const transport = await electronSyncTransports(mainProcess()).open({
      url: server.url,
      ...AUTH,
    });
    expect(transport.auth).toBeUndefined();
    const a = await laptop('Jana');
    const b = await laptop('Petr');
    open.push(a, b);
    const base = await prepareMeeting(a);
    const pushed = await syncRound(a.db, a.pouch, viaMain(transport), 'all', 'server');
    expect(pushed.pushed).toBeGreaterThan(0);
    await syncRound(b.db, b.pouch, (n) => remotePouch(`${server.url}/${n}`, AUTH), 'all', 's');
    expect(await b.db.meetings.get(base.meetingId)).toBeDefined();
    await b.db.meetings.update(base.meetingId, { place: 'Radnice, zasedací místnost' });
    await syncRound(b.db, b.pouch, (n) => remotePouch(`${server.url}/${n}`, AUTH), 'all', 's');
    await syncRound(a.db, a.pouch, viaMain(transport), 'all', 'server');
    expect((await a.db.meetings.get(base.meetingId))?.place).toBe('Radnice, zasedací místnost');
  });

  it('a wrong password is an auth error; a closed transport and another server are refused', async () => {
    const main = mainProcess();
    const transports = electronSyncTransports(main);
    const wrong = await transports.open({ url: server.url, ...AUTH, password: 'spatne' });
    const a = await laptop('Jana');
    open.push(a);
    await prepareMeeting(a);
    const e1 = await syncRound(a.db, a.pouch, viaMain(wrong), 'all', 's').catch((e) => e);
    expect(classifyError(e1)).toBe('auth');

    const right = await transports.open({ url: server.url, ...AUTH });
    await expect(right.fetch('http://127.0.0.1:1/triada-region')).rejects.toMatchObject({
      code: 'SYNC_NOT_ALLOWED',
    });
    await transports.close();
    await expect(right.fetch(`${server.url}/triada-region`)).rejects.toMatchObject({
      code: 'SYNC_NOT_ALLOWED',
    });
  });

  it('a server that is down is "offline" (retried with back-off), as with the page fetch', async () => {
    const down = await startServer({ auth: AUTH });
    await down.close();
    const transport = await electronSyncTransports(mainProcess()).open({
      url: down.url,
      ...AUTH,
    });
    const remote = new Pouch(`${down.url}/triada-region`, { fetch: transport.fetch });
    const e = await remote.info().catch((x: unknown) => x);
    expect(classifyError(e)).toBe('offline');
  });
});
