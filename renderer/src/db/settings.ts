import type { AppDb } from './schema';

export async function setSetting(db: AppDb, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}

/** Ask the browser to keep our data even under storage pressure (Chromium grants it to apps). */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
