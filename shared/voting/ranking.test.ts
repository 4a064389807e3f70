import { describe, expect, it } from 'vitest';
import { countPoll, rankingFromOrder, schulze, type BordaPoll, type SchulzePoll } from './index';

const rank = (
  order: string,
  extra: { voterId?: string; role?: 'commissioner' | 'provider' | 'user' | 'public' } = {},
) => ({
  kind: 'individual' as const,
  ranking: rankingFromOrder(order.split('')),
  ...extra,
});

describe('Borda', () => {
  // DOMAIN §7.4 (Ostrava-Hrabová): top 10, 1st place = 10 points … 10th = 1 point.
  const options = 'abcdefghijkl'.split(''); // 12 options
  const poll: BordaPoll = { method: 'borda', options, maxRanks: 10 };

  it('top-10 Borda: 1st = 10 points … 10th = 1, unranked 0', () => {
    const r = countPoll(poll, [rank('abcdefghij'), rank('bac'), rank('k')]);
    expect(r.details.pointsForRank).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    // a: 10 + 9 = 19, b: 9 + 10 = 19, c: 8 + 8 = 16, d: 7, …, j: 1, k: 10, l: 0
    expect(r.details.points).toEqual({
      a: 19,
      b: 19,
      c: 16,
      d: 7,
      e: 6,
      f: 5,
      g: 4,
      h: 3,
      i: 2,
      j: 1,
      k: 10,
      l: 0,
    });
    expect(r.details.totalPoints).toBe(55 + 27 + 10);
    expect(r.ranking.slice(0, 4)).toEqual([
      { optionId: 'a', value: 19, rank: 1 },
      { optionId: 'b', value: 19, rank: 1 },
      { optionId: 'c', value: 16, rank: 3 },
      { optionId: 'k', value: 10, rank: 4 },
    ]);
    expect(r.ties).toEqual([{ rank: 1, optionIds: ['a', 'b'] }]);
    expect(r.status).toBe('tie');
  });

  it('full Borda over 4 options: 4, 3, 2, 1 points', () => {
    const r = countPoll({ method: 'borda', options: ['a', 'b', 'c', 'd'] }, [
      rank('abcd'),
      rank('bcda'),
      rank('ab'),
    ]);
    // a: 4 + 1 + 4 = 9, b: 3 + 4 + 3 = 10, c: 2 + 3 = 5, d: 1 + 2 = 3
    expect(r.details.points).toEqual({ a: 9, b: 10, c: 5, d: 3 });
    expect(r.winner).toBe('b');
  });

  it('the chair resolves the tie visibly', () => {
    const r = countPoll({ ...poll, tieRule: 'chairDecides', chairTieBreak: ['b', 'a'] }, [
      rank('abcdefghij'),
      rank('bac'),
      rank('k'),
    ]);
    expect(r.status).toBe('tieResolvedByChair');
    expect(r.winner).toBe('b');
    expect(r.tieBreak?.resolved).toEqual([{ rank: 1, tied: ['a', 'b'], order: ['b', 'a'] }]);
  });

  it('rejects duplicate ranks, duplicate options, gaps, ranks beyond k and unknown options', () => {
    const bad = [
      {
        kind: 'individual' as const,
        ranking: [
          { optionId: 'a', rank: 1 },
          { optionId: 'b', rank: 1 },
        ],
      },
      {
        kind: 'individual' as const,
        ranking: [
          { optionId: 'a', rank: 1 },
          { optionId: 'a', rank: 2 },
        ],
      },
      {
        kind: 'individual' as const,
        ranking: [
          { optionId: 'a', rank: 1 },
          { optionId: 'b', rank: 3 },
        ],
      },
      { kind: 'individual' as const, ranking: [{ optionId: 'a', rank: 11 }] },
      { kind: 'individual' as const, ranking: [{ optionId: 'zz', rank: 1 }] },
      { kind: 'individual' as const, ranking: [] },
      { kind: 'individual' as const, ranking: [{ optionId: 'a', rank: 1.5 }] },
    ];
    const r = countPoll(poll, bad);
    expect(r.rejected.map((x) => x.issues[0]?.code)).toEqual([
      'DUPLICATE_RANK',
      'DUPLICATE_OPTION',
      'RANK_GAP',
      'RANK_OUT_OF_RANGE',
      'UNKNOWN_OPTION',
      'TOO_FEW_CHOICES',
      'NON_INTEGER',
    ]);
    expect(r.status).toBe('noVotes');
  });
});

describe('Schulze (Wikipedia 45-voter example)', () => {
  // https://en.wikipedia.org/wiki/Schulze_method#Example
  const groups: [number, string][] = [
    [5, 'ACBED'],
    [5, 'ADECB'],
    [8, 'BEDAC'],
    [3, 'CABED'],
    [7, 'CAEBD'],
    [2, 'CBADE'],
    [7, 'DCEBA'],
    [8, 'EBADC'],
  ];
  const poll: SchulzePoll = { method: 'schulze', options: ['A', 'B', 'C', 'D', 'E'] };
  const aggregate = {
    kind: 'aggregate' as const,
    groups: groups.map(([count, s]) => ({ count, ranking: rankingFromOrder(s.split('')) })),
  };

  it('pairwise matrix d, strongest paths p, ranking E > A > C > B > D', () => {
    const r = countPoll(poll, [aggregate]);
    expect(r.details.d).toEqual([
      [0, 20, 26, 30, 22],
      [25, 0, 16, 33, 18],
      [19, 29, 0, 17, 24],
      [15, 12, 28, 0, 14],
      [23, 27, 21, 31, 0],
    ]);
    expect(r.details.p).toEqual([
      [0, 28, 28, 30, 24],
      [25, 0, 28, 33, 24],
      [25, 29, 0, 29, 24],
      [25, 28, 28, 0, 24],
      [25, 28, 28, 31, 0],
    ]);
    expect(r.ranking).toEqual([
      { optionId: 'E', value: 4, rank: 1 },
      { optionId: 'A', value: 3, rank: 2 },
      { optionId: 'C', value: 2, rank: 3 },
      { optionId: 'B', value: 1, rank: 4 },
      { optionId: 'D', value: 0, rank: 5 },
    ]);
    expect(r.details.condorcetWinner).toBeNull(); // the example has a cycle
    expect(r.winner).toBe('E');
    expect(r.participation.votersRepresented).toBe(45);
  });

  it('gives the same result from 45 individual ballots', () => {
    const ballots = groups.flatMap(([count, s]) => Array.from({ length: count }, () => rank(s)));
    const r = countPoll(poll, ballots);
    expect(r.winner).toBe('E');
    expect(r.details.d[0]).toEqual([0, 20, 26, 30, 22]);
  });

  it('unranked options are tied below ranked ones; Condorcet winner found', () => {
    // 3 × "A", 2 × "B > C": A vs B 3:2, A vs C 3:2, B vs C 2:0 → A is the Condorcet winner.
    const r = schulze(
      ['A', 'B', 'C'],
      [
        { order: ['A'], voters: 3 },
        { order: ['B', 'C'], voters: 2 },
      ],
    );
    expect(r.details.d).toEqual([
      [0, 3, 3],
      [2, 0, 2],
      [2, 0, 0],
    ]);
    expect(r.details.condorcetWinner).toBe('A');
    expect(r.ranking.map((x) => x.optionId)).toEqual(['A', 'B', 'C']);
  });

  it('a perfect 3-cycle ties all options', () => {
    const r = countPoll({ method: 'schulze', options: ['A', 'B', 'C'] }, [
      rank('ABC'),
      rank('BCA'),
      rank('CAB'),
    ]);
    expect(r.ties).toEqual([{ rank: 1, optionIds: ['A', 'B', 'C'] }]);
    expect(r.status).toBe('tie');
  });

  it('triad agreement: the winner must also win within each role with voters', () => {
    const r = countPoll({ method: 'schulze', options: ['A', 'B'], triadAgreement: true }, [
      rank('AB', { role: 'commissioner' }),
      rank('AB', { role: 'provider' }),
      rank('BA', { role: 'user' }),
    ]);
    expect(r.winner).toBe('A');
    expect(r.triadAgreement?.reached).toBe(false);
    expect(r.triadAgreement?.roles.user?.winners).toEqual(['B']);
    expect(r.triadAgreement?.roles.commissioner?.agrees).toBe(true);
  });
});
