// "New code" at the desk over real sockets: a member's phone lost its login (cookie gone), her
// code is held by that lost device, so the app replaces her code in the session of the same
// meeting. The old device is signed out, the new code joins a new device, and a ballot she
// already cast (stored or still waiting for the app) stays her only one in that poll.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HubSession } from '../../../shared/hub/protocol';
import { startHub, type HubHandle } from '../../../electron/hub/server';
import { Admin, Phone, http, session, sleep, yesNo } from './harness';

let dir = '';
let hub: HubHandle;
let admin: Admin;
let lan = 0;

/** The session of meeting-1 with voter-0's code replaced, as PhoneVotingHost sends it. */
function reissued(code: string): HubSession {
  const s = session(3);
  return {
    ...s,
    joinCodes: s.joinCodes.map((j) => (j.voterId === 'voter-0' ? { ...j, code } : j)),
  };
}

async function joined(code: string): Promise<Phone> {
  const phone = new Phone(lan);
  expect((await phone.join(code)).status).toBe(303);
  return phone.connect();
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'triada-hub-reissue-'));
  hub = await startHub({ dataDir: dir, allowLoopback: true, formWaitMs: 1500 });
  admin = await Admin.connect(hub.adminPort, hub.secret);
  await admin.req('setSession', { session: session(3) });
  lan = (await admin.req('start', { address: '127.0.0.1', port: 0 })).port;
});

afterEach(async () => {
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a new code for a member whose phone lost its login', () => {
  it('signs the old phone out, joins the new one, and refuses a second ballot in the same poll', async () => {
    admin.autoAck();
    await admin.req('openPoll', { poll: yesNo() });
    const lost = await joined('CODE00');
    const other = await joined('CODE01');
    expect((await lost.vote('poll-1', { vote: 'yes' })).code).toBe('STORED');

    // Her phone forgot its cookie: her own code is now refused.
    const fresh = new Phone(lan);
    const refused = await fresh.join('CODE00');
    expect(refused.status).toBe(409);
    expect(refused.body).toContain('Tento kód už používá jiný telefon');

    // The desk issues a new code: the same meeting's session without the old one.
    await admin.req('setSession', { session: reissued('NEWC0D') });

    // The old phone is told it is no longer joined (and its page reloads to the join form).
    await expect.poll(() => lost.states.at(-1)?.joined).toBe(false);
    const oldPage = await http(lan, 'GET', '/', { cookie: lost.cookie! });
    expect(oldPage.body).toContain('action="/join"');
    expect(oldPage.body).not.toContain('Člen 0');
    // The withdrawn code joins nobody any more.
    expect((await new Phone(lan).join('CODE00')).status).toBe(400);

    // The new code joins the new device, as the same member, who has voted already.
    expect((await fresh.join('NEWC0D')).status).toBe(303);
    await fresh.connect();
    await expect.poll(() => fresh.states.at(-1)).toMatchObject({ joined: true, voted: true });
    expect((await http(lan, 'GET', '/', { cookie: fresh.cookie! })).body).toContain('Člen 0');
    const second = await fresh.vote('poll-1', { vote: 'no' });
    expect(second).toMatchObject({ code: 'ALREADY_VOTED', text: 'Už jste hlasoval(a).' });
    // The old device cannot vote either (it is nobody now).
    expect((await lost.vote('poll-1', { vote: 'no' })).code).toBe('NOT_JOINED');
    await sleep(50);
    expect(admin.ballots).toHaveLength(1);
    expect(admin.ballots[0]).toMatchObject({ voterId: 'voter-0', choice: { vote: 'yes' } });

    // Other members keep their phones; the member counts once among the joined.
    await expect.poll(() => other.states.at(-1)?.joined).toBe(true);
    const status = await admin.req('status');
    expect(status.joined).toEqual(['voter-0', 'voter-1']);
    expect(status.devices).toBe(2);
    expect(status.polls).toEqual([{ id: 'poll-1', open: true, stored: 1, pending: 0 }]);

    // In the next poll the new phone votes for her.
    await admin.req('closePoll', { pollId: 'poll-1' });
    await admin.req('openPoll', { poll: yesNo('poll-2') });
    expect((await fresh.vote('poll-2', { vote: 'abstain' })).code).toBe('STORED');
    expect(admin.ballots.at(-1)).toMatchObject({ pollId: 'poll-2', voterId: 'voter-0' });
    for (const p of [lost, other, fresh]) p.close();
  });

  it('a ballot still waiting for the app when the code is replaced stays her only one', async () => {
    await admin.req('openPoll', { poll: yesNo() });
    const lost = await joined('CODE00');
    const waiting = lost.vote('poll-1', { vote: 'yes' });
    await expect.poll(() => admin.ballots.length).toBe(1);

    await admin.req('setSession', { session: reissued('NEWC0D') });
    const fresh = await joined('NEWC0D');
    expect((await fresh.vote('poll-1', { vote: 'no' })).code).toBe('ALREADY_VOTED');

    // The app stores the first ballot; nothing else arrived.
    admin.ack(admin.ballots[0]!.id);
    expect((await waiting).code).toBe('STORED');
    await sleep(50);
    expect(admin.ballots).toHaveLength(1);
    expect((await fresh.vote('poll-1', { vote: 'no' })).code).toBe('ALREADY_VOTED');
    lost.close();
    fresh.close();
  });

  it('a hub restarted from its journal keeps the old phone signed out and the new one in', async () => {
    admin.autoAck();
    await admin.req('openPoll', { poll: yesNo() });
    const lost = await joined('CODE00');
    expect((await lost.vote('poll-1', { vote: 'yes' })).code).toBe('STORED');
    await admin.req('setSession', { session: reissued('NEWC0D') });
    const fresh = await joined('NEWC0D');
    lost.close();
    fresh.close();

    await hub.close();
    hub = await startHub({ dataDir: dir, allowLoopback: true, formWaitMs: 1500 });
    admin = await Admin.connect(hub.adminPort, hub.secret);
    admin.autoAck();
    lan = (await admin.req('start', { address: '127.0.0.1', port: 0 })).port;
    const again = await new Phone(lan, fresh.cookie).connect();
    await expect.poll(() => again.states.at(-1)).toMatchObject({ joined: true, voted: true });
    expect((await again.vote('poll-1', { vote: 'no' })).code).toBe('ALREADY_VOTED');
    const old = await new Phone(lan, lost.cookie).connect();
    await expect.poll(() => old.states.at(-1)?.joined).toBe(false);
    expect((await admin.req('status')).joined).toEqual(['voter-0']);
    again.close();
    old.close();
  });
});
