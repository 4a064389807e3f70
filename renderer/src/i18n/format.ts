import { i18n } from './index';

const locale = () => (i18n.language === 'en' ? 'en-GB' : 'cs-CZ');

const NBSP = '\u00a0';
/** After the dash of a range: a line may not break there (U+2060 WORD JOINER). */
const JOIN = '\u2060';

/**
 * "12. 4. 2026" in Czech, "12 Apr 2026" in English, with no-break spaces: a date is never
 * split across two lines.
 */
export function formatDate(isoDay: string | undefined): string {
  if (!isoDay) return '';
  const [y, m, d] = isoDay.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  if (i18n.language !== 'en') return `${d}.${NBSP}${m}.${NBSP}${y}`;
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  })
    .format(date)
    .replace(/ /g, NBSP);
}

/** A moment (ISO timestamp) as date and time: "12. 4. 2026 9:30" ("…9:30:05" with seconds). */
export function formatInstant(iso: string, { seconds = false } = {}): string {
  return new Intl.DateTimeFormat(locale(), {
    dateStyle: 'medium',
    timeStyle: seconds ? 'medium' : 'short',
  }).format(new Date(iso));
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

/** "9:00–11:30", kept on one line. */
export function formatTimeRange(from: string | undefined, to: string | undefined): string {
  if (!from) return '';
  return to ? `${formatTime(from)}–${JOIN}${formatTime(to)}` : formatTime(from);
}

export const collator = () => new Intl.Collator(i18n.language === 'en' ? 'en' : 'cs');
