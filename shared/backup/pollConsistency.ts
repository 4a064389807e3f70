// Polls and their ballots must agree before a backup is let in: a file can be edited by hand,
// and a stuffed ballot box or a secret ballot carrying its voter's id would otherwise become
// part of the town's record. Each record already passed its own schema (records.ts).
import { canonicalJson } from './canonical';
import { countPoll, validateBallot } from '../voting';
import type { PollResult } from '../voting/count';
import type { Ballot, EntitlementSnapshot, Poll } from '../voting/schema';
import { issue, type BackupIssue } from './errors';
import type { BackupData } from './envelope';

type Rec = Record<string, unknown>;

/** What a recount must reproduce: the tallies and who took part, not presentation details. */
function essence(result: PollResult): unknown {
  const p = result.participation;
  const common = {
    method: result.method,
    submitted: p.ballotsSubmitted,
    valid: p.validBallots,
    voters: p.votersRepresented,
  };
  if (result.method === 'resolution') return { ...common, counts: result.counts };
  return { ...common, ranking: result.ranking.map((r) => [r.optionId, r.value, r.rank]) };
}

export function pollConsistencyIssues(data: BackupData, max: number): BackupIssue[] {
  const issues: BackupIssue[] = [];
  const byPoll = new Map<string, Rec[]>();
  for (const b of data.ballots ?? []) {
    const list = byPoll.get(b.pollId as string) ?? [];
    list.push(b);
    byPoll.set(b.pollId as string, list);
  }
  const resolutions = new Map((data.resolutions ?? []).map((r) => [r.id as string, r]));
  for (const poll of data.polls ?? []) {
    if (issues.length >= max) break;
    const problem = (reason: string) =>
      issues.push(
        issue('safety.errors.pollMismatch', { id: String(poll.id).slice(0, 60), reason }),
      );
    const definition = poll.definition as Poll;
    const voters = poll.voters as string[];
    const ballots = byPoll.get(poll.id as string) ?? [];
    if (poll.status === 'draft' && ballots.length > 0) {
      problem('ballotsInDraft');
      continue;
    }
    if (new Set(voters).size !== voters.length) {
      problem('duplicateVoter');
      continue;
    }
    const individual = ballots
      .map((b) => b.ballot as Ballot)
      .filter((b) => b.kind === 'individual');
    // Every individual ballot is one person on the voter list, and nobody votes twice.
    if (individual.length !== voters.length) {
      problem('ballotCount');
      continue;
    }
    if (poll.secret) {
      if (individual.some((b) => 'voterId' in b || 'role' in b)) {
        problem('secretVoter');
        continue;
      }
    } else {
      const named = individual.map((b) => (b as { voterId?: string }).voterId ?? '');
      if (canonicalJson([...named].sort()) !== canonicalJson([...voters].sort())) {
        problem('voterList');
        continue;
      }
    }
    if (ballots.some((b) => !validateBallot(definition, b.ballot).valid)) {
      problem('invalidBallot');
      continue;
    }
    if (poll.status !== 'closed') continue;
    if (!poll.result || !poll.snapshot || typeof poll.closedAt !== 'string') {
      problem('noResult');
      continue;
    }
    // The chair's casting vote is on the resolution the poll produced, not on the poll.
    const resolution = resolutions.get(poll.resolutionId as string);
    const casting = (resolution?.result as { chairCastingVote?: 'yes' | 'no' } | undefined)
      ?.chairCastingVote;
    const counted =
      definition.method === 'resolution' && casting
        ? { ...definition, chairCastingVote: casting }
        : definition;
    let recount: PollResult;
    try {
      recount = countPoll(
        { ...counted, quorum: undefined },
        ballots.map((b) => b.ballot as Ballot),
        poll.snapshot as EntitlementSnapshot,
      );
    } catch {
      problem('recount');
      continue;
    }
    if (canonicalJson(essence(recount)) !== canonicalJson(essence(poll.result as PollResult)))
      problem('recount');
  }
  return issues;
}
