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
export const requiredText = (max = 200) =>
  z.string('errors.required').trim().min(1, 'errors.required').max(max, 'errors.tooLong');
export const optionalText = (max = 2000) =>
  z
    .string()
    .trim()
    .max(max, 'errors.tooLong')
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
