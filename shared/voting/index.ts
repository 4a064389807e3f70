// Public API of the voting / counting engine. See docs/voting.md for rules, formulas and
// hand-worked examples. Pure TypeScript: no UI, storage or platform imports.
export * from './schema';
export { countPoll } from './count';
export type {
  ApprovalResult,
  BordaResult,
  PollResult,
  PointsResult,
  RejectedBallot,
  ResolutionResult,
  ResultByMethod,
  ResultCommon,
  SchulzeResult,
  ScoreResult,
  SingleChoiceResult,
} from './count';
export { validateBallot } from './validate';
export type { BallotIssue, BallotIssueCode, BallotValidation, ValidationContext } from './validate';
export { InvalidPollError, PollSchema, pollConfigIssues } from './poll-config';
export type { PollConfigIssue, PollConfigIssueCode } from './poll-config';
export { checkQuorum } from './quorum';
export type { QuorumCheck } from './quorum';
export { MAJORITY_THRESHOLDS, evaluateMajority, decide } from './resolution';
export type {
  MajorityEvaluation,
  ResolutionCounts,
  ResolutionDecision,
  ResolutionOutcome,
  ResolutionRoleAgreement,
  ResolutionRoleTally,
  ResolutionTriadAgreement,
} from './resolution';
export type {
  OptionsOutcome,
  OptionsTriadAgreement,
  RoleAgreement,
  RoleRanking,
} from './options-result';
export type { ChoiceDetails } from './choice';
export type { PointsDetails } from './points';
export { bordaPoints } from './borda';
export type { BordaDetails } from './borda';
export { schulze, pairwiseMatrix, strongestPaths, condorcetWinner } from './schulze';
export type { SchulzeDetails, WeightedOrder } from './schulze';
export type { OptionScore, ScoreDetails } from './score';
export type { MethodTally } from './method-tally';
export { rankOptions, tieGroups, applyChairTieBreak } from './ranking';
export type { ChairTieBreak, ChairTieResolution, RankedOption, TieGroup } from './ranking';
export { summarizeSnapshot } from './snapshot';
export type { MemberCounts, SnapshotSummary } from './snapshot';
export type { Participation, ParticipationWarning } from './participation';
export { ratio, compareFractions, meetsThreshold, minimumCount } from './arithmetic';
export type { Ratio, Threshold } from './arithmetic';
export { rankingFromOrder } from './helpers';
export { checkBallotsAgainstPoll } from './stored-check';
export type {
  StoredBallotLike,
  StoredPollLike,
  StoredPollProblem,
  StoredPollProblemCode,
} from './stored-check';
