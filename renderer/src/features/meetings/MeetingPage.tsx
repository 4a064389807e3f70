import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { fullName, meetingNumber } from '@shared/domain';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { db, lockedMeeting, removeMeeting, todayIso, useAttendanceView } from '../../db';
import { formatDate, formatTimeRange, formatWeekday } from '../../i18n/format';
import { platform } from '../../platform';
import { AuditButton } from '../safety/AuditLog';
import { JoinCodes } from '../phoneVoting/JoinCodes';
import { AttendanceList } from './AttendanceList';
import { GuestsPanel } from './GuestsPanel';
import { MeetingForm } from './MeetingForm';
import { needsPreparation, PreparePanel } from './PreparePanel';
import { QuorumPanel } from './QuorumPanel';
import { PaperFingerprintButton, ReverifyNotice, SealNotice } from './SealNotice';

export function MeetingPage() {
  const { meetingId } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const view = useAttendanceView(meetingId);
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'warning'; text: string } | null>(null);

  if (view === undefined) return <p>{t('common.loading')}</p>;
  if (view === null) return <EmptyState>{t('errors.notFound')}</EmptyState>;
  const { meeting, body } = view;
  // Approved minutes are read-only here: the reason is shown, not a button that fails.
  const locked = lockedMeeting(meeting);
  const person = (id?: string) =>
    id && view.people.get(id) ? fullName(view.people.get(id)!) : t('meetings.nobody');

  return (
    <>
      <PageHeader
        title={t('meetings.title_full', { code: body.code, number: meetingNumber(meeting) })}
        subtitle={
          <>
            <Link to={`/bodies/${body.id}`}>{body.name}</Link> · {formatWeekday(meeting.date)}{' '}
            {formatDate(meeting.date)}, {formatTimeRange(meeting.timeFrom, meeting.timeTo)} ·{' '}
            {meeting.place}
          </>
        }
        actions={
          <>
            <Link className="btn btn-primary" to={`/meetings/${meeting.id}/room`}>
              {t('room.open')}
            </Link>
            <Button onPress={() => platform.openProjector(meeting.id)}>
              {t('meetings.projector')}
            </Button>
            <PaperFingerprintButton meetingId={meeting.id} />
            {!locked && <Button onPress={() => setEditing(true)}>{t('common.edit')}</Button>}
            <AuditButton table="meetings" recordId={meeting.id} />
            {!locked && (
              <Button variant="ghost" onPress={() => setRemoving(true)}>
                {t('common.delete')}
              </Button>
            )}
          </>
        }
      />
      <SealNotice meetingId={meeting.id} />
      <ReverifyNotice meeting={meeting} />
      {locked && (
        <p className="notice" role="note" data-testid="locked-notice">
          {t('minutes.lockedNotice')}
        </p>
      )}
      <dl className="meeting-roles">
        <div>
          <dt>{t('meetings.chair')}</dt>
          <dd>{person(meeting.chairId)}</dd>
        </div>
        <div>
          <dt>{t('meetings.minuteTaker')}</dt>
          <dd>{person(meeting.minuteTakerId)}</dd>
        </div>
        <div>
          <dt>{t('meetings.verifier')}</dt>
          <dd>{person(meeting.verifierId)}</dd>
        </div>
      </dl>
      {!locked && needsPreparation(meeting, todayIso()) && (
        <PreparePanel meeting={meeting} body={body} onEditMaterials={() => setEditing(true)} />
      )}
      <div className="meeting-layout">
        <section aria-labelledby="attendance-title" className="meeting-main">
          <h2 id="attendance-title">{t('attendance.title')}</h2>
          {message && (
            <p
              className={`notice notice-${message.kind}`}
              role={message.kind === 'error' ? 'alert' : 'status'}
            >
              {message.text}
            </p>
          )}
          <AttendanceList view={view} onMessage={setMessage} readOnly={locked} />
          <GuestsPanel view={view} readOnly={locked} />
          <JoinCodes room={view} />
        </section>
        <aside className="meeting-side">
          <QuorumPanel quorum={view.quorum} rules={body.rules} />
        </aside>
      </div>
      {editing && <MeetingForm meeting={meeting} onClose={() => setEditing(false)} />}
      {removing && (
        <ConfirmDialog
          isOpen
          title={t('meetings.deleteTitle', { number: meetingNumber(meeting) })}
          text={t('meetings.deleteText')}
          confirmLabel={t('common.delete')}
          onCancel={() => setRemoving(false)}
          onConfirm={async () => {
            await removeMeeting(db, meeting.id);
            navigate(`/bodies/${body.id}`);
          }}
        />
      )}
    </>
  );
}
