// Cross-field checks of a poll definition (the zod schemas check single fields), and
// `PollSchema`, the structural schema plus these checks. schema.ts does not import this file.
import { PollUnionSchema, type Poll } from './schema';

export type PollConfigIssueCode =
  | 'DUPLICATE_OPTION_ID'
  | 'MIN_CHOICES_EXCEEDS_MAX'
  | 'MAX_CHOICES_EXCEEDS_OPTIONS'
  | 'MIN_RANKS_EXCEEDS_MAX'
  | 'MAX_RANKS_EXCEEDS_OPTIONS'
  | 'INVALID_SCALE'
  | 'TIE_BREAK_UNKNOWN_OPTION'
  | 'TIE_BREAK_DUPLICATE_OPTION'
  | 'QUORUM_ABOVE_ALL_MEMBERS'
  | 'SNAPSHOT_REQUIRED'
  | 'MALFORMED_POLL'
  | 'MALFORMED_SNAPSHOT';

export interface PollConfigIssue {
  code: PollConfigIssueCode;
  path: (string | number)[];
  optionId?: string;
}

/** Thrown by `countPoll` for a poll definition that `PollSchema` would reject. */
export class InvalidPollError extends Error {
  readonly issues: PollConfigIssue[];
  constructor(issues: PollConfigIssue[]) {
    super(`Invalid poll definition: ${issues.map((i) => i.code).join(', ')}`);
    this.name = 'InvalidPollError';
    this.issues = issues;
  }
}

export function pollConfigIssues(poll: Poll): PollConfigIssue[] {
  const issues: PollConfigIssue[] = [];
  // "More than all members" ({1, 1, strict}) or above 1 can never be met: refused here as the
  // rules of procedure refuse it (shared/domain/rules.ts `fraction`).
  const q = poll.quorum;
  if (q && (q.numerator > q.denominator || (q.strict && q.numerator === q.denominator))) {
    issues.push({ code: 'QUORUM_ABOVE_ALL_MEMBERS', path: ['quorum'] });
  }
  if (poll.method === 'resolution') return issues;

  const n = poll.options.length;
  const seen = new Set<string>();
  poll.options.forEach((id, i) => {
    if (seen.has(id))
      issues.push({ code: 'DUPLICATE_OPTION_ID', path: ['options', i], optionId: id });
    seen.add(id);
  });
  const seenTie = new Set<string>();
  (poll.chairTieBreak ?? []).forEach((id, i) => {
    if (!seen.has(id)) {
      issues.push({ code: 'TIE_BREAK_UNKNOWN_OPTION', path: ['chairTieBreak', i], optionId: id });
    } else if (seenTie.has(id)) {
      issues.push({ code: 'TIE_BREAK_DUPLICATE_OPTION', path: ['chairTieBreak', i], optionId: id });
    }
    seenTie.add(id);
  });

  switch (poll.method) {
    case 'approval': {
      const max = poll.maxChoices ?? n;
      if ((poll.minChoices ?? 0) > max)
        issues.push({ code: 'MIN_CHOICES_EXCEEDS_MAX', path: ['minChoices'] });
      if (max > n) issues.push({ code: 'MAX_CHOICES_EXCEEDS_OPTIONS', path: ['maxChoices'] });
      break;
    }
    case 'borda':
    case 'schulze': {
      const max = poll.maxRanks ?? n;
      if ((poll.minRanks ?? 1) > max)
        issues.push({ code: 'MIN_RANKS_EXCEEDS_MAX', path: ['minRanks'] });
      if (max > n) issues.push({ code: 'MAX_RANKS_EXCEEDS_OPTIONS', path: ['maxRanks'] });
      break;
    }
    case 'score':
      if ((poll.scaleMin ?? 0) >= (poll.scaleMax ?? 5))
        issues.push({ code: 'INVALID_SCALE', path: ['scaleMax'] });
      break;
    default:
      break;
  }
  return issues;
}

/** Any poll definition. Structural checks plus the cross-field checks of `pollConfigIssues`. */
export const PollSchema = PollUnionSchema.superRefine((poll, ctx) => {
  for (const issue of pollConfigIssues(poll)) {
    ctx.addIssue({ code: 'custom', message: issue.code, path: issue.path, params: { ...issue } });
  }
});
