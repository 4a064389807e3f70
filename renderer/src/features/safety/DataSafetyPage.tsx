import type { TFunction } from 'i18next';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { decodeCsv, planCsvImport, type CsvPlan, type CsvRowError } from '@shared/backup/csv';
import { fullName } from '@shared/domain';
import { Button } from '../../components/Button';
import { PageHeader } from '../../components/PageHeader';
import { describeError } from '../../components/errors';
import { TextInput } from '../../components/fields';
import {
  applyCsvPlan,
  BACKUP_MIME,
  createBackup,
  db,
  DEFAULT_RETENTION_YEARS,
  existingForCsv,
  LAST_BACKUP_KEY,
  markBackupVerified,
  RETENTION_KEY,
  saveUserName,
  setSetting,
  useInactivePeople,
  useSetting,
  useUserName,
} from '../../db';
import { formatDate } from '../../i18n/format';
import { platform } from '../../platform';
import { describeIssue } from './describe';
import { IntegritySection } from './IntegritySection';
import { PersonPrivacyDialog } from './PersonPrivacyDialog';
import { RestoreSection } from './RestoreSection';

const dateTime = (iso: string, lang: string) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'cs-CZ', {
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(iso));

async function readFile(e: ChangeEvent<HTMLInputElement>): Promise<Uint8Array | null> {
  const file = e.target.files?.[0];
  e.target.value = '';
  return file ? new Uint8Array(await file.arrayBuffer()) : null;
}

/** "Záloha a data": backup, restore, CSV import, retention and the user's name. */
export function DataSafetyPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('safety.title')} subtitle={t('safety.subtitle')} />
      <div className="safety-grid">
        <BackupSection />
        <RestoreSection />
      </div>
      <CsvSection />
      <RetentionSection />
      <UserNameSection />
      <IntegritySection />
    </>
  );
}

function Progress({ done, total, label }: { done: number; total: number; label: string }) {
  return (
    <div className="safety-progress">
      <progress max={total} value={done} aria-label={label} />
      <span>{label}</span>
    </div>
  );
}

function BackupSection() {
  const { t, i18n } = useTranslation();
  const last = useSetting(LAST_BACKUP_KEY);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<{ kind: 'ok' | 'error' | 'warn'; text: string } | null>(
    null,
  );
  return (
    <section className="settings-section safety-card" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('safety.backup.title')}</h2>
      <p>{t('safety.backup.text')}</p>
      <p className="muted">
        {last
          ? t('safety.backup.last', { date: dateTime(last, i18n.language) })
          : t('safety.backup.never')}
      </p>
      <Button
        variant="primary"
        isDisabled={progress !== null}
        onPress={async () => {
          setResult(null);
          setProgress({ done: 0, total: db.tables.length });
          try {
            const file = await createBackup(db, {
              onProgress: (done, total) => setProgress({ done, total }),
            });
            // createBackup has read the file back as a restore would. A file with problems is
            // still saved (better than nothing), but only a verified, stored file counts.
            const saved = await platform.saveFile(file.fileName, file.bytes, BACKUP_MIME);
            if (saved !== 'saved') setResult({ kind: 'warn', text: t('safety.backup.cancelled') });
            else if (file.issues.length)
              setResult({
                kind: 'error',
                text: t('safety.backup.unrestorable', {
                  file: file.fileName,
                  message: describeIssue(t, file.issues[0]!),
                }),
              });
            else {
              await markBackupVerified(db, file.meta.createdAt);
              const done = platform.kind === 'web' ? 'safety.backup.doneWeb' : 'safety.backup.done';
              setResult({ kind: 'ok', text: t(done, { file: file.fileName }) });
            }
          } catch (e) {
            setResult({
              kind: 'error',
              text: t('safety.backup.failed', { message: describeError(t, e) }),
            });
          } finally {
            setProgress(null);
          }
        }}
      >
        {t('safety.backup.button')}
      </Button>
      {progress && <Progress {...progress} label={t('safety.backup.progress', progress)} />}
      {result && (
        <p
          className={result.kind === 'ok' ? 'form-success' : 'form-error'}
          role={result.kind === 'ok' ? 'status' : 'alert'}
        >
          {result.text}
        </p>
      )}
      <p className="muted small">
        {platform.kind === 'web'
          ? t('safety.backup.autoNone')
          : t('safety.backup.auto', { folder: 'Triáda/zalohy' })}
      </p>
    </section>
  );
}

function rowErrorText(t: TFunction, e: CsvRowError): string {
  const translate = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  const field = translate(`safety.csv.field.${e.field}`, { defaultValue: e.field });
  return `${field}: ${translate(e.code, { ...e.params })}`;
}

function CsvSection() {
  const { t } = useTranslation();
  const [plan, setPlan] = useState<CsvPlan | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const rows = plan ? (plan.kind === 'people' ? plan.people : plan.organizations) : [];

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const bytes = await readFile(e);
    if (!bytes) return;
    setResult(null);
    setPlan(planCsvImport(decodeCsv(bytes), await existingForCsv(db)));
  };

  return (
    <section className="settings-section safety-card" aria-labelledby="csv-title">
      <h2 id="csv-title">{t('safety.csv.title')}</h2>
      <p>{t('safety.csv.text')}</p>
      <label className="btn btn-secondary file-button">
        {t('safety.csv.choose')}
        <input type="file" accept=".csv,text/csv" className="sr-only" onChange={onFile} />
      </label>
      {plan?.fileError && (
        <p className="form-error" role="alert">
          {t(plan.fileError as 'safety.csv.noRows')}
        </p>
      )}
      {plan && !plan.fileError && (
        <div className="safety-preview">
          <h3>
            {plan.kind === 'people'
              ? t('safety.csv.previewPeople', { count: rows.length })
              : t('safety.csv.previewOrgs', { count: rows.length })}
          </h3>
          {plan.newOrganizations.length > 0 && (
            <p>{t('safety.csv.newOrganizations', { names: plan.newOrganizations.join(', ') })}</p>
          )}
          {!plan.valid && (
            <p className="form-error" role="alert">
              {t('safety.csv.invalid')}
            </p>
          )}
          <div className="table-scroll">
            <table className="data-table compact" aria-label={t('safety.csv.title')}>
              <thead>
                <tr>
                  <th scope="col">{t('safety.csv.line')}</th>
                  {plan.kind === 'people' ? (
                    <>
                      <th scope="col">{t('people.name')}</th>
                      <th scope="col">{t('triad.label')}</th>
                      <th scope="col">{t('people.organization')}</th>
                      <th scope="col">{t('people.email')}</th>
                    </>
                  ) : (
                    <>
                      <th scope="col">{t('safety.csv.field.name')}</th>
                      <th scope="col">{t('safety.csv.field.ico')}</th>
                      <th scope="col">{t('safety.csv.field.kind')}</th>
                    </>
                  )}
                  <th scope="col">{t('safety.csv.status')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.kind === 'people'
                  ? plan.people.map((r) => (
                      <tr key={r.line} className={r.errors.length ? 'row-invalid' : ''}>
                        <td>{r.line}</td>
                        <td>
                          {fullName({
                            title: r.data.title,
                            firstName: r.data.firstName ?? '',
                            lastName: r.data.lastName ?? '',
                          })}
                        </td>
                        <td>{r.data.triadRole ? t(`triad.${r.data.triadRole}`) : ''}</td>
                        <td>{r.newOrganization ?? ''}</td>
                        <td>{r.data.email ?? ''}</td>
                        <td>
                          {r.errors.length
                            ? r.errors.map((e) => rowErrorText(t, e)).join(' ')
                            : t('safety.csv.ok')}
                        </td>
                      </tr>
                    ))
                  : plan.organizations.map((r) => (
                      <tr key={r.line} className={r.errors.length ? 'row-invalid' : ''}>
                        <td>{r.line}</td>
                        <td>{r.data.name}</td>
                        <td>{r.data.ico ?? ''}</td>
                        <td>{r.data.kind ? t(`orgKind.${r.data.kind}`) : ''}</td>
                        <td>
                          {r.errors.length
                            ? r.errors.map((e) => rowErrorText(t, e)).join(' ')
                            : t('safety.csv.ok')}
                        </td>
                      </tr>
                    ))}
              </tbody>
            </table>
          </div>
          <div className="form-actions">
            <Button onPress={() => setPlan(null)}>{t('common.cancel')}</Button>
            <Button
              variant="primary"
              isDisabled={!plan.valid}
              onPress={async () => {
                try {
                  const n = await applyCsvPlan(db, plan);
                  setResult({ ok: true, text: t('safety.csv.done', n) });
                  setPlan(null);
                } catch (e) {
                  setResult({
                    ok: false,
                    text: t('safety.csv.failed', { message: describeError(t, e) }),
                  });
                }
              }}
            >
              {t('safety.csv.import')}
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
    </section>
  );
}

function RetentionSection() {
  const { t } = useTranslation();
  const stored = useSetting(RETENTION_KEY);
  const years = stored ?? DEFAULT_RETENTION_YEARS;
  const inactive = useInactivePeople(years);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section className="settings-section safety-card" aria-labelledby="retention-title">
      <h2 id="retention-title">{t('safety.retention.title')}</h2>
      <p>{t('safety.retention.text')}</p>
      <TextInput
        label={t('safety.retention.years')}
        type="number"
        min={1}
        max={50}
        value={String(years)}
        onChange={(v) => {
          const n = Math.round(Number(v));
          if (n >= 1 && n <= 50) void setSetting(db, RETENTION_KEY, n);
        }}
      />
      {inactive && inactive.length === 0 && (
        <p className="muted">{t('safety.retention.none', { count: years })}</p>
      )}
      {inactive && inactive.length > 0 && (
        <table className="data-table compact" aria-label={t('safety.retention.title')}>
          <thead>
            <tr>
              <th scope="col">{t('safety.retention.person')}</th>
              <th scope="col">{t('safety.retention.lastActivity')}</th>
              <th scope="col">
                <span className="sr-only">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {inactive.map(({ person, lastActivity }) => (
              <tr key={person.id}>
                <td>{fullName(person)}</td>
                <td>{formatDate(lastActivity)}</td>
                <td className="row-actions">
                  <Button
                    variant="ghost"
                    onPress={() => setOpen(person.id)}
                    aria-label={`${t('safety.person.action')}: ${fullName(person)}`}
                  >
                    {t('safety.person.action')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && <PersonPrivacyDialog personId={open} onClose={() => setOpen(null)} />}
    </section>
  );
}

function UserNameSection() {
  const { t } = useTranslation();
  const user = useUserName();
  const [name, setName] = useState<string | null>(null);
  if (!user?.name) return null;
  return (
    <section className="settings-section safety-card" aria-labelledby="user-title">
      <h2 id="user-title">{t('safety.audit.title')}</h2>
      <p>{t('safety.userName.current', { name: user.name })}</p>
      {name === null ? (
        <Button onPress={() => setName(user.name ?? '')}>{t('safety.userName.change')}</Button>
      ) : (
        <form
          className="inline-form"
          onSubmit={async (e) => {
            e.preventDefault();
            if (name.trim()) {
              await saveUserName(db, name);
              setName(null);
            }
          }}
        >
          <TextInput label={t('safety.userName.label')} value={name} onChange={setName} />
          <Button type="submit" variant="primary">
            {t('common.save')}
          </Button>
        </form>
      )}
    </section>
  );
}
