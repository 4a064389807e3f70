// Property tests of the hub's rules (HubCore, no sockets): whatever phones send, in whatever
// order, with resends, refusals, app reloads and hub restarts from the journal, every voter
// is stored at most once, every "stored" answer is true, and secret ballots carry nothing
// that gives the order of voting.
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AckResult, HubBallot, HubPollSpec, HubSession } from '../../shared/hub/protocol';
import { HubCore, type Answer, type JournalEvent } from './core';

const random = (n: number) => new Uint8Array(randomBytes(n));
const VOTERS = 6;
const session: HubSession = {
  meetingId: 'm',
  title: 'T',
  mode: 'members',
  joinCodes: Array.from({ length: VOTERS }, (_, i) => ({
    code: `CODE${i}X`,
    voterId: `v${i}`,
    name: `N${i}`,
  })),
};
const poll = (secret: boolean): HubPollSpec => ({
  id: 'p',
  title: 'P',
  secret,
  options: [
    { id: 'a', label: 'A' },
    { id: 'b', label: 'B' },
  ],
  definition: { method: 'approval', options: ['a', 'b'] },
});

/** A hub core with an in-memory journal and an app that stores by ballot id. */
function world(secret = true) {
  const journal: JournalEvent[] = [];
  const delivered: HubBallot[] = [];
  const make = () =>
    new HubCore({
      random,
      journal: (e) => journal.push(e),
      deliver: (b) => delivered.push(b),
      changed: () => {},
    });
  let core = make();
  core.setSession(session);
  core.openPoll(poll(secret));
  const devices = session.joinCodes.map((j) => {
    const r = core.join(j.code, null);
    if (!r.ok) throw new Error('join');
    return r.device;
  });
  return {
    journal,
    delivered,
    devices,
    get core() {
      return core;
    },
    /** Kill and restart: a new core from the journal only. */
    restart() {
      const lines = journal.map((e) => JSON.parse(JSON.stringify(e)) as JournalEvent);
      core = make();
      for (const e of lines) core.replay(e);
    },
  };
}

type Op =
  | { k: 'vote'; voter: number; nonce: number; choice: string[] }
  | { k: 'ack'; pick: number; result: 'ok' | 'already' | 'invalid' }
  | { k: 'reload' }
  | { k: 'restart' }
  | { k: 'close' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      k: fc.constant('vote' as const),
      voter: fc.nat(VOTERS - 1),
      nonce: fc.nat(2),
      choice: fc.subarray(['a', 'b', 'zz']),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      k: fc.constant('ack' as const),
      pick: fc.nat(),
      result: fc.constantFrom('ok' as const, 'ok' as const, 'already' as const, 'invalid' as const),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ k: 'reload' as const }) },
  { weight: 1, arbitrary: fc.constant({ k: 'restart' as const }) },
  { weight: 1, arbitrary: fc.constant({ k: 'close' as const }) },
);

describe('hub rules under any sequence of events', () => {
  it('never stores a voter twice, never says STORED for a ballot the app did not store, answers a resend as the first time', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        const w = world();
        const appStore = new Map<string, string>(); // ballot id → voter
        const appAnswer = new Map<string, AckResult>();
        let inbox: HubBallot[] = [];
        const answers = new Map<string, Answer[]>(); // voter|nonce → answers
        let seen = 0;
        const pull = () => {
          inbox.push(...w.delivered.slice(seen));
          seen = w.delivered.length;
        };
        for (const op of ops) {
          pull();
          if (op.k === 'vote') {
            const key = `${op.voter}|${op.nonce}`;
            w.core.submit(
              w.devices[op.voter]!,
              'p',
              `nonce-${op.voter}-${op.nonce}`,
              { choices: op.choice },
              (a) => answers.set(key, [...(answers.get(key) ?? []), a]),
            );
          } else if (op.k === 'ack' && inbox.length > 0) {
            const b = inbox.splice(op.pick % inbox.length, 1)[0]!;
            // The app: an id it stored is acked again with the first answer.
            let result = appAnswer.get(b.id);
            if (!result) {
              const votedAlready = [...appStore.values()].includes(b.voterId!);
              result =
                votedAlready || op.result === 'already'
                  ? { ok: false, code: 'ALREADY_VOTED' }
                  : op.result === 'invalid'
                    ? { ok: false, code: 'INVALID_BALLOT' }
                    : { ok: true };
              if (result.ok) appStore.set(b.id, b.voterId!);
              appAnswer.set(b.id, result);
            }
            w.core.ack(b.id, result);
          } else if (op.k === 'reload') {
            inbox = w.core.pendingBallots(); // a new window gets every unacknowledged ballot
          } else if (op.k === 'restart') {
            w.restart();
            inbox = w.core.pendingBallots();
          } else if (op.k === 'close') {
            w.core.closePoll('p');
          }
        }
        // 1. Nobody is stored twice.
        const voters = [...appStore.values()];
        expect(new Set(voters).size).toBe(voters.length);
        // 2. Every STORED told to a phone is a ballot of that voter in the app's store.
        for (const [key, list] of answers) {
          const voter = `v${key.split('|')[0]}`;
          if (list.some((a) => a.code === 'STORED')) expect(voters).toContain(voter);
        }
        // 3. The hub's count equals the app's.
        const status = w.core.status(0, true).polls[0]!;
        expect(status.stored).toBe(appStore.size);
        // 4. A voter stored in the app is refused any other ballot.
        for (const v of new Set(voters)) {
          const i = Number(v.slice(1));
          let answer: Answer | null = null;
          w.core.submit(w.devices[i]!, 'p', `fresh-${i}`, { choices: ['a'] }, (a) => (answer = a));
          expect(answer).not.toBeNull();
          expect(['ALREADY_VOTED', 'POLL_CLOSED']).toContain(answer!.code);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a resend with the same nonce always gets the same final answer', () => {
    fc.assert(
      fc.property(
        fc.nat(VOTERS - 1),
        fc.constantFrom<AckResult>(
          { ok: true },
          { ok: false, code: 'ALREADY_VOTED' },
          { ok: false, code: 'NOT_ENTITLED' },
        ),
        fc.boolean(),
        (voter, result, restart) => {
          const w = world();
          const got: string[] = [];
          w.core.submit(w.devices[voter]!, 'p', 'n-1234567', { choices: ['a'] }, (a) =>
            got.push(a.code),
          );
          w.core.submit(w.devices[voter]!, 'p', 'n-1234567', { choices: ['a'] }, (a) =>
            got.push(a.code),
          );
          w.core.ack(w.delivered[0]!.id, result);
          if (restart) w.restart();
          w.core.submit(w.devices[voter]!, 'p', 'n-1234567', { choices: ['b'] }, (a) =>
            got.push(a.code),
          );
          expect(new Set(got).size).toBe(1);
          expect(got).toHaveLength(3);
          expect(w.delivered).toHaveLength(1);
        },
      ),
    );
  });
});

describe('what phones are sent', () => {
  it('the state JSON (poll part serialized once) is the state, through votes, acks, re-opened polls, renamed members and restarts', () => {
    const step = fc.oneof(
      opArb,
      fc.constant({ k: 'reopen' as const }),
      fc.constant({ k: 'rename' as const }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (ops) => {
        const w = world();
        let round = 0;
        let renamed = 0;
        for (const op of ops) {
          round += 1;
          if (op.k === 'vote')
            w.core.submit(
              w.devices[op.voter]!,
              'p',
              `n${op.nonce}`,
              { choices: op.choice },
              () => {},
            );
          else if (op.k === 'ack' && w.delivered.length)
            w.core.ack(w.delivered[op.pick % w.delivered.length]!.id, {
              ok: op.result === 'ok',
              code: 'ALREADY_VOTED',
            } as AckResult);
          else if (op.k === 'restart') w.restart();
          else if (op.k === 'close') w.core.closePoll('p');
          else if (op.k === 'reopen') w.core.openPoll({ ...poll(true), title: `P ${round}` });
          else if (op.k === 'rename')
            w.core.setSession({
              ...session,
              joinCodes: session.joinCodes.map((j) => ({ ...j, name: `${j.name} ${round}` })),
            });
          if (op.k === 'rename') renamed = round;
          for (const d of [...w.devices, null, 'stranger'])
            expect(JSON.parse(w.core.phoneStateJson(d))).toEqual(w.core.phoneState(d));
          // The member's name as the current session says (not one remembered from before).
          w.devices.forEach((d, i) =>
            expect(w.core.phoneState(d).name).toBe(renamed ? `N${i} ${renamed}` : `N${i}`),
          );
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('secret ballots and the order of voting', () => {
  it('what the app receives and what stays on disk does not depend on the order of voting', () => {
    const choices = [['a'], ['b'], ['a', 'b'], [], ['b'], ['a']];
    fc.assert(
      fc.property(
        fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 6, maxLength: 6 }),
        (order) => {
          const w = world(true);
          for (const i of order)
            w.core.submit(w.devices[i]!, 'p', `nonce-${i}-x`, { choices: choices[i]! }, () => {});
          // Only these fields: no time, no sequence number.
          for (const b of w.delivered)
            expect(Object.keys(b).sort()).toEqual(['choice', 'id', 'pollId', 'voterId']);
          const contents = w.delivered.map((b) => JSON.stringify(b.choice)).sort();
          expect(contents).toEqual(choices.map((c) => JSON.stringify({ choices: c })).sort());
          for (const b of w.delivered) w.core.ack(b.id, { ok: true });
          w.core.closePoll('p');
          // After the poll: the compacted journal holds no ballot contents, only receipts;
          // as a set of lines it is the same whatever the order was.
          const lines = w.core.compact();
          expect(lines.some((e) => e.e === 'ballot')).toBe(false);
          expect(JSON.stringify(lines)).not.toContain('"choice"');
          const receipts = lines
            .filter((e) => e.e === 'receipt')
            .map((e) => JSON.stringify(e))
            .sort();
          expect(receipts).toEqual(
            [0, 1, 2, 3, 4, 5]
              .map((i) =>
                JSON.stringify({
                  e: 'receipt',
                  pollId: 'p',
                  key: `v${i}`,
                  nonce: `nonce-${i}-x`,
                  code: 'STORED',
                }),
              )
              .sort(),
          );
        },
      ),
      { numRuns: 50 },
    );
  });

  it('ballot ids are random and unacknowledged ballots are replayed in random order', () => {
    const w = world(true);
    const N = VOTERS;
    for (let i = 0; i < N; i += 1)
      w.core.submit(w.devices[i]!, 'p', `nonce-${i}-x`, { choices: ['a'] }, () => {});
    const ids = w.delivered.map((b) => b.id);
    expect(new Set(ids).size).toBe(N);
    // Over many replays, the first ballot handed to a new window is not always the first vote.
    const firsts = new Set<string>();
    for (let k = 0; k < 200; k += 1) firsts.add(w.core.pendingBallots()[0]!.voterId!);
    expect(firsts.size).toBeGreaterThan(1);
  });
});

describe("a form ballot's result page (outcomeFor)", () => {
  it('answers for its own poll and nonce only, also after a restart, never from another device', () => {
    const w = world(false);
    const [d0, d1, d2] = w.devices as [string, string, string];
    const answers: Answer[] = [];
    w.core.submit(d0, 'p', 'nonce-000', { choices: ['a'] }, (a) => answers.push(a));
    expect(w.core.outcomeFor(d0, 'p', 'nonce-000')).toEqual({
      answer: 'pending',
      title: 'P',
      open: true,
    });
    w.core.ack(w.delivered[0]!.id, { ok: true });
    expect(answers).toEqual([{ code: 'STORED' }]);
    // Another nonce of the same voter: already voted; another device: nothing to say.
    expect(w.core.outcomeFor(d0, 'p', 'nonce-001')?.answer).toEqual({ code: 'ALREADY_VOTED' });
    expect(w.core.outcomeFor(d1, 'p', 'nonce-000')).toBeNull();
    expect(w.core.outcomeFor(null, 'p', 'nonce-000')).toBeNull();
    expect(w.core.outcomeFor(d0, 'other', 'nonce-000')).toBeNull();
    w.core.closePoll('p');
    w.core.openPoll({ ...poll(false), id: 'q', title: 'Q' });
    w.restart();
    expect(w.core.outcomeFor(d0, 'p', 'nonce-000')).toEqual({
      answer: { code: 'STORED' },
      title: 'P',
      open: false,
    });
    // Did not vote in the closed poll: it says closed; in the open one: nothing yet.
    expect(w.core.outcomeFor(d2, 'p', 'nonce-002')?.answer).toEqual({ code: 'POLL_CLOSED' });
    expect(w.core.outcomeFor(d2, 'q', 'nonce-002')).toBeNull();
  });
});
