// Dot voting / point allocation (bodování): N points per voter, cap per option.
import { sumMaps, sumVoters, toRecord, type MethodTally } from './method-tally';
import { rankOptions } from './ranking';
import type { PointsPoll } from './schema';
import type { PointsUnit } from './units';

export interface PointsDetails {
  points: Record<string, number>;
  /** Σ points given. Equals voters × pointsPerVoter when requireAllPoints is set. */
  totalPoints: number;
  pointsPerVoter: number;
  maxPerOption: number;
}

/** value = points; more points rank higher. */
export function tallyPoints(
  poll: PointsPoll,
  units: readonly PointsUnit[],
): MethodTally<PointsDetails> {
  const points = sumMaps(
    poll.options,
    units.map((u) => u.points),
  );
  const get = (id: string) => points.get(id) ?? 0;
  const { ranking, ties } = rankOptions(poll.options, get, (a, b) => get(b) - get(a));
  return {
    ranking,
    ties,
    ...sumVoters(units),
    details: {
      points: toRecord(points),
      totalPoints: [...points.values()].reduce((s, v) => s + v, 0),
      pointsPerVoter: poll.pointsPerVoter,
      maxPerOption: poll.maxPerOption ?? poll.pointsPerVoter,
    },
  };
}
