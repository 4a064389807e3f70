// This app's live sync session (one per window): the server setting (remembered in settings,
// never the password), the password (platform.syncSecrets: OS-encrypted in Electron, memory in
// a browser), the loop (live.ts) and its state for the screen. Resumed on start when the
// password is at hand; stopped when the page is left.
import { useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { LiveState, SyncServerSetting } from '@shared/sync/live';
import { PlatformError, platform } from '../../platform';
import type { SecretKeeping } from '../../platform/secrets';
import { db as appDb } from '../schema';
import { readSetting, setSetting } from '../settings';
import { heldBackCount } from './holdBack';
import { LiveSync } from './live';
import { localReplica } from './local';
import type { PouchLike } from './pouch';
import { readState, writeState } from './state';

const LAST_SYNC = 'liveLastSync';
const REQUEST_TIMEOUT_MS = 60_000;

export interface LiveSnapshot {
  setting?: SyncServerSetting;
  state: LiveState;
  lastSyncAt?: string;
  /** Where the password is kept, once known. */
  keeping?: SecretKeeping;
}

let snapshot: LiveSnapshot = { state: { kind: 'off' } };
const listeners = new Set<() => void>();
let running: LiveSync | null = null;
let unsubscribe: (() => void) | null = null;

function publish(next: Partial<LiveSnapshot>) {
  snapshot = { ...snapshot, ...next };
  for (const l of listeners) l();
}

async function openRemoteFactory(setting: SyncServerSetting, password: string | null) {
  const m = await import('pouchdb-browser');
  const PouchDB = m.default as unknown as new (name: string, o?: object) => PouchLike;
  // Electron: through main, which adds the password (transport.auth is then absent).
  const transport = await platform.syncTransports.open({
    url: setting.url,
    username: setting.username,
    password,
  });
  return (database: string) =>
    new PouchDB(`${setting.url}/${database}`, {
      ...(transport.auth ? { auth: transport.auth } : {}),
      // A stalled connection counts as offline (back-off) instead of hanging the loop.
      fetch: (url: string, init?: RequestInit) => {
        const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
        const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
        return transport.fetch(url, { ...init, signal });
      },
    });
}

async function start(setting: SyncServerSetting, password: string | null): Promise<void> {
  await stopLoop();
  const last = await readState<{ url: string; at: string }>(appDb, LAST_SYNC);
  const mine = last?.url === setting.url ? last.at : undefined;
  publish({ setting, lastSyncAt: mine, state: { kind: 'connecting' } });
  const sync = new LiveSync({
    db: appDb,
    replica: await localReplica(),
    openRemote: await openRemoteFactory(setting, password),
    bodies: setting.bodies,
    serverName: new URL(setting.url).host,
    firstSync: !mine,
    onSynced: async (at) => {
      await writeState(appDb, LAST_SYNC, { url: setting.url, at });
      publish({ lastSyncAt: at });
    },
  });
  running = sync;
  unsubscribe = sync.subscribe((state) => publish({ state }));
  sync.start();
}

async function stopLoop(): Promise<void> {
  const r = running;
  running = null;
  if (r) await r.stop();
  unsubscribe?.();
  unsubscribe = null;
}

/** Connect (the screen's button): remembers the server, keeps the password, starts the loop. */
export async function connectLive(setting: Omit<SyncServerSetting, 'enabled'>, password: string) {
  const full: SyncServerSetting = { ...setting, enabled: true };
  await setSetting(appDb, 'syncServer', full);
  const keeping = await platform.syncSecrets.save(setting, password);
  publish({ keeping });
  await start(full, password);
}

/** Disconnect: stops the loop and forgets the password; the server and bodies stay filled in. */
export async function disconnectLive(): Promise<void> {
  await stopLoop();
  // Electron: main forgets the server and its password; a failure must not keep sync "on".
  await platform.syncTransports
    .close()
    .catch((e: unknown) => console.error('sync: closing the transport failed', e));
  const setting = await readSetting(appDb, 'syncServer');
  if (setting) {
    await setSetting(appDb, 'syncServer', { ...setting, enabled: false });
    await platform.syncSecrets.forget(setting);
  }
  publish({ setting: setting && { ...setting, enabled: false }, state: { kind: 'off' } });
}

export const syncLiveNow = () => running?.syncNow();

/** On app start: reconnect when sync was on and the password is at hand. */
export async function resumeLive(): Promise<void> {
  const setting = await readSetting(appDb, 'syncServer');
  const last = await readState<{ url: string; at: string }>(appDb, LAST_SYNC);
  publish({ setting, lastSyncAt: last?.url === setting?.url ? last?.at : undefined });
  if (!setting?.enabled || running) return;
  // Electron with OS encryption: password null, main adds the one it keeps.
  const kept = await platform.syncSecrets.load(setting);
  if (!kept) {
    publish({ state: { kind: 'off', needsPassword: true } });
    return;
  }
  publish({ keeping: kept.password === null ? 'os' : 'session' });
  try {
    await start(setting, kept.password);
  } catch (e) {
    // Main lost the stored password (file removed, keychain reset): ask for it again.
    if (!(e instanceof PlatformError && e.code === 'SYNC_NO_PASSWORD')) throw e;
    publish({ state: { kind: 'off', needsPassword: true } });
  }
}

let resumed = false;
/** Called once by the app: resume, and stop cleanly when the page goes away. */
export function initLiveSync(win: Window = window): void {
  if (resumed) return;
  resumed = true;
  void resumeLive().catch((e: unknown) => console.error('live sync resume failed', e));
  win.addEventListener('pagehide', () => void stopLoop());
  // Back from the browser's back-forward cache: the loop stopped on pagehide, start it again.
  win.addEventListener('pageshow', (e) => {
    if (e.persisted) void resumeLive().catch((err: unknown) => console.error(err));
  });
}

export function useLiveSync(): LiveSnapshot {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => snapshot,
  );
}

/** Outbox entries an open secret poll holds back (shown on the sync screen). */
export const useHeldBack = () => useLiveQuery(() => heldBackCount(appDb), []);
