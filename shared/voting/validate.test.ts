import { describe, expect, it } from 'vitest';
import {
  BallotSchema,
  countPoll,
  InvalidPollError,
  PollSchema,
  ResolutionBallotSchema,
  validateBallot,
  type PointsPoll,
  type ResolutionPoll,
} from './index';
import { snapshotOf } from './test-helpers';

const resolution: ResolutionPoll = {
  method: 'resolution',
  base: 'votesCast',
  majority: 'simple',
  tieRule: 'rejected',
};
const points: PointsPoll = { method: 'points', options: ['a', 'b'], pointsPerVoter: 3 };

describe('validateBallot', () => {
  it('accepts a valid ballot and returns it parsed', () => {
    const v = validateBallot(resolution, { kind: 'individual', vote: 'yes', extra: 1 });
    expect(v).toEqual({ valid: true, ballot: { kind: 'individual', vote: 'yes' }, issues: [] });
  });

  it('flags a ballot of the wrong shape as MALFORMED', () => {
    expect(validateBallot(resolution, { kind: 'individual', vote: 'maybe' })).toEqual({
      valid: false,
      issues: [{ code: 'MALFORMED' }],
    });
    expect(validateBallot(points, { kind: 'individual', choices: ['a'] }).valid).toBe(false);
    expect(validateBallot(points, null).valid).toBe(false);
  });

  it('checks entitlement and earlier votes when given a context', () => {
    const snapshot = snapshotOf(3, 3);
    snapshot.members.push({ voterId: 'guest', entitled: false, present: true });
    const ctx = { snapshot, alreadyVoted: ['m1'] };
    expect(
      validateBallot(resolution, { kind: 'individual', voterId: 'm2', vote: 'no' }, ctx).valid,
    ).toBe(true);
    expect(
      validateBallot(resolution, { kind: 'individual', voterId: 'm1', vote: 'no' }, ctx),
    ).toEqual({ valid: false, issues: [{ code: 'DUPLICATE_VOTER' }] });
    expect(
      validateBallot(resolution, { kind: 'individual', voterId: 'guest', vote: 'no' }, ctx),
    ).toEqual({ valid: false, issues: [{ code: 'VOTER_NOT_ENTITLED' }] });
    expect(
      validateBallot(resolution, { kind: 'individual', voterId: 'x', vote: 'no' }, ctx).valid,
    ).toBe(false);
    // a secret ballot has no voterId and cannot be checked against the list
    expect(validateBallot(resolution, { kind: 'individual', vote: 'no' }, ctx).valid).toBe(true);
  });

  it('rejects negative, fractional and huge hand counts', () => {
    const v = validateBallot(resolution, { kind: 'aggregate', yes: -1, no: 1.5, abstain: 2e9 });
    expect(v.valid ? [] : v.issues.map((i) => i.code)).toEqual([
      'NEGATIVE_VALUE',
      'NON_INTEGER',
      'VALUE_TOO_LARGE',
    ]);
  });

  it('rejects duplicate and unknown options in a choice ballot', () => {
    const v = validateBallot(
      { method: 'approval', options: ['a', 'b'] },
      { kind: 'individual', choices: ['a', 'a', 'q'] },
    );
    expect(v.valid ? [] : v.issues).toEqual([
      { code: 'DUPLICATE_OPTION', optionId: 'a' },
      { code: 'UNKNOWN_OPTION', optionId: 'q' },
      { code: 'TOO_MANY_CHOICES', limit: 2, actual: 3 },
    ]);
  });

  it('does not treat inherited keys ("toString") as rated options', () => {
    const v = validateBallot(
      { method: 'score', options: ['toString'] },
      { kind: 'individual', scores: {} },
    );
    expect(v.valid ? [] : v.issues).toEqual([{ code: 'MISSING_SCORE', optionId: 'toString' }]);
  });
});

describe('schemas', () => {
  it('parse network ballots with the same schema', () => {
    const json = JSON.parse('{"kind":"aggregate","yes":7,"no":1,"abstain":1}');
    expect(ResolutionBallotSchema.parse(json)).toEqual({
      kind: 'aggregate',
      yes: 7,
      no: 1,
      abstain: 1,
    });
    expect(BallotSchema.safeParse({ kind: 'individual', points: { a: 2 } }).success).toBe(true);
    expect(BallotSchema.safeParse({ kind: 'nope' }).success).toBe(false);
  });

  it('PollSchema reports cross-field problems as machine codes', () => {
    const r = PollSchema.safeParse({
      method: 'approval',
      options: ['a', 'a'],
      minChoices: 3,
      maxChoices: 2,
      chairTieBreak: ['z'],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message).sort()).toEqual(
      ['DUPLICATE_OPTION_ID', 'MIN_CHOICES_EXCEEDS_MAX', 'TIE_BREAK_UNKNOWN_OPTION'].sort(),
    );
    expect(
      PollSchema.safeParse({ method: 'score', options: ['a'], scaleMin: 5, scaleMax: 5 }).error
        ?.issues[0]?.message,
    ).toBe('INVALID_SCALE');
    expect(PollSchema.safeParse(resolution).success).toBe(true);
  });

  it('countPoll throws InvalidPollError with the codes', () => {
    try {
      countPoll({ method: 'borda', options: ['a'], maxRanks: 3 }, []);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidPollError);
      expect((e as InvalidPollError).issues.map((i) => i.code)).toEqual([
        'MAX_RANKS_EXCEEDS_OPTIONS',
      ]);
    }
    expect(() => countPoll({ method: 'nope' } as never, [])).toThrow(InvalidPollError);
  });
});

describe('participation', () => {
  it('reports ballots vs entitled and present members, and warns about too many votes', () => {
    const snap = snapshotOf(10, 4);
    const r = countPoll(
      resolution,
      [
        { kind: 'aggregate', yes: 3, no: 1, abstain: 1 },
        { kind: 'individual', vote: 'maybe' },
      ],
      snap,
    );
    expect(r.participation).toEqual({
      ballotsSubmitted: 2,
      validBallots: 1,
      rejectedBallots: 1,
      votersRepresented: 5,
      blank: 1,
      individualBallots: 0,
      aggregateVoters: 5,
      votingMembers: 10,
      presentVoting: 4,
      votedMembers: null,
      turnout: { numerator: 1, denominator: 2, decimal: 0.5 },
      turnoutOfPresent: { numerator: 5, denominator: 4, decimal: 1.25 },
      warnings: ['MORE_VOTERS_THAN_PRESENT'],
    });
  });
});

describe('usage example of docs/voting.md', () => {
  it('resolution and dot voting', () => {
    const snapshot = snapshotOf(12, 9, ['commissioner', 'provider', 'user']);
    const r = countPoll(
      {
        method: 'resolution',
        base: 'presentVoting',
        majority: 'absolute',
        tieRule: 'chairDecides',
        quorum: { numerator: 1, denominator: 2, strict: true },
      },
      [{ kind: 'aggregate', yes: 7, no: 1, abstain: 1 }],
      snapshot,
    );
    expect(r.status).toBe('passed');

    const poll: PointsPoll = {
      method: 'points',
      options: ['a', 'b', 'c'],
      pointsPerVoter: 5,
      maxPerOption: 3,
      triadBreakdown: true,
    };
    const v = validateBallot(poll, { kind: 'individual', points: { a: 4 } });
    expect(v.valid ? [] : v.issues).toEqual([
      { code: 'OVER_OPTION_CAP', optionId: 'a', limit: 3, actual: 4 },
    ]);
    const p = countPoll(
      poll,
      [
        { kind: 'individual', voterId: 'm1', points: { a: 3, b: 2 } },
        { kind: 'individual', voterId: 'm3', points: { c: 3, b: 2 } },
        { kind: 'aggregate', voters: 2, points: { a: 4, c: 2 } },
      ],
      snapshot,
    );
    expect(p.finalRanking.map((x) => [x.optionId, x.value, x.rank])).toEqual([
      ['a', 7, 1],
      ['c', 5, 2],
      ['b', 4, 3],
    ]);
    expect(p.byRole?.user.ranking.find((x) => x.optionId === 'c')?.value).toBe(3);
    expect(p.byRole?.unattributed.voters).toBe(2);
  });
});
