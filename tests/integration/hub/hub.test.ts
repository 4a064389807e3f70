// The voting hub over real sockets on 127.0.0.1 (started in-process): the admin face, the
// phone face over WebSocket and over plain forms, cookie binding, refusals, and a reload of
// the app window in the middle of a poll.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_WS_PATH, MAX_PHONE_MESSAGE_BYTES } from '../../../shared/hub/protocol';
import { startHub, type HubHandle } from '../../../electron/hub/server';
import {
  Admin,
  Phone,
  deviceCookie,
  http,
  nonce,
  once,
  pointsPoll,
  session,
  sleep,
  yesNo,
} from './harness';

let dir = '';
let hub: HubHandle;
let admin: Admin;
let lan = 0;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'triada-hub-'));
  hub = await startHub({ dataDir: dir, allowLoopback: true, formWaitMs: 1500 });
  admin = await Admin.connect(hub.adminPort, hub.secret);
  await admin.req('setSession', { session: session(5) });
  const started = await admin.req('start', { address: '127.0.0.1', port: 0 });
  lan = started.port;
  expect(started.url).toBe(`http://127.0.0.1:${lan}/`);
});

afterEach(async () => {
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

async function joined(code = 'CODE00'): Promise<Phone> {
  const phone = new Phone(lan);
  expect((await phone.join(code)).status).toBe(303);
  return phone.connect();
}

describe('admin face', () => {
  it('refuses a connection without the per-start secret', async () => {
    for (const headers of [{}, { 'x-triada-hub-secret': 'wrong' }]) {
      const ws = new WebSocket(`ws://127.0.0.1:${hub.adminPort}${ADMIN_WS_PATH}`, { headers });
      const status = await new Promise<number>((resolve) =>
        ws.on('unexpected-response', (_q, r) => resolve(r.statusCode ?? 0)),
      );
      expect(status).toBe(401);
    }
  });

  it('lists interfaces and refuses an address that is not one of them', async () => {
    const list = await admin.req('interfaces');
    expect(list.map((i) => i.address)).toContain('127.0.0.1');
    await expect(admin.req('start', { address: '10.254.254.254' })).rejects.toMatchObject({
      code: 'UNKNOWN_ADDRESS',
    });
  });

  it('refuses an invalid poll definition', async () => {
    const bad = {
      ...pointsPoll(),
      definition: { method: 'points', options: ['a', 'a'], pointsPerVoter: 3 },
    };
    await expect(admin.req('openPoll', { poll: bad })).rejects.toMatchObject({
      code: 'INVALID_POLL',
    });
  });

  it('is not reachable from the LAN face', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${lan}${ADMIN_WS_PATH}`);
    const status = await new Promise<number>((resolve) =>
      ws.on('unexpected-response', (_q, r) => resolve(r.statusCode ?? 0)),
    );
    expect(status).toBe(404);
  });
});

describe('phones over WebSocket', () => {
  it('stores a ballot only after the app acknowledged it; a resend gets the same answer', async () => {
    await admin.req('openPoll', { poll: yesNo() });
    const phone = await joined();
    const n = nonce();
    const ack = phone.vote('poll-1', { vote: 'yes' }, n);
    await expect.poll(() => admin.ballots.length).toBe(1);
    expect(admin.ballots[0]).toMatchObject({
      pollId: 'poll-1',
      voterId: 'voter-0',
      choice: { vote: 'yes' },
    });
    await sleep(50);
    admin.ack(admin.ballots[0]!.id);
    expect((await ack).code).toBe('STORED');
    expect((await ack).text).toBe('Děkujeme, váš hlas je uložen.');
    // Same nonce: same answer, nothing new for the app.
    expect((await phone.vote('poll-1', { vote: 'yes' }, n)).code).toBe('STORED');
    // Another ballot: refused in words.
    const again = await phone.vote('poll-1', { vote: 'no' });
    expect(again).toMatchObject({ code: 'ALREADY_VOTED', text: 'Už jste hlasoval(a).' });
    await sleep(50);
    expect(admin.ballots).toHaveLength(1);
    const status = await admin.req('status');
    expect(status.polls).toEqual([{ id: 'poll-1', open: true, stored: 1, pending: 0 }]);
    expect(status.joined).toEqual(['voter-0']);
    phone.close();
  });

  it('refuses closed and unknown polls, invalid options, oversized and malformed messages', async () => {
    admin.autoAck();
    await admin.req('openPoll', { poll: pointsPoll() });
    const phone = await joined();
    const bad = await phone.vote('poll-p', { points: { a: 2, z: 1 } });
    expect(bad.code).toBe('INVALID_BALLOT');
    expect(bad.text).toContain('Vybraná možnost v tomto hlasování není');
    const over = await phone.vote('poll-p', { points: { a: 3, b: 1 } });
    expect(over.text).toContain('Rozdělil(a) jste 4 body, můžete nejvýše 3.');
    expect((await phone.vote('nope', { points: { a: 1 } })).code).toBe('UNKNOWN_POLL');
    await admin.req('closePoll', { pollId: 'poll-p' });
    expect((await phone.vote('poll-p', { points: { a: 1 } })).code).toBe('POLL_CLOSED');
    phone.ws.send('x'.repeat(MAX_PHONE_MESSAGE_BYTES + 1));
    phone.ws.send('{not json');
    phone.ws.send(
      JSON.stringify({
        t: 'ballot',
        pollId: 'poll-p',
        nonce: nonce(),
        choice: { points: {} },
        voterId: 'voter-3',
      }),
    );
    await expect.poll(() => phone.errors).toEqual(['TOO_LARGE', 'MALFORMED', 'MALFORMED']);
    expect(admin.ballots).toHaveLength(0);
    phone.close();
  });

  it('rate-limits a flooding phone and keeps answering the others', async () => {
    await admin.req('openPoll', { poll: yesNo() });
    admin.autoAck();
    const flood = await joined('CODE01');
    for (let i = 0; i < 200; i += 1) flood.ws.send(JSON.stringify({ t: 'sync' }));
    await expect
      .poll(() => flood.errors.filter((e) => e === 'RATE_LIMITED').length)
      .toBeGreaterThan(100);
    const calm = await joined('CODE02');
    expect((await calm.vote('poll-1', { vote: 'no' })).code).toBe('STORED');
    flood.close();
    calm.close();
  });

  it('the personal QR link fills in the join code; anything else in the link is ignored', async () => {
    const filled = await http(lan, 'GET', '/?code=kx4-hq7');
    expect(filled.body).toContain('name="code" value="KX4HQ7"');
    for (const bad of ['/?code=%22%3E%3Cscript%3E', '/?code=ab', '/']) {
      const page = await http(lan, 'GET', bad);
      expect(page.status).toBe(200);
      expect(page.body).not.toContain('name="code" value=');
      expect(page.body).not.toContain('<script>');
    }
  });

  it('phones without a join code cannot vote; the state says so', async () => {
    await admin.req('openPoll', { poll: yesNo() });
    const stranger = await new Phone(lan).connect();
    expect((await stranger.vote('poll-1', { vote: 'yes' })).code).toBe('NOT_JOINED');
    expect(stranger.states[0]).toMatchObject({ joined: false, mode: 'members' });
    stranger.close();
  });

  it('the app can refuse a ballot (voted at the kiosk meanwhile): the phone is told', async () => {
    await admin.req('openPoll', { poll: yesNo() });
    admin.autoAck(() => ({ ok: false, code: 'ALREADY_VOTED' }));
    const phone = await joined();
    expect((await phone.vote('poll-1', { vote: 'yes' })).code).toBe('ALREADY_VOTED');
    expect((await phone.vote('poll-1', { vote: 'no' })).code).toBe('ALREADY_VOTED');
    phone.close();
  });

  it('a reload of the app window loses no ballot and counts none twice', async () => {
    await admin.req('openPoll', { poll: yesNo() });
    const phones = await Promise.all(['CODE00', 'CODE01', 'CODE02'].map(joined));
    const acks = phones.map((p) => p.vote('poll-1', { vote: 'yes' }));
    await expect.poll(() => admin.ballots.length).toBe(3);
    const first = admin.ballots.map((b) => b.id).sort();
    admin.ack(admin.ballots[0]!.id); // one stored before the reload
    await sleep(50);
    await admin.close(); // the window reloads
    const again = await Admin.connect(hub.adminPort, hub.secret);
    await expect.poll(() => again.ballots.length).toBe(2);
    expect(again.ballots.map((b) => b.id).every((id) => first.includes(id))).toBe(true);
    expect(again.ballots.map((b) => b.id)).not.toContain(admin.ballots[0]!.id);
    for (const b of again.ballots) again.ack(b.id);
    expect((await Promise.all(acks)).map((a) => a.code)).toEqual(['STORED', 'STORED', 'STORED']);
    expect((await again.req('status')).polls[0]).toMatchObject({ stored: 3, pending: 0 });
    phones.forEach((p) => p.close());
    await again.close();
  });
});

describe('join codes and cookies', () => {
  it('binds a code to one device; a second device is refused', async () => {
    const a = new Phone(lan);
    const res = await a.join('code 00');
    expect(res.status).toBe(303);
    expect(String(res.headers['set-cookie'])).toMatch(
      /triada_dev=[\w-]+; Path=\/; HttpOnly; SameSite=Strict/,
    );
    expect((await a.join('CODE00')).status).toBe(303); // the same phone again: fine
    const b = new Phone(lan);
    const refused = await b.join('CODE00');
    expect(refused.status).toBe(409);
    expect(refused.body).toContain('Tento kód už používá jiný telefon');
    expect(deviceCookie(refused)).toBeUndefined();
    // One phone, one code.
    expect((await a.join('CODE01')).body).toContain(
      'Tento telefon už je přihlášen pod jiným kódem.',
    );
    // Unknown codes: guessing is rate-limited per address.
    const tries = [];
    for (let i = 0; i < 12; i += 1) tries.push((await new Phone(lan).join(`ZZZZ${i}`)).status);
    expect(tries.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(tries.at(-1)).toBe(429);
  });

  it('a new meeting makes old join codes and cookies useless', async () => {
    const a = new Phone(lan);
    await a.join('CODE00');
    await admin.req('setSession', { session: { ...session(5), meetingId: 'meeting-2' } });
    // Another meeting stops the LAN face; the facilitator starts it again.
    expect((await admin.req('status')).lan.running).toBe(false);
    await admin.req('start', { address: '127.0.0.1', port: lan });
    await admin.req('openPoll', { poll: yesNo() });
    await a.connect();
    expect((await a.vote('poll-1', { vote: 'yes' })).code).toBe('NOT_JOINED');
    a.close();
  });

  it('anonymous mode: one vote per device, the device cookie comes with the first page', async () => {
    await admin.req('setSession', { session: session(0, 'anonymous') });
    await admin.req('openPoll', { poll: yesNo('anon') });
    admin.autoAck();
    const page = await http(lan, 'GET', '/');
    expect(page.body).toContain('Anonymní veřejné hlasování');
    const phone = await new Phone(lan, deviceCookie(page)).connect();
    expect((await phone.vote('anon', { vote: 'yes' })).code).toBe('STORED');
    expect((await phone.vote('anon', { vote: 'no' })).code).toBe('ALREADY_VOTED');
    expect(admin.ballots[0]).not.toHaveProperty('voterId');
    phone.close();
  });

  it('refuses a WebSocket from another origin', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${lan}/ws`, {
      headers: { Origin: 'http://evil.example' },
    });
    const status = await new Promise<number>((resolve) =>
      ws.on('unexpected-response', (_q, r) => resolve(r.statusCode ?? 0)),
    );
    expect(status).toBe(403);
  });
});

describe('phones without JavaScript (plain form POST)', () => {
  async function formPhone(code: string) {
    const join = await http(lan, 'POST', '/join', { body: `code=${code}` });
    const cookie = deviceCookie(join)!;
    const page = await http(lan, 'GET', '/', { cookie });
    const n = /name="nonce" value="([\w-]+)"/.exec(page.body)?.[1];
    return { cookie, page, nonce: n! };
  }

  it('votes with a form, sees the answer, and a resubmitted form is not counted twice', async () => {
    await admin.req('openPoll', { poll: pointsPoll() });
    admin.autoAck();
    const { cookie, page, nonce: n } = await formPhone('CODE03');
    expect(page.body).toContain('<form method="post" action="/vote"');
    expect(page.body).toContain('Hlasujete jako <strong>Člen 3</strong>');
    expect(page.body).toContain('Rozdělte 3 body mezi možnosti.');
    const body = `poll=poll-p&nonce=${n}&p%3Aa=2&p%3Ab=1&p%3Ac=0`;
    const res = await http(lan, 'POST', '/vote', { cookie, body });
    // POST/Redirect/GET: the answer is a page of its own, naming the poll.
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/receipt?poll=poll-p&nonce=${n}`);
    const shown = await http(lan, 'GET', res.headers.location as string, { cookie });
    expect(shown.status).toBe(200);
    expect(shown.body).toContain('Děkujeme. Váš hlas v hlasování „Priority“ je uložen.');
    expect(admin.ballots).toEqual([
      expect.objectContaining({ voterId: 'voter-3', choice: { points: { a: 2, b: 1 } } }),
    ]);
    const resend = await http(lan, 'POST', '/vote', { cookie, body });
    expect(resend.headers.location).toBe(res.headers.location);
    const other = await http(lan, 'POST', '/vote', { cookie, body: body.replace(n, `${n}x`) });
    expect(other.status).toBe(303);
    const otherPage = await http(lan, 'GET', other.headers.location as string, { cookie });
    expect(otherPage.body).toContain('V hlasování „Priority“ jste už hlasoval(a).');
    expect(admin.ballots).toHaveLength(1);
    const after = await http(lan, 'GET', '/', { cookie });
    expect(after.body).toContain('Už jste hlasoval(a).');
  });

  it('explains an invalid ballot in Czech (or English) and keeps the form', async () => {
    await admin.req('openPoll', { poll: pointsPoll() });
    const { cookie, nonce: n } = await formPhone('CODE04');
    const body = `poll=poll-p&nonce=${n}&p%3Aa=3&p%3Ab=3`;
    const cs = await http(lan, 'POST', '/vote', { cookie, body });
    expect(cs.status).toBe(400);
    expect(cs.body).toContain('Rozdělil(a) jste 6 bodů, můžete nejvýše 3.');
    expect(cs.body).toContain('<form method="post" action="/vote"');
    const en = await http(lan, 'POST', '/vote', { cookie: `${cookie}; triada_lang=en`, body });
    expect(en.body).toContain('You gave 6 points; the most is 3.');
    expect(en.body).toContain('<html lang="en">');
  });

  it('when the app is slow, the phone gets a waiting page that later shows the answer', async () => {
    await admin.req('openPoll', { poll: yesNo() });
    const { cookie, nonce: n } = await formPhone('CODE02');
    const res = await http(lan, 'POST', '/vote', {
      cookie,
      body: `poll=poll-1&nonce=${n}&vote=no`,
    });
    expect(res.status).toBe(303);
    const waiting = await http(lan, 'GET', res.headers.location as string, { cookie });
    expect(waiting.status).toBe(202);
    expect(waiting.body).toContain(
      'Hlas v hlasování „Schválení zápisu“ je odeslán a čeká na uložení',
    );
    // The waiting page reloads itself, with the script too (no state change would tell it).
    expect(waiting.body).not.toContain('<noscript><meta http-equiv="refresh"');
    const receipt = /url=([^"]+)"/.exec(waiting.body)![1]!.replace(/&amp;/g, '&');
    expect(receipt).toBe(res.headers.location);
    admin.ack(admin.ballots[0]!.id);
    await sleep(50);
    expect((await http(lan, 'GET', receipt, { cookie })).body).toContain(
      'Děkujeme. Váš hlas v hlasování „Schválení zápisu“ je uložen.',
    );
  });

  it('refuses an oversized form and a cross-site form', async () => {
    await admin.req('openPoll', { poll: yesNo() });
    const { cookie, nonce: n } = await formPhone('CODE01');
    const big = await http(lan, 'POST', '/vote', {
      cookie,
      body: `poll=poll-1&nonce=${n}&x=${'a'.repeat(5000)}`,
    });
    expect(big.status).toBe(413);
    const csrf = await http(lan, 'POST', '/vote', {
      cookie,
      body: `poll=poll-1&nonce=${n}&vote=yes`,
      headers: { Origin: 'http://evil.example' },
    });
    expect(csrf.status).toBe(403);
    expect(admin.ballots).toHaveLength(0);
  });

  it('serves a small page with a strict CSP and the English toggle', async () => {
    const page = await http(lan, 'GET', '/');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("form-action 'self'");
    // With no-referrer, browsers send "Origin: null" on the page's own forms (refused).
    expect(page.headers['referrer-policy']).toBe('same-origin');
    expect(page.body).toContain('<html lang="cs">');
    const toggle = await http(lan, 'GET', '/lang?l=en');
    expect(toggle.status).toBe(303);
    expect(String(toggle.headers['set-cookie'])).toContain('triada_lang=en');
    const js = await http(lan, 'GET', '/app.js');
    const css = await http(lan, 'GET', '/app.css');
    const total =
      Buffer.byteLength(page.body) + Buffer.byteLength(js.body) + Buffer.byteLength(css.body);
    expect(total).toBeLessThan(30 * 1024);
    expect(js.body).not.toMatch(/crypto\.subtle|randomUUID/);
  });
});

describe('status', () => {
  it('pushes joined members, devices and ballot counts to the app', async () => {
    await admin.req('openPoll', { poll: yesNo() });
    admin.autoAck();
    const p = await joined('CODE04');
    await p.vote('poll-1', { vote: 'abstain' });
    await expect
      .poll(() => admin.statuses.at(-1))
      .toMatchObject({
        joined: ['voter-4'],
        devices: 1,
        connected: 1,
        ownerConnected: true,
        polls: [{ stored: 1 }],
      });
    p.close();
    const ws = new WebSocket(`ws://127.0.0.1:${lan}/ws`);
    await once(ws, () => true);
    ws.close();
  });
});
