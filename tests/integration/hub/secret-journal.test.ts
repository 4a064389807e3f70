// A secret ballot the app has acknowledged must not stay on disk next to its voter: after the
// ack no journal file holds a line with both the voter and the choice; a restarted hub still
// knows who voted (receipts) and loses or doubles nothing.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startHub, type HubHandle } from '../../../electron/hub/server';
import { Admin, Phone, pointsPoll, session } from './harness';

let dir = '';
let hub: HubHandle | null = null;

afterEach(async () => {
  await hub?.close();
  rmSync(dir, { recursive: true, force: true });
});

function diskLines(): string[] {
  return readdirSync(dir).flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n'));
}

async function boot(): Promise<{ admin: Admin; lan: number }> {
  hub = await startHub({ dataDir: dir, allowLoopback: true, formWaitMs: 1500 });
  const admin = await Admin.connect(hub.adminPort, hub.secret);
  const started = await admin.req('start', { address: '127.0.0.1', port: 0 });
  return { admin, lan: started.port };
}

it('after the ack of a secret ballot no file on disk pairs the voter with the choice', async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'triada-hub-secret-'));
  let { admin, lan } = await boot();
  expect(lan).toBeGreaterThan(0);
  await admin.req('setSession', { session: session(3) });
  await admin.req('openPoll', { poll: pointsPoll() });
  const phones = await Promise.all(
    ['CODE00', 'CODE01'].map(async (code) => {
      const p = new Phone(lan);
      await p.join(code);
      return p.connect();
    }),
  );
  const first = phones[0]!.vote('poll-p', { points: { a: 3 } });
  await expect.poll(() => admin.ballots.length).toBe(1);
  // Not yet acknowledged: the voter is kept so the ballot can be delivered again.
  expect(diskLines().some((l) => l.includes('voter-0') && l.includes('"points"'))).toBe(true);
  admin.ack(admin.ballots[0]!.id);
  expect((await first).code).toBe('STORED');
  // Rewritten within 100 ms of the ack (the new file is synced off the event loop first).
  await expect
    .poll(() => diskLines().filter((l) => l.includes('voter-0') && l.includes('"points"')))
    .toEqual([]);
  expect(diskLines().some((l) => l.includes('"a":3'))).toBe(false);

  // A second ballot stays unanswered; the hub is restarted: it is delivered again, once.
  void phones[1]!.vote('poll-p', { points: { b: 2, c: 1 } }).catch(() => undefined);
  await expect.poll(() => admin.ballots.length).toBe(2);
  for (const p of phones) p.close();
  await admin.close();
  await hub!.close();
  hub = null;
  ({ admin, lan } = await boot());
  expect(lan).toBeGreaterThan(0);
  await expect.poll(() => admin.ballots.length).toBe(1);
  expect(admin.ballots[0]).toMatchObject({
    voterId: 'voter-1',
    choice: { points: { b: 2, c: 1 } },
  });
  admin.ack(admin.ballots[0]!.id);
  await expect
    .poll(() => diskLines().filter((l) => l.includes('voter-1') && l.includes('"points"')))
    .toEqual([]);
  const status = await admin.req('status');
  expect(status.polls).toEqual([{ id: 'poll-p', open: true, stored: 2, pending: 0 }]);
  await admin.close();
});
