import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { fullName, isInRoom } from '@shared/domain';
import { Button } from '../../components/Button';
import { describeError } from '../../components/errors';
import { castBallot, db, usePoll, useRoom } from '../../db';
import { BallotForm } from './BallotForm';

/**
 * "Pass the laptop": each present member with a vote picks their name and casts one ballot.
 * After each ballot the screen is cleared (the form is unmounted) and thanks the voter;
 * nothing of an earlier ballot can be seen. The poll's voter list prevents voting twice.
 */
export function KioskPage() {
  const { pollId } = useParams();
  const { t } = useTranslation();
  const poll = usePoll(pollId);
  const room = useRoom(poll?.meetingId);
  const [voter, setVoter] = useState<string | null>(null);
  const [step, setStep] = useState<'pick' | 'ballot' | 'thanks'>('pick');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [round, setRound] = useState(0);

  if (!poll || !room)
    return (
      <main className="kiosk">
        <p>{t('common.loading')}</p>
      </main>
    );
  const back = (
    <Link className="kiosk-back" to={`/meetings/${poll.meetingId}/room`}>
      {t('kiosk.backToRoom')}
    </Link>
  );
  if (poll.status !== 'open')
    return (
      <main className="kiosk">
        <h1>{poll.title}</h1>
        <p className="kiosk-big">{t('kiosk.closed')}</p>
        {back}
      </main>
    );

  const voted = new Set(poll.voters);
  const voters = room.members.flatMap((m) => {
    const a = room.attendance.get(m.personId);
    if (!m.votingRight || !a || !isInRoom(a) || voted.has(m.personId)) return [];
    const sub =
      a.status === 'substituted' && a.substituteId ? room.people.get(a.substituteId) : undefined;
    return [
      {
        id: m.personId,
        label: sub
          ? `${fullName(sub)} (${t('kiosk.forMember', { name: fullName(m.person) })})`
          : fullName(m.person),
      },
    ];
  });
  const current = voters.find((v) => v.id === voter);

  return (
    <main className="kiosk" aria-labelledby="kiosk-title">
      <header className="kiosk-head">
        <p className="kiosk-body">
          {room.body.code} · {t('kiosk.title')}
        </p>
        <h1 id="kiosk-title">{poll.title}</h1>
        {poll.secret && <p className="kiosk-secret">{t('kiosk.secret')}</p>}
      </header>
      {step === 'thanks' ? (
        <section className="kiosk-thanks" role="status">
          <p className="kiosk-big">✓ {t('kiosk.thanks')}</p>
          <p>{t('kiosk.passOn')}</p>
          <Button
            variant="primary"
            className="ballot-submit"
            autoFocus
            onPress={() => {
              setStep('pick');
              setVoter(null);
              setRound((r) => r + 1);
            }}
          >
            {t('kiosk.next')}
          </Button>
        </section>
      ) : step === 'ballot' && current ? (
        <section aria-label={t('kiosk.yourBallot', { name: current.label })}>
          <h2>{t('kiosk.yourBallot', { name: current.label })}</h2>
          <BallotForm
            key={`${round}-${current.id}`}
            poll={poll}
            busy={busy}
            onSubmit={async (choice) => {
              setBusy(true);
              try {
                await castBallot(db, poll.id, current.id, choice, 'kiosk');
                setError(undefined);
                setVoter(null);
                setStep('thanks');
              } catch (e) {
                setError(describeError(t, e));
              } finally {
                setBusy(false);
              }
            }}
          />
          <Button
            variant="ghost"
            onPress={() => {
              setStep('pick');
              setVoter(null);
              setError(undefined);
            }}
          >
            {t('kiosk.cancel')}
          </Button>
        </section>
      ) : voters.length === 0 ? (
        <p className="kiosk-big">{t('kiosk.done')}</p>
      ) : (
        <section>
          <h2>{t('kiosk.pickVoter')}</h2>
          <ul className="kiosk-voters">
            {voters.map((v) => (
              <li key={v.id}>
                <Button
                  className="kiosk-voter"
                  onPress={() => {
                    setVoter(v.id);
                    setStep('ballot');
                  }}
                >
                  {v.label}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {back}
    </main>
  );
}
