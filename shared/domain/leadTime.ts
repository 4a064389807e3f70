import Holidays from 'date-holidays';
import type { RulesOfProcedure } from './rules';

// Notice periods in rules of procedure are counted in calendar or working days; working days
// skip weekends and Czech public holidays (from date-holidays, not a hand-written list).

const czech = new Holidays('CZ');
const holidayCache = new Map<number, Set<string>>();

function publicHolidays(year: number): Set<string> {
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set(
      czech
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10)),
    );
    holidayCache.set(year, set);
  }
  return set;
}

function parse(isoDay: string): Date {
  return new Date(`${isoDay}T12:00:00Z`);
}
function format(d: Date): string {
  return d.toISOString().slice(0, 10);
}
export function addDays(isoDay: string, days: number): string {
  const d = parse(isoDay);
  d.setUTCDate(d.getUTCDate() + days);
  return format(d);
}

export function isCzechPublicHoliday(isoDay: string): boolean {
  return publicHolidays(Number(isoDay.slice(0, 4))).has(isoDay);
}

export function isWorkingDay(isoDay: string): boolean {
  const weekday = parse(isoDay).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isCzechPublicHoliday(isoDay);
}

/**
 * The last day on which the invitation may go out. Calendar: N days before the meeting.
 * Working: the N-th working day before the meeting day (the meeting day itself not counted).
 */
export function latestInvitationDate(
  meetingDay: string,
  rule: RulesOfProcedure['leadTime'],
): string {
  if (rule.unit === 'calendar') return addDays(meetingDay, -rule.days);
  let day = meetingDay;
  let counted = 0;
  while (counted < rule.days) {
    day = addDays(day, -1);
    if (isWorkingDay(day)) counted++;
  }
  return day;
}

export interface NoticeCheck {
  ok: boolean;
  latestInvitation: string;
}

/** Is there still time to invite members to a meeting on `meetingDay` if invitations go out on `today`? */
export function checkNotice(
  meetingDay: string,
  today: string,
  rule: RulesOfProcedure['leadTime'],
): NoticeCheck {
  const latestInvitation = latestInvitationDate(meetingDay, rule);
  return { ok: today <= latestInvitation, latestInvitation };
}
