import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/Button';
import { describeError } from '../../components/errors';
import { FormError, PlainTextInput } from '../../components/plainFields';
import { db, saveUserName, snoozeBackupReminder, useBackupReminder, useUserName } from '../../db';
import { platform } from '../../platform';

/** Non-blocking notices at the top of every page: the user's name (asked once) and the backup reminder. */
export function SafetyBanners() {
  return (
    <>
      <UserNameBanner />
      {platform.kind === 'web' && <BackupReminder />}
    </>
  );
}

function UserNameBanner() {
  const { t } = useTranslation();
  const user = useUserName();
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  if (!user || user.name) return null;
  return (
    <form
      className="safety-banner safety-banner-user"
      aria-labelledby="user-name-title"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await saveUserName(db, name);
        } catch (err) {
          setError(describeError(t, err));
        }
      }}
    >
      <div>
        <strong id="user-name-title">{t('safety.userName.title')}</strong>
        <p>{t('safety.userName.text')}</p>
      </div>
      <PlainTextInput label={t('safety.userName.label')} value={name} onChange={setName} />
      <Button type="submit" variant="primary">
        {t('safety.userName.save')}
      </Button>
      <FormError message={error} />
    </form>
  );
}

function BackupReminder() {
  const { t } = useTranslation();
  const due = useBackupReminder();
  if (due === null || due === undefined) return null;
  return (
    <div className="safety-banner safety-banner-warn" role="status">
      <p>
        {due === 'never' ? t('safety.reminder.never') : t('safety.reminder.text', { count: due })}
      </p>
      <Link to="/safety" className="btn btn-primary">
        {t('safety.reminder.action')}
      </Link>
      <Button variant="ghost" onPress={() => void snoozeBackupReminder(db)}>
        {t('safety.reminder.later')}
      </Button>
    </div>
  );
}
