import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { PageHeader } from '../../components/PageHeader';

/** A mistyped or outdated address: inside the layout, calm, one way on (not the error screen). */
export function NotFoundPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <section className="page">
      <PageHeader title={t('notFoundPage.title')} />
      <p>{t('notFoundPage.text', { path: `#${pathname}` })}</p>
      <p>
        <Link to="/" className="btn btn-primary">
          {t('notFoundPage.home')}
        </Link>
      </p>
    </section>
  );
}
