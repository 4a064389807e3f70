import { describe, expect, it } from 'vitest';
import {
  addDays,
  checkNotice,
  czechPublicHolidays,
  easterSunday,
  isCzechPublicHoliday,
  isWorkingDay,
  latestInvitationDate,
} from './leadTime';

const working = (days: number) => ({ days, unit: 'working' as const });
const calendar = (days: number) => ({ days, unit: 'calendar' as const });

describe('addDays', () => {
  it('crosses months, years and leap days', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-05', -7)).toBe('2025-12-29');
  });
  it('is not shifted by daylight saving time changes', () => {
    // CET → CEST on 2026-03-29, back on 2026-10-25
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-26', -1)).toBe('2026-10-25');
    expect(addDays('2026-10-25', -1)).toBe('2026-10-24');
  });
});

describe('isCzechPublicHoliday', () => {
  it.each([
    '2026-01-01',
    '2026-04-03', // Velký pátek
    '2026-04-06', // Velikonoční pondělí
    '2026-05-01',
    '2026-05-08',
    '2026-07-05',
    '2026-07-06',
    '2026-09-28',
    '2026-10-28',
    '2026-11-17',
    '2026-12-24',
    '2026-12-25',
    '2026-12-26',
    '2027-03-26', // Velký pátek 2027
    '2027-03-29', // Velikonoční pondělí 2027
    '2025-04-18', // Velký pátek 2025
    '2025-04-21', // Velikonoční pondělí 2025
  ])('%s is a public holiday', (day) => {
    expect(isCzechPublicHoliday(day)).toBe(true);
    expect(isWorkingDay(day)).toBe(false);
  });

  it.each([
    '2026-04-02', // Zelený čtvrtek: only an observance
    '2026-04-05', // Easter Sunday: not a public holiday of its own (and a Sunday anyway)
    '2026-05-10', // Mother's day: observance
    '2026-12-23',
    '2026-12-27',
    '2026-12-31',
    '2026-06-15',
  ])('%s is not a public holiday', (day) => {
    expect(isCzechPublicHoliday(day)).toBe(false);
  });
});

describe('isWorkingDay', () => {
  it('skips weekends', () => {
    expect(isWorkingDay('2026-06-13')).toBe(false); // Saturday
    expect(isWorkingDay('2026-06-14')).toBe(false); // Sunday
    expect(isWorkingDay('2026-06-15')).toBe(true); // Monday
    expect(isWorkingDay('2026-06-19')).toBe(true); // Friday
  });
});

describe('latestInvitationDate', () => {
  it('calendar days count every day', () => {
    expect(latestInvitationDate('2026-06-17', calendar(7))).toBe('2026-06-10');
    expect(latestInvitationDate('2026-01-03', calendar(7))).toBe('2025-12-27');
    expect(latestInvitationDate('2026-12-29', calendar(5))).toBe('2026-12-24');
    expect(latestInvitationDate('2026-06-17', calendar(0))).toBe('2026-06-17');
  });

  it('working days skip weekends (meeting day not counted)', () => {
    // Wed 17. 6. 2026 − 5 working days: Tue 16, Mon 15, Fri 12, Thu 11, Wed 10
    expect(latestInvitationDate('2026-06-17', working(5))).toBe('2026-06-10');
    // Mon 15. 6. − 1 working day: Fri 12. 6.
    expect(latestInvitationDate('2026-06-15', working(1))).toBe('2026-06-12');
    // Mon 15. 6. − 3: Fri 12, Thu 11, Wed 10
    expect(latestInvitationDate('2026-06-15', working(3))).toBe('2026-06-10');
    expect(latestInvitationDate('2026-06-15', working(0))).toBe('2026-06-15');
  });

  it('working days skip Christmas holidays', () => {
    // Tue 29. 12. 2026 − 5: Mon 28 (1); Sun 27, Sat 26 (holiday), Fri 25, Thu 24 holidays;
    // Wed 23 (2), Tue 22 (3), Mon 21 (4); Sun 20, Sat 19; Fri 18 (5)
    expect(latestInvitationDate('2026-12-29', working(5))).toBe('2026-12-18');
  });

  it('working days skip Easter', () => {
    // Wed 8. 4. 2026 − 3: Tue 7 (1), Mon 6 Easter Monday, Sun 5, Sat 4, Fri 3 Good Friday, Thu 2 (2), Wed 1 (3)
    expect(latestInvitationDate('2026-04-08', working(3))).toBe('2026-04-01');
    // Tue 7. 4. 2026 − 1: Mon 6 and Fri 3 are holidays → Thu 2
    expect(latestInvitationDate('2026-04-07', working(1))).toBe('2026-04-02');
  });

  it('working days skip 1. 5. and 8. 5.', () => {
    // Mon 11. 5. 2026 − 5: Fri 8 holiday, Thu 7 (1), Wed 6 (2), Tue 5 (3), Mon 4 (4), Fri 1 holiday, Thu 30. 4. (5)
    expect(latestInvitationDate('2026-05-11', working(5))).toBe('2026-04-30');
  });

  it('working days skip 28. 9., 28. 10. and 17. 11.', () => {
    // Tue 29. 9. 2026 − 1: Mon 28 holiday → Fri 25
    expect(latestInvitationDate('2026-09-29', working(1))).toBe('2026-09-25');
    // Thu 29. 10. 2026 − 2: Wed 28 holiday, Tue 27 (1), Mon 26 (2)
    expect(latestInvitationDate('2026-10-29', working(2))).toBe('2026-10-26');
    // Wed 18. 11. 2026 − 1: Tue 17 holiday → Mon 16
    expect(latestInvitationDate('2026-11-18', working(1))).toBe('2026-11-16');
  });

  it('crosses New Year', () => {
    // Mon 4. 1. 2027 − 2: Fri 1. 1. holiday, Thu 31. 12. (1), Wed 30. 12. (2)
    expect(latestInvitationDate('2027-01-04', working(2))).toBe('2026-12-30');
  });

  it('a working-day period is never shorter than the same calendar period', () => {
    for (let i = 0; i < 400; i++) {
      const day = addDays('2026-01-01', i);
      for (const n of [1, 3, 5, 10]) {
        expect(
          latestInvitationDate(day, working(n)) <= latestInvitationDate(day, calendar(n)),
        ).toBe(true);
        expect(isWorkingDay(latestInvitationDate(day, working(n)))).toBe(true);
      }
    }
  });
});

describe('checkNotice', () => {
  it('calendar: ok on the boundary day, not a day later', () => {
    expect(checkNotice('2026-06-17', '2026-06-10', calendar(7))).toEqual({
      ok: true,
      latestInvitation: '2026-06-10',
    });
    expect(checkNotice('2026-06-17', '2026-06-11', calendar(7))).toEqual({
      ok: false,
      latestInvitation: '2026-06-10',
    });
    expect(checkNotice('2026-06-17', '2026-05-01', calendar(7)).ok).toBe(true);
  });
  it('working: ok on the boundary day, not a day later', () => {
    expect(checkNotice('2026-12-29', '2026-12-18', working(5))).toEqual({
      ok: true,
      latestInvitation: '2026-12-18',
    });
    expect(checkNotice('2026-12-29', '2026-12-19', working(5))).toEqual({
      ok: false,
      latestInvitation: '2026-12-18',
    });
    expect(checkNotice('2026-12-29', '2026-12-23', working(5)).ok).toBe(false);
  });
  it('a meeting in the past is never in time', () => {
    expect(checkNotice('2026-06-17', '2026-06-18', calendar(0)).ok).toBe(false);
    expect(checkNotice('2026-06-17', '2026-06-17', calendar(0)).ok).toBe(true);
  });
});

describe('Czech public holidays without date-holidays in the app (issue 12)', () => {
  it('are exactly the public holidays date-holidays gives for CZ, 2020–2035', async () => {
    // The library is the reference; the app no longer bundles it (see leadTime.ts).
    const { default: Holidays } = await import('date-holidays');
    const reference = new Holidays('CZ');
    for (let year = 2020; year <= 2035; year += 1) {
      const expected = reference
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10))
        .sort();
      expect([...czechPublicHolidays(year)].sort(), String(year)).toEqual(expected);
    }
  });

  it('agrees with date-holidays on every day of 2020–2035', async () => {
    const { default: Holidays } = await import('date-holidays');
    const reference = new Holidays('CZ');
    let day = '2020-01-01';
    let holidays = 0;
    while (day <= '2035-12-31') {
      const found = reference.isHoliday(new Date(`${day}T12:00:00`));
      const isPublic = Array.isArray(found) && found.some((h) => h.type === 'public');
      expect(isCzechPublicHoliday(day), day).toBe(isPublic);
      if (isPublic) holidays += 1;
      day = addDays(day, 1);
    }
    expect(holidays).toBe(16 * 13);
  });

  it('computes Easter Sunday', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2038)).toBe('2038-04-25'); // the latest possible
    expect(easterSunday(2285)).toBe('2285-03-22'); // the earliest possible
  });
});
