import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BackupError, RECORD_SCHEMAS, type InspectedBackup } from '@shared/backup';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { describeError } from '../../components/errors';
import { db, restoreBackup, restorePreview, restoreTarget, type RestoreChange } from '../../db';
import { describeIssue, tableLabel } from './describe';
import { CheckProgress, WriteProgress } from './RestoreProgress';
import type { CheckStatus } from './restoreProtocol';
import { checkBackupFile } from './restoreWorkerClient';

const dateTime = (iso: string, lang: string) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'cs-CZ', {
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(iso));

/** Registered tables in their natural order (organizations, people, bodies …), then the rest. */
const KNOWN_ORDER = Object.keys(RECORD_SCHEMAS);
const tableOrder = (table: string) =>
  KNOWN_ORDER.includes(table) ? KNOWN_ORDER.indexOf(table) : KNOWN_ORDER.length;

type Stage =
  | { kind: 'idle' }
  | { kind: 'checking'; status: CheckStatus }
  | { kind: 'preview'; backup: InspectedBackup; changes: RestoreChange[] }
  | { kind: 'writing'; done: number; total: number; table: string };

/**
 * "Obnova ze zálohy": the file is checked in the restore worker (one pass, with a progress bar
 * and a way to stop it), the preview says what would change, and only after confirming are the
 * checked rows written, in one transaction. Until then nothing in the database changes.
 */
export function RestoreSection() {
  const { t, i18n } = useTranslation();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  // The refusal itself, translated when shown, so switching the language translates it too.
  const [failure, setFailure] = useState<unknown>(null);
  const issues =
    failure === null
      ? null
      : failure instanceof BackupError
        ? failure.issues.map((i) => describeIssue(t, i))
        : [describeError(t, failure)];
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const preview = stage.kind === 'preview' ? stage : null;
  const number = (n: number) =>
    new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'cs-CZ').format(n);
  const total = preview ? Object.values(preview.backup.meta.counts).reduce((a, b) => a + b, 0) : 0;

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setFailure(null);
    setResult(null);
    setStage({ kind: 'checking', status: { step: 'read', done: 0, total: file.size } });
    try {
      const backup = await checkBackupFile(file, restoreTarget(db), {
        signal: controller.signal,
        onProgress: (status) => setStage({ kind: 'checking', status }),
      });
      const changes = await restorePreview(db, backup);
      if (!controller.signal.aborted) setStage({ kind: 'preview', backup, changes });
    } catch (err) {
      if (controller.signal.aborted) return;
      setStage({ kind: 'idle' });
      setFailure(err);
    }
  };

  const cancelCheck = () => {
    abort.current?.abort();
    setStage({ kind: 'idle' });
    setResult({ ok: true, text: t('safety.restore.checkCancelled') });
  };

  const restore = async () => {
    if (!preview) return;
    const { backup } = preview;
    setConfirming(false);
    setStage({ kind: 'writing', done: 0, total: 0, table: '' });
    try {
      await restoreBackup(db, backup, (done, all, table) =>
        setStage({ kind: 'writing', done, total: all, table }),
      );
      setResult({
        ok: true,
        text: t('safety.restore.done', { date: dateTime(backup.meta.createdAt, i18n.language) }),
      });
    } catch (err) {
      setResult({
        ok: false,
        text: t('safety.restore.failed', {
          message:
            err instanceof BackupError ? describeIssue(t, err.issues[0]!) : describeError(t, err),
        }),
      });
    } finally {
      setStage({ kind: 'idle' });
    }
  };

  return (
    <section
      className={`settings-section safety-card${preview || issues || stage.kind !== 'idle' ? ' safety-wide' : ''}`}
      aria-labelledby="restore-title"
    >
      <h2 id="restore-title">{t('safety.restore.title')}</h2>
      <p>{t('safety.restore.text')}</p>
      <label
        className={`btn btn-secondary file-button${stage.kind === 'writing' ? ' is-disabled' : ''}`}
      >
        {t('safety.restore.choose')}
        <input
          type="file"
          accept=".json,application/json"
          className="sr-only"
          disabled={stage.kind === 'writing'}
          onChange={onFile}
        />
      </label>
      {stage.kind === 'checking' && (
        <div className="restore-busy">
          <CheckProgress status={stage.status} />
          <Button onPress={cancelCheck}>{t('safety.restore.cancelCheck')}</Button>
        </div>
      )}
      {stage.kind === 'writing' && (
        <div className="restore-busy">
          <WriteProgress done={stage.done} total={stage.total} table={stage.table} />
        </div>
      )}
      {issues && (
        <div className="safety-issues" role="alert">
          <h3>{t('safety.restore.errorTitle')}</h3>
          <p>{issues[0]}</p>
          {issues.length > 1 && (
            <details>
              <summary>{t('safety.restore.moreIssues', { count: issues.length - 1 })}</summary>
              <ul>
                {issues.slice(1).map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </ul>
            </details>
          )}
          <p className="muted">{t('safety.restore.unchanged')}</p>
        </div>
      )}
      {preview && (
        <div className="safety-preview">
          <h3>{t('safety.restore.previewTitle')}</h3>
          <dl className="safety-meta">
            <dt>{t('safety.restore.createdAt')}</dt>
            <dd>{dateTime(preview.backup.meta.createdAt, i18n.language)}</dd>
            <dt>{t('safety.restore.appVersion')}</dt>
            <dd>{preview.backup.meta.appVersion}</dd>
          </dl>
          <p>{t('safety.restore.previewText')}</p>
          <table className="data-table compact" aria-label={t('safety.restore.previewTitle')}>
            <thead>
              <tr>
                <th scope="col">{t('safety.restore.table')}</th>
                <th scope="col" className="num">
                  {t('safety.restore.current')}
                </th>
                <th scope="col" className="num">
                  {t('safety.restore.after')}
                </th>
                <th scope="col">{t('safety.restore.change')}</th>
              </tr>
            </thead>
            <tbody>
              {[...preview.changes]
                .filter((c) => c.before > 0 || c.after > 0)
                .sort(
                  (a, b) =>
                    Number(a.before === a.after) - Number(b.before === b.after) ||
                    tableOrder(a.table) - tableOrder(b.table) ||
                    a.table.localeCompare(b.table),
                )
                .map((c) => (
                  <tr key={c.table} className={c.after < c.before ? 'row-warning' : undefined}>
                    <td>{tableLabel(t, c.table)}</td>
                    <td className="num">{number(c.before)}</td>
                    <td className="num">{number(c.after)}</td>
                    <td>
                      {c.kept
                        ? t('safety.restore.kept')
                        : c.after === c.before
                          ? t('safety.restore.replaced')
                          : c.after < c.before
                            ? t('safety.restore.fewer', {
                                count: c.before - c.after,
                                n: number(c.before - c.after),
                              })
                            : t('safety.restore.more', {
                                count: c.after - c.before,
                                n: number(c.after - c.before),
                              })}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
          <div className="form-actions">
            <Button onPress={() => setStage({ kind: 'idle' })}>{t('common.cancel')}</Button>
            <Button variant="danger" onPress={() => setConfirming(true)}>
              {t('safety.restore.confirm')}
            </Button>
          </div>
        </div>
      )}
      {result && (
        <p
          className={result.ok ? 'form-success' : 'form-error'}
          role={result.ok ? 'status' : 'alert'}
        >
          {result.text}
        </p>
      )}
      {confirming && preview && (
        <ConfirmDialog
          isOpen
          title={t('safety.restore.confirmTitle')}
          text={t('safety.restore.confirmText', {
            date: dateTime(preview.backup.meta.createdAt, i18n.language),
            count: total,
          })}
          confirmLabel={t('safety.restore.confirm')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => void restore()}
        />
      )}
    </section>
  );
}
