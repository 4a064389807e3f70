// Reading the entitlement snapshot: who had a vote, who was present, who voted.
import { TRIAD_ROLES, type TriadRole } from '../domain/triad';
import type { EntitlementSnapshot, SnapshotMember } from './schema';

export interface MemberCounts {
  /** Members with a vote. */
  votingMembers: number;
  /** Present members with a vote. */
  presentVoting: number;
  /** Members with a vote marked as having voted; null when the snapshot does not say. */
  votedMembers: number | null;
}

export interface SnapshotSummary extends MemberCounts {
  byRole: Record<TriadRole | 'unassigned', MemberCounts>;
  members: Map<string, SnapshotMember>;
}

function countMembers(members: readonly SnapshotMember[]): MemberCounts {
  const voting = members.filter((m) => m.entitled);
  const anyVotedFlag = members.some((m) => m.voted !== undefined);
  return {
    votingMembers: voting.length,
    presentVoting: voting.filter((m) => m.present).length,
    votedMembers: anyVotedFlag ? voting.filter((m) => m.voted === true).length : null,
  };
}

/** Counts of the snapshot, overall and per triad role. A voterId listed twice counts once (first entry). */
export function summarizeSnapshot(snapshot: EntitlementSnapshot): SnapshotSummary {
  const members = new Map<string, SnapshotMember>();
  for (const m of snapshot.members) if (!members.has(m.voterId)) members.set(m.voterId, m);
  const list = [...members.values()];
  const byRole = {} as Record<TriadRole | 'unassigned', MemberCounts>;
  for (const role of TRIAD_ROLES) byRole[role] = countMembers(list.filter((m) => m.role === role));
  byRole.unassigned = countMembers(list.filter((m) => m.role === undefined));
  return { ...countMembers(list), byRole, members };
}
