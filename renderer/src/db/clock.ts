export const nowIso = (): string => new Date().toISOString();
export const newId = (): string => crypto.randomUUID();

/** Today as an ISO day in the user's time zone (not UTC: a 23:30 meeting is still today). */
export function todayIso(date = new Date()): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
