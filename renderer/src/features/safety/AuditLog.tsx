import { useTranslation } from 'react-i18next';
import { useAuditLog, type AuditEntry } from '../../db';

function show(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function when(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'cs-CZ', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/**
 * "Historie změn" of one record: who changed what and when, with before and after values.
 * Mount it anywhere: <AuditLog table="resolutions" recordId={resolution.id} />.
 */
export function AuditLog({ table, recordId }: { table: string; recordId: string }) {
  const { t, i18n } = useTranslation();
  const entries = useAuditLog(table, recordId);
  return (
    <section className="audit-log" aria-label={t('safety.audit.title')}>
      <h3>{t('safety.audit.title')}</h3>
      {entries && entries.length === 0 && <p className="muted">{t('safety.audit.empty')}</p>}
      <ol className="audit-entries">
        {entries?.map((e) => (
          <li key={e.id} className={`audit-entry audit-${e.op}`}>
            <div className="audit-head">
              <time dateTime={e.at}>{when(e.at, i18n.language)}</time> ·{' '}
              <strong>{e.user ?? t('safety.audit.unknownUser')}</strong> ·{' '}
              {t(`safety.audit.${e.op}`)}
            </div>
            <AuditChanges entry={e} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function AuditChanges({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  if (entry.op === 'seal') {
    const hash = String((entry.after as { hash?: string } | undefined)?.hash ?? '');
    return <p className="audit-hash">{t('safety.audit.hash', { hash })}</p>;
  }
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (f) => !['id', 'createdAt', 'updatedAt'].includes(f),
  );
  if (fields.length === 0) return null;
  return (
    <table className="data-table audit-table">
      <thead>
        <tr>
          <th scope="col">{t('safety.audit.field')}</th>
          {entry.op !== 'create' && <th scope="col">{t('safety.audit.before')}</th>}
          {entry.op !== 'delete' && <th scope="col">{t('safety.audit.after')}</th>}
        </tr>
      </thead>
      <tbody>
        {fields.map((f) => (
          <tr key={f}>
            <th scope="row">{f}</th>
            {entry.op !== 'create' && <td className="audit-before">{show(before[f])}</td>}
            {entry.op !== 'delete' && <td className="audit-after">{show(after[f])}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
