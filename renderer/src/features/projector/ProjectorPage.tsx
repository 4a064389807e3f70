import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { meetingNumber } from '@shared/domain';
import { useAttendanceView } from '../../db';
import { formatDate, formatTime } from '../../i18n/format';
import { QuorumPanel } from '../meetings/QuorumPanel';

/** The room's big screen: follows the meeting live through the shared IndexedDB. */
export function ProjectorPage() {
  const { meetingId } = useParams();
  const { t } = useTranslation();
  const view = useAttendanceView(meetingId);
  if (!view) return <main className="projector"><p className="projector-waiting">{t('projector.waiting')}</p></main>;
  const { meeting, body } = view;
  return (
    <main className="projector">
      <header>
        <p className="projector-body">{body.code} · {body.name}</p>
        <h1>{t('meetings.title_full', { code: body.code, number: meetingNumber(meeting) })}</h1>
        <p className="projector-when">{formatDate(meeting.date)} · {formatTime(meeting.timeFrom)}–{formatTime(meeting.timeTo)} · {meeting.place}</p>
      </header>
      <QuorumPanel quorum={view.quorum} rules={body.rules} large />
    </main>
  );
}
