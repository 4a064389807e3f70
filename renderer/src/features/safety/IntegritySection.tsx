import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useIntegrity } from '../../db';
import { SealMessage } from '../meetings/SealNotice';

/**
 * "Kontrola neporušenosti" on the "Záloha a data" page: the audit chain and the seal of every
 * approved meeting, checked live, so it shows right after a restore too.
 */
export function IntegritySection() {
  const { t } = useTranslation();
  const report = useIntegrity();
  const broken = report?.chain.problems.filter((p) => p.kind !== 'unchained') ?? [];
  const unchained = report?.chain.problems.find((p) => p.kind === 'unchained');
  return (
    <section
      className="settings-section"
      aria-labelledby="integrity-title"
      data-testid="integrity-section"
    >
      <h2 id="integrity-title">{t('safety.audit.integrityTitle')}</h2>
      <p>{t('safety.audit.integrityText')}</p>
      {!report ? (
        <p className="muted">{t('safety.audit.checking')}</p>
      ) : (
        <>
          <p
            className={report.chain.ok ? 'notice notice-ok' : 'notice notice-warning'}
            role={report.chain.ok ? 'status' : 'alert'}
          >
            {report.chain.ok
              ? t('safety.audit.chainOk', { count: report.chain.entries })
              : t('safety.audit.chainBroken', { count: broken.length })}
          </p>
          {unchained?.kind === 'unchained' && (
            <p className="muted small">{t('safety.audit.unchained', { count: unchained.count })}</p>
          )}
          {report.seals.length === 0 ? (
            <p className="muted">{t('safety.audit.sealsOk')}</p>
          ) : (
            <div className="notice notice-warning" role="alert">
              <p>{t('safety.audit.sealProblems')}</p>
              <ul>
                {report.seals.map((s, i) => (
                  <li key={s.meetingId}>
                    <Link to={`/meetings/${s.meetingId}`}>{report.labels[i]}</Link>:{' '}
                    <SealMessage check={s.check} />
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
      <p>
        <Link to="/safety/audit">{t('safety.audit.openTrail')}</Link>
      </p>
    </section>
  );
}
