// Test helper (imported by *.test.ts only): a fresh, empty database for every test of the
// importing file, on fake-indexeddb, plus helpers to read a rejection's domain code.
import { afterEach, beforeEach } from 'vitest';
import { DEFAULT_RULES } from '@shared/domain';
import { addMembership, createBody } from './people/bodies';
import { DomainError } from './errors';
import { createPerson } from './people/people';
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

/** A working group with `size` voting members ("Člen PS1-1" …). */
export async function groupOfMembers(code = 'PS1', size = 5) {
  const body = await createBody(db, {
    kind: 'working',
    code,
    name: 'Senioři',
    rules: DEFAULT_RULES,
  });
  const members: string[] = [];
  for (let i = 0; i < size; i++) {
    const p = await createPerson(db, {
      firstName: 'Člen',
      lastName: `${code}-${i + 1}`,
      triadRole: 'user',
    });
    members.push(p.id);
    await addMembership(db, {
      bodyId: body.id,
      personId: p.id,
      role: 'member',
      votingRight: true,
      from: '2025-01-01',
    });
  }
  return { body, members };
}
