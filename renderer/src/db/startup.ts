// Start-up check of the database. A database written by a newer Triáda has a higher stored
// version (Dexie 4 either opens it anyway or throws VersionError): instead of either, the app shows a full-screen
// message and allows nothing but saving a copy of the data (read through a version-less,
// read-only connection).
import Dexie from 'dexie';
import { buildBackup } from '@shared/backup';
import { APP_VERSION, backupFileName } from './safety/backup';
import { nowIso } from './clock';
import type { AppDb } from './schema';

export type StartupState =
  | { status: 'ok' }
  | { status: 'newer'; storedVersion: number; appVersion: number }
  | { status: 'failed'; message: string };

/** The schema version a database was last written with (null: no such database). */
export async function storedVersion(name: string): Promise<number | null> {
  if (!(await Dexie.exists(name))) return null;
  const probe = new Dexie(name);
  try {
    await probe.open();
    return probe.verno;
  } finally {
    probe.close();
  }
}

export async function openDatabase(db: AppDb): Promise<StartupState> {
  try {
    await db.open();
    // Dexie 4 opens a higher stored version when the declared tables exist (its IDB version is
    // the declared version × 10): that is still a newer app's database, so close it unused.
    const stored = Math.floor(db.backendDB().version / 10);
    if (stored > db.verno) {
      db.close();
      return { status: 'newer', storedVersion: stored, appVersion: db.verno };
    }
    return { status: 'ok' };
  } catch (e) {
    if (e instanceof Dexie.VersionError || (e as { name?: string })?.name === 'VersionError') {
      const stored = await storedVersion(db.name).catch(() => null);
      return { status: 'newer', storedVersion: stored ?? db.verno + 1, appVersion: db.verno };
    }
    return { status: 'failed', message: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * A backup of a database this app cannot open (it is newer): every table is read through a
 * dynamic, read-only connection and wrapped in the usual envelope.
 */
export async function backupNewerDatabase(
  name: string,
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const probe = new Dexie(name);
  await probe.open();
  try {
    const data: Record<string, Record<string, unknown>[]> = {};
    await probe.transaction('r', probe.tables, async () => {
      for (const t of [...probe.tables].sort((a, b) => a.name.localeCompare(b.name)))
        data[t.name] = await t.toArray();
    });
    const createdAt = nowIso();
    const { text } = await buildBackup(data, {
      appVersion: APP_VERSION,
      schemaVersion: probe.verno,
      createdAt,
    });
    return { bytes: new TextEncoder().encode(text), fileName: backupFileName(createdAt) };
  } finally {
    probe.close();
  }
}
