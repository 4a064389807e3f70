import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fullName, type Person } from '@shared/domain';
import { Button } from '../../components/Button';
import { ConfirmDialog, FormDialog } from '../../components/Dialog';
import { describeError, fieldErrorsOf } from '../../components/errors';
import { FormError, TextInput } from '../../components/fields';
import {
  anonymizePerson,
  db,
  exportPersonData,
  setConsent,
  todayIso,
  useIsAnonymized,
  usePerson,
} from '../../db';
import { formatDate } from '../../i18n/format';
import { platform } from '../../platform';
import { personReportHtml } from './personReport';

/** GDPR actions for one person: consent, export of their data, anonymization. */
export function PersonPrivacyDialog({
  personId,
  onClose,
}: {
  personId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const person = usePerson(personId);
  const anonymized = useIsAnonymized(personId);
  if (!person) return null;
  return (
    <FormDialog
      title={t('safety.person.title', { name: fullName(person) })}
      isOpen
      onClose={onClose}
      wide
    >
      <PrivacyBody person={person} anonymized={anonymized ?? false} onClose={onClose} />
    </FormDialog>
  );
}

function PrivacyBody({
  person,
  anonymized,
  onClose,
}: {
  person: Person;
  anonymized: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [date, setDate] = useState(person.consent?.date ?? todayIso());
  const [scope, setScope] = useState(person.consent?.scope ?? '');
  const [note, setNote] = useState(person.consent?.note ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<string>();
  const [confirming, setConfirming] = useState(false);

  const run = async (action: () => Promise<string | undefined>) => {
    setError(undefined);
    setMessage(undefined);
    try {
      setMessage(await action());
      setErrors({});
    } catch (e) {
      setErrors(fieldErrorsOf(e));
      setError(describeError(t, e));
    }
  };
  const baseName = `osobni-udaje-${person.lastName}-${person.firstName}`.replace(/\s+/g, '-');

  return (
    <div className="privacy">
      <section className="privacy-section">
        <h3>{t('safety.person.consent')}</h3>
        <p>
          {person.consent
            ? t('safety.person.consentGiven', {
                date: formatDate(person.consent.date),
                scope: person.consent.scope,
              })
            : t('safety.person.consentNone')}
        </p>
        {!anonymized && (
          <div className="form-grid">
            <TextInput
              label={t('safety.person.consentDate')}
              type="date"
              value={date}
              onChange={setDate}
              error={errors.date}
            />
            <TextInput
              label={t('safety.person.consentScope')}
              value={scope}
              onChange={setScope}
              hint={t('safety.person.consentScopeHint')}
              error={errors.scope}
            />
            <TextInput
              label={t('safety.person.consentNote')}
              value={note}
              onChange={setNote}
              error={errors.note}
              multiline
            />
            <div className="form-actions">
              {person.consent && (
                <Button
                  onPress={() =>
                    run(
                      async () => (
                        await setConsent(db, person.id, null),
                        t('safety.person.consentSaved')
                      ),
                    )
                  }
                >
                  {t('safety.person.withdrawConsent')}
                </Button>
              )}
              <Button
                variant="primary"
                onPress={() =>
                  run(
                    async () => (
                      await setConsent(db, person.id, { date, scope, note }),
                      t('safety.person.consentSaved')
                    ),
                  )
                }
              >
                {t('safety.person.saveConsent')}
              </Button>
            </div>
          </div>
        )}
      </section>
      <section className="privacy-section">
        <h3>{t('safety.person.export')}</h3>
        <div className="button-row">
          <Button
            onPress={() =>
              run(async () => {
                const data = await exportPersonData(db, person.id);
                await platform.saveFile(
                  `${baseName}.json`,
                  new TextEncoder().encode(JSON.stringify(data, null, 2)),
                  'application/json',
                );
                return undefined;
              })
            }
          >
            {t('safety.person.exportJson')}
          </Button>
          <Button
            onPress={() =>
              run(async () => {
                const data = await exportPersonData(db, person.id);
                await platform.saveFile(
                  `${baseName}.html`,
                  new TextEncoder().encode(personReportHtml(t, data, i18n.language)),
                  'text/html',
                );
                return undefined;
              })
            }
          >
            {t('safety.person.exportHtml')}
          </Button>
        </div>
      </section>
      <section className="privacy-section">
        <h3>{t('safety.person.anonymize')}</h3>
        {anonymized ? (
          <p>{t('safety.person.alreadyAnonymized')}</p>
        ) : (
          <>
            <p>{t('safety.person.anonymizeText')}</p>
            <Button variant="danger" onPress={() => setConfirming(true)}>
              {t('safety.person.anonymize')}
            </Button>
          </>
        )}
      </section>
      {message && (
        <p className="form-success" role="status">
          {message}
        </p>
      )}
      <FormError message={error} />
      <div className="form-actions">
        <Button onPress={onClose}>{t('common.close')}</Button>
      </div>
      {confirming && (
        <ConfirmDialog
          isOpen
          title={t('safety.person.anonymizeConfirm', { name: fullName(person) })}
          text={t('safety.person.anonymizeText')}
          confirmLabel={t('safety.person.anonymize')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void run(async () =>
              t('safety.person.anonymized', { n: await anonymizePerson(db, person.id) }),
            );
          }}
        />
      )}
    </div>
  );
}
