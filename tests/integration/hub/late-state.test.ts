// A phone whose page loaded before a change (a poll opened, the session turned anonymous) and
// whose WebSocket opened after it must still see the change: the page carries the state it was
// rendered for (data-state) and the phone script compares the socket's first state with it
// (client.js keyOf). Before, the first pushed state became the page's base unseen, and the
// phone waited on "Čekáme na hlasování" for ever (the flaky phone-voting e2e).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { HubToPhone } from '../../../shared/hub/protocol';
import { startHub, type HubHandle } from '../../../electron/hub/server';
import { phoneStateKey } from '../../../electron/hub/page';
import { Admin, Phone, deviceCookie, http, pointsPoll, session } from './harness';

type State = Extract<HubToPhone, { t: 'state' }>;

// The phone script's own key function, taken from the script the hub serves.
const script = readFileSync(path.join(__dirname, '../../../electron/hub/phone/client.js'), 'utf8');
const source = /function keyOf\(m\) \{[\s\S]*?\n {2}\}/.exec(script)![0];
const keyOf = new Function(`${source}; return keyOf;`)() as (m: State) => string;

let dir = '';
let hub: HubHandle;
let admin: Admin;
let lan = 0;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'triada-hub-late-'));
  hub = await startHub({ dataDir: dir, allowLoopback: true });
  admin = (await Admin.connect(hub.adminPort, hub.secret)).autoAck();
  await admin.req('setSession', { session: session(3) });
  lan = (await admin.req('start', { address: '127.0.0.1', port: 0 })).port;
});

afterEach(async () => {
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

const pageKey = (html: string) => /<main id="main" data-state="([^"]*)">/.exec(html)?.[1];

async function firstState(lan: number, cookie?: string): Promise<State> {
  const phone = await new Phone(lan, cookie).connect();
  await expect.poll(() => phone.states.length).toBeGreaterThan(0);
  phone.close();
  return phone.states[0]!;
}

it('a poll opened between the page load and the socket: the first state differs from the page', async () => {
  const joined = await http(lan, 'POST', '/join', { body: 'code=CODE01' });
  const cookie = deviceCookie(joined)!;
  const page = await http(lan, 'GET', '/', { cookie });
  expect(page.body).toContain('data-state=');
  // Nothing changed yet: the socket's state is the page's (no reload).
  expect(keyOf(await firstState(lan, cookie))).toBe(pageKey(page.body));
  // The race: the poll opens after the page was rendered, before the socket opens.
  await admin.req('openPoll', { poll: pointsPoll() });
  const state = await firstState(lan, cookie);
  expect(state.poll?.id).toBe('poll-p');
  expect(keyOf(state)).not.toBe(pageKey(page.body));
  expect(keyOf(state)).toBe(phoneStateKey(state));
});

it('the session turned anonymous between the join page and the socket: the phone reloads into it', async () => {
  // The public's phone loads while the members' session is still on: the join form.
  const page = await http(lan, 'GET', '/');
  expect(page.body).toContain('action="/join"');
  await admin.req('setSession', { session: session(0, 'anonymous') });
  await admin.req('openPoll', { poll: pointsPoll() });
  const state = await firstState(lan);
  expect(keyOf(state)).not.toBe(pageKey(page.body));
  // The reload gets a device and the poll.
  const again = await http(lan, 'GET', '/');
  expect(again.body).toContain('name="poll" value="poll-p"');
  const device = deviceCookie(again)!;
  expect(keyOf(await firstState(lan, device))).toBe(pageKey(again.body));
});
