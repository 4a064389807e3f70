import { describe, expect, it, vi } from 'vitest';
import { electronSecrets, sessionSecrets } from './secrets';

const account = { url: 'https://couch.example.cz', username: 'jana' };

describe('sync secrets in the renderer', () => {
  it('browser mode: memory only, per account, forgotten on request', async () => {
    const s = sessionSecrets();
    expect(await s.save(account, 'heslo')).toBe('session');
    expect(await s.load(account)).toEqual({ password: 'heslo' });
    expect(await s.load({ ...account, username: 'petr' })).toBeNull();
    await s.forget(account);
    expect(await s.load(account)).toBeNull();
  });

  it('Electron: main keeps it (safeStorage); without OS encryption it stays in memory', async () => {
    const stored = new Map<string, string>();
    let available = true;
    const api = {
      save: vi.fn(async (r: { url: string; username: string; password: string }) => {
        if (!available)
          return {
            ok: false as const,
            error: { code: 'SECRET_STORAGE_UNAVAILABLE' as const, message: '' },
          };
        stored.set(r.username, r.password);
        return { ok: true as const, value: null };
      }),
      load: vi.fn(async (r: { url: string; username: string }) => ({
        ok: true as const,
        value: { available, stored: stored.has(r.username) },
      })),
      forget: vi.fn(async (r: { url: string; username: string }) => {
        stored.delete(r.username);
        return { ok: true as const, value: null };
      }),
    };
    const s = electronSecrets(api);
    expect(await s.save(account, 'heslo')).toBe('os');
    expect(stored.get('jana')).toBe('heslo');
    // Kept by main: the page does not get it back (main adds it to sync requests).
    expect(await s.load(account)).toEqual({ password: null });
    available = false;
    const petr = { ...account, username: 'petr' };
    expect(await s.save(petr, 'jine')).toBe('session');
    expect(stored.has('petr')).toBe(false);
    expect(await s.load(petr)).toEqual({ password: 'jine' });
    await s.forget(petr);
    expect(await s.load(petr)).toBeNull();
  });
});
