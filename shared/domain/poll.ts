import { z } from 'zod';
import { PollSchema } from '../voting/poll-config';
import {
  BallotSchema,
  EntitlementSnapshotSchema,
  type Ballot,
  type EntitlementSnapshot,
  type Poll,
} from '../voting/schema';
import type { PollResult } from '../voting/count';
import type { Timestamps } from './common';
import { isSafeText, requiredText } from './common';
import { majorityOf, RESOLUTION_BASE } from './resolution';
import type { RulesOfProcedure } from './rules';

// Polls in the meeting room (issue 3). The counting itself is shared/voting; this module
// turns what the chair typed into an engine poll definition under the body's rules.

export const POLL_METHODS = [
  'resolution',
  'singleChoice',
  'approval',
  'points',
  'borda',
  'schulze',
  'score',
] as const;
export type PollMethod = (typeof POLL_METHODS)[number];
export const POLL_STATUSES = ['draft', 'open', 'closed'] as const;
export type PollStatus = (typeof POLL_STATUSES)[number];
export const BALLOT_SOURCES = ['hand', 'rollCall', 'kiosk', 'phone'] as const;
export type BallotSource = (typeof BALLOT_SOURCES)[number];

const small = (min: number, max: number) =>
  z
    .number('errors.integer')
    .int('errors.integer')
    .min(min, 'errors.nonNegative')
    .max(max, 'errors.tooLarge');

export const pollInput = z
  .object({
    title: requiredText(300),
    method: z.enum(POLL_METHODS),
    secret: z.boolean(),
    /** Option labels, one per line as typed or pasted; ignored for resolutions. */
    options: z
      .array(z.string().trim().max(200, 'errors.tooLong').refine(isSafeText, 'errors.unsafeText'))
      .max(40, 'errors.tooMany')
      .default([]),
    pointsPerVoter: small(1, 100).optional(),
    maxPerOption: small(1, 100).optional(),
    requireAllPoints: z.boolean().optional(),
    maxChoices: small(1, 40).optional(),
    maxRanks: small(1, 40).optional(),
    scaleMax: small(1, 10).optional(),
    triadAgreement: z.boolean().optional(),
    /** A public meeting's vote: one vote per device, not a vote of members (always secret). */
    anonymous: z.boolean().optional(),
  })
  .transform((p) => ({
    ...p,
    secret: p.secret || p.anonymous === true,
    options: p.method === 'resolution' ? [] : p.options.filter((o) => o.length > 0),
  }))
  // The public can't pass a resolution of the body: an anonymous vote only ranks options.
  .refine((p) => !(p.anonymous && p.method === 'resolution'), {
    message: 'errors.anonymousResolution',
    path: ['anonymous'],
  })
  .refine((p) => p.method === 'resolution' || p.options.length >= 2, {
    message: 'errors.pollOptions',
    path: ['options'],
  })
  .refine(
    (p) => new Set(p.options.map((o) => o.toLocaleLowerCase('cs'))).size === p.options.length,
    { message: 'errors.pollOptionsDuplicate', path: ['options'] },
  )
  .refine((p) => p.method !== 'points' || (p.maxPerOption ?? 0) <= (p.pointsPerVoter ?? 3), {
    message: 'errors.pollCap',
    path: ['maxPerOption'],
  });
export type PollInput = z.input<typeof pollInput>;

export interface PollOption {
  id: string;
  label: string;
}

export interface PollRecord extends Timestamps {
  id: string;
  meetingId: string;
  bodyId: string;
  agendaItemId: string;
  title: string;
  secret: boolean;
  /**
   * A public meeting's vote from phones, one per device: its ballots are nobody's (no voter,
   * like secret ones), `voters` stays empty, and the result says it is not a vote of members.
   */
  anonymous?: boolean;
  status: PollStatus;
  options: PollOption[];
  definition: Poll;
  /** Who has voted, sorted: secret ballots never say who cast them, this only says that. */
  voters: string[];
  openedAt?: string;
  closedAt?: string;
  snapshot?: EntitlementSnapshot;
  result?: PollResult;
  resolutionId?: string;
  /** The chair's decision of a tie at first place: who decided and the order of the tied options. */
  tieDecision?: TieDecision;
  /** This poll is the run-off of a tie in that poll. */
  runOffOf?: string;
  /** The run-off created for this poll's tie. */
  runOffPollId?: string;
  /**
   * Ids of the phone ballots (given by the voting hub) already stored, sorted: a resend of one
   * gets the same acknowledgement and never a second ballot. Nothing links them to a ballot.
   */
  receipts?: string[];
}

export interface TieDecision {
  /** Name of the person who decided, as the minutes say it (the chair). */
  by: string;
  personId?: string;
  /** The tied options in the chair's order, best first. */
  order: string[];
  decidedAt: string;
}

export interface BallotRecord extends Partial<Timestamps> {
  /** A random UUID: the stored order of ballots never follows the order of voting. */
  id: string;
  pollId: string;
  source: BallotSource;
  ballot: Ballot;
}

/** A ballot that names nobody: cast in a secret or anonymous poll. */
export function isSecretBallot(ballot: Ballot): boolean {
  return ballot.kind === 'individual' && ballot.voterId === undefined;
}

/**
 * When a ballot counts as cast. Secret ballots store no time (a time would tell who voted
 * how, next to the attendance): they are all dated with the poll's closing.
 */
export function ballotTime(
  b: Pick<BallotRecord, 'createdAt'>,
  poll: Pick<PollRecord, 'closedAt'>,
): string | undefined {
  return b.createdAt ?? poll.closedAt;
}

/** The engine definition for what the chair set up, under the body's rules of procedure. */
export function pollDefinition(
  input: z.output<typeof pollInput>,
  options: PollOption[],
  rules: RulesOfProcedure,
): Poll {
  const common = {
    // The public is not the body: an anonymous vote has no quorum of members.
    ...(input.anonymous ? {} : { quorum: rules.quorum }),
    ...(input.triadAgreement ? { triadAgreement: true } : {}),
  };
  const ids = options.map((o) => o.id);
  switch (input.method) {
    case 'resolution':
      return {
        method: 'resolution',
        ...common,
        base: RESOLUTION_BASE[rules.majority],
        majority: majorityOf(rules.majority),
        tieRule: rules.tieRule,
      };
    case 'singleChoice':
      return { method: 'singleChoice', ...common, options: ids };
    case 'approval':
      return {
        method: 'approval',
        ...common,
        options: ids,
        ...(input.maxChoices ? { maxChoices: Math.min(input.maxChoices, ids.length) } : {}),
      };
    case 'points':
      return {
        method: 'points',
        ...common,
        options: ids,
        pointsPerVoter: input.pointsPerVoter ?? 3,
        ...(input.maxPerOption ? { maxPerOption: input.maxPerOption } : {}),
        ...(input.requireAllPoints ? { requireAllPoints: true } : {}),
      };
    case 'borda':
    case 'schulze':
      return {
        method: input.method,
        ...common,
        options: ids,
        // An empty ranking is a blank ballot: a member may abstain explicitly at the kiosk.
        minRanks: 0,
        ...(input.maxRanks ? { maxRanks: Math.min(input.maxRanks, ids.length) } : {}),
      };
    case 'score':
      return {
        method: 'score',
        ...common,
        options: ids,
        scaleMin: 0,
        scaleMax: input.scaleMax ?? 5,
      };
  }
}

/** Ranked options of a closed option poll: label, value (points, votes, score) and rank. */
export function rankedOptions(
  poll: Pick<PollRecord, 'options' | 'result'>,
): { rank: number; label: string; value: number }[] {
  const result = poll.result;
  if (!result || result.method === 'resolution') return [];
  const label = new Map(poll.options.map((o) => [o.id, o.label]));
  return result.finalRanking.map((r) => ({
    rank: r.rank,
    label: label.get(r.optionId) ?? r.optionId,
    value: r.value,
  }));
}

/** People a ballot stands for: one for an individual ballot, the hand count's voters for a block. */
export function ballotVoters(b: Ballot): number {
  if (b.kind === 'individual') return 1;
  if ('yes' in b) return b.yes + b.no + b.abstain;
  if ('groups' in b) return b.groups.reduce((n, g) => n + g.count, 0);
  if ('voters' in b && typeof b.voters === 'number') return b.voters;
  if ('counts' in b) return Object.values(b.counts).reduce((n, c) => n + c, 0) + (b.blank ?? 0);
  return 0;
}

/** Ballots cast so far, in people: named and secret voters plus hand-count blocks. */
export function votersSoFar(
  poll: Pick<PollRecord, 'voters' | 'result' | 'status'>,
  handCounts: readonly Ballot[],
): number {
  if (poll.status === 'closed' && poll.result) return poll.result.participation.votersRepresented;
  return poll.voters.length + handCounts.reduce((n, b) => n + ballotVoters(b), 0);
}

/** Options sharing first place in a closed option poll's counted result; empty when none do. */
export function firstPlaceTie(poll: Pick<PollRecord, 'result'>): string[] {
  const result = poll.result;
  if (!result || result.method === 'resolution' || result.outcome === 'noVotes') return [];
  return result.ties.find((g) => g.rank === 1)?.optionIds ?? [];
}

// ---------------------------------------------------------------------------------------------
// Stored records, for backup validation (shared/backup/records.ts). The definition and each
// ballot are parsed with the engine's own schemas; cross-record agreement (voter list, recount)
// is `checkBallotsAgainstPoll` in shared/voting.
// ---------------------------------------------------------------------------------------------

const recordId = z.string('errors.required').min(1, 'errors.required').max(200, 'errors.tooLong');
const timestamp = z.string('errors.required').regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/, 'errors.date');

export const tieDecisionSchema = z.strictObject({
  by: z.string().trim().min(1, 'errors.required').max(200, 'errors.tooLong'),
  personId: recordId.optional(),
  order: z.array(recordId).min(2, 'errors.invalid').max(40, 'errors.tooMany'),
  decidedAt: timestamp,
});

/** A stored poll (PollRecord). Unknown extra fields are allowed, as in every backup table. */
export const pollRecordSchema = z
  .looseObject({
    id: recordId,
    meetingId: recordId,
    bodyId: recordId,
    agendaItemId: recordId,
    title: z.string().trim().min(1, 'errors.required').max(300, 'errors.tooLong'),
    secret: z.boolean(),
    anonymous: z.boolean().optional(),
    status: z.enum(POLL_STATUSES),
    options: z
      .array(
        z.strictObject({
          id: recordId,
          label: z.string().trim().min(1, 'errors.required').max(200, 'errors.tooLong'),
        }),
      )
      .max(40, 'errors.tooMany'),
    definition: PollSchema,
    voters: z.array(recordId).max(10_000, 'errors.tooMany'),
    openedAt: timestamp.optional(),
    closedAt: timestamp.optional(),
    snapshot: EntitlementSnapshotSchema.optional(),
    // The result is checked by recounting (checkBallotsAgainstPoll), not field by field.
    result: z
      .looseObject({
        method: z.enum(POLL_METHODS),
        status: z.string(),
        outcome: z.string(),
        participation: z.looseObject({ votersRepresented: z.number().int().min(0) }),
      })
      .optional(),
    resolutionId: recordId.optional(),
    tieDecision: tieDecisionSchema.optional(),
    runOffOf: recordId.optional(),
    runOffPollId: recordId.optional(),
    receipts: z.array(recordId).max(10_000, 'errors.tooMany').optional(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .superRefine((p, ctx) => {
    const bad = (path: string) =>
      ctx.addIssue({ code: 'custom', message: 'errors.invalid', path: [path] });
    if (p.result && p.result.method !== p.definition.method) bad('result');
    const ids = p.options.map((o) => o.id);
    if (p.definition.method === 'resolution') {
      if (ids.length > 0) bad('options');
    } else if (ids.join('\u0000') !== p.definition.options.join('\u0000')) bad('options');
    if (new Set(p.voters).size !== p.voters.length) bad('voters');
    if (p.status === 'draft' && (p.voters.length > 0 || p.openedAt || p.result)) bad('status');
    if (p.status !== 'draft' && !p.openedAt) bad('openedAt');
    if (p.status === 'closed' && (!p.closedAt || !p.snapshot || !p.result)) bad('result');
    if (p.status !== 'closed' && (p.closedAt || p.result || p.tieDecision)) bad('result');
    if (p.tieDecision?.order.some((id) => !ids.includes(id))) bad('tieDecision');
    if (p.anonymous && (!p.secret || p.voters.length > 0)) bad('anonymous');
    if (p.receipts && new Set(p.receipts).size !== p.receipts.length) bad('receipts');
  });

/**
 * A stored ballot (BallotRecord): a hand count is an aggregate, every other source one person's
 * ballot. Secret ballots stored since phone voting have no time (older ones carry the poll's opening).
 */
export const ballotRecordSchema = z
  .looseObject({
    id: recordId,
    pollId: recordId,
    source: z.enum(BALLOT_SOURCES),
    ballot: BallotSchema,
    createdAt: timestamp.optional(),
    updatedAt: timestamp.optional(),
  })
  .refine((b) => (b.source === 'hand') === (b.ballot.kind === 'aggregate'), {
    message: 'errors.invalid',
    path: ['source'],
  })
  .refine((b) => isSecretBallot(b.ballot) || (b.createdAt && b.updatedAt), {
    message: 'errors.required',
    path: ['createdAt'],
  });
