// Quorum (usnášeníschopnost) checked against the entitlement snapshot.
import { minimumCount, meetsThreshold } from './arithmetic';
import type { QuorumRule } from './schema';
import type { MemberCounts } from './snapshot';

export interface QuorumCheck {
  rule: QuorumRule;
  /** The base: members with a vote. */
  votingMembers: number;
  /** Present members with a vote. */
  present: number;
  /** Fewest present members that satisfy the rule: ⌊base·n/d⌋+1 (strict) or ⌈base·n/d⌉. */
  required: number;
  met: boolean;
}

/**
 * strict: present·d > votingMembers·n; non-strict: present·d ≥ votingMembers·n.
 * Example: 12 members, rule {1, 2, strict} → 7 must be present.
 */
export function checkQuorum(
  rule: QuorumRule,
  counts: Pick<MemberCounts, 'votingMembers' | 'presentVoting'>,
): QuorumCheck {
  return {
    rule,
    votingMembers: counts.votingMembers,
    present: counts.presentVoting,
    required: minimumCount(counts.votingMembers, rule),
    met: meetsThreshold(counts.presentVoting, counts.votingMembers, rule),
  };
}
