// countPoll: the one entry point that turns a poll, its ballots and the entitlement snapshot
// into a complete, explainable result.
import { tallyBorda, type BordaDetails } from './borda';
import { tallyChoice, type ChoiceDetails } from './choice';
import { buildOptionsTally, type OptionsTally } from './options-result';
import { participation, type Participation } from './participation';
import { InvalidPollError, PollSchema, type PollConfigIssue } from './poll-config';
import { tallyPoints, type PointsDetails } from './points';
import { checkQuorum, type QuorumCheck } from './quorum';
import { tallyResolution, type ResolutionTally } from './resolution';
import { EntitlementSnapshotSchema, type EntitlementSnapshot, type Poll } from './schema';
import { tallySchulze, type SchulzeDetails } from './schulze';
import { tallyScore, type ScoreDetails } from './score';
import { summarizeSnapshot } from './snapshot';
import type { ChoiceUnit, PointsUnit, RankingUnit, ResolutionUnit, ScoreUnit, Unit } from './units';
import { checkBallot, type BallotIssue } from './validate';

export interface RejectedBallot {
  /** Index of the ballot in the array passed to countPoll. */
  index: number;
  issues: BallotIssue[];
}

export interface ResultCommon {
  pollId: string | null;
  snapshotTakenAt: string | null;
  /** null when the poll has no quorum rule. */
  quorum: QuorumCheck | null;
  participation: Participation;
  rejected: RejectedBallot[];
}

export type ResolutionResult = ResolutionTally & ResultCommon;
export type SingleChoiceResult = OptionsTally<'singleChoice', ChoiceDetails> & ResultCommon;
export type ApprovalResult = OptionsTally<'approval', ChoiceDetails> & ResultCommon;
export type PointsResult = OptionsTally<'points', PointsDetails> & ResultCommon;
export type BordaResult = OptionsTally<'borda', BordaDetails> & ResultCommon;
export type SchulzeResult = OptionsTally<'schulze', SchulzeDetails> & ResultCommon;
export type ScoreResult = OptionsTally<'score', ScoreDetails> & ResultCommon;

export interface ResultByMethod {
  resolution: ResolutionResult;
  singleChoice: SingleChoiceResult;
  approval: ApprovalResult;
  points: PointsResult;
  borda: BordaResult;
  schulze: SchulzeResult;
  score: ScoreResult;
}
export type PollResult = ResultByMethod[keyof ResultByMethod];

/**
 * Counts a poll.
 *
 * - `ballots` may mix individual ballots and hand-count blocks; each is validated with
 *   `validateBallot` (plus entitlement and double-voting checks when a snapshot is given).
 *   Only valid ballots are counted; the others come back in `rejected` with their index.
 *   Of several ballots with the same voterId the first valid one counts.
 * - `snapshot` is required for a quorum rule and for the resolution bases
 *   'presentVoting' / 'allVoting'.
 *
 * Throws InvalidPollError when the poll definition (or snapshot) is not valid; build polls with
 * `PollSchema` to catch that in the form instead.
 */
export function countPoll<P extends Poll>(
  poll: P,
  ballots: readonly unknown[],
  snapshot?: EntitlementSnapshot,
): ResultByMethod[P['method']] {
  const parsedPoll = PollSchema.safeParse(poll);
  if (!parsedPoll.success) {
    throw new InvalidPollError(issuesFromZod(parsedPoll.error.issues));
  }
  if (snapshot !== undefined && !EntitlementSnapshotSchema.safeParse(snapshot).success) {
    throw new InvalidPollError([{ code: 'MALFORMED_SNAPSHOT', path: [] }]);
  }
  const needsSnapshot =
    poll.quorum !== undefined ||
    (poll.method === 'resolution' && (poll.base === 'presentVoting' || poll.base === 'allVoting'));
  if (needsSnapshot && snapshot === undefined) {
    throw new InvalidPollError([{ code: 'SNAPSHOT_REQUIRED', path: [] }]);
  }

  const summary = snapshot ? summarizeSnapshot(snapshot) : undefined;
  const voted = new Set<string>();
  const accepted: { kind: 'individual' | 'aggregate'; units: Unit[] }[] = [];
  const rejected: RejectedBallot[] = [];
  ballots.forEach((raw, index) => {
    const checked = checkBallot(poll, raw, summary, voted);
    if (checked.issues.length > 0 || !checked.ballot) {
      rejected.push({ index, issues: checked.issues });
      return;
    }
    if (checked.voterId !== undefined) voted.add(checked.voterId);
    accepted.push({ kind: checked.ballot.kind, units: checked.units });
  });
  const units = accepted.flatMap((a) => a.units);

  const quorum = poll.quorum && summary ? checkQuorum(poll.quorum, summary) : null;
  const common: ResultCommon = {
    pollId: poll.id ?? null,
    snapshotTakenAt: snapshot?.takenAt ?? null,
    quorum,
    participation: participation(ballots.length, accepted, summary),
    rejected,
  };

  const p: Poll = poll;
  let tally: PollResult;
  switch (p.method) {
    case 'resolution':
      tally = { ...tallyResolution(p, units as ResolutionUnit[], summary, quorum), ...common };
      break;
    case 'singleChoice':
    case 'approval':
      tally = {
        ...buildOptionsTally(p, units as ChoiceUnit[], (u) => tallyChoice(p, u), quorum),
        ...common,
      } as SingleChoiceResult | ApprovalResult;
      break;
    case 'points':
      tally = {
        ...buildOptionsTally(p, units as PointsUnit[], (u) => tallyPoints(p, u), quorum),
        ...common,
      };
      break;
    case 'borda':
      tally = {
        ...buildOptionsTally(p, units as RankingUnit[], (u) => tallyBorda(p, u), quorum),
        ...common,
      };
      break;
    case 'schulze':
      tally = {
        ...buildOptionsTally(p, units as RankingUnit[], (u) => tallySchulze(p, u), quorum),
        ...common,
      };
      break;
    case 'score':
      tally = {
        ...buildOptionsTally(p, units as ScoreUnit[], (u) => tallyScore(p, u), quorum),
        ...common,
      };
      break;
  }
  return tally as ResultByMethod[P['method']];
}

function issuesFromZod(
  issues: readonly { code: string; path: PropertyKey[]; params?: unknown }[],
): PollConfigIssue[] {
  return issues.map((issue) => {
    const params = issue.params as PollConfigIssue | undefined;
    if (issue.code === 'custom' && params?.code) return params;
    return {
      code: 'MALFORMED_POLL',
      path: issue.path.filter((k): k is string | number => typeof k !== 'symbol'),
    };
  });
}
