import type { TFunction } from 'i18next';
import { DomainError, ValidationError } from '../db';

/** One human sentence for anything a repository threw. */
export function describeError(t: TFunction, error: unknown): string {
  if (error instanceof ValidationError) return t('errors.validation');
  if (error instanceof DomainError) return t(error.code as 'errors.invalid', error.params);
  const message = error instanceof Error ? error.message : String(error);
  return t('errors.unexpected', { message });
}

export function fieldErrorsOf(error: unknown): Record<string, string> {
  return error instanceof ValidationError ? error.fields : {};
}
