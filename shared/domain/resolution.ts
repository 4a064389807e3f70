import { z } from 'zod';
import { countPoll } from '../voting/count';
import { checkQuorum } from '../voting/quorum';
import type { EntitlementSnapshot, ResolutionPoll } from '../voting/schema';
import type { Timestamps } from './common';
import { requiredText } from './common';
import type { RulesOfProcedure } from './rules';

// Resolutions (usnesení) with the standard Czech verbs (DOMAIN.md §4.1).
export const RESOLUTION_VERBS = [
  'approves',
  'takesNote',
  'recommends',
  'instructs',
  'authorizes',
  'elects',
  'appoints',
  'rejects',
] as const;
export type ResolutionVerb = (typeof RESOLUTION_VERBS)[number];

const count = z
  .number('errors.integer')
  .int('errors.integer')
  .min(0, 'errors.nonNegative')
  .max(10_000, 'errors.tooLarge');

export const resolutionResultInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('vote'),
    yes: count,
    no: count,
    abstain: count,
    chairCastingVote: z.enum(['yes', 'no']).optional(),
  }),
  z.object({ kind: z.literal('consensus') }),
  z.object({ kind: z.literal('noVote') }),
]);
export type ResolutionResultInput = z.infer<typeof resolutionResultInput>;

export const resolutionInput = z.object({
  verb: z.enum(RESOLUTION_VERBS),
  text: requiredText(4000),
  result: resolutionResultInput,
});
export type ResolutionInput = z.input<typeof resolutionInput>;

/**
 * 'publicResult': an anonymous public vote (one per device) closed it. The public decided the
 * order, not the group's members, so no quorum or majority applies and it never "passes".
 */
export type ResolutionOutcome =
  'passed' | 'rejected' | 'tie' | 'noQuorum' | 'noVote' | 'publicResult';

/** How the outcome was reached, frozen when the resolution was recorded. */
export interface ResolutionDecision {
  majority: RulesOfProcedure['majority'];
  tieRule: RulesOfProcedure['tieRule'];
  votingMembers: number;
  presentVoting: number;
  quorumRequired: number;
  quorate: boolean;
  /** Yes votes the majority needed, and the base it was counted from. */
  minYes: number;
  baseCount: number;
  decidedBy: 'votes' | 'tieRule' | 'chairCastingVote' | 'consensus' | null;
  castingVote: 'yes' | 'no' | null;
}

export interface Resolution extends Timestamps {
  id: string;
  meetingId: string;
  bodyId: string;
  agendaItemId: string;
  seq: number;
  /** "PS1/3/2026/2" by the body's numbering pattern. */
  number: string;
  verb: ResolutionVerb;
  text: string;
  /** 'poll': decided by an option poll (ranking, points…); its result is on the poll. */
  result: ResolutionResultInput | { kind: 'poll' };
  outcome: ResolutionOutcome;
  decision?: ResolutionDecision;
  pollId?: string;
}

export const DEFAULT_RESOLUTION_PATTERN = '{body}/{meeting}/{year}/{seq}';

/** Fills the body's numbering pattern: {body} {meeting} {year} {seq}. */
export function resolutionNumber(
  pattern: string | undefined,
  p: { bodyCode: string; meetingSeq: number; year: number; seq: number },
): string {
  return (pattern || DEFAULT_RESOLUTION_PATTERN)
    .replaceAll('{body}', p.bodyCode.replace(/\s+/g, ''))
    .replaceAll('{meeting}', String(p.meetingSeq))
    .replaceAll('{year}', String(p.year))
    .replaceAll('{seq}', String(p.seq));
}

/** The base of "more than half" that a body's majority rule names, as the engine calls it. */
export const RESOLUTION_BASE: Record<RulesOfProcedure['majority'], ResolutionPoll['base']> = {
  present: 'presentVoting',
  all: 'allVoting',
  cast: 'votesCast',
  simple: 'votesCastExclAbstain',
};

/** The engine's majority for a body's rule: "more than half" of a base, or simple (yes > no). */
export function majorityOf(rule: RulesOfProcedure['majority']): ResolutionPoll['majority'] {
  return rule === 'simple' ? 'simple' : 'absolute';
}

export class VoteCountError extends Error {
  constructor(
    readonly code: 'errors.votesExceedPresent',
    readonly params: Record<string, number>,
  ) {
    super(code);
  }
}

/**
 * Decides a resolution by the body's rules at this moment: quorum from the snapshot, "more
 * than half" of the base the rules name, and the tie rule (with the chair's casting vote).
 */
export function evaluateResolution(
  result: ResolutionResultInput,
  rules: RulesOfProcedure,
  snapshot: EntitlementSnapshot,
  guestIds: ReadonlySet<string> = new Set(),
): { outcome: ResolutionOutcome; decision: ResolutionDecision } {
  // Quorum is a share of the body's voting members: guests with a vote (if the rules give
  // them one) add votes and count in the base of the majority, never towards the quorum.
  const members = snapshot.members.filter((m) => m.entitled && !guestIds.has(m.voterId));
  const votingMembers = members.length;
  const presentVoting = members.filter((m) => m.present).length;
  const presentEntitled = snapshot.members.filter((m) => m.entitled && m.present).length;
  const quorum = checkQuorum(rules.quorum, { votingMembers, presentVoting });
  const quorumRequired = votingMembers === 0 ? 0 : quorum.required;
  const quorate = votingMembers > 0 && quorum.met;
  const poll: ResolutionPoll = {
    method: 'resolution',
    base: RESOLUTION_BASE[rules.majority],
    majority: majorityOf(rules.majority),
    tieRule: rules.tieRule,
  };
  if (result.kind === 'vote' && result.chairCastingVote)
    poll.chairCastingVote = result.chairCastingVote;
  const votes = result.kind === 'vote' ? result : { yes: 0, no: 0, abstain: 0 };
  if (result.kind === 'vote' && votes.yes + votes.no + votes.abstain > presentEntitled) {
    throw new VoteCountError('errors.votesExceedPresent', {
      votes: votes.yes + votes.no + votes.abstain,
      present: presentEntitled,
    });
  }
  const counted = countPoll(
    poll,
    [{ kind: 'aggregate', yes: votes.yes, no: votes.no, abstain: votes.abstain }],
    snapshot,
  );
  const decision: ResolutionDecision = {
    majority: rules.majority,
    tieRule: rules.tieRule,
    votingMembers,
    presentVoting,
    quorumRequired,
    quorate,
    minYes: counted.evaluation.minYes,
    baseCount: counted.evaluation.baseCount,
    decidedBy: result.kind === 'consensus' ? 'consensus' : counted.decidedBy,
    castingVote: counted.castingVote,
  };
  if (result.kind === 'noVote') return { outcome: 'noVote', decision };
  if (!decision.quorate) return { outcome: 'noQuorum', decision };
  if (result.kind === 'consensus') return { outcome: 'passed', decision };
  return { outcome: counted.outcome, decision };
}

/** Leading infinitives of poll titles ("Schválit …", "Approve …") and the verb they ask for. */
const TITLE_VERBS: [RegExp, ResolutionVerb][] = [
  [/^(schválit|approve)\s+/i, 'approves'],
  [/^(vzít na vědomí|take note of)\s+/i, 'takesNote'],
  [/^(doporučit|recommend)\s+/i, 'recommends'],
  [/^(uložit|instruct)\s+/i, 'instructs'],
  [/^(pověřit|authori[sz]e)\s+/i, 'authorizes'],
  [/^(zvolit|elect)\s+/i, 'elects'],
  [/^(jmenovat|appoint)\s+/i, 'appoints'],
  [/^(zamítnout|reject)\s+/i, 'rejects'],
];

/**
 * The resolution a yes/no poll proposes: "Schválit zařazení služby" → verb "schvaluje", text
 * "zařazení služby" (the minutes read "PS1 schvaluje zařazení služby", not "PS1 schvaluje
 * Schválit …"). A title without such a verb is the text as it is.
 */
export function resolutionFromTitle(title: string): { verb: ResolutionVerb | null; text: string } {
  const trimmed = title.trim();
  for (const [re, verb] of TITLE_VERBS) {
    const m = re.exec(trimmed);
    if (m && trimmed.length > m[0].length) return { verb, text: trimmed.slice(m[0].length) };
  }
  return { verb: null, text: trimmed };
}
