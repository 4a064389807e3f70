import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { usePhoneVoting } from './PhoneVotingHost';
import { phoneVoting } from './store';

/**
 * The room header's way into phone voting, beside Attendance and Projector (meeting-wide
 * tools): shown while it is off for this meeting; once on, the phone voting panel takes over.
 */
export function PhoneVotingSwitch({ meetingId, locked }: { meetingId: string; locked: boolean }) {
  const { t } = useTranslation();
  const pv = usePhoneVoting();
  if (locked || pv.meetingId === meetingId) return null;
  return (
    <Button onPress={() => void phoneVoting.enable(meetingId)}>{t('phoneVoting.enable')}</Button>
  );
}
