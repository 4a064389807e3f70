// Test helper (imported by *.test.ts only): a fresh, empty database for every test of the
// importing file, on fake-indexeddb, plus helpers to read a rejection's domain code.
import { afterEach, beforeEach } from 'vitest';
import { DomainError } from './errors';
import { AppDb } from './schema';

export let db: AppDb;
beforeEach(() => {
  db = new AppDb('test-' + crypto.randomUUID());
});
afterEach(async () => {
  await db.delete();
});

export async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the promise to reject');
}

/** The DomainError the promise rejects with (anything else is rethrown). */
export async function domainError(p: Promise<unknown>): Promise<DomainError> {
  const e = await rejection(p);
  if (!(e instanceof DomainError)) throw e;
  return e;
}

/** The i18n code of that DomainError. */
export const domainCode = async (p: Promise<unknown>): Promise<string> =>
  (await domainError(p)).code;
