import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PollRecord } from '@shared/domain';
import { fullName, votersSoFar } from '@shared/domain';
import { Button } from '../../components/Button';
import { describeError } from '../../components/errors';
import { FormError } from '../../components/fields';
import {
  castBallot,
  db,
  openPoll,
  removeHandCount,
  removePoll,
  type RoomData,
  type RoomItem,
} from '../../db';
import { CloseDialog } from './CloseDialog';
import { HandCountDialog } from './HandCountDialog';
import { PollForm } from './PollForm';
import { PollResultView } from './PollResultView';
import { PollTie } from './PollTie';
import { PhoneBallotsLine } from '../phoneVoting/PhoneBallotsLine';
import { castText, methodText, presentVoting } from './pollText';

export function PollsSection({
  room,
  item,
  locked,
}: {
  room: RoomData;
  item: RoomItem;
  locked: boolean;
}) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const polls = room.polls.filter((p) => p.agendaItemId === item.id);
  return (
    <section className="room-section" aria-labelledby={`polls-${item.id}`}>
      <div className="section-head">
        <h3 id={`polls-${item.id}`}>{t('polls.title')}</h3>
        {!locked && <Button onPress={() => setCreating(true)}>{t('polls.add')}</Button>}
      </div>
      {polls.length === 0 ? (
        <p className="muted">{t('polls.none')}</p>
      ) : (
        polls.map((p) => <PollCard key={p.id} room={room} poll={p} locked={locked} />)
      )}
      {creating && (
        <PollForm agendaItemId={item.id} bodyId={room.body.id} onClose={() => setCreating(false)} />
      )}
    </section>
  );
}

function PollCard({ room, poll, locked }: { room: RoomData; poll: PollRecord; locked: boolean }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'hand' | 'rollCall' | 'close' | null>(null);
  const [error, setError] = useState<string>();
  const entitled = presentVoting(room);
  const handVoters = room.handCounts.filter((b) => b.pollId === poll.id);
  const run = (action: () => Promise<unknown>) =>
    action().then(
      () => setError(undefined),
      (e) => setError(describeError(t, e)),
    );
  const resolution = poll.resolutionId
    ? room.resolutions.find((r) => r.id === poll.resolutionId)
    : undefined;
  const supportsRollCall =
    !poll.secret &&
    (poll.definition.method === 'resolution' || poll.definition.method === 'singleChoice');

  return (
    <div className={`poll-card poll-${poll.status}`} data-testid="poll-card">
      <div className="poll-head">
        <strong>{poll.title}</strong>
        <span className={`status-chip poll-status-${poll.status}`}>
          {t(`polls.status.${poll.status}`)}
        </span>
      </div>
      <p className="muted small">
        {methodText(t, poll)} · {poll.secret ? t('polls.secretNote') : t('polls.namedNote')}
        {poll.status !== 'draft' && (
          <>
            {' '}
            ·{' '}
            <span data-testid="poll-cast">
              {castText(
                t,
                poll,
                votersSoFar(
                  poll,
                  handVoters.map((b) => b.ballot),
                ),
                poll.status === 'closed'
                  ? (poll.result?.participation.presentVoting ?? entitled.length)
                  : entitled.length,
              )}
            </span>
          </>
        )}
      </p>
      {poll.options.length > 0 && poll.status !== 'closed' && (
        <ul className="poll-options">
          {poll.options.map((o) => (
            <li key={o.id}>{o.label}</li>
          ))}
        </ul>
      )}
      {!locked && poll.status === 'draft' && (
        <div className="poll-actions">
          <Button variant="primary" onPress={() => run(() => openPoll(db, poll.id))}>
            {t('polls.open')}
          </Button>
          <Button variant="ghost" onPress={() => run(() => removePoll(db, poll.id))}>
            {t('polls.remove')}
          </Button>
        </div>
      )}
      <PhoneBallotsLine poll={poll} />
      {!locked && poll.status === 'open' && (
        <div className="poll-actions">
          <Link className="btn btn-primary" to={`/kiosk/${poll.id}`}>
            {t('polls.kiosk')}
          </Link>
          {supportsRollCall && (
            <Button onPress={() => setMode(mode === 'rollCall' ? null : 'rollCall')}>
              {t('polls.rollCall')}
            </Button>
          )}
          <Button onPress={() => setMode('hand')}>{t('polls.handCount')}</Button>
          <Button variant="danger" onPress={() => setMode('close')}>
            {t('polls.close')}
          </Button>
          <Button variant="ghost" onPress={() => run(() => removePoll(db, poll.id))}>
            {t('polls.remove')}
          </Button>
        </div>
      )}
      {handVoters.length > 0 && poll.status === 'open' && (
        <p className="small">
          {t('polls.handBlocks')}: {handVoters.length}{' '}
          {handVoters.map((b) => (
            <Button key={b.id} variant="ghost" onPress={() => run(() => removeHandCount(db, b.id))}>
              {t('polls.removeHand')}
            </Button>
          ))}
        </p>
      )}
      {mode === 'rollCall' && poll.status === 'open' && (
        <div className="roll-call">
          <p className="muted small">{t('polls.rollCallHint')}</p>
          <ul>
            {entitled.map((m) => {
              const a = room.attendance.get(m.personId)!;
              const who =
                a.status === 'substituted' && a.substituteId
                  ? `${fullName(room.people.get(a.substituteId)!)} (${t('kiosk.forMember', { name: fullName(m.person) })})`
                  : fullName(m.person);
              const voted = poll.voters.includes(m.personId);
              return (
                <li key={m.personId} className={voted ? 'voted' : ''}>
                  <span>{who}</span>
                  {voted ? (
                    <span className="muted">✓ {t('polls.voters')}</span>
                  ) : poll.definition.method === 'resolution' ? (
                    <span role="group" aria-label={who} className="status-buttons">
                      {(['yes', 'no', 'abstain'] as const).map((v) => (
                        <button
                          key={v}
                          type="button"
                          className="status-btn"
                          onClick={() =>
                            void run(() =>
                              castBallot(db, poll.id, m.personId, { vote: v }, 'rollCall'),
                            )
                          }
                        >
                          {t(`resolutions.${v}`)}
                        </button>
                      ))}
                    </span>
                  ) : (
                    <select
                      aria-label={who}
                      defaultValue=""
                      onChange={(e) =>
                        void run(() =>
                          castBallot(
                            db,
                            poll.id,
                            m.personId,
                            { choices: [e.target.value] },
                            'rollCall',
                          ),
                        )
                      }
                    >
                      <option value="" disabled>
                        —
                      </option>
                      {poll.options.map((o) => (
                        <option key={o.id} value={o.id}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {poll.status === 'closed' && (
        <>
          <PollResultView poll={poll} resolution={resolution} />
          <PollTie room={room} poll={poll} locked={locked} />
          {/* A yes/no result names its resolution in its outcome line already. */}
          {resolution && poll.definition.method !== 'resolution' && (
            <p className="small">→ {resolution.number}</p>
          )}
        </>
      )}
      <FormError message={error} />
      {mode === 'hand' && <HandCountDialog poll={poll} onClose={() => setMode(null)} />}
      {mode === 'close' && <CloseDialog room={room} poll={poll} onClose={() => setMode(null)} />}
    </div>
  );
}
