// Input shapes of the counting engine: poll definitions, ballots and the entitlement snapshot.
//
// Every shape is a zod schema and the TypeScript type is inferred from it, so a ballot that
// arrives over the network can be parsed with exactly the schema the app uses locally.
//
// The schemas check *structure* only (right fields, right JSON types). Whether a ballot is
// admissible for a given poll (unknown option, too many points, non-integer count …) is a
// *semantic* check done by `validateBallot` (validate.ts), because it needs the poll and it has
// to report a machine reason code per problem. That is why ballot numbers are `z.number()` here
// and not `z.number().int()`: a 2.5 must come back as `NON_INTEGER`, not as a parse failure.
//
// No schema uses `.default()`, so the input and output types are the same; defaults are applied
// by the engine and documented on each field and in docs/voting.md.
import { z } from 'zod';
import { TRIAD_ROLES } from '../domain/triad';

export const TriadRoleSchema = z.enum(TRIAD_ROLES);
export const OptionIdSchema = z.string().min(1);
export const VoterIdSchema = z.string().min(1);

// ---------------------------------------------------------------------------------------------
// Poll definitions
// ---------------------------------------------------------------------------------------------

/**
 * Quorum (usnášeníschopnost): present voting members compared with a fraction of all voting
 * members. strict → present > n/d · base; non-strict → present ≥ n/d · base.
 * The Czech default "more than half of the members" is {numerator: 1, denominator: 2, strict: true}.
 */
export const QuorumRuleSchema = z.object({
  numerator: z.number().int().min(0),
  denominator: z.number().int().min(1),
  strict: z.boolean(),
  /** Only 'votingMembers' exists today; absent means 'votingMembers'. */
  base: z.literal('votingMembers').optional(),
});

/** What the percentages and base-relative majorities of a resolution are computed from. */
export const ResolutionBaseSchema = z.enum([
  'votesCast', // yes + no + abstain
  'votesCastExclAbstain', // yes + no
  'presentVoting', // present members with a vote (snapshot)
  'allVoting', // all members with a vote (snapshot)
]);

/** simple: yes > no · absolute: yes > ½ base · twoThirds: yes ≥ ⅔ base · threeFifths: yes ≥ ⅗ base. */
export const MajoritySchema = z.enum(['simple', 'absolute', 'twoThirds', 'threeFifths']);

export const ResolutionTieRuleSchema = z.enum(['rejected', 'chairDecides']);
export const YesNoSchema = z.enum(['yes', 'no']);
export const ResolutionVoteSchema = z.enum(['yes', 'no', 'abstain']);

/** Tie rule of the polls that rank options. 'none' (default) reports ties and stops there. */
export const OptionTieRuleSchema = z.enum(['none', 'chairDecides']);

const pollCommon = {
  id: z.string().optional(),
  /** Checked against the snapshot; absent = no quorum requirement. */
  quorum: QuorumRuleSchema.optional(),
  /** Also report whether the result wins within every triad role that has voters (implies byRole). */
  triadAgreement: z.boolean().optional(),
  /** Also count the result within each triad role (`byRole`). Off by default: it costs a count per role. */
  triadBreakdown: z.boolean().optional(),
};

const optionsCommon = {
  ...pollCommon,
  /** Option ids in display order. This order is also the order of the Schulze matrices. */
  options: z.array(OptionIdSchema).min(1),
  /** Absent = 'none'. */
  tieRule: OptionTieRuleSchema.optional(),
  /** Chair's order of preference used to break ties when tieRule is 'chairDecides'. */
  chairTieBreak: z.array(OptionIdSchema).optional(),
};

export const ResolutionPollSchema = z.object({
  method: z.literal('resolution'),
  ...pollCommon,
  base: ResolutionBaseSchema,
  majority: MajoritySchema,
  tieRule: ResolutionTieRuleSchema,
  /** The chair's casting vote, used only when there is a tie and tieRule is 'chairDecides'. */
  chairCastingVote: YesNoSchema.optional(),
});

export const SingleChoicePollSchema = z.object({
  method: z.literal('singleChoice'),
  ...optionsCommon,
  /** May a ballot choose nothing (blank)? Absent = true. */
  allowBlank: z.boolean().optional(),
});

export const ApprovalPollSchema = z.object({
  method: z.literal('approval'),
  ...optionsCommon,
  /** Absent = 0 (an empty ballot is a valid blank ballot). */
  minChoices: z.number().int().min(0).optional(),
  /** Absent = number of options. */
  maxChoices: z.number().int().min(1).optional(),
});

export const PointsPollSchema = z.object({
  method: z.literal('points'),
  ...optionsCommon,
  /** N points per voter (dot voting usually 3–5). */
  pointsPerVoter: z.number().int().min(1),
  /** Cap per option per voter. Absent = pointsPerVoter (no cap). */
  maxPerOption: z.number().int().min(1).optional(),
  /** Must every voter spend all N points? Absent = false. */
  requireAllPoints: z.boolean().optional(),
});

const rankingCommon = {
  ...optionsCommon,
  /** k: how many places may be filled. Absent = number of options (full ranking). */
  maxRanks: z.number().int().min(1).optional(),
  /** Fewest places a ballot must fill. Absent = 1. 0 allows blank ballots. */
  minRanks: z.number().int().min(0).optional(),
};

export const BordaPollSchema = z.object({ method: z.literal('borda'), ...rankingCommon });
export const SchulzePollSchema = z.object({ method: z.literal('schulze'), ...rankingCommon });

export const ScorePollSchema = z.object({
  method: z.literal('score'),
  ...optionsCommon,
  /** Absent = 0. */
  scaleMin: z.number().int().optional(),
  /** Absent = 5. */
  scaleMax: z.number().int().optional(),
  /** Must every option be rated? Absent = true. */
  requireAllOptions: z.boolean().optional(),
  /** Order by exact average (default) or by total. */
  rankBy: z.enum(['average', 'total']).optional(),
});

/**
 * Any poll definition, structure only. `PollSchema` (poll-config.ts) adds the cross-field
 * checks; it lives there so that this file and poll-config.ts do not import each other.
 */
export const PollUnionSchema = z.discriminatedUnion('method', [
  ResolutionPollSchema,
  SingleChoicePollSchema,
  ApprovalPollSchema,
  PointsPollSchema,
  BordaPollSchema,
  SchulzePollSchema,
  ScorePollSchema,
]);

export type QuorumRule = z.infer<typeof QuorumRuleSchema>;
export type ResolutionBase = z.infer<typeof ResolutionBaseSchema>;
export type Majority = z.infer<typeof MajoritySchema>;
export type ResolutionTieRule = z.infer<typeof ResolutionTieRuleSchema>;
export type ResolutionVote = z.infer<typeof ResolutionVoteSchema>;
export type OptionTieRule = z.infer<typeof OptionTieRuleSchema>;
export type ResolutionPoll = z.infer<typeof ResolutionPollSchema>;
export type SingleChoicePoll = z.infer<typeof SingleChoicePollSchema>;
export type ApprovalPoll = z.infer<typeof ApprovalPollSchema>;
export type PointsPoll = z.infer<typeof PointsPollSchema>;
export type BordaPoll = z.infer<typeof BordaPollSchema>;
export type SchulzePoll = z.infer<typeof SchulzePollSchema>;
export type ScorePoll = z.infer<typeof ScorePollSchema>;
export type Poll = z.infer<typeof PollUnionSchema>;
export type PollMethod = Poll['method'];
export type OptionsPoll = Exclude<Poll, ResolutionPoll>;
export type ChoicePoll = SingleChoicePoll | ApprovalPoll;
export type RankingPoll = BordaPoll | SchulzePoll;

// ---------------------------------------------------------------------------------------------
// Ballots
// ---------------------------------------------------------------------------------------------
// A ballot source is either one person's ballot ('individual') or a hand count typed in by the
// chair ('aggregate'). Both kinds can be mixed in one poll. Aggregates carry no triad role.

const individualCommon = {
  kind: z.literal('individual'),
  /** Absent for a secret ballot. */
  voterId: VoterIdSchema.optional(),
  /** Triad role; the snapshot's role wins when the voter is known. */
  role: TriadRoleSchema.optional(),
};

const counts = z.record(z.string(), z.number());

export const ResolutionIndividualBallotSchema = z.object({
  ...individualCommon,
  vote: ResolutionVoteSchema,
});
/** "7 for, 1 against, 1 abstain". */
export const ResolutionAggregateBallotSchema = z.object({
  kind: z.literal('aggregate'),
  yes: z.number(),
  no: z.number(),
  abstain: z.number(),
});
export const ResolutionBallotSchema = z.discriminatedUnion('kind', [
  ResolutionIndividualBallotSchema,
  ResolutionAggregateBallotSchema,
]);

/** Single choice: 0 or 1 option id. Approval: any number between min and max. */
export const ChoiceIndividualBallotSchema = z.object({
  ...individualCommon,
  choices: z.array(z.string()),
});
/**
 * Hand count per option. `blank` = ballots choosing nothing. `voters` = people represented:
 * derived for single choice (Σ counts + blank; if given it must match), required for approval.
 */
export const ChoiceAggregateBallotSchema = z.object({
  kind: z.literal('aggregate'),
  counts,
  blank: z.number().optional(),
  voters: z.number().optional(),
});
export const ChoiceBallotSchema = z.discriminatedUnion('kind', [
  ChoiceIndividualBallotSchema,
  ChoiceAggregateBallotSchema,
]);

/** Points given to each option; options left out get 0. */
export const PointsIndividualBallotSchema = z.object({ ...individualCommon, points: counts });
/** Summed points of `voters` people. */
export const PointsAggregateBallotSchema = z.object({
  kind: z.literal('aggregate'),
  voters: z.number(),
  points: counts,
});
export const PointsBallotSchema = z.discriminatedUnion('kind', [
  PointsIndividualBallotSchema,
  PointsAggregateBallotSchema,
]);

/** One filled place: rank 1 is the best. Unranked options are tied below all ranked ones. */
export const RankEntrySchema = z.object({ optionId: z.string(), rank: z.number() });
export const RankingIndividualBallotSchema = z.object({
  ...individualCommon,
  ranking: z.array(RankEntrySchema),
});
/** `count` identical ballots (e.g. "5 voters: A > C > B > E > D"). */
export const RankingGroupSchema = z.object({
  count: z.number(),
  ranking: z.array(RankEntrySchema),
});
export const RankingAggregateBallotSchema = z.object({
  kind: z.literal('aggregate'),
  groups: z.array(RankingGroupSchema),
});
export const RankingBallotSchema = z.discriminatedUnion('kind', [
  RankingIndividualBallotSchema,
  RankingAggregateBallotSchema,
]);

/** Rating per option on the poll's scale. */
export const ScoreIndividualBallotSchema = z.object({ ...individualCommon, scores: counts });
/** Summed ratings of `voters` people; every option listed in `totals` was rated by all of them. */
export const ScoreAggregateBallotSchema = z.object({
  kind: z.literal('aggregate'),
  voters: z.number(),
  totals: counts,
});
export const ScoreBallotSchema = z.discriminatedUnion('kind', [
  ScoreIndividualBallotSchema,
  ScoreAggregateBallotSchema,
]);

/** Any ballot of any method. Use `ballotSchemaFor(method)` to parse for a known poll. */
export const BallotSchema = z.union([
  ResolutionBallotSchema,
  ChoiceBallotSchema,
  PointsBallotSchema,
  RankingBallotSchema,
  ScoreBallotSchema,
]);

export type ResolutionBallot = z.infer<typeof ResolutionBallotSchema>;
export type ChoiceBallot = z.infer<typeof ChoiceBallotSchema>;
export type PointsBallot = z.infer<typeof PointsBallotSchema>;
export type RankEntry = z.infer<typeof RankEntrySchema>;
export type RankingBallot = z.infer<typeof RankingBallotSchema>;
export type ScoreBallot = z.infer<typeof ScoreBallotSchema>;
export type Ballot = z.infer<typeof BallotSchema>;

export interface BallotByMethod {
  resolution: ResolutionBallot;
  singleChoice: ChoiceBallot;
  approval: ChoiceBallot;
  points: PointsBallot;
  borda: RankingBallot;
  schulze: RankingBallot;
  score: ScoreBallot;
}

const ballotSchemas = {
  resolution: ResolutionBallotSchema,
  singleChoice: ChoiceBallotSchema,
  approval: ChoiceBallotSchema,
  points: PointsBallotSchema,
  borda: RankingBallotSchema,
  schulze: RankingBallotSchema,
  score: ScoreBallotSchema,
} as const;

/** The ballot schema of one poll method. */
export function ballotSchemaFor<M extends PollMethod>(method: M): (typeof ballotSchemas)[M] {
  return ballotSchemas[method];
}

// ---------------------------------------------------------------------------------------------
// Entitlement snapshot, taken when the poll closes
// ---------------------------------------------------------------------------------------------

export const SnapshotMemberSchema = z.object({
  voterId: VoterIdSchema,
  role: TriadRoleSchema.optional(),
  /** Has a vote (a guest has none). */
  entitled: z.boolean(),
  present: z.boolean(),
  /** Voted in this poll (known from the attendance/voting record even for secret ballots). */
  voted: z.boolean().optional(),
});

export const EntitlementSnapshotSchema = z.object({
  takenAt: z.string().optional(),
  members: z.array(SnapshotMemberSchema),
});

export type SnapshotMember = z.infer<typeof SnapshotMemberSchema>;
export type EntitlementSnapshot = z.infer<typeof EntitlementSnapshotSchema>;
