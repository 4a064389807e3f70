// The common shape every option-ranking method returns for a set of units.
import type { RankedOption, TieGroup } from './ranking';

export interface MethodTally<D> {
  /** Best first, competition ranks (1, 2, 2, 4). */
  ranking: RankedOption[];
  ties: TieGroup[];
  /** People represented by the counted units. */
  voters: number;
  /** Of those, blank ballots. */
  blank: number;
  details: D;
}

export function sumVoters(units: readonly { voters: number; blank: number }[]): {
  voters: number;
  blank: number;
} {
  let voters = 0;
  let blank = 0;
  for (const u of units) {
    voters += u.voters;
    blank += u.blank;
  }
  return { voters, blank };
}

/** Adds per-option numbers of several maps; every option starts at 0. */
export function sumMaps(
  optionIds: readonly string[],
  maps: Iterable<Map<string, number>>,
  weight: (i: number) => number = () => 1,
): Map<string, number> {
  const out = new Map(optionIds.map((id) => [id, 0]));
  let i = 0;
  for (const m of maps) {
    const w = weight(i);
    for (const [id, v] of m) out.set(id, (out.get(id) ?? 0) + v * w);
    i += 1;
  }
  return out;
}

export function toRecord(map: ReadonlyMap<string, number>): Record<string, number> {
  return Object.fromEntries(map);
}
