import { useTranslation } from 'react-i18next';
import { useEffect, useState } from 'react';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { PageHeader } from '../../components/PageHeader';
import { useProjectSettings } from '../../db';
import { ProjectSettingsForm } from './ProjectSettingsForm';

export function SettingsPage() {
  const { t } = useTranslation();
  const project = useProjectSettings();
  const [persisted, setPersisted] = useState<boolean>();
  useEffect(() => {
    void navigator.storage?.persisted?.().then(setPersisted);
  }, []);
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <section className="settings-section">
        <h2>{t('settings.language')}</h2>
        <LanguageSwitch />
      </section>
      <section className="settings-section">
        <h2>{t('settings.project')}</h2>
        <ProjectSettingsForm key={project ? 'loaded' : 'empty'} initial={project} />
      </section>
      <section className="settings-section">
        <h2>{t('settings.storage')}</h2>
        <p>{persisted ? t('settings.persisted') : t('settings.notPersisted')}</p>
      </section>
    </>
  );
}
