// Single choice and approval (multiple choice): votes per option.
import { ratio, type Ratio } from './arithmetic';
import { sumMaps, sumVoters, toRecord, type MethodTally } from './method-tally';
import { rankOptions } from './ranking';
import type { ChoicePoll } from './schema';
import type { ChoiceUnit } from './units';

export interface ChoiceDetails {
  votes: Record<string, number>;
  /** Σ votes over options (approval: can exceed the voters). */
  totalVotes: number;
  /** Voters who chose at least one option. */
  nonBlankVoters: number;
  /** votes / nonBlankVoters per option (null when nobody chose anything). */
  shares: Record<string, Ratio | null>;
}

/** value = votes; more votes rank higher. */
export function tallyChoice(
  poll: ChoicePoll,
  units: readonly ChoiceUnit[],
): MethodTally<ChoiceDetails> {
  const votes = sumMaps(
    poll.options,
    units.map((u) => u.counts),
  );
  const get = (id: string) => votes.get(id) ?? 0;
  const { ranking, ties } = rankOptions(poll.options, get, (a, b) => get(b) - get(a));
  const { voters, blank } = sumVoters(units);
  const nonBlankVoters = voters - blank;
  return {
    ranking,
    ties,
    voters,
    blank,
    details: {
      votes: toRecord(votes),
      totalVotes: [...votes.values()].reduce((s, v) => s + v, 0),
      nonBlankVoters,
      shares: Object.fromEntries(poll.options.map((id) => [id, ratio(get(id), nonBlankVoters)])),
    },
  };
}
