import { useTranslation } from 'react-i18next';
import type { PollRecord } from '@shared/domain';
import { usePhoneVoting } from './PhoneVotingHost';
import { PhoneUrl } from './PhoneUrl';

/**
 * On the open poll's card, where the facilitator looks during the vote: phone voting is on and
 * how many phone ballots are stored. The full panel stays below in the side column.
 */
export function PhoneBallotsLine({ poll }: { poll: PollRecord }) {
  const { t } = useTranslation();
  const pv = usePhoneVoting();
  if (poll.status !== 'open' || pv.meetingId !== poll.meetingId || !pv.url) return null;
  const hubPoll = pv.status?.polls.find((p) => p.id === poll.id);
  return (
    <p className="poll-phone-line" data-testid="poll-phone-ballots" aria-live="polite">
      {hubPoll?.open
        ? t('phoneVoting.ballots', { count: hubPoll.stored })
        : t('phoneVoting.pollNotOnPhones')}
      <span className="muted">
        {' · '}
        <PhoneUrl url={pv.url} />
      </span>
    </p>
  );
}
