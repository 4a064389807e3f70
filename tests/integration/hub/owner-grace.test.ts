// The hub outlives the app's window in browser mode: with no owner window for longer than the
// grace the phones see "paused" and nothing is taken; a reload within the grace changes
// nothing; an owner coming back resumes and gets the unacknowledged ballots; another meeting
// never inherits the LAN face of the last one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startHub, type HubHandle } from '../../../electron/hub/server';
import { Admin, Phone, http, pointsPoll, session, sleep } from './harness';

let dir = '';
let hub: HubHandle;
let admin: Admin;
let lan = 0;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'triada-hub-grace-'));
  hub = await startHub({ dataDir: dir, allowLoopback: true, formWaitMs: 300, ownerGraceMs: 300 });
  admin = await Admin.connect(hub.adminPort, hub.secret);
  await admin.req('setSession', { session: session(3) });
  lan = (await admin.req('start', { address: '127.0.0.1', port: 0 })).port;
  await admin.req('openPoll', { poll: pointsPoll() });
});

afterEach(async () => {
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

const upgradeStatus = (port: number) =>
  new Promise<number>((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`);
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_q, r) => resolve(r.statusCode ?? 0));
  });

it('pauses the phones when no app window is connected for the grace, resumes with the owner', async () => {
  const phone = new Phone(lan);
  await phone.join('CODE00');
  await phone.connect();
  void phone.vote('poll-p', { points: { a: 3 } }).catch(() => undefined);
  await expect.poll(() => admin.ballots.length).toBe(1);
  // A reload: the window is back well within the grace, nothing pauses.
  await admin.close();
  admin = await Admin.connect(hub.adminPort, hub.secret);
  await sleep(450);
  expect((await http(lan, 'GET', '/', { cookie: phone.cookie })).status).toBe(200);
  // The tab is closed: after the grace the phones see "paused" and can send nothing.
  await admin.close();
  await sleep(450);
  const page = await http(lan, 'GET', '/', { cookie: phone.cookie });
  expect(page.status).toBe(503);
  expect(page.body).toContain('Hlasování z telefonů je přerušené nebo skončilo');
  const en = await http(lan, 'GET', '/', { cookie: `${phone.cookie}; triada_lang=en` });
  expect(en.body).toContain('Phone voting is paused or has ended');
  expect(await upgradeStatus(lan)).toBe(503);
  const other = new Phone(lan);
  await other.join('CODE01');
  const form = await http(lan, 'POST', '/vote', {
    cookie: other.cookie,
    body: 'poll=poll-p&nonce=ABCDEFGHIJKLMNOPQRSTUV&p%3Ab=3',
  });
  expect(form.status).toBe(503);
  // The owner comes back: the unacknowledged ballot is delivered again, the phones vote again.
  admin = await Admin.connect(hub.adminPort, hub.secret);
  await expect.poll(() => admin.ballots.length).toBe(1);
  expect(admin.ballots[0]!.choice).toEqual({ points: { a: 3 } });
  expect((await http(lan, 'GET', '/', { cookie: phone.cookie })).status).toBe(200);
  expect(await upgradeStatus(lan)).toBe(101);
  phone.close();
});

it('another meeting does not inherit the LAN face of the last one', async () => {
  expect((await admin.req('status')).lan.running).toBe(true);
  await admin.req('setSession', { session: session(3) }); // the same meeting: kept
  expect((await admin.req('status')).lan.running).toBe(true);
  await admin.req('setSession', { session: { ...session(2), meetingId: 'meeting-2' } });
  expect((await admin.req('status')).lan.running).toBe(false);
  await expect(http(lan, 'GET', '/')).rejects.toThrow();
});
