import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TRIAD_ROLES } from '../domain/triad';
import {
  bordaPoints,
  countPoll,
  rankingFromOrder,
  validateBallot,
  type Majority,
  type PointsPoll,
  type RankedOption,
  type ResolutionBase,
  type ResolutionPoll,
} from './index';
import { permute } from './test-helpers';

const OPTIONS = ['a', 'b', 'c', 'd', 'e'];
const role = fc.option(fc.constantFrom(...TRIAD_ROLES), { nil: undefined });
const withRole = <T extends object>(b: T, r: (typeof TRIAD_ROLES)[number] | undefined) =>
  r ? { ...b, role: r } : b;

const voteArb = fc
  .tuple(fc.constantFrom('yes' as const, 'no' as const, 'abstain' as const), role)
  .map(([vote, r]) => withRole({ kind: 'individual' as const, vote }, r));
const choiceArb = fc
  .tuple(fc.subarray(OPTIONS), role)
  .map(([choices, r]) => withRole({ kind: 'individual' as const, choices }, r));
const rankingArb = fc
  .tuple(fc.shuffledSubarray(OPTIONS, { minLength: 1 }), role)
  .map(([order, r]) =>
    withRole({ kind: 'individual' as const, ranking: rankingFromOrder(order) }, r),
  );
const pointsArb = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom(...OPTIONS), fc.integer({ min: 0, max: 4 })), {
      maxLength: 4,
    }),
    role,
  )
  .map(([pairs, r]) =>
    withRole({ kind: 'individual' as const, points: Object.fromEntries(pairs) }, r),
  );
const keys = fc.array(fc.integer(), { minLength: 1 });

/** Everything except the ballot indexes in `rejected`. */
const stripIndexes = (r: { rejected: { index: number }[] }) => ({
  ...r,
  rejected: r.rejected.length,
});

/** Competition ranking: rank = 1 + number of options with a strictly better value (higher is better). */
function isCompetitionRanking(ranking: readonly RankedOption[]): boolean {
  return ranking.every(
    (x, i) =>
      x.rank === 1 + ranking.filter((y) => y.value > x.value).length &&
      (i === 0 || (ranking[i - 1] as RankedOption).value >= x.value),
  );
}

describe('properties: resolution', () => {
  const base = fc.constantFrom<ResolutionBase>('votesCast', 'votesCastExclAbstain');
  const majority = fc.constantFrom<Majority>('simple', 'absolute', 'twoThirds', 'threeFifths');

  it('counts add up and the triad breakdown sums to the total', () => {
    fc.assert(
      fc.property(fc.array(voteArb), fc.nat(20), (ballots, handYes) => {
        const poll: ResolutionPoll = {
          method: 'resolution',
          base: 'votesCast',
          majority: 'simple',
          tieRule: 'rejected',
          triadBreakdown: true,
        };
        const r = countPoll(poll, [
          ...ballots,
          { kind: 'aggregate', yes: handYes, no: 0, abstain: 0 },
        ]);
        expect(r.counts.yes + r.counts.no + r.counts.abstain).toBe(ballots.length + handYes);
        const byRole = r.byRole!;
        const parts = [...TRIAD_ROLES, 'unattributed' as const].map((k) => byRole[k]);
        expect(parts.reduce((s, p) => s + p.yes, 0)).toBe(r.counts.yes);
        expect(parts.reduce((s, p) => s + p.voters, 0)).toBe(r.participation.votersRepresented);
        const attributed = ballots.filter((b) => 'role' in b).length;
        expect(TRIAD_ROLES.reduce((s, k) => s + byRole[k].voters, 0)).toBe(attributed);
      }),
    );
  });

  it('does not depend on ballot order', () => {
    fc.assert(
      fc.property(fc.array(voteArb), keys, majority, (ballots, k, m) => {
        const poll: ResolutionPoll = {
          method: 'resolution',
          base: 'votesCast',
          majority: m,
          tieRule: 'rejected',
          triadAgreement: true,
        };
        expect(stripIndexes(countPoll(poll, permute(ballots, k)))).toEqual(
          stripIndexes(countPoll(poll, ballots)),
        );
      }),
    );
  });

  it('an extra abstention never changes the outcome when the base excludes abstentions', () => {
    fc.assert(
      fc.property(
        fc.nat(30),
        fc.nat(30),
        fc.nat(30),
        majority,
        fc.constantFrom<'rejected' | 'chairDecides'>('rejected', 'chairDecides'),
        (y, n, a, m, tieRule) => {
          const poll: ResolutionPoll = {
            method: 'resolution',
            base: 'votesCastExclAbstain',
            majority: m,
            tieRule,
          };
          const before = countPoll(poll, [{ kind: 'aggregate', yes: y, no: n, abstain: a }]);
          const after = countPoll(poll, [
            { kind: 'aggregate', yes: y, no: n, abstain: a },
            { kind: 'individual', vote: 'abstain' },
          ]);
          expect(after.status).toBe(before.status);
        },
      ),
    );
  });

  it('passing implies yes > no, and yes ≥ minYes ⇔ passed (without ties)', () => {
    fc.assert(
      fc.property(fc.nat(30), fc.nat(30), fc.nat(30), majority, base, (y, n, a, m, b) => {
        const r = countPoll({ method: 'resolution', base: b, majority: m, tieRule: 'rejected' }, [
          { kind: 'aggregate', yes: y, no: n, abstain: a },
        ]);
        if (r.status === 'passed') expect(y).toBeGreaterThan(n);
        expect(r.status === 'passed').toBe(y >= r.evaluation.minYes);
      }),
    );
  });
});

describe('properties: options polls', () => {
  it('approval: counts ≤ non-blank voters, Σ votes = Σ choices, breakdown sums per option', () => {
    fc.assert(
      fc.property(fc.array(choiceArb), (ballots) => {
        const r = countPoll(
          { method: 'approval', options: OPTIONS, triadBreakdown: true },
          ballots,
        );
        for (const id of OPTIONS) {
          expect(r.details.votes[id]).toBeLessThanOrEqual(r.details.nonBlankVoters);
          const parts = [...TRIAD_ROLES, 'unattributed' as const].map(
            (k) => r.byRole![k].ranking.find((x) => x.optionId === id)?.value ?? 0,
          );
          expect(parts.reduce((s, v) => s + v, 0)).toBe(r.details.votes[id]);
        }
        expect(r.details.totalVotes).toBe(ballots.reduce((s, b) => s + b.choices.length, 0));
        expect(isCompetitionRanking(r.ranking)).toBe(true);
      }),
    );
  });

  it('points: Σ points = Σ points of the valid ballots; with requireAllPoints = valid × N', () => {
    fc.assert(
      fc.property(fc.array(pointsArb), fc.boolean(), (ballots, all) => {
        const poll: PointsPoll = {
          method: 'points',
          options: OPTIONS,
          pointsPerVoter: 5,
          maxPerOption: 3,
          requireAllPoints: all,
        };
        const r = countPoll(poll, ballots);
        const valid = ballots.filter((b) => validateBallot(poll, b).valid);
        const spent = valid.reduce(
          (s, b) => s + Object.values(b.points).reduce((x, y) => x + y, 0),
          0,
        );
        expect(r.details.totalPoints).toBe(spent);
        expect(r.participation.validBallots + r.rejected.length).toBe(ballots.length);
        if (all) expect(r.details.totalPoints).toBe(valid.length * 5);
        for (const x of r.ranking) expect(x.value).toBeLessThanOrEqual(valid.length * 3);
        expect(isCompetitionRanking(r.ranking)).toBe(true);
      }),
    );
  });

  it('points: result does not depend on ballot order', () => {
    fc.assert(
      fc.property(fc.array(pointsArb), keys, (ballots, k) => {
        const poll: PointsPoll = {
          method: 'points',
          options: OPTIONS,
          pointsPerVoter: 5,
          triadAgreement: true,
        };
        expect(stripIndexes(countPoll(poll, permute(ballots, k)))).toEqual(
          stripIndexes(countPoll(poll, ballots)),
        );
      }),
    );
  });

  it('Borda: totals equal Σ over ballots of (k − rank + 1)', () => {
    fc.assert(
      fc.property(fc.array(rankingArb), fc.integer({ min: 1, max: 5 }), (ballots, k) => {
        const r = countPoll({ method: 'borda', options: OPTIONS, maxRanks: k }, ballots);
        const valid = ballots.filter((b) => b.ranking.length <= k);
        expect(r.rejected.length).toBe(ballots.length - valid.length);
        for (const id of OPTIONS) {
          const expected = valid.reduce(
            (s, b) => s + bordaPoints(b.ranking.find((e) => e.optionId === id)?.rank ?? 0, k),
            0,
          );
          expect(r.details.points[id]).toBe(expected);
        }
        expect(isCompetitionRanking(r.ranking)).toBe(true);
      }),
    );
  });

  it('Schulze: a Condorcet winner, when one exists, is the unique Schulze winner', () => {
    fc.assert(
      fc.property(fc.array(rankingArb, { maxLength: 15 }), (ballots) => {
        const r = countPoll({ method: 'schulze', options: OPTIONS }, ballots);
        const cw = r.details.condorcetWinner;
        if (cw !== null && ballots.length > 0) {
          expect(r.winner).toBe(cw);
          expect(r.winners).toEqual([cw]);
        }
        // d[i][j] + d[j][i] ≤ voters, and the ranking is ordered by wins
        const n = OPTIONS.length;
        for (let i = 0; i < n; i += 1)
          for (let j = 0; j < n; j += 1) {
            expect((r.details.d[i]?.[j] ?? 0) + (r.details.d[j]?.[i] ?? 0)).toBeLessThanOrEqual(
              ballots.length,
            );
          }
        expect(isCompetitionRanking(r.ranking)).toBe(true);
      }),
    );
  });

  it('Schulze: result (matrices, ranking, triad breakdown) does not depend on ballot order', () => {
    fc.assert(
      fc.property(fc.array(rankingArb, { maxLength: 12 }), keys, (ballots, k) => {
        const poll = { method: 'schulze' as const, options: OPTIONS, triadAgreement: true };
        const a = countPoll(poll, ballots);
        const b = countPoll(poll, permute(ballots, k));
        expect(stripIndexes(b)).toEqual(stripIndexes(a));
      }),
    );
  });

  it('score: averages are exact totals / raters and ranks follow them', () => {
    const scoreArb = fc.record({
      a: fc.integer({ min: 0, max: 5 }),
      b: fc.integer({ min: 0, max: 5 }),
      c: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(fc.array(scoreArb, { minLength: 1 }), (rows) => {
        const r = countPoll(
          { method: 'score', options: ['a', 'b', 'c'] },
          rows.map((scores) => ({ kind: 'individual', scores })),
        );
        for (const id of ['a', 'b', 'c'] as const) {
          const total = rows.reduce((s, x) => s + x[id], 0);
          const opt = r.details.options[id];
          expect(opt?.total).toBe(total);
          expect((opt?.average?.numerator ?? 0) * rows.length).toBe(
            total * (opt?.average?.denominator ?? 0),
          );
        }
        expect(isCompetitionRanking(r.ranking)).toBe(true);
      }),
    );
  });

  it('single choice: the chair tie-break never changes the raw ranking or the reported ties', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(...OPTIONS).map((o) => ({ kind: 'individual' as const, choices: [o] })),
        ),
        fc.shuffledSubarray(OPTIONS, { minLength: 5 }),
        (ballots, order) => {
          const plain = countPoll({ method: 'singleChoice', options: OPTIONS }, ballots);
          const chair = countPoll(
            {
              method: 'singleChoice',
              options: OPTIONS,
              tieRule: 'chairDecides',
              chairTieBreak: order,
            },
            ballots,
          );
          expect(chair.ranking).toEqual(plain.ranking);
          expect(chair.ties).toEqual(plain.ties);
          if (ballots.length > 0) expect(chair.winner).not.toBeNull();
          if (plain.status === 'decided') expect(chair.winner).toBe(plain.winner);
        },
      ),
    );
  });
});
