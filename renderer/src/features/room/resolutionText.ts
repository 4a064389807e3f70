import type { TFunction } from 'i18next';
import type { Resolution } from '@shared/domain';

/** "7 : 1 : 1 (pro : proti : zdrželo se)", or "konsenzus" / "bez hlasování". */
export function resultText(t: TFunction, r: Pick<Resolution, 'result'>): string {
  if (r.result.kind === 'vote')
    return t('resolutions.votes', {
      yes: r.result.yes,
      no: r.result.no,
      abstain: r.result.abstain,
    });
  if (r.result.kind === 'poll') return t('polls.decidedByPoll');
  return r.result.kind === 'consensus' ? t('resolutions.consensus') : t('resolutions.noVote');
}

/** The rule that decided, as one sentence for the room and for the minutes. */
export function ruleText(
  t: TFunction,
  r: Pick<Resolution, 'result' | 'decision'>,
): string | undefined {
  const d = r.decision;
  if (!d || r.result.kind === 'noVote' || r.result.kind === 'poll') return undefined;
  if (r.result.kind === 'consensus')
    return t('resolutions.ruleConsensus', { present: d.presentVoting, voting: d.votingMembers });
  const parts = [
    t('resolutions.rule', {
      majority: t(`resolutions.majority.${d.majority}`),
      minYes: d.minYes,
      base: d.baseCount,
      present: d.presentVoting,
      voting: d.votingMembers,
    }),
  ];
  if (d.decidedBy === 'chairCastingVote' && d.castingVote)
    parts.push(
      t('resolutions.decidedByChair', {
        vote: d.castingVote === 'yes' ? t('resolutions.castingYes') : t('resolutions.castingNo'),
      }),
    );
  if (d.decidedBy === 'tieRule') parts.push(t('resolutions.decidedByTie'));
  return parts.join(' ');
}
