import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { meetingNumber } from '@shared/domain';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useMediaQuery } from '../../components/useMediaQuery';
import { db, lockedMeeting, setCurrentItem, useRoomParts } from '../../db';
import { formatDate, formatTimeRange } from '../../i18n/format';
import { platform } from '../../platform';
import { AttendanceList } from '../meetings/AttendanceList';
import { QuorumPanel } from '../meetings/QuorumPanel';
import { PhoneVotingPanel } from '../phoneVoting/PhoneVotingPanel';
import { PhoneVotingSwitch } from '../phoneVoting/PhoneVotingSwitch';
import { AgendaPanel } from './AgendaPanel';
import { ItemPanel } from './ItemPanel';
import { MinutesPanel } from './MinutesPanel';
import { useAfterFirstPaint } from './afterFirstPaint';

/**
 * The screen a facilitator runs the meeting from: programme on the left, the item in focus
 * in the middle (timer, live minutes, resolutions, tasks), quorum and minutes on the right.
 * Alt+PageDown / Alt+PageUp move to the next / previous item from anywhere.
 */
export function RoomPage() {
  const { meetingId } = useParams();
  const { t } = useTranslation();
  // The header and the programme show as soon as their quick reads are in; the item in focus
  // and the side column follow with the rest of the room (attendance, absences, tasks).
  const { shell, room } = useRoomParts(meetingId);
  const [attendanceMessage, setAttendanceMessage] = useState<{
    kind: 'error' | 'warning';
    text: string;
  } | null>(null);
  // The side column (quorum, phones, attendance, minutes) sits under the programme at 1280 px,
  // below the fold, and in a column of its own on wide screens: it renders after the first
  // frame, into its own grid area, so it moves nothing.
  const sideReady = useAfterFirstPaint(!!room);
  const [attendanceOpen, setAttendanceOpen] = useState(false);
  // Phone voting: in the side column when it has a column of its own (≥ 1600 px, styles.css);
  // below that, the side column sits under the programme, so the panel leads the item's
  // column instead, where the facilitator looks while a vote runs.
  const wide = useMediaQuery('(min-width: 1600px)');
  const items = shell?.items ?? [];
  const current = items.find((i) => i.id === shell?.meeting.currentItemId) ?? items[0];
  const index = current ? items.indexOf(current) : -1;

  const go = (delta: number) => {
    const target = items[index + delta];
    if (shell && target) void setCurrentItem(db, shell.meeting.id, target.id);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || (e.key !== 'PageDown' && e.key !== 'PageUp')) return;
      e.preventDefault();
      go(e.key === 'PageDown' ? 1 : -1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (shell === undefined) return <p>{t('common.loading')}</p>;
  if (shell === null || room === null) return <EmptyState>{t('errors.notFound')}</EmptyState>;
  const { meeting, body } = shell;
  const locked = lockedMeeting(meeting);

  return (
    <div className="room">
      <PageHeader
        title={t('meetings.title_full', { code: body.code, number: meetingNumber(meeting) })}
        subtitle={`${body.name} · ${formatDate(meeting.date)}, ${formatTimeRange(meeting.timeFrom, meeting.timeTo)} · ${meeting.place}`}
        actions={
          <>
            <Link className="btn btn-secondary" to={`/meetings/${meeting.id}`}>
              {t('room.attendanceLink')}
            </Link>
            <Button onPress={() => platform.openProjector(meeting.id)}>
              {t('meetings.projector')}
            </Button>
            <PhoneVotingSwitch meetingId={meeting.id} locked={locked} />
          </>
        }
      />
      {locked && (
        <p className="notice notice-warning" role="status">
          {t('room.locked')}
        </p>
      )}
      <div className="room-layout">
        <AgendaPanel
          meetingId={meeting.id}
          bodyId={body.id}
          bodyCode={body.code}
          items={items}
          resolutions={shell.resolutions}
          templates={shell.templates}
          currentId={current?.id}
          locked={locked}
          gridAfter={!!room}
        />
        <div className="room-main">
          {!wide && sideReady && room && <PhoneVotingPanel room={room} locked={locked} strip />}
          {current ? (
            <>
              <nav className="item-nav" aria-label={t('room.agenda')}>
                <Button onPress={() => go(-1)} isDisabled={index <= 0}>
                  ← {t('room.previous')}
                </Button>
                <span className="muted">
                  {t('room.itemOf', { n: index + 1, total: items.length })}
                </span>
                <Button onPress={() => go(1)} isDisabled={index >= items.length - 1}>
                  {t('room.next')} →
                </Button>
              </nav>
              {room && <ItemPanel key={current.id} room={room} item={current} locked={locked} />}
            </>
          ) : (
            <EmptyState>{t('room.noItemSelected')}</EmptyState>
          )}
        </div>
        <aside className="room-side">
          {sideReady && room && (
            <>
              <QuorumPanel quorum={room.quorum} rules={body.rules} />
              {wide && <PhoneVotingPanel room={room} locked={locked} />}
              {/* Late arrivals and departures are recorded without leaving the room. */}
              <details
                className="room-attendance"
                onToggle={(e) => setAttendanceOpen(e.currentTarget.open)}
              >
                <summary>
                  {t('room.attendanceInRoom', {
                    present: room.quorum.presentMembers,
                    count: room.members.length,
                  })}
                </summary>
                {attendanceMessage && (
                  <p
                    className={`notice notice-${attendanceMessage.kind}`}
                    role={attendanceMessage.kind === 'error' ? 'alert' : 'status'}
                  >
                    {attendanceMessage.text}
                  </p>
                )}
                {/* Dozens of buttons: rendered only while the list is open. */}
                {attendanceOpen && (
                  <AttendanceList view={room} onMessage={setAttendanceMessage} readOnly={locked} />
                )}
              </details>
              <MinutesPanel room={room} />
            </>
          )}
        </aside>
      </div>
    </div>
  );
}
