import type { ReactNode } from 'react';
import { I18nProvider } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

/**
 * React Aria's own strings (calendar, "Select all" hints, segment names) and date formats follow
 * the app's language, not the browser's: Czech by default, British English when switched.
 */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <I18nProvider locale={i18n.language === 'en' ? 'en-GB' : 'cs-CZ'}>{children}</I18nProvider>
  );
}
