import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../i18n/format';
import { Button } from '../../components/Button';
import { FormDialog } from '../../components/Dialog';
import { formatFingerprint, useAuditLog, type AuditEntry } from '../../db';

function show(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * "Historie změn" of one record: who changed what and when, with before and after values.
 * Mount it anywhere: <AuditLog table="resolutions" recordId={resolution.id} />, or the button
 * that opens it in a dialog: <AuditButton table="meetings" recordId={meeting.id} />.
 */
export function AuditLog({
  table,
  recordId,
  heading = true,
}: {
  table: string;
  recordId: string;
  /** false inside a dialog that already has the title. */
  heading?: boolean;
}) {
  const { t } = useTranslation();
  const entries = useAuditLog(table, recordId);
  return (
    <section className="audit-log" aria-label={t('safety.audit.title')}>
      {heading && <h3>{t('safety.audit.title')}</h3>}
      {entries && entries.length === 0 && <p className="muted">{t('safety.audit.empty')}</p>}
      <ol className="audit-entries">
        {entries?.map((e) => (
          <AuditItem key={e.id} entry={e} />
        ))}
      </ol>
    </section>
  );
}

export function AuditItem({ entry, label }: { entry: AuditEntry; label?: string }) {
  const { t } = useTranslation();
  return (
    <li className={`audit-entry audit-${entry.op}`}>
      <div className="audit-head">
        <time dateTime={entry.at}>{formatInstant(entry.at)}</time> ·{' '}
        <strong>{entry.user ?? t('safety.audit.unknownUser')}</strong> ·{' '}
        {label ? `${label} · ` : ''}
        {t(`safety.audit.${entry.op}`)}
        {entry.n !== undefined && <span className="muted small"> · #{entry.n + 1}</span>}
        {entry.side && <span className="muted small"> · {t('safety.audit.side')}</span>}
      </div>
      <AuditChanges entry={entry} />
    </li>
  );
}

function AuditChanges({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  if (entry.op === 'seal') {
    const hash = String((entry.after as { hash?: string } | undefined)?.hash ?? '');
    return (
      <p className="audit-hash">{t('safety.audit.hash', { hash: formatFingerprint(hash) })}</p>
    );
  }
  if (entry.op === 'restore') {
    const after = (entry.after ?? {}) as { createdAt?: string; added?: number };
    return (
      <p className="small">
        {t('safety.audit.restoreDetail', {
          date: after.createdAt ? formatInstant(after.createdAt) : '—',
          added: after.added ?? 0,
        })}
      </p>
    );
  }
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (f) => !['id', 'createdAt', 'updatedAt'].includes(f),
  );
  if (fields.length === 0) return null;
  return (
    <div className="table-scroll">
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
    </div>
  );
}

/** "Historie změn" of a record, opened in a dialog from the record's page. */
export function AuditButton({
  table,
  recordId,
  name,
}: {
  table: string;
  recordId: string;
  /** Tells several such buttons apart for screen readers ("Historie změn PS1/3/2026/2"). */
  name?: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="ghost"
        onPress={() => setOpen(true)}
        aria-label={name ? `${t('safety.audit.open')} ${name}` : undefined}
      >
        {t('safety.audit.open')}
      </Button>
      {open && (
        <FormDialog title={t('safety.audit.title')} isOpen onClose={() => setOpen(false)} wide>
          <div className="audit-dialog-body">
            <AuditLog table={table} recordId={recordId} heading={false} />
          </div>
          <div className="form-actions">
            <Button onPress={() => setOpen(false)}>{t('common.close')}</Button>
          </div>
        </FormDialog>
      )}
    </>
  );
}
