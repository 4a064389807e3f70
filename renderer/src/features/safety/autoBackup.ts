import { createBackup, markBackupVerified, todayIso, type AppDb } from '../../db';
import type { Platform } from '../../platform';

export const LAST_AUTO_BACKUP_KEY = 'lastAutoBackupDay';

/**
 * Electron: writes today's automatic backup once a day, and the quit backup when the main
 * window closes. Browser mode has no automatic backups (the 7-day reminder covers it).
 */
export async function runDailyAutoBackup(
  db: AppDb,
  platform: Platform,
  today = todayIso(),
): Promise<'written' | 'notToday' | 'unsupported' | 'failed'> {
  const write = platform.writeAutoBackup;
  if (!write) return 'unsupported';
  platform.onQuitBackupRequest?.(() => {
    void createBackup(db)
      .then((file) => write.call(platform, file.bytes, 'quit'))
      .catch((e: unknown) => console.error('quit backup failed', e));
  });
  try {
    if ((await db.settings.get(LAST_AUTO_BACKUP_KEY))?.value === today) return 'notToday';
    const file = await createBackup(db);
    // A file the restore would refuse is not written: main would rotate older good ones away.
    if (file.issues.length) {
      console.error('daily automatic backup would not restore', file.issues);
      return 'failed';
    }
    // Resolves only when main has read the file back and it matches (otherwise it throws):
    // a verified automatic backup counts like a manual one.
    await write.call(platform, file.bytes, 'daily');
    await db.settings.put({ key: LAST_AUTO_BACKUP_KEY, value: today });
    await markBackupVerified(db, file.meta.createdAt);
    return 'written';
  } catch (e) {
    console.error('daily automatic backup failed', e);
    return 'failed';
  }
}
