import { i18n } from './index';

const locale = () => (i18n.language === 'en' ? 'en-GB' : 'cs-CZ');

/** "12. 4. 2026" in Czech, "12 Apr 2026" in English. */
export function formatDate(isoDay: string | undefined): string {
  if (!isoDay) return '';
  const [y, m, d] = isoDay.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  if (i18n.language !== 'en') return `${d}. ${m}. ${y}`;
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

export function formatWeekday(isoDay: string): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y!, m! - 1, d!)),
  );
}

/** "9:30" – Czech writes hours without a leading zero. */
export function formatTime(hhmm: string | undefined): string {
  return hhmm ? hhmm.replace(/^0(\d)/, '$1') : '';
}

export const collator = () => new Intl.Collator(i18n.language === 'en' ? 'en' : 'cs');
