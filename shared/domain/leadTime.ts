import type { RulesOfProcedure } from './rules';

// Notice periods in rules of procedure are counted in calendar or working days; working days
// skip weekends and Czech public holidays.
//
// The public holidays are the ones of zákon č. 245/2000 Sb. (státní svátky a ostatní svátky:
// the fixed days below, Velký pátek and Velikonoční pondělí). They used to come from
// date-holidays, but `new Holidays('CZ')` bundled every country's rules and the parser's
// timezone and astronomy data (1 MB minified even with the Czech data alone) into the first
// screen (issue 12). leadTime.test.ts checks these rules against date-holidays day by day for
// 2020–2035, so the library stays the reference.
const FIXED = [
  '01-01', // Den obnovy samostatného českého státu; Nový rok
  '05-01', // Svátek práce
  '05-08', // Den vítězství
  '07-05', // Den slovanských věrozvěstů Cyrila a Metoděje
  '07-06', // Den upálení mistra Jana Husa
  '09-28', // Den české státnosti
  '10-28', // Den vzniku samostatného československého státu
  '11-17', // Den boje za svobodu a demokracii
  '12-24', // Štědrý den
  '12-25', // 1. svátek vánoční
  '12-26', // 2. svátek vánoční
];

/** Easter Sunday of the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const holidayCache = new Map<number, Set<string>>();

/** The Czech public holidays of a year, as ISO days. */
export function czechPublicHolidays(year: number): Set<string> {
  let set = holidayCache.get(year);
  if (!set) {
    const easter = easterSunday(year);
    set = new Set(FIXED.map((md) => `${year}-${md}`));
    // Velký pátek is a public holiday since 2016.
    if (year >= 2016) set.add(addDays(easter, -2));
    set.add(addDays(easter, 1));
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
  return czechPublicHolidays(Number(isoDay.slice(0, 4))).has(isoDay);
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
