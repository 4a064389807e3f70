import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div role="group" aria-label={t('nav.language')} className="lang-switch">
      {LANGUAGES.map((lang: Language) => (
        <button
          key={lang}
          type="button"
          aria-pressed={i18n.language === lang}
          onClick={() => setLanguage(lang)}
          lang={lang}
        >
          {lang === 'cs' ? 'Čeština' : 'English'}
        </button>
      ))}
    </div>
  );
}
