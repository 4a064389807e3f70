// Issue 12: the typed-array Schulze count gives exactly what the plain count gave, and the per
// role breakdown is counted only when the poll asks for it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TRIAD_ROLES } from '../domain/triad';
import { countPoll, rankingFromOrder, validateBallot, type Poll } from './index';
import { buildOptionsTally } from './options-result';
import { schulze, strongestPaths, condorcetWinner, pairwiseMatrix } from './schulze';
import {
  condorcetWinner as refCondorcet,
  pairwiseMatrix as refPairwise,
  referenceSchulze,
  strongestPaths as refPaths,
} from './schulze-reference';
import { tallySchulze } from './schulze';
import type { RankingUnit } from './units';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `o${i}`);

/** Orders over the poll's options plus unknown ids and repeats (the exported function takes any). */
const orderArb = (n: number) =>
  fc
    .array(fc.integer({ min: 0, max: n + 1 }), { maxLength: n + 3 })
    .map((xs) => xs.map((x) => `o${x}`));
const ballotsArb = (n: number) =>
  fc.array(
    fc.record({
      order: orderArb(n),
      voters: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 1_000_000_000 })),
    }),
    { maxLength: 40 },
  );

describe('Schulze: typed-array count = the plain reference count', () => {
  it('same d, p, wins, ranking, ties and Condorcet winner on random weighted ballots', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }).chain((n) => fc.tuple(fc.constant(n), ballotsArb(n))),
        ([n, ballots]) => {
          expect(schulze(ids(n), ballots)).toEqual(referenceSchulze(ids(n), ballots));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('the matrix helpers keep their old results', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(fc.constant(n), ballotsArb(n))),
        ([n, ballots]) => {
          const d = pairwiseMatrix(ids(n), ballots);
          expect(d).toEqual(refPairwise(ids(n), ballots));
          expect(strongestPaths(d)).toEqual(refPaths(d));
          expect(condorcetWinner(ids(n), d)).toBe(refCondorcet(ids(n), d));
        },
      ),
    );
  });

  it('a full count of 2,000 random ballots over 30 options equals the reference', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const options = ids(30);
    const units: RankingUnit[] = Array.from({ length: 2000 }, (_, i) => {
      const order = [...options].sort(() => rnd() - 0.5).slice(0, Math.floor(rnd() * 31));
      return { role: TRIAD_ROLES[i % 4] ?? null, voters: 1 + (i % 3), blank: 0, order };
    });
    const poll = { method: 'schulze' as const, options };
    const tally = tallySchulze(poll, units);
    const ref = referenceSchulze(options, units);
    expect(tally.details).toEqual(ref.details);
    expect(tally.ranking).toEqual(ref.ranking);
    expect(tally.ties).toEqual(ref.ties);
  });
});

describe('per-role counts only when asked', () => {
  const options = ['a', 'b', 'c'];
  const ballots = [
    { kind: 'individual', role: 'user', ranking: rankingFromOrder(['a', 'b']) },
    { kind: 'individual', role: 'provider', ranking: rankingFromOrder(['b', 'c', 'a']) },
    { kind: 'aggregate', groups: [{ count: 2, ranking: rankingFromOrder(['c']) }] },
  ];
  const polls: Poll[] = [
    { method: 'schulze', options },
    { method: 'borda', options },
    { method: 'singleChoice', options },
    { method: 'resolution', base: 'votesCast', majority: 'simple', tieRule: 'rejected' },
  ];
  const ballotsFor = (p: Poll) =>
    p.method === 'singleChoice'
      ? [{ kind: 'individual', role: 'user', choices: ['a'] }]
      : p.method === 'resolution'
        ? [{ kind: 'individual', role: 'user', vote: 'yes' }]
        : ballots;

  it.each(polls.map((p) => [p.method, p] as const))('%s: no byRole unless asked', (_, poll) => {
    const plain = countPoll(poll, ballotsFor(poll));
    expect('byRole' in plain).toBe(false);
    expect(plain.triadAgreement).toBeNull();
    for (const ask of [{ triadBreakdown: true }, { triadAgreement: true }]) {
      const asked = countPoll({ ...poll, ...ask }, ballotsFor(poll));
      expect(Object.keys(asked.byRole ?? {})).toEqual(['unattributed', ...TRIAD_ROLES]);
      expect(asked.byRole?.user.voters).toBe(1);
      // Everything else is the same count.
      const { byRole: _b, triadAgreement: _t, ...rest } = asked;
      const { triadAgreement: _t2, ...restPlain } = plain;
      expect(rest).toEqual(restPlain);
    }
  });

  it('the Schulze breakdown per role equals a count of that role alone', () => {
    const r = countPoll({ method: 'schulze', options, triadBreakdown: true }, ballots);
    const userOnly = countPoll({ method: 'schulze', options }, [ballots[0]]);
    expect(r.byRole?.user.ranking).toEqual(userOnly.ranking);
    expect(r.byRole?.unattributed.voters).toBe(2);
    expect(r.byRole?.commissioner).toEqual({
      voters: 0,
      blank: 0,
      ranking: expect.any(Array),
      winners: [],
    });
  });

  it('the method runs once when nobody asks, once per role and the unattributed when asked', () => {
    const units: RankingUnit[] = [
      { role: 'user', voters: 1, blank: 0, order: ['a'] },
      { role: null, voters: 1, blank: 0, order: ['b'] },
    ];
    let calls = 0;
    const tally = (u: readonly RankingUnit[]) => {
      calls += 1;
      return tallySchulze({ method: 'schulze', options }, u);
    };
    buildOptionsTally({ method: 'schulze' }, units, tally, null);
    expect(calls).toBe(1);
    calls = 0;
    buildOptionsTally({ method: 'schulze', triadBreakdown: true }, units, tally, null);
    expect(calls).toBe(1 + 1 + TRIAD_ROLES.length);
  });
});

describe('ranking ballots recognised without the schema parse', () => {
  const poll: Poll = { method: 'schulze', options: ['a', 'b', 'c'] };
  it.each([
    [{ kind: 'individual', ranking: [{ optionId: 'a', rank: 1, x: 1 }] }],
    [{ kind: 'individual', ranking: [{ optionId: 'a', rank: 1 }], extra: true }],
    [{ kind: 'individual', role: undefined, ranking: [{ optionId: 'a', rank: 1 }] }],
  ])('a ballot with keys to strip still goes through the schema: %j', (ballot) => {
    const v = validateBallot(poll, ballot);
    expect(v.valid).toBe(true);
    if (v.valid)
      expect(v.ballot).toEqual({ kind: 'individual', ranking: [{ optionId: 'a', rank: 1 }] });
  });
  it.each([
    [{ kind: 'individual', voterId: '', ranking: [] }],
    [{ kind: 'individual', role: 'mayor', ranking: [] }],
    [{ kind: 'individual', ranking: [{ optionId: 'a', rank: Number.NaN }] }],
    [{ kind: 'individual', ranking: [{ optionId: 'a', rank: Infinity }] }],
    [{ kind: 'individual', ranking: [{ optionId: 1, rank: 1 }] }],
    [{ kind: 'individual', ranking: [null] }],
  ])('malformed stays malformed: %j', (ballot) => {
    expect(validateBallot(poll, ballot)).toEqual({ valid: false, issues: [{ code: 'MALFORMED' }] });
  });
  it('issues of a plain ballot are the same as before (duplicate rank beyond the length)', () => {
    const v = validateBallot(poll, {
      kind: 'individual',
      ranking: [
        { optionId: 'a', rank: 3 },
        { optionId: 'b', rank: 3 },
      ],
    });
    expect(v.valid ? [] : v.issues).toEqual([{ code: 'DUPLICATE_RANK', optionId: 'b', rank: 3 }]);
  });
});
