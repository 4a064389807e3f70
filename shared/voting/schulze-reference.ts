// The straightforward Schulze count this engine used before issue 12 (nested number[][],
// every pair of every ballot compared). Kept only as the reference the property test compares
// the typed-array count in schulze.ts against; not exported from index.ts.
import type { MethodTally } from './method-tally';
import { rankOptions } from './ranking';

export interface ReferenceSchulzeDetails {
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

export function pairwiseMatrix(
  optionIds: readonly string[],
  ballots: readonly WeightedOrder[],
): number[][] {
  const n = optionIds.length;
  const index = new Map(optionIds.map((id, i) => [id, i]));
  const d = Array.from({ length: n }, () => Array<number>(n).fill(0));
  for (const b of ballots) {
    const pos = Array<number>(n).fill(Number.POSITIVE_INFINITY);
    b.order.forEach((id, rank) => {
      const i = index.get(id);
      if (i !== undefined) pos[i] = rank;
    });
    for (let i = 0; i < n; i += 1) {
      const row = d[i] as number[];
      for (let j = 0; j < n; j += 1)
        if ((pos[i] as number) < (pos[j] as number)) row[j] = (row[j] as number) + b.voters;
    }
  }
  return d;
}

export function strongestPaths(d: readonly (readonly number[])[]): number[][] {
  const n = d.length;
  const at = (m: readonly (readonly number[])[], i: number, j: number) =>
    (m[i] as number[])[j] as number;
  const p = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i !== j && at(d, i, j) > at(d, j, i) ? at(d, i, j) : 0)),
  );
  for (let k = 0; k < n; k += 1) {
    for (let i = 0; i < n; i += 1) {
      if (i === k) continue;
      for (let j = 0; j < n; j += 1) {
        if (j === k || j === i) continue;
        const via = Math.min(at(p, i, k), at(p, k, j));
        if (via > at(p, i, j)) (p[i] as number[])[j] = via;
      }
    }
  }
  return p;
}

export function condorcetWinner(
  optionIds: readonly string[],
  d: readonly (readonly number[])[],
): string | null {
  const n = optionIds.length;
  for (let i = 0; i < n; i += 1) {
    let beatsAll = true;
    for (let j = 0; j < n && beatsAll; j += 1) {
      if (i !== j && !(((d[i] as number[])[j] as number) > ((d[j] as number[])[i] as number)))
        beatsAll = false;
    }
    if (beatsAll) return optionIds[i] as string;
  }
  return null;
}

/** The whole Schulze computation on weighted rankings. */
export function referenceSchulze(
  optionIds: readonly string[],
  ballots: readonly WeightedOrder[],
): MethodTally<ReferenceSchulzeDetails> {
  const d = pairwiseMatrix(optionIds, ballots);
  const p = strongestPaths(d);
  const wins = new Map<string, number>();
  optionIds.forEach((id, i) => {
    let w = 0;
    optionIds.forEach((_, j) => {
      if (i !== j && ((p[i] as number[])[j] as number) > ((p[j] as number[])[i] as number)) w += 1;
    });
    wins.set(id, w);
  });
  const get = (id: string) => wins.get(id) ?? 0;
  const { ranking, ties } = rankOptions(optionIds, get, (a, b) => get(b) - get(a));
  let voters = 0;
  for (const b of ballots) voters += b.voters;
  return {
    ranking,
    ties,
    voters,
    blank: 0,
    details: {
      optionIds: [...optionIds],
      d,
      p,
      wins: Object.fromEntries(wins),
      condorcetWinner: condorcetWinner(optionIds, d),
    },
  };
}
