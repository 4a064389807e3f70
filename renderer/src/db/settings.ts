import type { z } from 'zod';
import { SETTING_SCHEMAS, type SettingKey, type SettingValue } from '@shared/domain';
import { parseOrThrow } from './errors';
import type { AppDb } from './schema';

export type { SettingKey, SettingValue };

// Every setting has a schema (shared/domain/settings.ts), checked when it is written AND when
// it is read; a restore refuses values they refuse. An invalid stored value reads as absent.

/** A stored value checked against its schema; `undefined` when absent or invalid. */
export function parseSetting<K extends SettingKey>(
  key: K,
  value: unknown,
): SettingValue<K> | undefined {
  if (value === undefined) return undefined;
  const parsed = SETTING_SCHEMAS[key].safeParse(value);
  if (parsed.success) return parsed.data as SettingValue<K>;
  console.warn(`Ignoring the invalid stored setting "${key}".`);
  return undefined;
}

export async function readSetting<K extends SettingKey>(
  db: AppDb,
  key: K,
): Promise<SettingValue<K> | undefined> {
  return parseSetting(key, (await db.settings.get(key))?.value);
}

export async function setSetting<K extends SettingKey>(
  db: AppDb,
  key: K,
  value: z.input<(typeof SETTING_SCHEMAS)[K]>,
): Promise<void> {
  const data = parseOrThrow(SETTING_SCHEMAS[key] as z.ZodType, value);
  await db.settings.put({ key, value: data });
}

/** Ask the browser to keep our data even under storage pressure (Chromium grants it to apps). */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
