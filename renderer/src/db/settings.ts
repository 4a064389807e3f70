import { z } from 'zod';
import { isoDate } from '@shared/domain';
import { parseOrThrow } from './errors';
import { projectSettings } from './project';
import type { AppDb } from './schema';

// Every setting has a schema, checked when it is written AND when it is read: a restored or
// hand-edited database can hold anything (`lastBackupAt: "garbage"`), and a screen that reads
// a setting must never crash on it. An invalid stored value reads as absent.

const instant = z.iso
  .datetime({ offset: true })
  .refine((s) => !Number.isNaN(Date.parse(s)), 'errors.date');

/** Project settings with a damaged logo keep their texts: only the logo is dropped. */
const storedProject = z.unknown().transform((value, ctx) => {
  const full = projectSettings.safeParse(value);
  if (full.success) return full.data;
  const withoutLogo =
    value && typeof value === 'object' && !Array.isArray(value)
      ? projectSettings.safeParse({ ...(value as Record<string, unknown>), logo: undefined })
      : full;
  if (withoutLogo.success) return withoutLogo.data;
  ctx.addIssue({ code: 'custom', message: 'errors.invalid' });
  return z.NEVER;
});

export const SETTING_SCHEMAS = {
  lastBackupAt: instant,
  backupReminderSnoozedUntil: instant,
  lastAutoBackupDay: isoDate,
  userName: z.string().trim().min(1).max(120),
  retentionYears: z.number().int().min(1).max(50),
  startedEmpty: z.boolean(),
  project: storedProject,
  'gdpr.anonymized': z.record(z.string(), z.number().int().positive()),
} as const satisfies Record<string, z.ZodType>;

export type SettingKey = keyof typeof SETTING_SCHEMAS;
export type SettingValue<K extends SettingKey> = z.output<(typeof SETTING_SCHEMAS)[K]>;

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
