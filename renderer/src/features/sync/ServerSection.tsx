// "Synchronizace se serverem": the region's CouchDB server, the account, the bodies, the state
// of live sync (db/sync/liveSession.ts). The password never goes to IndexedDB: Electron keeps
// it encrypted by the OS, a browser only in this tab's memory (the screen says which).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../i18n/format';
import type { TFunction } from 'i18next';
import { checkServerUrl, progressOf, type LiveState } from '@shared/sync/live';
import { Button } from '../../components/Button';
import { describeError } from '../../components/errors';
import { useBodies } from '../../db/hooks';
import {
  connectLive,
  disconnectLive,
  initLiveSync,
  syncLiveNow,
  useHeldBack,
  useLiveSync,
  type LiveSnapshot,
} from '../../db/sync/liveSession';
import { platform } from '../../platform';

/** Seconds until `at`, refreshed every second while shown. */
function useSecondsUntil(at: number | undefined, initial: number): number {
  const [seconds, setSeconds] = useState(initial);
  useEffect(() => {
    if (at === undefined) return;
    const update = () => setSeconds(Math.max(0, Math.ceil((at - Date.now()) / 1000)));
    const first = setTimeout(update, 0);
    const t = setInterval(update, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(t);
    };
  }, [at]);
  return seconds;
}

function StateLine({ state, t }: { state: LiveState; t: TFunction }) {
  const seconds = useSecondsUntil(
    state.kind === 'retrying' ? state.retryAt : undefined,
    state.kind === 'retrying' ? Math.ceil(state.delayMs / 1000) : 0,
  );
  switch (state.kind) {
    case 'firstSync': {
      const p = progressOf(state.done, state.total);
      return (
        <div>
          <p role="status">
            {!p.total
              ? t('sync.live.states.firstSyncStart')
              : p.done < p.total
                ? t('sync.live.states.firstSync', { done: p.done, total: p.total })
                : t('sync.live.states.firstSyncFinishing')}
          </p>
          <progress
            className="sync-progress"
            max={p.total || 1}
            value={p.done}
            aria-label={t('sync.live.states.firstSync', { done: p.done, total: p.total })}
          />
        </div>
      );
    }
    case 'retrying':
      return (
        <p role="status" className="error">
          {t(`sync.live.states.${state.error}`, { seconds })}
        </p>
      );
    case 'authError':
      return (
        <p role="alert" className="error">
          {t('sync.live.states.authError')}
        </p>
      );
    default:
      return <p role="status">{t(`sync.live.states.${state.kind}`)}</p>;
  }
}

export function ServerSection() {
  const live = useLiveSync();
  // Sync's code loads at start only when sync is on (main.tsx); here it reads the remembered server.
  useEffect(() => initLiveSync(), []);
  // The remembered server fills the form (a new form when it becomes known).
  const s = live.setting;
  return <ServerForm key={s ? `${s.url} ${s.username}` : ''} live={live} />;
}

function ServerForm({ live }: { live: LiveSnapshot }) {
  const { t } = useTranslation();
  const bodies = useBodies();
  const held = useHeldBack();
  const setting = live.setting;
  const [url, setUrl] = useState(setting?.url ?? '');
  const [username, setUsername] = useState(setting?.username ?? '');
  const [password, setPassword] = useState('');
  const [all, setAll] = useState(!setting || setting.bodies === 'all');
  const [picked, setPicked] = useState<string[]>(
    setting && setting.bodies !== 'all' ? setting.bodies : [],
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // A refused password stops the loop: the form opens again so it can be corrected.
  const on = live.state.kind !== 'off' && live.state.kind !== 'authError';
  const statusRef = useRef<HTMLDListElement>(null);
  // The answer to Connect/Disconnect is the state above the form: bring it into view.
  const showStatus = () => statusRef.current?.scrollIntoView({ block: 'nearest' });
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkServerUrl(url);
    const next: Record<string, string> = {};
    if (!checked.ok) next.url = t(`sync.live.urlProblem.${checked.problem}`);
    if (!username.trim()) next.username = t('sync.live.usernameRequired');
    if (!password) next.password = t('sync.live.passwordRequired');
    setErrors(next);
    if (!checked.ok || Object.keys(next).length) return;
    setBusy(true);
    setFailure(null);
    try {
      await connectLive(
        { url: checked.url, username: username.trim(), bodies: all ? 'all' : picked },
        password,
      );
      setPassword('');
    } catch (err) {
      setFailure(describeError(t, err));
    } finally {
      setBusy(false);
      showStatus();
    }
  };

  const onDisconnect = async () => {
    setBusy(true);
    try {
      await disconnectLive();
    } finally {
      setBusy(false);
      showStatus();
    }
  };

  const keepingHint =
    platform.kind === 'web'
      ? t('sync.live.passwordSession')
      : live.keeping === 'session'
        ? t('sync.live.passwordSessionApp')
        : t('sync.live.passwordOs');
  const plainHttp = url.trim().toLowerCase().startsWith('http://');

  return (
    <section aria-labelledby="sync-live-title" className="sync-server">
      <h2 id="sync-live-title">{t('sync.live.title')}</h2>
      <p className="muted">{t('sync.live.hint')}</p>
      {!setting && !on && <p className="notice">{t('sync.live.empty')}</p>}
      {live.state.kind === 'off' && live.state.needsPassword && (
        <p className="notice">{t('sync.live.needsPassword')}</p>
      )}
      <dl className="sync-status" ref={statusRef}>
        <dt>{t('sync.live.state')}</dt>
        <dd>
          <StateLine state={live.state} t={t} />
        </dd>
        <dt>{t('sync.live.lastSync')}</dt>
        <dd>
          {live.lastSyncAt ? formatInstant(live.lastSyncAt, { seconds: true }) : t('sync.never')}
        </dd>
      </dl>
      {!!held && <p className="notice">{t('sync.live.heldBack', { count: held })}</p>}
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <div className="form-grid">
          <div className={`field span-all ${errors.url ? 'field-invalid' : ''}`}>
            <label htmlFor="sync-url">{t('sync.live.url')}</label>
            <input
              id="sync-url"
              type="url"
              inputMode="url"
              autoComplete="url"
              placeholder="https://couchdb.mesto.cz"
              value={url}
              disabled={on}
              aria-invalid={!!errors.url}
              aria-describedby={errors.url ? 'sync-url-error' : undefined}
              onChange={(e) => setUrl(e.target.value)}
            />
            {errors.url && (
              <span id="sync-url-error" className="field-error">
                {errors.url}
              </span>
            )}
            {plainHttp && !errors.url && (
              <span className="field-hint">{t('sync.live.httpWarning')}</span>
            )}
          </div>
          <div className={`field ${errors.username ? 'field-invalid' : ''}`}>
            <label htmlFor="sync-user">{t('sync.live.username')}</label>
            <input
              id="sync-user"
              autoComplete="username"
              value={username}
              disabled={on}
              aria-invalid={!!errors.username}
              onChange={(e) => setUsername(e.target.value)}
            />
            {errors.username && <span className="field-error">{errors.username}</span>}
          </div>
          <div className={`field ${errors.password ? 'field-invalid' : ''}`}>
            <label htmlFor="sync-password">{t('sync.live.password')}</label>
            <input
              id="sync-password"
              type="password"
              autoComplete="current-password"
              value={password}
              disabled={on}
              aria-invalid={!!errors.password}
              onChange={(e) => setPassword(e.target.value)}
            />
            {errors.password && <span className="field-error">{errors.password}</span>}
          </div>
        </div>
        <p className="field-hint">{keepingHint}</p>
        <fieldset className="rules-fieldset" disabled={on}>
          <legend>{t('sync.live.bodies')}</legend>
          <p className="field-hint">{t('sync.live.region')}</p>
          <div className="field field-check">
            <input
              id="sync-all"
              type="checkbox"
              checked={all}
              onChange={(e) => setAll(e.target.checked)}
            />
            <label htmlFor="sync-all">{t('sync.live.allBodies')}</label>
          </div>
          {!all &&
            (bodies?.length ? (
              bodies.map((b) => (
                <div className="field field-check" key={b.id}>
                  <input
                    id={`sync-body-${b.id}`}
                    type="checkbox"
                    checked={picked.includes(b.id)}
                    onChange={(e) =>
                      setPicked((p) =>
                        e.target.checked ? [...p, b.id] : p.filter((x) => x !== b.id),
                      )
                    }
                  />
                  <label htmlFor={`sync-body-${b.id}`}>
                    {b.code} – {b.name}
                  </label>
                </div>
              ))
            ) : (
              <p className="muted">{t('sync.live.noBodies')}</p>
            ))}
        </fieldset>
        <div className="form-actions">
          {on ? (
            <>
              <Button onPress={() => syncLiveNow()} isDisabled={busy}>
                {t('sync.live.syncNow')}
              </Button>
              <Button variant="danger" onPress={() => void onDisconnect()} isDisabled={busy}>
                {t('sync.live.disconnect')}
              </Button>
            </>
          ) : (
            <Button type="submit" variant="primary" isDisabled={busy}>
              {t('sync.live.connect')}
            </Button>
          )}
        </div>
      </form>
      {failure && (
        <p role="alert" className="error">
          {failure}
        </p>
      )}
    </section>
  );
}
