import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { LocaleProvider } from './components/LocaleProvider';
import { db, readSetting, requestPersistentStorage } from './db';
import { RootError } from './features/safety/PageError';
import { i18n, i18nReady } from './i18n';
import './styles.css';

document.documentElement.lang = i18n.language;
void requestPersistentStorage();

// Live sync with the region's server resumes when it was on; its code (db/sync/liveSession.ts
// and PouchDB) loads only then, or on the sync screen, so the first screen stays light.
void readSetting(db, 'syncServer')
  .then(async (server) => {
    if (server?.enabled) (await import('./db/sync/liveSession')).initLiveSync();
  })
  .catch((e: unknown) => console.error('live sync resume failed', e));

// The saved language (English loads on demand) is ready before the first render.
void i18nReady.finally(() => renderApp());

function renderApp() {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ErrorBoundary
        fallback={(error, componentStack) => (
          <RootError error={error} componentStack={componentStack} />
        )}
      >
        <LocaleProvider>
          <App />
        </LocaleProvider>
      </ErrorBoundary>
    </StrictMode>,
  );
}
