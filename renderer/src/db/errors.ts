import type { z } from 'zod';

/** A rule of the domain was broken; `code` is an i18n key, `params` fill it in. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

export type FieldErrors = Record<string, string>;

/** Input did not pass its schema; `fields` maps a field path to an i18n key. */
export class ValidationError extends Error {
  constructor(readonly fields: FieldErrors) {
    super('errors.validation');
    this.name = 'ValidationError';
  }
}

export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    out[key] ??= issue.message.startsWith('errors.') ? issue.message : 'errors.invalid';
  }
  return out;
}

/** Parse at the storage boundary: nothing invalid is ever written. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  return parsed.data;
}
