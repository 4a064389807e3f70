import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { cs } from './cs';

export const LANGUAGES = ['cs', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'triada.lang';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof cs };
  }
}

function initialLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'cs';
}

// Czech is bundled; English loads when it is first used (issue 12: the first screen carried
// both languages). i18next asks this backend for a language it has no resources for;
// changeLanguage and loadLanguages wait for it.
const lazyLanguages: BackendModule = {
  type: 'backend',
  init: () => {},
  read: (language, _namespace, callback) => {
    if (language !== 'en') return callback(null, {});
    import('./en').then(
      (m) => callback(null, m.en),
      (error: Error) => callback(error, false),
    );
  },
};

/** Resolves when the saved language is loaded; main.tsx renders the app after it. */
export const i18nReady = i18next
  .use(lazyLanguages)
  .use(initReactI18next)
  .init({
    resources: { cs: { translation: cs } },
    partialBundledLanguages: true,
    lng: initialLanguage(),
    fallbackLng: 'cs',
    interpolation: { escapeValue: false },
    returnNull: false,
  });

export function setLanguage(lang: Language): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  showLanguage(lang);
}

function showLanguage(lang: Language): void {
  document.documentElement.lang = lang;
  void i18next.changeLanguage(lang);
}

// The projector (another window of the app) follows a language switched in the main window:
// the storage event reaches every other window of the same origin.
globalThis.addEventListener?.('storage', (e: StorageEvent) => {
  if (e.key === STORAGE_KEY) showLanguage(e.newValue === 'en' ? 'en' : 'cs');
});

export const i18n = i18next;
