import { z } from 'zod';
import { syncServerSetting } from '../sync/live';
import { isoDate, optionalText } from './common';

// Project metadata printed in the header of every exported document (ESF publicity rules).
const text = optionalText;

export const projectSettings = z.object({
  organizationName: text(200),
  recipient: text(200),
  projectName: text(300),
  registrationNumber: text(60).refine(
    (v) => v === undefined || /^CZ\.[0-9A-Za-z./_-]+$/.test(v),
    'errors.registrationNumber',
  ),
  funderLine: text(300),
  /** What the logo shows, for screen readers and Word's alt text ("Loga EU, ESF a OPZ"). */
  logoAltText: text(300),
  logo: z
    .object({
      bytes: z
        .instanceof(Uint8Array)
        .refine((b) => b.byteLength <= 1_000_000, 'errors.logoTooLarge'),
      type: z.enum(['png', 'jpg']),
      widthPx: z.number().int().min(1).max(10_000),
      heightPx: z.number().int().min(1).max(10_000),
    })
    .optional(),
});
export type ProjectSettings = z.output<typeof projectSettings>;

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
  /** Live sync's server, user and bodies (never the password): shared/sync/live.ts. */
  syncServer: syncServerSetting,
} as const satisfies Record<string, z.ZodType>;

export type SettingKey = keyof typeof SETTING_SCHEMAS;
export type SettingValue<K extends SettingKey> = z.output<(typeof SETTING_SCHEMAS)[K]>;
