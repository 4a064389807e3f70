// Formatting shared by the DOCX builders: Czech/English dates, times, vote counts, quotes,
// body phrases and safe file names. Pure functions, no Intl dependency on the host locale.
import { labelsFor } from './labels';
import type { BodyKind, Lang, MeetingHeader } from './model';

/** No-break space: keeps "12. 4. 2026" and "7 : 1 : 1" on one line. */
export const NBSP = '\u00A0';

interface IsoDay {
  y: number;
  m: number;
  d: number;
}

export function parseIsoDay(iso: string): IsoDay | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return { y, m: mo, d };
}

/** `2026-04-12` → cs `12. 4. 2026`, en `12 April 2026` (with no-break spaces). Unparseable input is returned as is. */
export function formatDate(iso: string, lang: Lang): string {
  const p = parseIsoDay(iso);
  if (!p) return iso;
  if (lang === 'cs') return `${p.d}.${NBSP}${p.m}.${NBSP}${p.y}`;
  return `${p.d}${NBSP}${labelsFor('en').months[p.m - 1] ?? ''}${NBSP}${p.y}`;
}

/** "ve čtvrtek" / "on Thursday" for an ISO day, or '' when it cannot be parsed. */
export function weekdayOn(iso: string, lang: Lang): string {
  const p = parseIsoDay(iso);
  if (!p) return '';
  const dow = new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay();
  return labelsFor(lang).weekdaysOn[dow] ?? '';
}

/** `09:00` → `9:00` (both languages use the 24-hour clock). */
export function formatTime(hhmm: string): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m) return hhmm;
  return `${Number(m[1])}:${m[2]}`;
}

export function formatTimeRange(from: string, to?: string): string {
  return to ? `${formatTime(from)}–${formatTime(to)}` : formatTime(from);
}

/** cs `12. 4. 2026, 9:00–11:30` */
export function formatDateTime(
  iso: string,
  from: string,
  to: string | undefined,
  lang: Lang,
): string {
  return `${formatDate(iso, lang)}, ${formatTimeRange(from, to)}`;
}

/** `11 : 0 : 0 (pro : proti : zdrželo se)` / `11 : 0 : 0 (for : against : abstained)` */
export function formatVote(v: { yes: number; no: number; abstain: number }, lang: Lang): string {
  const sep = `${NBSP}:${NBSP}`;
  return `${v.yes}${sep}${v.no}${sep}${v.abstain} ${labelsFor(lang).voteLegend}`;
}

export function quote(text: string, lang: Lang): string {
  const L = labelsFor(lang);
  return `${L.quoteOpen}${text}${L.quoteClose}`;
}

export function ordinal(n: number, lang: Lang): string {
  if (lang === 'cs') return `${n}.`;
  const mod100 = n % 100;
  const suffix = mod100 >= 11 && mod100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** "3/2026" → { seq: 3, year: 2026 }, or null for other shapes. */
export function parseMeetingNumber(num: string): { seq: number; year: number } | null {
  const m = /^\s*(\d+)\s*\/\s*(\d{4})\s*$/.exec(num);
  return m ? { seq: Number(m[1]), year: Number(m[2]) } : null;
}

function kindOf(h: Pick<MeetingHeader, 'bodyKind'>): BodyKind {
  return h.bodyKind ?? 'working';
}

/** `„Senioři a osoby se zdravotním postižením“ (PS1)` */
export function bodyNameWithCode(
  h: Pick<MeetingHeader, 'bodyName' | 'bodyCode'>,
  lang: Lang,
): string {
  return h.bodyCode ? `${quote(h.bodyName, lang)} (${h.bodyCode})` : quote(h.bodyName, lang);
}

/** `pracovní skupiny „Senioři …“ (PS1)` / `of the working group “Seniors …” (PS1)` */
export function bodyGenitive(
  h: Pick<MeetingHeader, 'bodyName' | 'bodyCode' | 'bodyKind'>,
  lang: Lang,
): string {
  const prefix = labelsFor(lang).bodyGenitive[kindOf(h)];
  const name = bodyNameWithCode(h, lang);
  return prefix ? `${prefix} ${name}` : name;
}

/** `Členům pracovní skupiny „Senioři …“ (PS1)` */
export function bodyMembersDative(
  h: Pick<MeetingHeader, 'bodyName' | 'bodyCode' | 'bodyKind'>,
  lang: Lang,
): string {
  return `${labelsFor(lang).bodyMembersDative[kindOf(h)]} ${bodyNameWithCode(h, lang)}`;
}

/** Subject of a resolution sentence: "PS" (cs) / "The working group" (en); falls back to the body code. */
export function resolutionSubject(
  h: Pick<MeetingHeader, 'bodyCode' | 'bodyKind'>,
  lang: Lang,
): string {
  return labelsFor(lang).bodySubject[kindOf(h)] || h.bodyCode;
}

/** Strips diacritics and everything outside `[A-Za-z0-9_.-]`; spaces and slashes become `_` / `-`. */
export function asciiSafe(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ł]/g, 'l')
    .replace(/[Ł]/g, 'L')
    .replace(/\//g, '-')
    .replace(/\s+/g, '_')
    .replace(/[^A-Za-z0-9_.-]/g, '')
    .replace(/_+/g, '_')
    .replace(/^[_.-]+|[_.-]+$/g, '');
}

export type DocKind = 'minutes' | 'attendanceSheet' | 'invitation';

const FILE_PREFIX: Record<DocKind, Record<Lang, string>> = {
  minutes: { cs: 'Zapis', en: 'Minutes' },
  attendanceSheet: { cs: 'Prezencni_listina', en: 'Attendance_sheet' },
  invitation: { cs: 'Pozvanka', en: 'Invitation' },
};

/** `Zapis_PS1_3-2026_2026-04-12.docx` */
export function docxFileName(
  kind: DocKind,
  lang: Lang,
  h: Pick<MeetingHeader, 'bodyCode' | 'meetingNumber' | 'date'>,
): string {
  const parts = [
    FILE_PREFIX[kind][lang],
    asciiSafe(h.bodyCode),
    asciiSafe(h.meetingNumber),
    asciiSafe(h.date),
  ].filter((p) => p.length > 0);
  return `${parts.join('_')}.docx`;
}

export function minutesFileName(doc: { lang: Lang; header: MeetingHeader }): string {
  return docxFileName('minutes', doc.lang, doc.header);
}

export function attendanceSheetFileName(doc: { lang: Lang; header: MeetingHeader }): string {
  return docxFileName('attendanceSheet', doc.lang, doc.header);
}

export function invitationFileName(doc: { lang: Lang; header: MeetingHeader }): string {
  return docxFileName('invitation', doc.lang, doc.header);
}
