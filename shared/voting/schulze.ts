// Condorcet / Schulze (beatpath) method with winning-votes link strength.
//
//   d[i][j] = number of voters preferring option i to option j. A ranked option is preferred to
//             every unranked option; unranked options are tied with each other.
//   p[i][j] = strength of the strongest path from i to j, where a direct link i→j has strength
//             d[i][j] if d[i][j] > d[j][i] and 0 otherwise; a path is as strong as its weakest
//             link (Floyd–Warshall widest path).
//   i beats j ⇔ p[i][j] > p[j][i]. This relation is transitive (Schulze 2011).
//   value (wins) = number of options i beats; rank = competition rank by wins. If i beats j
//   then wins(i) > wins(j), so equal wins means neither beats the other (a real tie).
//   Condorcet winner: the option i with d[i][j] > d[j][i] for every j ≠ i (if any).
//
// Speed (issue 12): the matrices are flat Float64Arrays (exact for integers up to 2^53; vote
// counts are capped at 10^9 per ballot) and d is counted without comparing unranked pairs:
//   i is preferred to j ⇔ i is ranked and j is not ranked above i, so
//   d[i][j] = ranked[i] − above[j][i], where ranked[i] counts the voters who ranked i and
//   above[j][i] those who ranked both with j first. A ballot ranking m options costs m(m−1)/2
//   additions instead of n². schulze-reference.ts keeps the plain count; a property test
//   compares both on random ballots.
import { sumVoters, type MethodTally } from './method-tally';
import { rankOptions } from './ranking';
import type { RankingPoll } from './schema';
import type { RankingUnit } from './units';

export interface SchulzeDetails {
  /** Row/column order of the matrices (= poll option order). */
  optionIds: string[];
  d: number[][];
  p: number[][];
  wins: Record<string, number>;
  condorcetWinner: string | null;
}

export interface WeightedOrder {
  /** Option ids, best first; options not listed are tied below all listed ones. */
  order: readonly string[];
  voters: number;
}

/** d as a flat row-major n×n array (d[i*n + j]). Unknown option ids in an order are ignored. */
export function pairwiseFlat(
  optionIds: readonly string[],
  ballots: readonly WeightedOrder[],
): Float64Array {
  const n = optionIds.length;
  const index = new Map<string, number>();
  optionIds.forEach((id, i) => index.set(id, i));
  const above = new Float64Array(n * n);
  const ranked = new Float64Array(n);
  const seen = new Int32Array(n).fill(-1);
  const idx = new Int32Array(n);
  const rev = new Int32Array(n);
  for (let b = 0; b < ballots.length; b += 1) {
    const ballot = ballots[b] as WeightedOrder;
    const w = ballot.voters;
    const order = ballot.order;
    // Walk from the end: a repeated id counts at its last place, as in the plain count
    // (validation refuses repeats; this keeps the exported function identical anyway).
    let m = 0;
    for (let r = order.length - 1; r >= 0; r -= 1) {
      const i = index.get(order[r] as string);
      if (i === undefined || seen[i] === b) continue;
      seen[i] = b;
      rev[m] = i;
      m += 1;
    }
    for (let r = 0; r < m; r += 1) idx[r] = rev[m - 1 - r] as number;
    for (let r = 0; r < m; r += 1) {
      const i = idx[r] as number;
      ranked[i] = (ranked[i] as number) + w;
      const row = i * n;
      for (let s = r + 1; s < m; s += 1) {
        const k = row + (idx[s] as number);
        above[k] = (above[k] as number) + w;
      }
    }
  }
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) {
    const ri = ranked[i] as number;
    for (let j = 0; j < n; j += 1) {
      if (i !== j) d[i * n + j] = ri - (above[j * n + i] as number);
    }
  }
  return d;
}

/** Widest paths (Floyd–Warshall) over the flat d; returns the flat p. */
export function strongestPathsFlat(d: Float64Array, n: number): Float64Array {
  const p = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j < n; j += 1) {
      const dij = d[i * n + j] as number;
      if (i !== j && dij > (d[j * n + i] as number)) p[i * n + j] = dij;
    }
  }
  for (let k = 0; k < n; k += 1) {
    const rowK = k * n;
    for (let i = 0; i < n; i += 1) {
      if (i === k) continue;
      const rowI = i * n;
      const pik = p[rowI + k] as number;
      if (pik === 0) continue; // min(0, x) never improves a path
      for (let j = 0; j < n; j += 1) {
        if (j === k || j === i) continue;
        const pkj = p[rowK + j] as number;
        const via = pik < pkj ? pik : pkj;
        if (via > (p[rowI + j] as number)) p[rowI + j] = via;
      }
    }
  }
  return p;
}

function toRows(flat: Float64Array, n: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < n; i += 1) rows.push(Array.from(flat.subarray(i * n, i * n + n)));
  return rows;
}

export function pairwiseMatrix(
  optionIds: readonly string[],
  ballots: readonly WeightedOrder[],
): number[][] {
  return toRows(pairwiseFlat(optionIds, ballots), optionIds.length);
}

export function strongestPaths(d: readonly (readonly number[])[]): number[][] {
  const n = d.length;
  return toRows(strongestPathsFlat(Float64Array.from(d.flat()), n), n);
}

function condorcetIndex(d: Float64Array, n: number): number {
  for (let i = 0; i < n; i += 1) {
    let beatsAll = true;
    for (let j = 0; j < n && beatsAll; j += 1) {
      if (i !== j && !((d[i * n + j] as number) > (d[j * n + i] as number))) beatsAll = false;
    }
    if (beatsAll) return i;
  }
  return -1;
}

export function condorcetWinner(
  optionIds: readonly string[],
  d: readonly (readonly number[])[],
): string | null {
  const i = condorcetIndex(Float64Array.from(d.flat()), optionIds.length);
  return i < 0 ? null : (optionIds[i] as string);
}

/** The whole Schulze computation on weighted rankings. */
export function schulze(
  optionIds: readonly string[],
  ballots: readonly WeightedOrder[],
): MethodTally<SchulzeDetails> {
  const n = optionIds.length;
  const d = pairwiseFlat(optionIds, ballots);
  const p = strongestPathsFlat(d, n);
  const wins = new Map<string, number>();
  for (let i = 0; i < n; i += 1) {
    let w = 0;
    for (let j = 0; j < n; j += 1) {
      if (i !== j && (p[i * n + j] as number) > (p[j * n + i] as number)) w += 1;
    }
    wins.set(optionIds[i] as string, w);
  }
  const get = (id: string) => wins.get(id) ?? 0;
  const { ranking, ties } = rankOptions(optionIds, get, (a, b) => get(b) - get(a));
  let voters = 0;
  for (const b of ballots) voters += b.voters;
  const cw = condorcetIndex(d, n);
  return {
    ranking,
    ties,
    voters,
    blank: 0,
    details: {
      optionIds: [...optionIds],
      d: toRows(d, n),
      p: toRows(p, n),
      wins: Object.fromEntries(wins),
      condorcetWinner: cw < 0 ? null : (optionIds[cw] as string),
    },
  };
}

export function tallySchulze(
  poll: RankingPoll,
  units: readonly RankingUnit[],
): MethodTally<SchulzeDetails> {
  return { ...schulze(poll.options, units), ...sumVoters(units) };
}
