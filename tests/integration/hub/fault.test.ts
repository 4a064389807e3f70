// The fault run of issue 13: the hub PROCESS is killed (SIGKILL) in the middle of a poll and
// started again on its journal; then 10,000 malformed, oversized and replayed messages.
// Zero double counts, zero lost acknowledged ballots, and the hub still answers.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubReadyMessage } from '../../../shared/hub/protocol';
import { Admin, Phone, http, nonce, pointsPoll, session, sleep } from './harness';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let dir = '';
let bundle = '';
const children: ChildProcess[] = [];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'triada-hub-fault-'));
  bundle = path.join(dir, 'hub.cjs');
  const built = spawnSync(
    process.execPath,
    [
      '-e',
      `import('./scripts/build-electron.mjs').then((m) => m.buildHub(${JSON.stringify(bundle)}))`,
    ],
    { cwd: root, encoding: 'utf8' },
  );
  expect(built.status, built.stderr).toBe(0);
});

afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function startProcess(): Promise<{ child: ChildProcess; ready: HubReadyMessage }> {
  const child = spawn(
    process.execPath,
    [bundle, '--data-dir', path.join(dir, 'data'), '--allow-loopback'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.includes('hub-ready'));
      if (line) resolve({ child, ready: JSON.parse(line) as HubReadyMessage });
    });
    child.once('exit', (code) => reject(new Error(`hub exited with ${code}`)));
  });
}

/** The app: stores each ballot id once, acks it (again) after that. Counts by voter. */
class Store {
  byId = new Map<string, string>();
  byVoter = new Map<string, number>();
  hold = false;
  held: string[] = [];
  attach(admin: Admin): void {
    admin.onBallot = (b) => {
      if (this.hold) return void this.held.push(b.id);
      if (!this.byId.has(b.id)) {
        this.byId.set(b.id, b.voterId!);
        this.byVoter.set(b.voterId!, (this.byVoter.get(b.voterId!) ?? 0) + 1);
      }
      admin.ack(b.id, { ok: true });
    };
  }
}

describe('fault run', () => {
  it('survives a killed hub process and 10,000 hostile messages without losing or doubling a ballot', async () => {
    const VOTERS = 30;
    let { child, ready } = await startProcess();
    let admin = await Admin.connect(ready.adminPort, ready.secret);
    const store = new Store();
    store.attach(admin);
    await admin.req('setSession', { session: session(VOTERS) });
    const { port } = await admin.req('start', { address: '127.0.0.1', port: 0 });
    await admin.req('openPoll', { poll: pointsPoll() });

    const phones: Phone[] = [];
    for (let i = 0; i < VOTERS; i += 1) {
      const p = new Phone(port);
      expect((await p.join(`CODE${String(i).padStart(2, '0')}`)).status).toBe(303);
      phones.push(await p.connect());
    }
    const stored = new Set<number>(); // phones told STORED
    const nonces: string[] = phones.map(() => nonce());
    const choice = (i: number) => ({ points: { a: i % 4, b: 3 - (i % 4) } });

    // 10 ballots stored and acknowledged before the crash.
    for (let i = 0; i < 10; i += 1) {
      const ack = await phones[i]!.vote('poll-p', choice(i), nonces[i]);
      expect(ack.code).toBe('STORED');
      stored.add(i);
    }
    // 10 more reach the hub, but the app holds them: unacknowledged when the hub dies.
    store.hold = true;
    for (let i = 10; i < 20; i += 1) {
      phones[i]!.ws.send(
        JSON.stringify({ t: 'ballot', pollId: 'poll-p', nonce: nonces[i], choice: choice(i) }),
      );
    }
    await expect.poll(() => store.held.length).toBe(10);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    phones.forEach((p) => p.close());

    // Restart on the same journal: same LAN port, same bindings, pending ballots kept.
    ({ child, ready } = await startProcess());
    store.hold = false;
    admin = await Admin.connect(ready.adminPort, ready.secret);
    store.attach(admin);
    const status = await admin.req('status');
    expect(status.lan).toMatchObject({ running: true, port });
    expect(status.joined).toHaveLength(VOTERS);
    await expect.poll(() => store.byId.size).toBe(20);

    for (const p of phones) await p.connect();
    // Resends with the same nonces get the same answer; the held ones are now STORED.
    for (let i = 0; i < 20; i += 1) {
      expect((await phones[i]!.vote('poll-p', choice(i), nonces[i])).code).toBe('STORED');
      stored.add(i);
    }
    for (let i = 20; i < VOTERS; i += 1) {
      expect((await phones[i]!.vote('poll-p', choice(i), nonces[i])).code).toBe('STORED');
      stored.add(i);
    }

    // 10,000 hostile messages over 20 sockets: malformed, oversized, binary, forged fields,
    // replays of the same nonce, second ballots with new nonces, unknown polls.
    const hostile = phones.slice(0, 20);
    const replies = hostile.map(() => 0);
    hostile.forEach((p, k) => p.ws.on('message', () => (replies[k] = replies[k]! + 1)));
    const kinds = [
      () => '{"t":"ballot"',
      () => 'x'.repeat(5000),
      () => Buffer.from([0, 1, 2]),
      (i: number) =>
        JSON.stringify({ t: 'ballot', pollId: 'poll-p', nonce: nonces[i], choice: choice(i) }),
      (i: number) =>
        JSON.stringify({ t: 'ballot', pollId: 'poll-p', nonce: nonce(), choice: choice(i) }),
      () => JSON.stringify({ t: 'ballot', pollId: 'nope', nonce: nonce(), choice: { points: {} } }),
      () =>
        JSON.stringify({
          t: 'ballot',
          pollId: 'poll-p',
          nonce: nonce(),
          choice: { points: {} },
          voterId: 'voter-29',
        }),
      () =>
        JSON.stringify({ t: 'ballot', pollId: 'poll-p', nonce: '../../', choice: { vote: 'yes' } }),
      () => JSON.stringify([1, 2, 3]),
      () => 'null',
    ];
    const per = 500;
    for (let n = 0; n < per; n += 1) {
      hostile.forEach((p, k) => p.ws.send(kinds[(n + k) % kinds.length]!(k)));
      if (n % 50 === 0) await sleep(5);
    }
    // Every message got exactly one answer (an error, a refusal or the first answer again).
    await expect
      .poll(() => replies.reduce((a, b) => a + b, 0), { timeout: 30_000 })
      .toBe(per * hostile.length);
    // And a burst of hostile HTTP.
    for (let i = 0; i < 50; i += 1) {
      await http(port, 'POST', '/vote', {
        body: `poll=poll-p&nonce=${nonce()}&p%3Aa=9`,
        cookie: phones[i % VOTERS]!.cookie!,
      });
    }

    // Zero double counts, zero lost acknowledged ballots.
    expect(store.byId.size).toBe(VOTERS);
    expect([...store.byVoter.values()].every((n) => n === 1)).toBe(true);
    expect(stored.size).toBe(VOTERS);
    // The hub still answers, on both faces.
    const after = await admin.req('status');
    expect(after.polls).toEqual([{ id: 'poll-p', open: true, stored: VOTERS, pending: 0 }]);
    expect((await http(port, 'GET', '/')).status).toBe(200);
    // The flood emptied this device's rate limit (burst 20, 5 per second): let it refill,
    // else the fresh vote is (rightly) refused as RATE_LIMITED and the test flakes.
    await sleep(1500);
    const fresh = await new Phone(port, phones[0]!.cookie).connect();
    expect((await fresh.vote('poll-p', choice(0), nonces[0])).code).toBe('STORED');
    fresh.close();
    phones.forEach((p) => p.close());
    child.kill('SIGTERM');
  });
});
