import { z } from 'zod';
import type { Ballot, EntitlementSnapshot, Poll } from '../voting/schema';
import type { PollResult } from '../voting/count';
import type { Timestamps } from './common';
import { requiredText } from './common';
import { RESOLUTION_BASE } from './resolution';
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
export type BallotSource = 'hand' | 'rollCall' | 'kiosk' | 'phone';

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
      .array(z.string().trim().max(200, 'errors.tooLong'))
      .max(40, 'errors.tooMany')
      .default([]),
    pointsPerVoter: small(1, 100).optional(),
    maxPerOption: small(1, 100).optional(),
    requireAllPoints: z.boolean().optional(),
    maxChoices: small(1, 40).optional(),
    maxRanks: small(1, 40).optional(),
    scaleMax: small(1, 10).optional(),
    triadAgreement: z.boolean().optional(),
  })
  .transform((p) => ({
    ...p,
    options: p.method === 'resolution' ? [] : p.options.filter((o) => o.length > 0),
  }))
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
}

export interface BallotRecord extends Timestamps {
  id: string;
  pollId: string;
  source: BallotSource;
  ballot: Ballot;
}

/** The engine definition for what the chair set up, under the body's rules of procedure. */
export function pollDefinition(
  input: z.output<typeof pollInput>,
  options: PollOption[],
  rules: RulesOfProcedure,
): Poll {
  const common = {
    quorum: rules.quorum,
    ...(input.triadAgreement ? { triadAgreement: true } : {}),
  };
  const ids = options.map((o) => o.id);
  switch (input.method) {
    case 'resolution':
      return {
        method: 'resolution',
        ...common,
        base: RESOLUTION_BASE[rules.majority],
        majority: 'absolute',
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
