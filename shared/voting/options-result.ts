// The part of the result shared by every poll that ranks options: status, visible chair
// tie-break, triad breakdown and the agreement-across-the-triad check.
import { TRIAD_ROLES, type TriadRole } from '../domain/triad';
import type { MethodTally } from './method-tally';
import type { QuorumCheck } from './quorum';
import {
  applyChairTieBreak,
  topGroup,
  type ChairTieBreak,
  type RankedOption,
  type TieGroup,
} from './ranking';
import { asksByRole, splitByRole } from './by-role';
import type { OptionsPoll, OptionTieRule } from './schema';
import type { Unit } from './units';

export type OptionsOutcome = 'decided' | 'tie' | 'tieResolvedByChair' | 'noVotes';

export interface RoleRanking {
  voters: number;
  blank: number;
  ranking: RankedOption[];
  /** Rank-1 options within the role. */
  winners: string[];
}

export interface RoleAgreement extends RoleRanking {
  /** The role's rank 1 is the overall winner alone (false when the role cast only blank ballots). */
  agrees: boolean;
}

export interface OptionsTriadAgreement {
  /** true ⇔ there is an overall winner and it alone ranks 1st within every role that cast ballots (a role of blank ballots only does not agree); null when no role has voters. */
  reached: boolean | null;
  winner: string | null;
  roles: Partial<Record<TriadRole, RoleAgreement>>;
}

export interface OptionsTally<M extends OptionsPoll['method'], D> {
  method: M;
  /** 'noQuorum' when the quorum was not met, otherwise the outcome. */
  status: OptionsOutcome | 'noQuorum';
  /** decided: one option ranks 1st · tie: several share 1st · tieResolvedByChair · noVotes: no non-blank ballot. */
  outcome: OptionsOutcome;
  /** The counted ranking, ties kept (1, 2, 2, 4). */
  ranking: RankedOption[];
  /** Every group of tied options, wherever it is in the ranking. */
  ties: TieGroup[];
  /** Options sharing rank 1 in the counted ranking. */
  winners: string[];
  /** The single winner (after a chair's tie-break), or null. */
  winner: string | null;
  tieRule: OptionTieRule;
  /** How the chair resolved ties; null when no tie-break was applied. */
  tieBreak: ChairTieBreak | null;
  /** `tieBreak.ranking` when the chair broke ties, else `ranking`. */
  finalRanking: RankedOption[];
  details: D;
  /**
   * Per triad role; 'unattributed' holds hand counts and ballots without a role. Present only
   * when the poll asks for it (triadBreakdown or triadAgreement): each role is a whole count.
   */
  byRole?: Record<TriadRole | 'unattributed', RoleRanking>;
  triadAgreement: OptionsTriadAgreement | null;
}

export function buildOptionsTally<M extends OptionsPoll['method'], D, U extends Unit>(
  poll: { method: M } & Pick<
    OptionsPoll,
    'tieRule' | 'chairTieBreak' | 'triadAgreement' | 'triadBreakdown'
  >,
  units: readonly U[],
  tally: (units: readonly U[]) => MethodTally<D>,
  quorum: QuorumCheck | null,
): OptionsTally<M, D> {
  const main = tally(units);
  const winners = topGroup(main.ranking);
  const tieRule = poll.tieRule ?? 'none';
  const noVotes = main.voters - main.blank === 0;

  let tieBreak: ChairTieBreak | null = null;
  if (!noVotes && tieRule === 'chairDecides' && poll.chairTieBreak && main.ties.length > 0) {
    tieBreak = applyChairTieBreak(main.ranking, main.ties, poll.chairTieBreak);
  }
  const finalRanking = tieBreak ? tieBreak.ranking : main.ranking;
  const finalWinners = topGroup(finalRanking);

  let outcome: OptionsOutcome;
  if (noVotes) outcome = 'noVotes';
  else if (winners.length === 1) outcome = 'decided';
  else if (finalWinners.length === 1) outcome = 'tieResolvedByChair';
  else outcome = 'tie';
  const winner =
    outcome === 'decided' || outcome === 'tieResolvedByChair' ? (finalWinners[0] ?? null) : null;

  const roleRanking = (list: readonly U[]): RoleRanking => {
    const t = tally(list);
    const winners = t.voters - t.blank === 0 ? [] : topGroup(t.ranking);
    return { voters: t.voters, blank: t.blank, ranking: t.ranking, winners };
  };
  const byRole = asksByRole(poll) ? splitByRole(units, roleRanking) : undefined;

  let triadAgreement: OptionsTriadAgreement | null = null;
  if (poll.triadAgreement && byRole) {
    const roles: OptionsTriadAgreement['roles'] = {};
    for (const role of TRIAD_ROLES) {
      const r = byRole[role];
      // One rule with resolutions: a role takes part when it cast ballots, and a role that only
      // abstained (all blank) does not agree. See docs/voting.md, "Agreement across the triad".
      if (r.voters === 0) continue;
      roles[role] = {
        ...r,
        agrees: winner !== null && r.winners.length === 1 && r.winners[0] === winner,
      };
    }
    const list = Object.values(roles);
    triadAgreement = {
      reached: list.length === 0 ? null : winner !== null && list.every((r) => r.agrees),
      winner,
      roles,
    };
  }

  return {
    method: poll.method,
    status: quorum && !quorum.met ? 'noQuorum' : outcome,
    outcome,
    ranking: main.ranking,
    ties: main.ties,
    winners: noVotes ? [] : winners,
    winner,
    tieRule,
    tieBreak,
    finalRanking,
    details: main.details,
    ...(byRole ? { byRole } : {}),
    triadAgreement,
  };
}
