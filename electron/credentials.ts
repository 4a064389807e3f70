// The sync server's password on disk (main process): encrypted with Electron's safeStorage
// (the OS keychain: Keychain, DPAPI, libsecret/kwallet) into <userData>/sync-credentials.json,
// never in IndexedDB. Without real OS encryption (safeStorage unavailable, or Linux's
// 'basic_text' fallback whose key is a constant) nothing is written: the renderer then keeps
// the password in memory for the session and says so. safeStorage and the file are injected,
// so credentials.test.ts runs it without Electron.
import { randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { z } from 'zod';

/** The part of Electron's safeStorage used here. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(text: string): Buffer;
  decryptString(data: Buffer): string;
  /** Linux only. */
  getSelectedStorageBackend?(): string;
}

const fileSchema = z.strictObject({
  version: z.literal(1),
  /** "<server url>\n<user name>" → base64 of the encrypted password. */
  entries: z.record(z.string().max(2300), z.string().max(20_000)),
});
type CredentialFile = z.output<typeof fileSchema>;

export class SecretStorageUnavailable extends Error {
  constructor() {
    super('The operating system offers no encryption for stored passwords');
    this.name = 'SecretStorageUnavailable';
  }
}

export function createCredentialStore(deps: {
  safeStorage: SafeStorageLike;
  /** Absolute path of the file. */
  file: string;
  platform?: NodeJS.Platform;
}) {
  const key = (url: string, username: string) => `${url}\n${username}`;

  const available = (): boolean => {
    if (!deps.safeStorage.isEncryptionAvailable()) return false;
    const backend = deps.safeStorage.getSelectedStorageBackend?.();
    return !((deps.platform ?? process.platform) === 'linux' && backend === 'basic_text');
  };

  async function read(): Promise<CredentialFile> {
    let text: string;
    try {
      text = await readFile(deps.file, 'utf8');
    } catch {
      return { version: 1, entries: {} };
    }
    try {
      const parsed = fileSchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
    } catch {
      // A damaged file is as good as none: the user types the password again.
    }
    return { version: 1, entries: {} };
  }

  async function write(f: CredentialFile): Promise<void> {
    const tmp = `${deps.file}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(tmp, JSON.stringify(f), { mode: 0o600 });
    await rename(tmp, deps.file);
  }

  return {
    available,
    async save(url: string, username: string, password: string): Promise<void> {
      if (!available()) throw new SecretStorageUnavailable();
      const f = await read();
      f.entries[key(url, username)] = deps.safeStorage.encryptString(password).toString('base64');
      await write(f);
    },
    /** The password, or null when none is stored or it cannot be decrypted any more. */
    async load(url: string, username: string): Promise<string | null> {
      if (!available()) return null;
      const stored = (await read()).entries[key(url, username)];
      if (!stored) return null;
      try {
        return deps.safeStorage.decryptString(Buffer.from(stored, 'base64'));
      } catch {
        return null;
      }
    },
    async forget(url: string, username: string): Promise<void> {
      const f = await read();
      if (!(key(url, username) in f.entries)) return;
      delete f.entries[key(url, username)];
      await write(f);
    },
  };
}
