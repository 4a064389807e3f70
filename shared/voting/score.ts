// Score voting: every option rated on a scale (default 0–5); totals and exact averages.
import { compareFractions, ratio, type Ratio } from './arithmetic';
import { sumMaps, sumVoters, type MethodTally } from './method-tally';
import { rankOptions } from './ranking';
import type { ScorePoll } from './schema';
import type { ScoreUnit } from './units';

export interface OptionScore {
  total: number;
  /** How many people rated the option. */
  raters: number;
  /** total / raters, exact and rounded; null when nobody rated the option. */
  average: Ratio | null;
}

export interface ScoreDetails {
  options: Record<string, OptionScore>;
  scaleMin: number;
  scaleMax: number;
  rankBy: 'average' | 'total';
}

/**
 * value = average (rounded, rankBy 'average', the default) or total. Ranking uses the exact
 * fractions; an option nobody rated ranks below every rated option.
 */
export function tallyScore(
  poll: ScorePoll,
  units: readonly ScoreUnit[],
): MethodTally<ScoreDetails> {
  const totals = sumMaps(
    poll.options,
    units.map((u) => u.totals),
  );
  const raters = sumMaps(
    poll.options,
    units.map((u) => u.raters),
  );
  const rankBy = poll.rankBy ?? 'average';
  const options: Record<string, OptionScore> = {};
  for (const id of poll.options) {
    const total = totals.get(id) ?? 0;
    const r = raters.get(id) ?? 0;
    options[id] = { total, raters: r, average: ratio(total, r) };
  }
  const score = (id: string) => options[id] as OptionScore;
  const value = (id: string) =>
    rankBy === 'total' ? score(id).total : (score(id).average?.decimal ?? 0);
  const compare = (a: string, b: string): number => {
    if (rankBy === 'total') return score(b).total - score(a).total;
    const fa = score(a).average;
    const fb = score(b).average;
    if (!fa || !fb) return (fb ? 1 : 0) - (fa ? 1 : 0);
    return compareFractions(fb, fa);
  };
  const { ranking, ties } = rankOptions(poll.options, value, compare);
  return {
    ranking,
    ties,
    ...sumVoters(units),
    details: { options, scaleMin: poll.scaleMin ?? 0, scaleMax: poll.scaleMax ?? 5, rankBy },
  };
}
