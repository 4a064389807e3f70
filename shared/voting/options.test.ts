import { describe, expect, it } from 'vitest';
import {
  countPoll,
  type ApprovalPoll,
  type PointsPoll,
  type ScorePoll,
  type SingleChoicePoll,
} from './index';
import { snapshotOf } from './test-helpers';

const pick = (
  choices: string[],
  voterId?: string,
  role?: 'commissioner' | 'provider' | 'user' | 'public',
) => ({
  kind: 'individual' as const,
  choices,
  ...(voterId ? { voterId } : {}),
  ...(role ? { role } : {}),
});

describe('single choice', () => {
  const poll: SingleChoicePoll = { method: 'singleChoice', options: ['a', 'b', 'c'] };

  it('counts votes, blank ballots and shares of non-blank voters', () => {
    const r = countPoll(poll, [pick(['a']), pick(['a']), pick(['b']), pick([])]);
    expect(r.details.votes).toEqual({ a: 2, b: 1, c: 0 });
    expect(r.ranking).toEqual([
      { optionId: 'a', value: 2, rank: 1 },
      { optionId: 'b', value: 1, rank: 2 },
      { optionId: 'c', value: 0, rank: 3 },
    ]);
    expect(r.details.shares.a).toEqual({ numerator: 2, denominator: 3, decimal: 0.6667 });
    expect(r.participation.blank).toBe(1);
    expect(r.status).toBe('decided');
    expect(r.winner).toBe('a');
  });

  it('mixes individual ballots with a hand-count block', () => {
    const r = countPoll({ ...poll, triadBreakdown: true }, [
      pick(['c'], undefined, 'user'),
      { kind: 'aggregate', counts: { a: 3, c: 1 }, blank: 1 },
    ]);
    expect(r.details.votes).toEqual({ a: 3, b: 0, c: 2 });
    expect(r.participation.votersRepresented).toBe(6);
    expect(r.byRole?.user.ranking.find((x) => x.optionId === 'c')?.value).toBe(1);
    expect(r.byRole?.unattributed.voters).toBe(5);
  });

  it('reports a tie at the top without breaking it (rule none)', () => {
    const r = countPoll(poll, [pick(['a']), pick(['b'])]);
    expect(r.status).toBe('tie');
    expect(r.winner).toBeNull();
    expect(r.winners).toEqual(['a', 'b']);
    expect(r.ranking.map((x) => x.rank)).toEqual([1, 1, 3]);
    expect(r.ties).toEqual([{ rank: 1, optionIds: ['a', 'b'] }]);
    expect(r.tieBreak).toBeNull();
  });

  it('the chair breaks ties visibly when the rule says so', () => {
    const r = countPoll({ ...poll, tieRule: 'chairDecides', chairTieBreak: ['b', 'a', 'c'] }, [
      pick(['a']),
      pick(['b']),
    ]);
    expect(r.status).toBe('tieResolvedByChair');
    expect(r.winner).toBe('b');
    expect(r.ties).toEqual([{ rank: 1, optionIds: ['a', 'b'] }]); // the raw tie stays reported
    expect(r.tieBreak?.resolved).toEqual([{ rank: 1, tied: ['a', 'b'], order: ['b', 'a'] }]);
    expect(r.finalRanking.map((x) => [x.optionId, x.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 3],
    ]);
  });

  it('chairDecides without a tie-break order leaves the tie open', () => {
    const r = countPoll({ ...poll, tieRule: 'chairDecides' }, [pick(['a']), pick(['b'])]);
    expect(r.status).toBe('tie');
  });

  it('no non-blank ballot → noVotes', () => {
    expect(countPoll(poll, [pick([])]).status).toBe('noVotes');
    expect(countPoll(poll, []).status).toBe('noVotes');
  });

  it('quorum not met → noQuorum', () => {
    const r = countPoll(
      { ...poll, quorum: { numerator: 1, denominator: 2, strict: true } },
      [pick(['a'], 'm1')],
      snapshotOf(4, 2),
    );
    expect(r.status).toBe('noQuorum');
    expect(r.outcome).toBe('decided');
  });

  it('rejects two choices and a blank ballot when blank is not allowed', () => {
    const r = countPoll({ ...poll, allowBlank: false }, [pick(['a', 'b']), pick([]), pick(['a'])]);
    expect(r.rejected).toEqual([
      { index: 0, issues: [{ code: 'TOO_MANY_CHOICES', limit: 1, actual: 2 }] },
      { index: 1, issues: [{ code: 'TOO_FEW_CHOICES', limit: 1, actual: 0 }] },
    ]);
  });
});

describe('approval (multiple choice)', () => {
  const poll: ApprovalPoll = {
    method: 'approval',
    options: ['a', 'b', 'c', 'd'],
    minChoices: 1,
    maxChoices: 2,
  };
  it('counts approvals per option within min/max', () => {
    const r = countPoll(poll, [
      pick(['a', 'b']),
      pick(['b']),
      pick(['b', 'c']),
      pick(['a', 'b', 'c']),
      pick([]),
    ]);
    expect(r.details.votes).toEqual({ a: 1, b: 3, c: 1, d: 0 });
    expect(r.ranking.map((x) => x.rank)).toEqual([1, 2, 2, 4]);
    expect(r.ties).toEqual([{ rank: 2, optionIds: ['a', 'c'] }]);
    expect(r.rejected.map((x) => x.issues[0]?.code)).toEqual([
      'TOO_MANY_CHOICES',
      'TOO_FEW_CHOICES',
    ]);
  });

  it('hand counts need the number of voters and cannot exceed it', () => {
    const r = countPoll(poll, [
      { kind: 'aggregate', counts: { a: 5, b: 2 }, voters: 6 },
      { kind: 'aggregate', counts: { a: 7 }, voters: 6 },
      { kind: 'aggregate', counts: { a: 1 } },
    ]);
    expect(r.details.votes.a).toBe(5);
    expect(r.rejected.map((x) => x.index)).toEqual([1, 2]);
    expect(r.rejected[0]?.issues[0]).toMatchObject({
      code: 'AGGREGATE_INCONSISTENT',
      optionId: 'a',
    });
  });
});

describe('dot voting (bodování)', () => {
  const poll: PointsPoll = {
    method: 'points',
    options: ['a', 'b', 'c'],
    pointsPerVoter: 5,
    maxPerOption: 3,
  };
  const dots = (points: Record<string, number>) => ({ kind: 'individual' as const, points });

  it('sums points: 3+2, 1+1+3, 2+3 → a 6, b 6, c 3 (tie at the top)', () => {
    const r = countPoll(poll, [
      dots({ a: 3, b: 2 }),
      dots({ a: 1, b: 1, c: 3 }),
      dots({ a: 2, b: 3 }),
    ]);
    expect(r.details.points).toEqual({ a: 6, b: 6, c: 3 });
    expect(r.details.totalPoints).toBe(15);
    expect(r.ties).toEqual([{ rank: 1, optionIds: ['a', 'b'] }]);
    expect(r.status).toBe('tie');
  });

  it('rejects over-cap, too many and (when required) unspent points', () => {
    const r = countPoll({ ...poll, requireAllPoints: true }, [
      dots({ a: 4 }),
      dots({ a: 3, b: 3 }),
      dots({ a: 2 }),
      dots({ a: 2.5, b: 2.5 }),
      dots({ z: 5 }),
      dots({ a: 3, b: 2 }),
    ]);
    expect(r.rejected.map((x) => x.issues.map((i) => i.code))).toEqual([
      ['OVER_OPTION_CAP', 'POINTS_NOT_ALL_SPENT'],
      ['TOO_MANY_POINTS'],
      ['POINTS_NOT_ALL_SPENT'],
      ['NON_INTEGER', 'NON_INTEGER', 'POINTS_NOT_ALL_SPENT'],
      ['UNKNOWN_OPTION', 'POINTS_NOT_ALL_SPENT'],
    ]);
    expect(r.details.points).toEqual({ a: 3, b: 2, c: 0 });
  });

  it('accepts a hand-summed block of 4 voters (max 20 points, 12 per option)', () => {
    const r = countPoll(poll, [
      { kind: 'aggregate', voters: 4, points: { a: 12, b: 8 } },
      { kind: 'aggregate', voters: 4, points: { a: 13 } },
    ]);
    expect(r.details.points).toEqual({ a: 12, b: 8, c: 0 });
    expect(r.rejected[0]).toEqual({
      index: 1,
      issues: [{ code: 'OVER_OPTION_CAP', optionId: 'a', limit: 12, actual: 13 }],
    });
  });
});

describe('score voting', () => {
  const poll: ScorePoll = { method: 'score', options: ['a', 'b'] };
  const rate = (scores: Record<string, number>) => ({ kind: 'individual' as const, scores });

  it('totals and exact averages: a = 5+2+0 = 7 → 7/3, b = 3+3+1 = 7 → 7/3 (tie)', () => {
    const r = countPoll(poll, [rate({ a: 5, b: 3 }), rate({ a: 2, b: 3 }), rate({ a: 0, b: 1 })]);
    expect(r.details.options.a).toEqual({
      total: 7,
      raters: 3,
      average: { numerator: 7, denominator: 3, decimal: 2.3333 },
    });
    expect(r.status).toBe('tie');
  });

  it('ranks by exact average when not every option must be rated', () => {
    const r = countPoll({ ...poll, requireAllOptions: false }, [
      rate({ a: 5 }),
      rate({ a: 4, b: 5 }),
      rate({ a: 4 }),
    ]);
    // a: 13/3 ≈ 4.33, b: 5/1
    expect(r.finalRanking.map((x) => x.optionId)).toEqual(['b', 'a']);
    expect(r.details.options.b?.average?.decimal).toBe(5);
  });

  it('ranks by total on request and supports a custom scale', () => {
    const r = countPoll(
      { ...poll, requireAllOptions: false, rankBy: 'total', scaleMin: 1, scaleMax: 10 },
      [rate({ a: 10 }), rate({ a: 4, b: 10 }), rate({ a: 1 })],
    );
    expect(r.ranking).toEqual([
      { optionId: 'a', value: 15, rank: 1 },
      { optionId: 'b', value: 10, rank: 2 },
    ]);
  });

  it('rejects scores out of scale and missing scores', () => {
    const r = countPoll(poll, [rate({ a: 6, b: 1 }), rate({ a: -1, b: 1 }), rate({ a: 3 })]);
    expect(r.rejected.map((x) => x.issues[0])).toEqual([
      { code: 'SCORE_OUT_OF_SCALE', optionId: 'a', limit: 5, actual: 6 },
      { code: 'SCORE_OUT_OF_SCALE', optionId: 'a', limit: 0, actual: -1 },
      { code: 'MISSING_SCORE', optionId: 'b' },
    ]);
  });
});
