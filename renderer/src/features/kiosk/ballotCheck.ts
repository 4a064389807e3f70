// What the kiosk tells a voter before a ballot that cannot be changed is cast: the engine's
// own reason when the ballot is not valid, otherwise what is empty or left unused.
import type { Poll } from '@shared/voting';
import { validateBallot, type BallotIssueCode } from '@shared/voting';

export type BallotGap =
  | { kind: 'abstain' }
  | { kind: 'empty' }
  | { kind: 'pointsLeft'; left: number; total: number }
  | { kind: 'ranked'; ranked: number; total: number };

/** The engine's first reason why this choice is not a valid ballot, or null. */
export function choiceIssue(poll: Poll, choice: Record<string, unknown>): BallotIssueCode | null {
  const v = validateBallot(poll, { kind: 'individual', ...choice });
  return v.valid ? null : (v.issues[0]?.code ?? 'MALFORMED');
}

/** Empty, or incomplete (points left, places left unranked): the voter is asked once. */
export function ballotGaps(poll: Poll, choice: Record<string, unknown>): BallotGap[] {
  const size = (v: unknown) =>
    Array.isArray(v) ? v.length : v && typeof v === 'object' ? Object.keys(v).length : 0;
  switch (poll.method) {
    case 'resolution':
      return [];
    case 'singleChoice':
    case 'approval':
      return size(choice.choices) === 0 ? [{ kind: 'empty' }] : [];
    case 'points': {
      const spent = Object.values((choice.points ?? {}) as Record<string, number>).reduce(
        (a, b) => a + b,
        0,
      );
      if (spent === 0) return [{ kind: 'empty' }];
      const total = poll.pointsPerVoter;
      return spent < total ? [{ kind: 'pointsLeft', left: total - spent, total }] : [];
    }
    case 'borda':
    case 'schulze': {
      const ranked = size(choice.ranking);
      if (ranked === 0) return [{ kind: 'empty' }];
      const total = poll.maxRanks ?? poll.options.length;
      return ranked < total ? [{ kind: 'ranked', ranked, total }] : [];
    }
    case 'score':
      return size(choice.scores) === 0 ? [{ kind: 'empty' }] : [];
  }
}

/** The choice of an explicit abstention, when the poll accepts a blank ballot; else null. */
export function blankChoice(poll: Poll): Record<string, unknown> | null {
  const blank: Record<Poll['method'], Record<string, unknown> | null> = {
    resolution: null, // the ballot has its own "abstain" button
    singleChoice: { choices: [] },
    approval: { choices: [] },
    points: { points: {} },
    borda: { ranking: [] },
    schulze: { ranking: [] },
    score: { scores: {} },
  };
  const choice = blank[poll.method];
  return choice && choiceIssue(poll, choice) === null ? choice : null;
}
