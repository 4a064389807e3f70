import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { firstPlaceTie, meetingNumber, votersSoFar } from '@shared/domain';
import { useRoom } from '../../db';
import { formatDate, formatTimeRange } from '../../i18n/format';
import { QuorumPanel } from '../meetings/QuorumPanel';
import { ProjectorJoin } from '../phoneVoting/ProjectorJoin';
import { ItemTimer } from '../room/ItemTimer';
import { PollResultView } from '../room/PollResultView';
import { castText, methodText, presentVoting, valueText } from '../room/pollText';

/**
 * The room's big screen (a second window or tab on the same origin): it follows the meeting
 * room live through IndexedDB. Large, high-contrast type; never a voter's name next to a vote.
 */
export function ProjectorPage() {
  const { meetingId } = useParams();
  const { t } = useTranslation();
  const room = useRoom(meetingId);
  if (!room)
    return (
      <main className="projector">
        <p className="projector-waiting">{t('projector.waiting')}</p>
      </main>
    );
  const { meeting, body } = room;
  const item = room.items.find((i) => i.id === meeting.currentItemId) ?? room.items[0];
  const poll = room.polls.find((p) => p.id === meeting.currentPollId);
  const entitled = presentVoting(room).length;
  const cast = poll
    ? votersSoFar(
        poll,
        room.handCounts.filter((b) => b.pollId === poll.id).map((b) => b.ballot),
      )
    : 0;

  const showPoll = poll && poll.status !== 'draft';
  const tied = poll ? firstPlaceTie(poll) : [];
  const label = (id: string) => poll?.options.find((o) => o.id === id)?.label ?? id;

  return (
    <main className={`projector ${showPoll ? 'projector-compact' : ''}`}>
      <header>
        <p className="projector-body">
          {body.code} · {body.name}
        </p>
        <h1>{t('meetings.title_full', { code: body.code, number: meetingNumber(meeting) })}</h1>
        <p className="projector-when">
          {formatDate(meeting.date)} · {formatTimeRange(meeting.timeFrom, meeting.timeTo)} ·{' '}
          {meeting.place}
        </p>
      </header>
      {item && (
        <section className="projector-item" aria-label={t('room.agenda')}>
          <h2>
            Ad {item.order} · {item.title}
          </h2>
          {!showPoll && <ItemTimer item={item} compact />}
        </section>
      )}
      {poll && showPoll ? (
        <section
          className="projector-poll"
          aria-labelledby="projector-poll-title"
          data-testid="projector-poll"
        >
          <h2 id="projector-poll-title">{poll.title}</h2>
          <p className="projector-when">{methodText(t, poll)}</p>
          {poll.status === 'open' ? (
            <>
              <p className="projector-cast" data-testid="projector-cast">
                {castText(t, poll, cast, entitled)}
              </p>
              {/* Labels often carry their plan code ("1.1 …"): no list numbers of our own. */}
              <ul className="projector-options">
                {poll.options.map((o) => (
                  <li key={o.id}>{o.label}</li>
                ))}
              </ul>
            </>
          ) : (
            <>
              {tied.length > 0 && !poll.tieDecision && (
                <p className="projector-tie" data-testid="projector-tie">
                  {t('polls.tieFirst', {
                    options: tied.map(label).join(', '),
                    value: valueText(
                      t,
                      poll,
                      (poll.result && poll.result.method !== 'resolution'
                        ? poll.result.ranking[0]?.value
                        : 0) ?? 0,
                    ),
                  })}
                </p>
              )}
              <PollResultView
                poll={poll}
                resolution={room.resolutions.find((r) => r.pollId === poll.id)}
                large
              />
            </>
          )}
        </section>
      ) : (
        <QuorumPanel quorum={room.quorum} rules={body.rules} large />
      )}
      <ProjectorJoin meetingId={meeting.id} poll={poll} />
    </main>
  );
}
