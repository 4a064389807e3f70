import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { meetingNumber } from '@shared/domain';
import { Button } from '../../components/Button';
import { type RoomData } from '../../db';
import { formatDate, formatTimeRange } from '../../i18n/format';
import { MeetingForm } from '../meetings/MeetingForm';

/** "Termín příštího jednání": set date and place here; it creates the next meeting. */
export function NextMeetingSection({ room, locked }: { room: RoomData; locked: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const next = room.nextMeeting;
  return (
    <section className="room-section" aria-labelledby="next-title">
      <h3 id="next-title">{t('minutes.nextMeeting')}</h3>
      {next ? (
        <p>
          <strong>{formatDate(next.date)}</strong>, {formatTimeRange(next.timeFrom, next.timeTo)},{' '}
          {next.place} ({meetingNumber(next)}){' '}
          <Link to={`/meetings/${next.id}/room`}>{t('minutes.nextMeetingOpen')}</Link>
        </p>
      ) : (
        <p className="muted">{t('minutes.nextMeetingNone')}</p>
      )}
      {!next && !locked && (
        <Button onPress={() => setOpen(true)}>{t('minutes.nextMeetingSet')}</Button>
      )}
      {open && (
        <MeetingForm
          bodyId={room.body.id}
          defaults={{
            place: room.meeting.place,
            timeFrom: room.meeting.timeFrom,
            timeTo: room.meeting.timeTo,
            chairId: room.meeting.chairId,
            minuteTakerId: room.meeting.minuteTakerId,
          }}
          previousMeetingId={room.meeting.id}
          onClose={() => setOpen(false)}
        />
      )}
    </section>
  );
}
