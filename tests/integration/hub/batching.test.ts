// Ballots that reach the hub together are journaled with one write and forwarded to the app
// in one `ballots` message, and the app's one `acks` message answers them all; still nothing
// leaves the hub before it is on disk: when the app sees a ballot, its journal line is in the
// file, and when a phone hears STORED, the ack's line is.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { HubBallot, HubToAdmin } from '../../../shared/hub/protocol';
import { startHub, type HubHandle } from '../../../electron/hub/server';
import { Admin, Phone, session, yesNo } from './harness';

const N = 12;
let dir = '';
let hub: HubHandle;
let admin: Admin;
let lan = 0;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'triada-hub-batch-'));
  hub = await startHub({ dataDir: dir, allowLoopback: true });
  admin = await Admin.connect(hub.adminPort, hub.secret);
  await admin.req('setSession', { session: session(N) });
  lan = (await admin.req('start', { address: '127.0.0.1', port: 0 })).port;
});

afterEach(async () => {
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

const journal = () => readFileSync(path.join(dir, 'hub-journal.jsonl'), 'utf8');

it('forwards ballots that arrived together in one message, each on disk before it leaves', async () => {
  await admin.req('openPoll', { poll: yesNo() });
  const phones = await Promise.all(
    Array.from({ length: N }, async (_, i) => {
      const p = new Phone(lan);
      await p.join(`CODE${String(i).padStart(2, '0')}`);
      return p.connect();
    }),
  );
  const batches: number[] = [];
  const byVoter = new Map<string, string>();
  let unjournaled = 0;
  admin.ws.on('message', (data) => {
    const m = JSON.parse(data.toString()) as HubToAdmin;
    if (m.t !== 'ballots') return;
    batches.push(m.ballots.length);
    const text = journal();
    for (const b of m.ballots as HubBallot[]) {
      if (!text.includes(`"id":"${b.id}"`)) unjournaled += 1;
      byVoter.set(b.voterId!, b.id);
    }
    admin.ws.send(
      JSON.stringify({
        t: 'acks',
        acks: m.ballots.map((b) => ({ id: b.id, result: { ok: true } })),
      }),
    );
  });
  const ackLineAtAnswer: boolean[] = [];
  const answers = await Promise.all(
    phones.map((p, i) =>
      p.vote('poll-1', { vote: 'yes' }).then((a) => {
        // The moment the phone hears the answer, the ack is in the journal.
        const id = byVoter.get(`voter-${i}`);
        ackLineAtAnswer.push(journal().includes(`{"e":"ack","id":"${id}","code":"STORED"}`));
        return a.code;
      }),
    ),
  );
  expect(answers).toEqual(Array(N).fill('STORED'));
  expect(unjournaled).toBe(0);
  expect(ackLineAtAnswer).toEqual(Array(N).fill(true));
  expect(batches.reduce((a, b) => a + b, 0)).toBe(N);
  // Twelve ballots sent in one go do not make twelve messages to the app.
  expect(batches.length).toBeLessThan(N);
  const status = await admin.req('status');
  expect(status.polls).toEqual([{ id: 'poll-1', open: true, stored: N, pending: 0 }]);
  for (const p of phones) p.close();
});

it('a phone that voted gets no state push for its own ballot; another page of the device does', async () => {
  await admin.req('openPoll', { poll: yesNo() });
  admin.autoAck();
  const voter = new Phone(lan);
  await voter.join('CODE00');
  await voter.connect();
  const second = await new Phone(lan, voter.cookie).connect();
  await expect.poll(() => voter.states.length + second.states.length).toBe(2);
  expect((await voter.vote('poll-1', { vote: 'no' })).code).toBe('STORED');
  // The second page learns the device has voted; the voting page already knows from its ack.
  await expect.poll(() => second.states.at(-1)?.voted).toBe(true);
  expect(voter.states.map((s) => s.voted)).toEqual([false]);
  // A change that is not its own still reaches it.
  await admin.req('closePoll', { pollId: 'poll-1' });
  await expect.poll(() => voter.states.at(-1)?.poll).toBe(null);
  voter.close();
  second.close();
});
