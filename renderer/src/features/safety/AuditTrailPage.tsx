import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useRecentAudit } from '../../db';
import { AuditItem } from './AuditLog';
import { IntegritySection } from './IntegritySection';

const LIMIT = 200;

/** The whole change history (from "Záloha a data"), newest first, with the integrity check. */
export function AuditTrailPage() {
  const { t } = useTranslation();
  const entries = useRecentAudit(LIMIT);
  return (
    <>
      <PageHeader
        title={t('safety.audit.trailTitle')}
        subtitle={
          <>
            <Link to="/safety">{t('safety.title')}</Link> ·{' '}
            {t('safety.audit.trailSubtitle', { count: LIMIT })}
          </>
        }
      />
      <IntegritySection />
      <section className="audit-log" aria-label={t('safety.audit.trailTitle')}>
        {entries && entries.length === 0 && <p className="muted">{t('safety.audit.empty')}</p>}
        <ol className="audit-entries">
          {entries?.map((e) => (
            <AuditItem
              key={e.id}
              entry={e}
              label={`${t(`safety.audit.tables.${e.table}`, { defaultValue: e.table })} ${e.recordId.slice(0, 8)}`}
            />
          ))}
        </ol>
      </section>
    </>
  );
}
