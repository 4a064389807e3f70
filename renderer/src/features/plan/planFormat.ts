import type { StatusOrNone } from '@shared/plan';

/** "1 200 000 Kč" (cs-CZ grouping with no-break spaces). */
export function formatMoney(n: number): string {
  return new Intl.NumberFormat('cs-CZ', {
    style: 'currency',
    currency: 'CZK',
    maximumFractionDigits: 0,
  }).format(n);
}

/** A number typed by a person: "1 200 000", "1200000,5" → number; '' → undefined; junk → NaN. */
export function parseAmount(s: string): number | undefined {
  const v = s
    .replace(/[\s\u00a0]/g, '')
    .replace(/kč$/i, '')
    .replace(',', '.');
  if (!v) return undefined;
  return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : Number.NaN;
}

export const STATUS_COLORS: Record<StatusOrNone, string> = {
  done: '#15803d',
  partial: '#65a30d',
  inProgress: '#2563eb',
  notStarted: '#94a3b8',
  notDone: '#b42318',
  postponed: '#a15c07',
  cancelled: '#64748b',
  none: '#cbd5e1',
};

export const BUCKET_COLORS = {
  fulfilled: '#15803d',
  inProgress: '#2563eb',
  notFulfilled: '#b42318',
  noReport: '#cbd5e1',
} as const;

/** The year to show first: this year when the plan covers it, else the nearest plan year. */
export function defaultPeriod(from: number, to: number, today = new Date()): number {
  return Math.min(to, Math.max(from, today.getFullYear()));
}
