import { describe, expect, it } from 'vitest';
import { isHeldBack } from './holdBack';
import { backoffDelay, checkServerUrl, classifyError, progressOf, syncServerSetting } from './live';

describe('server address', () => {
  it.each([
    ['https://couch.example.cz/', 'https://couch.example.cz'],
    ['  http://192.168.1.10:5984 ', 'http://192.168.1.10:5984'],
    ['https://example.cz/couchdb/', 'https://example.cz/couchdb'],
  ])('%s → %s', (raw, url) => expect(checkServerUrl(raw)).toEqual({ ok: true, url }));

  it.each([
    ['', 'empty'],
    ['couch.example.cz', 'invalid'],
    ['ftp://couch.example.cz', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['https://jana:heslo@couch.example.cz', 'credentials'],
    ['https://couch.example.cz/?a=1', 'query'],
  ])('refuses %j (%s)', (raw, problem) =>
    expect(checkServerUrl(raw)).toEqual({ ok: false, problem }),
  );

  it('remembers the server, the user and the bodies, never a password', () => {
    const ok = { url: 'https://c.example', username: 'jana', bodies: 'all', enabled: true };
    expect(syncServerSetting.safeParse(ok).success).toBe(true);
    expect(syncServerSetting.safeParse({ ...ok, password: 'x' }).success).toBe(false);
    expect(syncServerSetting.safeParse({ ...ok, url: 'https://c.example/' }).success).toBe(false);
  });
});

describe('errors and back-off', () => {
  it('classifies PouchDB errors', () => {
    expect(classifyError({ status: 401, name: 'unauthorized' })).toBe('auth');
    expect(classifyError({ status: 403 })).toBe('auth');
    expect(classifyError({ status: 500 })).toBe('server');
    expect(classifyError({ status: 404 })).toBe('server');
    expect(classifyError(new TypeError('fetch failed'))).toBe('offline');
    expect(classifyError({ status: 0 })).toBe('offline');
  });

  it('grows exponentially with jitter, within the cap', () => {
    const o = { baseMs: 1000, capMs: 60_000 };
    expect(backoffDelay(1, 0, o)).toBe(500);
    expect(backoffDelay(1, 0.999, o)).toBeLessThanOrEqual(1000);
    expect(backoffDelay(2, 0, o)).toBe(1000);
    expect(backoffDelay(4, 0, o)).toBe(4000);
    for (let n = 1; n < 100; n++) expect(backoffDelay(n, 0.99, o)).toBeLessThanOrEqual(60_000);
    expect(backoffDelay(50, 0, o)).toBe(30_000);
  });

  it('clamps progress', () => {
    expect(progressOf(5, 10)).toEqual({ done: 5, total: 10, percent: 50 });
    expect(progressOf(12, 10).percent).toBe(100);
    expect(progressOf(0, 0).percent).toBe(0);
  });
});

describe('held back while a secret poll is open', () => {
  const open = new Set(['p1']);
  const pollOf = (id: string) => ({ b1: 'p1', b2: 'p2' })[id];
  it('holds the poll, its ballots and ballots of unknown poll; nothing else', () => {
    expect(isHeldBack({ table: 'polls', id: 'p1', op: 'put' }, open, pollOf)).toBe(true);
    expect(isHeldBack({ table: 'polls', id: 'p2', op: 'put' }, open, pollOf)).toBe(false);
    expect(isHeldBack({ table: 'ballots', id: 'b1', op: 'put' }, open, pollOf)).toBe(true);
    expect(isHeldBack({ table: 'ballots', id: 'b2', op: 'put' }, open, pollOf)).toBe(false);
    expect(isHeldBack({ table: 'ballots', id: 'gone', op: 'delete' }, open, pollOf)).toBe(true);
    expect(isHeldBack({ table: 'people', id: 'x', op: 'put' }, open, pollOf)).toBe(false);
    expect(isHeldBack({ table: 'ballots', id: 'gone', op: 'delete' }, new Set(), pollOf)).toBe(
      false,
    );
  });
});
