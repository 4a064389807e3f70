import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createCredentialStore,
  SecretStorageUnavailable,
  type SafeStorageLike,
} from './credentials';

/** A stand-in for Electron's safeStorage: reversible, but never the clear text on disk. */
function fakeSafeStorage(over: Partial<SafeStorageLike> = {}): SafeStorageLike {
  return {
    isEncryptionAvailable: () => true,
    encryptString: (t) => Buffer.from(`enc:${Buffer.from(t).toString('hex')}`),
    decryptString: (b) => {
      const s = b.toString();
      if (!s.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext');
      return Buffer.from(s.slice(4), 'hex').toString();
    },
    getSelectedStorageBackend: () => 'gnome_libsecret',
    ...over,
  };
}

const URL_A = 'https://couch.example.cz';
let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'triada-cred-'));
  file = path.join(dir, 'sync-credentials.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sync credentials in main (safeStorage)', () => {
  it('stores the password encrypted, never in clear, and reads it back per server and user', async () => {
    const store = createCredentialStore({
      safeStorage: fakeSafeStorage(),
      file,
      platform: 'linux',
    });
    await store.save(URL_A, 'jana', 'Tajné heslo 1');
    await store.save(URL_A, 'petr', 'jiné');
    const disk = await readFile(file, 'utf8');
    expect(disk).not.toContain('Tajné');
    expect(disk).not.toContain('jiné');
    expect(await store.load(URL_A, 'jana')).toBe('Tajné heslo 1');
    expect(await store.load(URL_A, 'petr')).toBe('jiné');
    expect(await store.load('https://other.example', 'jana')).toBeNull();
    await store.forget(URL_A, 'jana');
    expect(await store.load(URL_A, 'jana')).toBeNull();
    expect(await store.load(URL_A, 'petr')).toBe('jiné');
  });

  it('refuses to store without OS encryption, and on Linux with the basic_text fallback', async () => {
    for (const safeStorage of [
      fakeSafeStorage({ isEncryptionAvailable: () => false }),
      fakeSafeStorage({ getSelectedStorageBackend: () => 'basic_text' }),
    ]) {
      const store = createCredentialStore({ safeStorage, file, platform: 'linux' });
      expect(store.available()).toBe(false);
      await expect(store.save(URL_A, 'jana', 'x')).rejects.toBeInstanceOf(SecretStorageUnavailable);
      expect(await store.load(URL_A, 'jana')).toBeNull();
    }
    await expect(readFile(file)).rejects.toThrow();
    // basic_text is only a weakness on Linux.
    const mac = createCredentialStore({
      safeStorage: fakeSafeStorage({ getSelectedStorageBackend: () => 'basic_text' }),
      file,
      platform: 'darwin',
    });
    expect(mac.available()).toBe(true);
  });

  it('treats a damaged file or a ciphertext it cannot decrypt as no password', async () => {
    const store = createCredentialStore({
      safeStorage: fakeSafeStorage(),
      file,
      platform: 'linux',
    });
    await writeFile(file, '{"version":1,"entries":{"x":');
    expect(await store.load(URL_A, 'jana')).toBeNull();
    await writeFile(
      file,
      JSON.stringify({
        version: 1,
        entries: { [`${URL_A}\njana`]: Buffer.from('garbage').toString('base64') },
      }),
    );
    expect(await store.load(URL_A, 'jana')).toBeNull();
    // Saving over a damaged file starts a clean one.
    await store.save(URL_A, 'jana', 'nové');
    expect(await store.load(URL_A, 'jana')).toBe('nové');
  });
});
