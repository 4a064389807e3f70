// Yes / no / abstain resolutions: base, required majority, tie and the chair's casting vote.
import { TRIAD_ROLES, type TriadRole } from '../domain/triad';
import { asksByRole, splitByRole } from './by-role';
import { meetsThreshold, minimumCount, ratio, type Ratio, type Threshold } from './arithmetic';
import type { QuorumCheck } from './quorum';
import type { Majority, ResolutionBase, ResolutionPoll, ResolutionTieRule } from './schema';
import type { MemberCounts, SnapshotSummary } from './snapshot';
import type { ResolutionUnit } from './units';

/** The base-relative majorities as exact fractions. 'simple' has no threshold (yes > no). */
export const MAJORITY_THRESHOLDS: Record<Exclude<Majority, 'simple'>, Threshold> = {
  absolute: { numerator: 1, denominator: 2, strict: true },
  twoThirds: { numerator: 2, denominator: 3, strict: false },
  threeFifths: { numerator: 3, denominator: 5, strict: false },
};

export interface ResolutionCounts {
  yes: number;
  no: number;
  abstain: number;
}

export interface MajorityEvaluation {
  majority: Majority;
  base: ResolutionBase;
  baseCount: number;
  threshold: Threshold | null;
  /** Fewest yes votes that pass with the no votes cast: max(no + 1, threshold minimum of the base). */
  minYes: number;
  /** yes ≥ minYes. */
  reached: boolean;
  /** yes = no > 0 (see docs/voting.md, "Tie"). */
  tie: boolean;
}

export type ResolutionOutcome = 'passed' | 'rejected' | 'tie';

export interface ResolutionDecision {
  outcome: ResolutionOutcome;
  /** What settled it; null while a tie awaits the chair's casting vote. */
  decidedBy: 'votes' | 'tieRule' | 'chairCastingVote' | null;
  /** The casting vote, when it decided. */
  castingVote: 'yes' | 'no' | null;
}

export function baseCount(
  base: ResolutionBase,
  c: ResolutionCounts,
  members: MemberCounts | undefined,
): number {
  switch (base) {
    case 'votesCast':
      return c.yes + c.no + c.abstain;
    case 'votesCastExclAbstain':
      return c.yes + c.no;
    case 'presentVoting':
      return members?.presentVoting ?? 0;
    case 'allVoting':
      return members?.votingMembers ?? 0;
  }
}

/**
 * Passes ⇔ yes > no and (for base-relative majorities) yes meets the threshold of the base:
 * absolute yes·2 > base, twoThirds yes·3 ≥ base·2, threeFifths yes·5 ≥ base·3.
 */
export function evaluateMajority(
  c: ResolutionCounts,
  majority: Majority,
  base: ResolutionBase,
  count: number,
): MajorityEvaluation {
  const threshold = majority === 'simple' ? null : MAJORITY_THRESHOLDS[majority];
  const minYes = Math.max(c.no + 1, threshold ? minimumCount(count, threshold) : 0);
  const reached = c.yes > c.no && (threshold === null || meetsThreshold(c.yes, count, threshold));
  return {
    majority,
    base,
    baseCount: count,
    threshold,
    minYes,
    reached,
    tie: c.yes === c.no && c.yes > 0,
  };
}

export function decide(
  evaluation: MajorityEvaluation,
  tieRule: ResolutionTieRule,
  chairCastingVote: 'yes' | 'no' | undefined,
): ResolutionDecision {
  if (!evaluation.tie) {
    return {
      outcome: evaluation.reached ? 'passed' : 'rejected',
      decidedBy: 'votes',
      castingVote: null,
    };
  }
  if (tieRule === 'rejected')
    return { outcome: 'rejected', decidedBy: 'tieRule', castingVote: null };
  if (chairCastingVote === undefined) return { outcome: 'tie', decidedBy: null, castingVote: null };
  return {
    outcome: chairCastingVote === 'yes' ? 'passed' : 'rejected',
    decidedBy: 'chairCastingVote',
    castingVote: chairCastingVote,
  };
}

export interface ResolutionRoleTally extends ResolutionCounts {
  voters: number;
}

export interface ResolutionRoleAgreement extends ResolutionRoleTally {
  evaluation: MajorityEvaluation;
  /** The resolution passes within this role by the same majority rule (a tie does not, nor a role that only abstained). */
  agrees: boolean;
}

export interface ResolutionTriadAgreement {
  /** true ⇔ the resolution passed overall and passes within every role that has voters; null when no role has voters. */
  reached: boolean | null;
  roles: Partial<Record<TriadRole, ResolutionRoleAgreement>>;
}

export interface ResolutionTally {
  method: 'resolution';
  status: ResolutionOutcome | 'noQuorum';
  /** The outcome by the votes alone, whatever the quorum. */
  outcome: ResolutionOutcome;
  decidedBy: ResolutionDecision['decidedBy'];
  castingVote: ResolutionDecision['castingVote'];
  counts: ResolutionCounts;
  evaluation: MajorityEvaluation;
  tieRule: ResolutionTieRule;
  /** Shares of the base (null when the base is 0; abstain is null for votesCastExclAbstain). */
  shares: { yes: Ratio | null; no: Ratio | null; abstain: Ratio | null };
  /** Per triad role; present only when the poll asks for it (triadBreakdown or triadAgreement). */
  byRole?: Record<TriadRole | 'unattributed', ResolutionRoleTally>;
  triadAgreement: ResolutionTriadAgreement | null;
}

function sum(units: readonly ResolutionUnit[]): ResolutionRoleTally {
  const t = { voters: 0, yes: 0, no: 0, abstain: 0 };
  for (const u of units) {
    t.voters += u.voters;
    t.yes += u.yes;
    t.no += u.no;
    t.abstain += u.abstain;
  }
  return t;
}

export function tallyResolution(
  poll: ResolutionPoll,
  units: readonly ResolutionUnit[],
  snapshot: SnapshotSummary | undefined,
  quorum: QuorumCheck | null,
): ResolutionTally {
  const total = sum(units);
  const counts = { yes: total.yes, no: total.no, abstain: total.abstain };
  const evaluation = evaluateMajority(
    counts,
    poll.majority,
    poll.base,
    baseCount(poll.base, counts, snapshot),
  );
  const decision = decide(evaluation, poll.tieRule, poll.chairCastingVote);
  const b = evaluation.baseCount;

  const byRole = asksByRole(poll) ? splitByRole(units, sum) : undefined;

  let triadAgreement: ResolutionTriadAgreement | null = null;
  if (poll.triadAgreement && byRole) {
    const roles: ResolutionTriadAgreement['roles'] = {};
    for (const role of TRIAD_ROLES) {
      const t = byRole[role];
      if (t.voters === 0) continue;
      const ev = evaluateMajority(
        t,
        poll.majority,
        poll.base,
        baseCount(poll.base, t, snapshot?.byRole[role]),
      );
      roles[role] = { ...t, evaluation: ev, agrees: ev.reached };
    }
    const list = Object.values(roles);
    triadAgreement = {
      reached:
        list.length === 0 ? null : decision.outcome === 'passed' && list.every((r) => r.agrees),
      roles,
    };
  }

  return {
    method: 'resolution',
    status: quorum && !quorum.met ? 'noQuorum' : decision.outcome,
    outcome: decision.outcome,
    decidedBy: decision.decidedBy,
    castingVote: decision.castingVote,
    counts,
    evaluation,
    tieRule: poll.tieRule,
    shares: {
      yes: ratio(counts.yes, b),
      no: ratio(counts.no, b),
      abstain: poll.base === 'votesCastExclAbstain' ? null : ratio(counts.abstain, b),
    },
    ...(byRole ? { byRole } : {}),
    triadAgreement,
  };
}
