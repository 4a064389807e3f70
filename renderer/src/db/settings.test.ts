import { describe, expect, it } from 'vitest';
import { backupReminder } from './safety/backup';
import { ValidationError } from './errors';
import { createPerson } from './people/people';
import { parseSetting, readSetting, setSetting, type SettingKey } from './settings';
import { db, rejection } from './testDb';

// A restored or hand-edited database can hold anything in `settings`; reading it must never
// crash a screen (issue 9, item 6): invalid values read as absent.
const GARBAGE: Record<string, unknown[]> = {
  lastBackupAt: ['garbage', 'zítra', '', 12345, {}, [], null, '2026-13-45T99:00:00Z'],
  backupReminderSnoozedUntil: ['garbage', 42, {}],
  lastAutoBackupDay: ['2026-02-30', 'today', 7],
  userName: ['', '   ', 42, {}, 'x'.repeat(500)],
  retentionYears: ['abc', 0, -3, 2.5, Infinity, {}, '5'],
  startedEmpty: ['yes', 1, {}],
  project: ['garbage', 42, [], { registrationNumber: 'nonsense' }],
  'gdpr.anonymized': ['garbage', { someone: 'first' }, [1, 2]],
};

describe('settings read through their schemas', () => {
  it.each(Object.entries(GARBAGE))('an invalid stored %s reads as absent', async (key, values) => {
    for (const value of values) {
      await db.settings.put({ key, value });
      expect(await readSetting(db, key as SettingKey)).toBeUndefined();
    }
  });

  it('valid values read back unchanged', async () => {
    await setSetting(db, 'lastBackupAt', '2026-04-16T09:30:00.000Z');
    await setSetting(db, 'retentionYears', 7);
    await setSetting(db, 'startedEmpty', true);
    expect(await readSetting(db, 'lastBackupAt')).toBe('2026-04-16T09:30:00.000Z');
    expect(await readSetting(db, 'retentionYears')).toBe(7);
    expect(await readSetting(db, 'startedEmpty')).toBe(true);
    expect(await readSetting(db, 'userName')).toBeUndefined();
  });

  it('a damaged logo drops only the logo: the project texts stay', () => {
    expect(
      parseSetting('project', {
        organizationName: 'Město Vizovice',
        logo: { bytes: { 0: 137, 1: 80 }, type: 'png', widthPx: 10, heightPx: 10 },
      }),
    ).toEqual({ organizationName: 'Město Vizovice' });
  });

  it('an invalid value is refused when written', async () => {
    expect(await rejection(setSetting(db, 'retentionYears', 0))).toBeInstanceOf(ValidationError);
    expect(await rejection(setSetting(db, 'lastBackupAt', 'garbage' as never))).toBeInstanceOf(
      ValidationError,
    );
    expect(await db.settings.count()).toBe(0);
  });

  it('a garbage last-backup time counts as "never backed up", not as "recently"', async () => {
    await createPerson(db, { firstName: 'Jana', lastName: 'Nováková', triadRole: 'provider' });
    await db.settings.put({ key: 'lastBackupAt', value: 'garbage' });
    expect(await backupReminder(db)).toBe('never');
    await db.settings.put({ key: 'lastBackupAt', value: { at: 'yesterday' } });
    expect(await backupReminder(db)).toBe('never');
    await db.settings.put({ key: 'backupReminderSnoozedUntil', value: 'zzzz' });
    expect(await backupReminder(db)).toBe('never');
  });
});
