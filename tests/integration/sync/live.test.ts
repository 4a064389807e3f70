// Live sync (renderer/src/db/sync/live.ts) against express-pouchdb on 127.0.0.1: two laptops
// on fake-indexeddb, each with its own loop; the server stopped and restarted; a wrong password.
import { afterEach, describe, expect, it } from 'vitest';
import type { LiveState } from '@shared/sync/live';
import { saveDiscussion } from '../../../renderer/src/db/meetings/agenda';
import { markAttendance } from '../../../renderer/src/db/meetings/attendance';
import { createPerson } from '../../../renderer/src/db/people/people';
import { LiveSync } from '../../../renderer/src/db/sync/live';
import {
  closeLaptop,
  laptop,
  remotePouch,
  startServer,
  syncedData,
  type Laptop,
  type TestServer,
} from './helpers';
import { prepareMeeting } from './scenario';

const AUTH = { username: 'jana', password: 'tajne-heslo' };
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  watched.length = 0;
});

async function server(): Promise<TestServer> {
  const s = await startServer({ auth: AUTH });
  cleanup.push(() => s.close());
  return s;
}

async function device(name: string): Promise<Laptop> {
  const l = await laptop(name);
  cleanup.push(() => closeLaptop(l));
  return l;
}

function live(l: Laptop, s: TestServer, password = AUTH.password) {
  const states: LiveState[] = [];
  const sync = new LiveSync({
    db: l.db,
    replica: l.pouch,
    openRemote: (name) => remotePouch(`${s.url}/${name}`, { ...AUTH, password }),
    bodies: 'all',
    serverName: 'server',
    firstSync: true,
    idleMs: 40,
    backoff: { baseMs: 100, capMs: 800 },
    random: () => 0.5,
  });
  sync.subscribe((st) => states.push(st));
  watched.push({ name: l.name, sync, states });
  sync.start();
  cleanup.push(() => sync.stop());
  return { sync, states };
}

const watched: { name: string; sync: LiveSync; states: LiveState[] }[] = [];
async function until(what: () => Promise<boolean> | boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await what())) {
    if (Date.now() > end) {
      for (const w of watched)
        console.log(w.name, w.sync.rounds, JSON.stringify(w.states.slice(-4)));
      throw new Error(`timed out: ${what.toString().slice(0, 120)}`);
    }
    await new Promise((ok) => setTimeout(ok, 20));
  }
}

const same = async (a: Laptop, b: Laptop) =>
  JSON.stringify(await syncedData(a.db)) === JSON.stringify(await syncedData(b.db));

describe('live sync with a CouchDB server', { timeout: 180_000 }, () => {
  it('propagates changes both ways within the loop, with first-sync progress, then idles', async () => {
    const s = await server();
    const [a, b] = [await device('Jana'), await device('Petr')];
    const base = await prepareMeeting(a);
    const la = live(a, s);
    await until(() => la.sync.state.kind === 'upToDate');
    const lb = live(b, s);
    await until(async () => !!(await b.db.meetings.get(base.meetingId)));
    await until(() => la.sync.state.kind === 'upToDate' && lb.sync.state.kind === 'upToDate');
    const progress = lb.states.filter((x) => x.kind === 'firstSync');
    expect(progress.some((x) => x.kind === 'firstSync' && x.total > 0 && x.done > 0)).toBe(true);
    // The minute-taker on B, the facilitator on A, while both loops run.
    await saveDiscussion(b.db, base.itemId, 'Diskuse z druhého notebooku.');
    await markAttendance(a.db, {
      meetingId: base.meetingId,
      personId: base.members[0]!,
      status: 'present',
    });
    await until(
      async () =>
        (await a.db.agendaItems.get(base.itemId))?.discussion?.includes('druhého') === true,
    );
    await until(async () => (await b.db.attendance.count()) === 1);
    await until(() => same(a, b));
    expect(await a.db.table('outbox').count()).toBe(0);
    // Later states are "syncing"/"up to date", not first sync again.
    expect(la.states.at(-1)?.kind).toMatch(/upToDate|syncing/);
    // Idle: nothing to do means no new rounds.
    await until(() => la.sync.state.kind === 'upToDate' && lb.sync.state.kind === 'upToDate');
    const rounds = la.sync.rounds;
    await new Promise((ok) => setTimeout(ok, 300));
    expect(la.sync.rounds - rounds).toBeLessThanOrEqual(1);
  });

  it('server stopped mid-sync: retrying with back-off; restarted: catches up, nothing lost or doubled', async () => {
    const s = await server();
    const [a, b] = [await device('Jana'), await device('Petr')];
    const base = await prepareMeeting(a);
    const la = live(a, s);
    const lb = live(b, s);
    await until(async () => !!(await b.db.meetings.get(base.meetingId)));
    // 100 people on A start travelling, and the server goes away in the middle of it.
    for (let i = 0; i < 100; i++)
      await createPerson(a.db, { firstName: 'Jana', lastName: `Nová ${i + 1}`, triadRole: 'user' });
    await new Promise((ok) => setTimeout(ok, 30));
    await s.stop();
    for (let i = 0; i < 20; i++)
      await createPerson(b.db, { firstName: 'Petr', lastName: `Nový ${i + 1}`, triadRole: 'user' });
    await until(() => la.sync.failures >= 3 && lb.sync.failures >= 3).catch((e) => {
      console.log(la.states.slice(-5), lb.states.slice(-5));
      throw e;
    });
    const retries = la.states.filter((x) => x.kind === 'retrying');
    expect(retries.every((x) => x.kind === 'retrying' && x.error === 'offline')).toBe(true);
    // Waits grow and stay under the cap (jitter is fixed at 0.5 here: 75 %).
    const waits = retries.map((x) => (x.kind === 'retrying' ? x.failures : 0));
    expect(waits.slice(0, 3)).toEqual([1, 2, 3]);
    await s.restart();
    await until(async () => (await syncedData(b.db)).people!.length === 3 + 1 + 100 + 20);
    await until(async () => (await syncedData(a.db)).people!.length === 3 + 1 + 100 + 20);
    await until(() => same(a, b));
    const people = (await syncedData(a.db)).people as { lastName: string }[];
    expect(new Set(people.map((p) => p.lastName)).size).toBe(people.length - 0);
    await until(() => la.sync.state.kind === 'upToDate' && lb.sync.state.kind === 'upToDate');
    expect(la.sync.failures).toBe(0);
  });

  it('a wrong password: auth error, and no retry storm', async () => {
    const s = await server();
    const a = await device('Jana');
    await prepareMeeting(a);
    const la = live(a, s, 'spatne');
    await until(() => la.sync.state.kind === 'authError');
    const requests = s.requests();
    await new Promise((ok) => setTimeout(ok, 1_000));
    expect(s.requests()).toBe(requests);
    expect(la.states.some((x) => x.kind === 'retrying')).toBe(false);
  });
});
