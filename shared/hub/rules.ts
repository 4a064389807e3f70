// Pure rules of the voting hub: join codes, nonces, ids, rate limits and the phone-side
// ballot check (which reuses shared/voting's validateBallot). No Node, no DOM: randomness
// is passed in, so the app (crypto.getRandomValues) and the hub (node:crypto) share them.
import { checkParsedBallot, type BallotIssue } from '../voting/validate';
import type { Ballot, Poll } from '../voting/schema';
import type { PhoneChoice } from './protocol';

/** Random bytes source: `(n) => crypto.getRandomValues(new Uint8Array(n))` or node's randomBytes. */
export type RandomBytes = (n: number) => Uint8Array;

/** No 0/O, 1/I/L, 2/Z, 5/S, 8/B: easy to read out loud and to type on a phone. */
export const JOIN_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
/** 25^6 ≈ 244 million codes; with JOIN_RATE_LIMIT per address, guessing one is hopeless. */
export const JOIN_CODE_LENGTH = 6;

function pick(alphabet: string, length: number, random: RandomBytes): string {
  // Rejection sampling keeps every character equally likely.
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const byte of random(length * 2)) {
      if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

/** A new join code (normalized form, e.g. "KX4HQ7"), different from every code in `taken`. */
export function generateJoinCode(
  random: RandomBytes,
  taken: ReadonlySet<string> = new Set(),
): string {
  for (;;) {
    const code = pick(JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, random);
    if (!taken.has(code)) return code;
  }
}

/** "KX4HQ7" → "KX4 HQ7" for the screen and for reading out. */
export function formatJoinCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

/** What a person typed ("kx4-hq7 ", "KX4 HQ7") → the normalized code, or null if it cannot be one. */
export function normalizeJoinCode(typed: string): string | null {
  const code = typed
    .toUpperCase()
    .replace(/[\s\-–.]/g, '')
    .slice(0, 20);
  return /^[A-Z0-9]{4,12}$/.test(code) ? code : null;
}

const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A random url-safe id (ballot ids, device ids, nonces): 22 characters = 132 bits. */
export function randomId(random: RandomBytes, length = 22): string {
  let out = '';
  for (const byte of random(length)) out += URL_SAFE[byte & 63];
  return out;
}

/** Token bucket: `take(now)` is false when the caller is over its rate. */
export class RateLimiter {
  private tokens: number;
  private last: number;
  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }
  take(now: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** The method's own field of a choice, for checking it against a poll. */
export function choiceField(method: Poll['method']): keyof PhoneChoiceFields {
  switch (method) {
    case 'resolution':
      return 'vote';
    case 'singleChoice':
    case 'approval':
      return 'choices';
    case 'points':
      return 'points';
    case 'borda':
    case 'schulze':
      return 'ranking';
    case 'score':
      return 'scores';
  }
}

type PhoneChoiceFields = {
  vote: unknown;
  choices: unknown;
  points: unknown;
  ranking: unknown;
  scores: unknown;
};

const NOBODY: ReadonlySet<string> = new Set();

/**
 * Checks a phone's choice exactly as the engine will (validateBallot), as an anonymous
 * individual ballot. Empty list = fine. A choice of another method's field is MALFORMED.
 * `choice` has passed PhoneChoiceSchema (whose fields are narrower than the ballot schemas'):
 * its shape is not parsed a second time, only the poll's rules are checked (rules.test.ts
 * holds the two to the same answers).
 */
export function checkPhoneChoice(definition: Poll, choice: PhoneChoice): BallotIssue[] {
  const field = choiceField(definition.method);
  if (!Object.hasOwn(choice, field)) return [{ code: 'MALFORMED' }];
  const ballot = { kind: 'individual', [field]: (choice as Record<string, unknown>)[field] };
  return checkParsedBallot(definition, ballot as Ballot, undefined, NOBODY).issues;
}
