// Shared ranking: competition ranks with ties (1, 2, 2, 4), explicit tie groups, and the
// visible application of the chair's tie-break order.

export interface RankedOption {
  optionId: string;
  /** What the method counts: votes, points, Borda points, Schulze wins, score average/total. */
  value: number;
  /** Competition rank: 1 + number of options strictly better. Tied options share a rank. */
  rank: number;
}

export interface TieGroup {
  rank: number;
  optionIds: string[];
}

/**
 * Orders options best first. `compare(a, b)` < 0 means a is better, 0 means tied.
 * Tied options are listed in poll option order (a display order, not a tie-break).
 */
export function rankOptions(
  optionIds: readonly string[],
  value: (optionId: string) => number,
  compare: (a: string, b: string) => number,
): { ranking: RankedOption[]; ties: TieGroup[] } {
  const position = new Map(optionIds.map((id, i) => [id, i]));
  const sorted = [...optionIds].sort(
    (a, b) => compare(a, b) || (position.get(a) ?? 0) - (position.get(b) ?? 0),
  );
  const ranking: RankedOption[] = [];
  sorted.forEach((id, i) => {
    const prev = ranking[i - 1];
    const rank = prev && compare(sorted[i - 1] as string, id) === 0 ? prev.rank : i + 1;
    ranking.push({ optionId: id, value: value(id), rank });
  });
  return { ranking, ties: tieGroups(ranking) };
}

/** Groups of two or more options sharing a rank, best rank first. */
export function tieGroups(ranking: readonly RankedOption[]): TieGroup[] {
  const byRank = new Map<number, string[]>();
  for (const r of ranking) byRank.set(r.rank, [...(byRank.get(r.rank) ?? []), r.optionId]);
  return [...byRank.entries()]
    .filter(([, ids]) => ids.length > 1)
    .sort(([a], [b]) => a - b)
    .map(([rank, optionIds]) => ({ rank, optionIds }));
}

/** The options with rank 1. */
export function topGroup(ranking: readonly RankedOption[]): string[] {
  return ranking.filter((r) => r.rank === 1).map((r) => r.optionId);
}

export interface ChairTieResolution {
  /** Rank the tied group shared before the chair's decision. */
  rank: number;
  tied: string[];
  /** The tied options in the order the chair decided (best first); new ranks rank, rank+1, … */
  order: string[];
}

export interface ChairTieBreak {
  appliedBy: 'chair';
  chairOrder: string[];
  resolved: ChairTieResolution[];
  /** Tie groups the chair's order does not fully cover; they stay tied. */
  unresolved: TieGroup[];
  /** The ranking after the chair's decision. */
  ranking: RankedOption[];
}

/**
 * Breaks each tie group whose options all appear in `chairOrder`, ordering them as the chair
 * listed them. A group with an option the chair did not list stays tied (never guessed).
 */
export function applyChairTieBreak(
  ranking: readonly RankedOption[],
  ties: readonly TieGroup[],
  chairOrder: readonly string[],
): ChairTieBreak {
  const chairPos = new Map(chairOrder.map((id, i) => [id, i]));
  const resolved: ChairTieResolution[] = [];
  const unresolved: TieGroup[] = [];
  const newRank = new Map<string, number>();
  for (const group of ties) {
    if (!group.optionIds.every((id) => chairPos.has(id))) {
      unresolved.push(group);
      continue;
    }
    const order = [...group.optionIds].sort(
      (a, b) => (chairPos.get(a) ?? 0) - (chairPos.get(b) ?? 0),
    );
    order.forEach((id, i) => newRank.set(id, group.rank + i));
    resolved.push({ rank: group.rank, tied: [...group.optionIds], order });
  }
  const after = ranking
    .map((r) => ({ ...r, rank: newRank.get(r.optionId) ?? r.rank }))
    .sort((a, b) => a.rank - b.rank);
  return { appliedBy: 'chair', chairOrder: [...chairOrder], resolved, unresolved, ranking: after };
}
