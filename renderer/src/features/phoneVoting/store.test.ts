// The phone voting store's "New code" (reissueCode): one member's code is replaced, the old one
// is withdrawn for the rest of the meeting, and both survive a reload of the app window
// (sessionStorage), as the join codes themselves do.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const KEY = 'triada.phoneVoting';
const storage = new Map<string, string>();

beforeEach(() => {
  storage.clear();
  vi.stubGlobal('sessionStorage', {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => void storage.set(k, v),
    removeItem: (k: string) => void storage.delete(k),
  });
  vi.resetModules();
});
afterEach(() => vi.unstubAllGlobals());

/** The store as a freshly loaded window sees it (it reads sessionStorage once, on import). */
async function loadStore() {
  return (await import('./store')).phoneVoting;
}

const CODES = { 'p-jana': 'KX4HQ7', 'p-marie': 'MWT9PC', 'p-josef': 'RV3DNA' };

describe('phoneVoting.reissueCode', () => {
  it("replaces only that member's code, with one unlike the others, and withdraws the old one", async () => {
    storage.set(
      KEY,
      JSON.stringify({ meetingId: 'm1', address: '127.0.0.1', url: null, codes: CODES }),
    );
    const store = await loadStore();
    const seen: string[] = [];
    const off = store.subscribe(() => seen.push(store.get().codes['p-marie']!));
    const fresh = store.reissueCode('p-marie');
    off();

    expect(fresh).toMatch(/^[A-Z0-9]{6}$/);
    expect(fresh).not.toBe(CODES['p-marie']);
    expect(Object.values(CODES)).not.toContain(fresh);
    expect(store.get().codes).toEqual({ ...CODES, 'p-marie': fresh });
    expect(store.get().retired).toEqual([CODES['p-marie']]);
    expect(seen).toEqual([fresh]); // subscribers (the host, the codes list) hear of it once

    // A reload of the app window keeps the new code and the withdrawn one.
    const reloaded = (vi.resetModules(), await loadStore());
    expect(reloaded.get().codes['p-marie']).toBe(fresh);
    expect(reloaded.get().retired).toEqual([CODES['p-marie']]);
  });

  it('does nothing for someone without a code; switching phone voting off forgets the withdrawn codes', async () => {
    storage.set(KEY, JSON.stringify({ meetingId: 'm1', address: null, url: null, codes: CODES }));
    const store = await loadStore();
    expect(store.reissueCode('p-nobody')).toBeNull();
    expect(store.get().codes).toEqual(CODES);
    store.reissueCode('p-jana');
    expect(store.get().retired).toHaveLength(1);
    await store.disable();
    expect(store.get()).toMatchObject({ meetingId: null, codes: {}, retired: [] });
    expect(storage.has(KEY)).toBe(false);
  });

  it('reads a window saved before withdrawn codes existed', async () => {
    storage.set(KEY, JSON.stringify({ meetingId: 'm1', address: null, url: null, codes: CODES }));
    const store = await loadStore();
    expect(store.get()).toMatchObject({ meetingId: 'm1', codes: CODES, retired: [] });
  });
});
