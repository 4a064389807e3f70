import { z } from 'zod';

// Every schema message is an i18n key (errors.*); the UI translates it.
export const id = z.string().uuid('errors.id');
export const isoDate = z
  .string('errors.required')
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.date')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
      new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'errors.date',
  );
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'errors.time');

/**
 * Characters no text of the record may hold: C0 controls other than tab and line breaks, DEL,
 * C1 controls, bidi embeddings/overrides/isolates (they can make "PhDr. Novák" display as
 * something else, the U+202E trick) and lone surrogates (not valid Unicode; they break UTF-8).
 */
export const UNSAFE_TEXT =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isSafeText = (s: string): boolean => !UNSAFE_TEXT.test(s);

/** Removes what UNSAFE_TEXT refuses (for pasted text, where refusing the whole paste would lose it). */
export function sanitizeText(s: string): string {
  return s.replace(new RegExp(UNSAFE_TEXT.source, 'g'), '');
}

/** A string that refuses unsafe characters (errors.unsafeText). */
export const safeString = () => z.string().refine(isSafeText, 'errors.unsafeText');

export const requiredText = (max = 200) =>
  z
    .string('errors.required')
    .trim()
    .min(1, 'errors.required')
    .max(max, 'errors.tooLong')
    .refine(isSafeText, 'errors.unsafeText');
export const optionalText = (max = 2000) =>
  z
    .string()
    .trim()
    .max(max, 'errors.tooLong')
    .refine(isSafeText, 'errors.unsafeText')
    .optional()
    .transform((v) => (v ? v : undefined));

export interface Timestamps {
  createdAt: string;
  updatedAt: string;
}

/** Records hidden from pickers but kept so history keeps its meaning. */
export interface Archivable {
  archivedAt?: string;
}

/** Schema output with "may be undefined" keys turned into optional keys, as stored. */
export type Stored<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};
