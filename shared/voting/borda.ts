// Borda count, full or truncated to the top k places.
//   points(rank) = k − rank + 1 for rank ≤ k, unranked options get 0; full Borda: k = n options.
// Example (DOMAIN §7.4, Ostrava-Hrabová): k = 10 → 1st place 10 points … 10th place 1 point.
import { sumVoters, toRecord, type MethodTally } from './method-tally';
import { rankOptions } from './ranking';
import type { RankingPoll } from './schema';
import type { RankingUnit } from './units';

export interface BordaDetails {
  points: Record<string, number>;
  totalPoints: number;
  /** k. */
  maxRanks: number;
  /** pointsForRank[r − 1] = points for rank r. */
  pointsForRank: number[];
}

export function bordaPoints(rank: number, k: number): number {
  return rank >= 1 && rank <= k ? k - rank + 1 : 0;
}

/** value = Borda points; more points rank higher. */
export function tallyBorda(
  poll: RankingPoll,
  units: readonly RankingUnit[],
): MethodTally<BordaDetails> {
  const k = poll.maxRanks ?? poll.options.length;
  const points = new Map(poll.options.map((id) => [id, 0]));
  for (const u of units) {
    u.order.forEach((id, i) =>
      points.set(id, (points.get(id) ?? 0) + bordaPoints(i + 1, k) * u.voters),
    );
  }
  const get = (id: string) => points.get(id) ?? 0;
  const { ranking, ties } = rankOptions(poll.options, get, (a, b) => get(b) - get(a));
  return {
    ranking,
    ties,
    ...sumVoters(units),
    details: {
      points: toRecord(points),
      totalPoints: [...points.values()].reduce((s, v) => s + v, 0),
      maxRanks: k,
      pointsForRank: Array.from({ length: k }, (_, i) => bordaPoints(i + 1, k)),
    },
  };
}
