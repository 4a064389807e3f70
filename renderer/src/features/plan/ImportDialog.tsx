import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportError, Plan } from '@shared/plan';
import { parseCsv } from '@shared/plan/parseCsv';
import { Button } from '../../components/Button';
import { FormDialog } from '../../components/Dialog';
import { describeError } from '../../components/errors';
import { DomainError, db, importPlanStructure } from '../../db';
import { readXlsxFile, type ReadXlsxOptions } from './xlsx/readXlsxFile';
import { MAX_XLSX_FILE_BYTES } from './xlsx/zipGuard';

/** Reads a CSV (UTF-8, or Windows-1250 as Czech Excel saves it) or an XLSX into rows of strings. */
async function readRows(file: File, options: ReadXlsxOptions): Promise<string[][]> {
  if (/\.xlsx$/i.test(file.name)) return readXlsxFile(file, options);
  // The same limit as XLSX, checked before the file is read into memory.
  if (file.size > MAX_XLSX_FILE_BYTES)
    throw new DomainError('plan.import.xlsx.tooLarge', {
      size: Math.round(file.size / 1024 / 1024),
      max: MAX_XLSX_FILE_BYTES / 1024 / 1024,
    });
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1250').decode(bytes);
  }
  return parseCsv(text);
}

export function ImportDialog({ plan, onClose }: { plan: Plan; onClose: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<ImportError[]>([]);
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ items: number; organizationsCreated: number }>();
  const [progress, setProgress] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const abort = useRef<AbortController | null>(null);
  // Closing the dialog stops a running read (the worker is terminated).
  useEffect(() => () => abort.current?.abort(), []);

  async function run() {
    if (!file) return;
    setBusy(true);
    setErrors([]);
    setFailure(undefined);
    setProgress(/\.xlsx$/i.test(file.name) ? 0 : null);
    const controller = new AbortController();
    abort.current = controller;
    try {
      const rows = await readRows(file, {
        signal: controller.signal,
        onProgress: (f) => setProgress(f),
      });
      if (controller.signal.aborted) return;
      setSaving(true);
      const result = await importPlanStructure(db, plan.id, rows);
      if (result.ok) setDone(result);
      else setErrors(result.errors);
    } catch (e) {
      if (controller.signal.aborted) return;
      setFailure(describeError(t, e));
    } finally {
      if (!controller.signal.aborted) {
        setBusy(false);
        setProgress(null);
        setSaving(false);
      }
    }
  }

  const progressLabel = saving
    ? t('plan.import.saving')
    : t('plan.import.progress', { percent: Math.round((progress ?? 0) * 100) });

  return (
    <FormDialog title={t('plan.import.title')} isOpen onClose={onClose} wide>
      {done ? (
        <>
          <p className="notice notice-ok" role="status">
            {t('plan.import.done', { count: done.items })}{' '}
            {done.organizationsCreated > 0 &&
              t('plan.import.orgsCreated', { count: done.organizationsCreated })}
          </p>
          <div className="form-actions">
            <Button variant="primary" onPress={onClose} autoFocus>
              {t('common.close')}
            </Button>
          </div>
        </>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void run();
          }}
        >
          <p>{t('plan.import.intro')}</p>
          <p className="muted small">{t('plan.import.columns')}</p>
          <pre className="import-example">{t('plan.import.example')}</pre>
          <div className="field">
            <label htmlFor="plan-import-file">{t('plan.import.file')}</label>
            <input
              id="plan-import-file"
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setErrors([]);
              }}
            />
          </div>
          {errors.length > 0 && (
            <div className="import-errors" role="alert">
              <p className="form-error">
                {t('plan.import.failed', { count: new Set(errors.map((e) => e.row)).size })}
              </p>
              <ul>
                {errors.map((e, i) => (
                  <li key={i}>
                    <strong>{t('plan.import.row', { row: e.row })}</strong>{' '}
                    {t(e.key as 'plan.importErrors.noTitle', e.params ?? {})}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {busy && progress !== null && (
            <div className="safety-progress">
              <progress
                max={100}
                value={saving ? 100 : Math.round(progress * 100)}
                aria-label={progressLabel}
              />
              <span>{progressLabel}</span>
            </div>
          )}
          {failure && (
            <p className="form-error" role="alert">
              {failure}
            </p>
          )}
          <div className="form-actions">
            <Button onPress={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" variant="primary" isDisabled={!file || busy}>
              {busy ? t('plan.import.running') : t('plan.import.run')}
            </Button>
          </div>
        </form>
      )}
    </FormDialog>
  );
}
