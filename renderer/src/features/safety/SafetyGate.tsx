import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { backupNewerDatabase, db, loadUserName, openDatabase, type StartupState } from '../../db';
import { platform } from '../../platform';
import { runDailyAutoBackup } from './autoBackup';

/**
 * Opens the database before anything else renders. A database from a newer Triáda gets a
 * full-screen message and no writes; otherwise the app renders and, in Electron, the daily
 * automatic backup runs in the background.
 */
export function SafetyGate({ children }: { children: ReactNode }) {
  const [state, setState] = useState<StartupState | null>(null);
  useEffect(() => {
    let alive = true;
    void openDatabase(db).then(async (s) => {
      if (s.status === 'ok') {
        await loadUserName(db);
        void runDailyAutoBackup(db, platform);
      }
      if (alive) setState(s);
    });
    return () => {
      alive = false;
    };
  }, []);
  if (!state) return null;
  if (state.status === 'newer')
    return <NewerVersionScreen stored={state.storedVersion} app={state.appVersion} />;
  if (state.status === 'failed') return <FailedScreen message={state.message} />;
  return <>{children}</>;
}

export function NewerVersionScreen({ stored, app }: { stored: number; app: number }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <main className="safety-screen" role="alert" aria-labelledby="newer-title">
      <div className="safety-screen-card">
        <h1 id="newer-title">{t('safety.newer.title')}</h1>
        <p>{t('safety.newer.text', { stored, app })}</p>
        <p>{t('safety.newer.action')}</p>
        <Button
          variant="primary"
          onPress={async () => {
            try {
              const copy = await backupNewerDatabase(db.name);
              setSaved(
                (await platform.saveFile(copy.fileName, copy.bytes, 'application/json')) ===
                  'saved',
              );
            } catch (e) {
              setError(e instanceof Error ? e.message : String(e));
            }
          }}
        >
          {t('safety.newer.save')}
        </Button>
        {saved && <p role="status">{t('safety.newer.saved')}</p>}
        {error && <p className="form-error">{error}</p>}
      </div>
    </main>
  );
}

function FailedScreen({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <main className="safety-screen" role="alert">
      <div className="safety-screen-card">
        <h1>{t('safety.failed.title')}</h1>
        <p>{t('safety.failed.text', { message })}</p>
      </div>
    </main>
  );
}
