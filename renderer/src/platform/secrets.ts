// Where the sync server's password is kept (docs/sync.md "Credentials"). Electron: encrypted by
// main with safeStorage (the OS keychain), so a restart reconnects. Browser mode, or Electron
// without OS encryption: in this tab's memory only, for the session; never in IndexedDB.
import type { TriadaApi } from '../../../shared/ipc/api';

export interface SyncAccount {
  url: string;
  username: string;
}

export type SecretKeeping = 'os' | 'session';

/** A kept password: in Electron with OS encryption main has it and the page gets null. */
export interface KeptPassword {
  password: string | null;
}

export interface SyncSecrets {
  save(account: SyncAccount, password: string): Promise<SecretKeeping>;
  /** null: none kept (the screen asks for it). */
  load(account: SyncAccount): Promise<KeptPassword | null>;
  forget(account: SyncAccount): Promise<void>;
}

const key = (a: SyncAccount) => `${a.url}\n${a.username}`;

/** Memory only: gone when the tab or the app closes. */
export function sessionSecrets(): SyncSecrets {
  const map = new Map<string, string>();
  return {
    save: (a, password) => (map.set(key(a), password), Promise.resolve('session')),
    load: (a) => {
      const password = map.get(key(a));
      return Promise.resolve(password === undefined ? null : { password });
    },
    forget: (a) => (map.delete(key(a)), Promise.resolve()),
  };
}

/** Electron: main's safeStorage, falling back to memory when the OS offers no encryption. */
export function electronSecrets(api: NonNullable<TriadaApi['syncSecret']>): SyncSecrets {
  const memory = sessionSecrets();
  return {
    async save(a, password) {
      const reply = await api.save({ ...a, password });
      if (reply.ok) {
        await memory.forget(a);
        return 'os';
      }
      await memory.save(a, password);
      return 'session';
    },
    async load(a) {
      const reply = await api.load(a);
      // Main keeps it and adds it to sync requests itself (sync:setServer with password null).
      if (reply.ok && reply.value.stored) return { password: null };
      return memory.load(a);
    },
    async forget(a) {
      await memory.forget(a);
      await api.forget(a);
    },
  };
}
