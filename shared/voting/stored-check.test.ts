import { describe, expect, it } from 'vitest';
import { checkBallotsAgainstPoll, countPoll, type PointsPoll } from './index';
import { snapshotOf } from './test-helpers';

const definition: PointsPoll = { method: 'points', options: ['a', 'b'], pointsPerVoter: 3 };
const snapshot = snapshotOf(4, 4);
const ballot = (id: string, b: Record<string, unknown>, source = 'kiosk') => ({
  id,
  pollId: 'p1',
  source,
  ballot: b,
});
const named = [
  ballot('b1', { kind: 'individual', voterId: 'm1', points: { a: 3 } }),
  ballot('b2', { kind: 'individual', voterId: 'm2', points: { a: 1, b: 2 } }),
  ballot('b3', { kind: 'aggregate', voters: 2, points: { b: 4 } }, 'hand'),
];
function closedPoll(ballots: typeof named, over: Record<string, unknown> = {}) {
  return {
    id: 'p1',
    secret: false,
    status: 'closed' as const,
    options: [{ id: 'a' }, { id: 'b' }],
    definition,
    voters: ['m1', 'm2'],
    snapshot,
    result: countPoll(
      definition,
      ballots.map((b) => b.ballot),
      snapshot,
    ),
    ...over,
  };
}

describe('checkBallotsAgainstPoll', () => {
  it('a poll the app closed agrees with its ballots', () => {
    expect(checkBallotsAgainstPoll(closedPoll(named), named)).toEqual([]);
  });

  it('a poll an earlier version closed after a voter left still agrees (they were present when voting)', () => {
    // Earlier versions stored the leaver as absent, and counted their ballot.
    const left = {
      ...snapshot,
      members: snapshot.members.map((m) =>
        m.voterId === 'm1' ? { ...m, present: false, voted: true } : m,
      ),
    };
    const counted = countPoll(
      definition,
      named.map((b) => b.ballot),
      snapshot,
    );
    expect(
      checkBallotsAgainstPoll(closedPoll(named, { snapshot: left, result: counted }), named),
    ).toEqual([]);
  });

  it('a changed ballot no longer recounts to the stored result', () => {
    const edited = named.map((b) =>
      b.id === 'b1' ? { ...b, ballot: { ...b.ballot, points: { b: 3 } } } : b,
    );
    expect(checkBallotsAgainstPoll(closedPoll(named), edited)).toEqual([
      { code: 'RESULT_MISMATCH', field: 'finalRanking' },
    ]);
  });

  it('each ballot must be valid for the method, stored under its source, in this poll', () => {
    const bad = [
      ballot('b1', { kind: 'individual', voterId: 'm1', points: { a: 4 } }),
      ballot('b2', { kind: 'individual', voterId: 'm2', choices: ['a'] }),
      ballot('b3', { kind: 'aggregate', voters: 1, points: { b: 1 } }, 'kiosk'),
      { ...ballot('b4', { kind: 'individual', voterId: 'm3', points: { a: 1 } }), pollId: 'p2' },
    ];
    const codes = checkBallotsAgainstPoll(
      { ...closedPoll(named), status: 'open', result: undefined },
      bad,
    );
    expect(codes).toEqual([
      { code: 'BALLOT_OTHER_POLL', ballotId: 'b4' },
      {
        code: 'INVALID_BALLOT',
        ballotId: 'b1',
        issues: expect.arrayContaining([expect.objectContaining({ code: 'TOO_MANY_POINTS' })]),
      },
      { code: 'INVALID_BALLOT', ballotId: 'b2', issues: [{ code: 'MALFORMED' }] },
      { code: 'SOURCE_MISMATCH', ballotId: 'b3' },
      { code: 'VOTER_LIST_MISMATCH', voterId: 'm1' },
      { code: 'VOTER_LIST_MISMATCH', voterId: 'm2' },
    ]);
  });

  it('a secret ballot names nobody, and the voter list only counts them', () => {
    const secret = [
      ballot('b1', { kind: 'individual', points: { a: 3 } }),
      ballot('b2', { kind: 'individual', voterId: 'm2', points: { b: 3 } }),
      ballot('b3', { kind: 'individual', role: 'user', points: { b: 1 } }),
    ];
    const poll = {
      ...closedPoll(secret),
      secret: true,
      status: 'open' as const,
      result: undefined,
    };
    expect(checkBallotsAgainstPoll(poll, secret)).toEqual([
      { code: 'SECRET_BALLOT_NAMES_VOTER', ballotId: 'b2' },
      { code: 'SECRET_BALLOT_NAMES_VOTER', ballotId: 'b3' },
      { code: 'VOTER_LIST_MISMATCH' },
    ]);
  });

  it('a named ballot without a voter, a voter twice, a result on a draft, a bad definition', () => {
    const list = [ballot('b1', { kind: 'individual', points: { a: 3 } })];
    expect(checkBallotsAgainstPoll({ ...closedPoll(list), voters: ['m1', 'm1'] }, list)).toEqual([
      { code: 'NAMED_BALLOT_WITHOUT_VOTER', ballotId: 'b1' },
      { code: 'DUPLICATE_VOTER', voterId: 'm1' },
      { code: 'VOTER_LIST_MISMATCH', voterId: 'm1' },
    ]);
    expect(checkBallotsAgainstPoll({ ...closedPoll([]), voters: [], status: 'draft' }, [])).toEqual(
      [{ code: 'RESULT_STATE', field: 'result' }],
    );
    expect(
      checkBallotsAgainstPoll({ ...closedPoll([]), voters: [], snapshot: undefined }, []),
    ).toEqual([{ code: 'RESULT_STATE', field: 'snapshot' }]);
    expect(
      checkBallotsAgainstPoll({ ...closedPoll([]), definition: { method: 'points' } }, []),
    ).toEqual([{ code: 'INVALID_DEFINITION' }]);
    expect(
      checkBallotsAgainstPoll(
        { ...closedPoll([]), options: [{ id: 'b' }, { id: 'a' }], voters: [] },
        [],
      ),
    ).toEqual([{ code: 'OPTIONS_MISMATCH' }]);
  });
});
