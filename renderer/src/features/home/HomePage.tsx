import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Button } from '../../components/Button';
import { PageHeader } from '../../components/PageHeader';
import {
  db,
  setSetting,
  todayIso,
  useHomeCounts,
  useIsEmpty,
  useMeetings,
  useSetting,
} from '../../db';
import { MeetingList } from '../meetings/MeetingList';
import { TodayList } from './TodayList';

export function HomePage() {
  const { t } = useTranslation();
  const isEmpty = useIsEmpty();
  const startedEmpty = useSetting('startedEmpty');
  if (isEmpty === undefined) return <p>{t('common.loading')}</p>;
  return isEmpty && !startedEmpty ? <Welcome /> : <Overview />;
}

function Welcome() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <img src="./favicon.svg" alt="" width={72} height={72} />
      <h1 id="welcome-title">{t('home.welcomeTitle')}</h1>
      <p className="welcome-text">{t('home.welcomeText')}</p>
      <div className="welcome-choices">
        <div className="choice">
          <Button
            variant="primary"
            isDisabled={busy}
            onPress={async () => {
              setBusy(true);
              try {
                // The sample region's code and texts load only when asked for.
                const { loadSampleRegion } = await import('../../db/sample/sample');
                await loadSampleRegion(db);
              } catch (e) {
                setError(
                  t('home.sampleFailed', { message: e instanceof Error ? e.message : String(e) }),
                );
              } finally {
                setBusy(false);
              }
            }}
          >
            {busy ? t('home.loadingSample') : t('home.loadSample')}
          </Button>
          <p className="muted">{t('home.loadSampleHint')}</p>
        </div>
        <div className="choice">
          <Button
            onPress={async () => {
              await setSetting(db, 'startedEmpty', true);
              navigate('/bodies');
            }}
          >
            {t('home.startEmpty')}
          </Button>
          <p className="muted">{t('home.startEmptyHint')}</p>
        </div>
      </div>
      {busy && <progress aria-label={t('home.loadingSample')} />}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function Overview() {
  const { t } = useTranslation();
  const meetings = useMeetings();
  const counts = useHomeCounts();
  const today = todayIso();
  const upcoming = (meetings ?? []).filter((m) => m.date >= today).slice(0, 6);
  const recent = (meetings ?? [])
    .filter((m) => m.date < today)
    .slice(-5)
    .reverse();
  return (
    <>
      <PageHeader title={t('nav.home')} subtitle={t('app.tagline')} />
      <div className="stats" aria-label={t('home.stats')}>
        <Link to="/bodies" className="stat">
          {t('home.statBodies', { count: counts?.bodies ?? 0 })}
        </Link>
        <Link to="/people" className="stat">
          {t('home.statPeople', { count: counts?.people ?? 0 })}
        </Link>
        <Link to="/meetings" className="stat">
          {t('home.statMeetings', { count: meetings?.length ?? 0 })}
        </Link>
      </div>
      <TodayList />
      {(counts?.bodies ?? 0) === 0 && (
        <section className="first-steps">
          <h2>{t('home.firstSteps')}</h2>
          <ol>
            <li>
              <Link to="/organizations">{t('home.step1')}</Link>
            </li>
            <li>
              <Link to="/bodies">{t('home.step2')}</Link>
            </li>
            <li>
              <Link to="/meetings">{t('home.step3')}</Link>
            </li>
          </ol>
        </section>
      )}
      <h2>{t('home.upcoming')}</h2>
      <MeetingList meetings={upcoming} empty={t('home.noUpcoming')} />
      {recent.length > 0 && (
        <>
          <h2>{t('home.recent')}</h2>
          <MeetingList meetings={recent} empty="" />
        </>
      )}
    </>
  );
}
