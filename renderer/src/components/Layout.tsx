import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { ErrorBoundary } from './ErrorBoundary';
import { LanguageSwitch } from './LanguageSwitch';

const LINKS = [
  { to: '/', key: 'nav.home', end: true },
  { to: '/meetings', key: 'nav.meetings' },
  { to: '/tasks', key: 'nav.tasks' },
  { to: '/plans', key: 'plan.nav' },
  { to: '/bodies', key: 'nav.bodies' },
  { to: '/people', key: 'nav.people' },
  { to: '/organizations', key: 'nav.organizations' },
  { to: '/safety', key: 'safety.nav' },
  { to: '/sync', key: 'sync.nav' },
  { to: '/settings', key: 'nav.settings' },
] as const;

/** The app's frame; `banners` is the slot the app fills with notices above every page. */
export function Layout({ banners }: { banners?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="shell">
      <a
        href="#main"
        className="skip-link"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skip')}
      </a>
      <nav className="sidebar" aria-label={t('app.name')}>
        <div className="brand">
          <img src="./favicon.svg" alt="" width={34} height={34} />
          <div>
            <div className="brand-name">{t('app.name')}</div>
            <div className="brand-tagline">{t('app.tagline')}</div>
          </div>
        </div>
        <ul>
          {LINKS.map((l) => (
            <li key={l.to}>
              <NavLink to={l.to} end={'end' in l}>
                {t(l.key)}
              </NavLink>
            </li>
          ))}
        </ul>
        <div className="sidebar-foot">
          <LanguageSwitch />
        </div>
      </nav>
      <main id="main" tabIndex={-1} className="content">
        {/* A failing notice must not take the page with it. */}
        <ErrorBoundary fallback={() => <p className="muted small">{t('errorScreen.banners')}</p>}>
          {banners}
        </ErrorBoundary>
        <Outlet />
      </main>
    </div>
  );
}
