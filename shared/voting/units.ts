// Normalised contributions of valid ballots. Each valid ballot becomes one or more "units";
// every method tallies units, so individual ballots and hand counts are counted the same way.
import type { TriadRole } from '../domain/triad';

interface UnitBase {
  /** Triad role, or null for aggregates and ballots without a known role ("unattributed"). */
  role: TriadRole | null;
  /** People this unit represents (1 for an individual ballot). */
  voters: number;
  /** Of those, how many cast a blank ballot / abstained. */
  blank: number;
}

export interface ResolutionUnit extends UnitBase {
  yes: number;
  no: number;
  abstain: number;
}

export interface ChoiceUnit extends UnitBase {
  /** Votes per option (approval: one voter may add to several options). */
  counts: Map<string, number>;
}

export interface PointsUnit extends UnitBase {
  points: Map<string, number>;
}

export interface RankingUnit extends UnitBase {
  /** Ranked option ids, best first; `voters` identical ballots. */
  order: string[];
}

export interface ScoreUnit extends UnitBase {
  totals: Map<string, number>;
  /** How many people rated each option. */
  raters: Map<string, number>;
}

export type Unit = ResolutionUnit | ChoiceUnit | PointsUnit | RankingUnit | ScoreUnit;
