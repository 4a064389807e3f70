import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  JOIN_CODE_ALPHABET,
  RateLimiter,
  checkPhoneChoice,
  formatJoinCode,
  generateJoinCode,
  normalizeJoinCode,
  randomId,
} from './rules';
import { HubIdSchema, JoinCodeEntrySchema, NonceSchema, PhoneChoiceSchema } from './protocol';
import type { Poll } from '../voting/schema';
import { validateBallot } from '../voting/validate';

const random = (n: number) => new Uint8Array(randomBytes(n));

describe('join codes', () => {
  it('are 6 readable characters, unique against taken codes, and valid in a session', () => {
    const taken = new Set<string>();
    for (let i = 0; i < 500; i += 1) {
      const code = generateJoinCode(random, taken);
      expect(code).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
      expect(taken.has(code)).toBe(false);
      taken.add(code);
      expect(JoinCodeEntrySchema.safeParse({ code, voterId: 'v', name: 'n' }).success).toBe(true);
    }
  });

  it('normalize what people type, and round-trip the display form', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), (seed) => {
        let s = seed;
        const code = generateJoinCode((n) =>
          Uint8Array.from({ length: n }, () => (s = (s * 1103515245 + 12345) % 2 ** 31) & 255),
        );
        expect(normalizeJoinCode(formatJoinCode(code))).toBe(code);
        expect(normalizeJoinCode(` ${formatJoinCode(code).toLowerCase().replace(' ', '-')} `)).toBe(
          code,
        );
      }),
    );
    expect(normalizeJoinCode('')).toBeNull();
    expect(normalizeJoinCode('<script>')).toBeNull();
  });
});

describe('ids and nonces', () => {
  it('random ids are valid hub ids and nonces', () => {
    const id = randomId(random);
    expect(HubIdSchema.safeParse(id).success).toBe(true);
    expect(NonceSchema.safeParse(id).success).toBe(true);
    expect(NonceSchema.safeParse('a"b').success).toBe(false);
  });
});

describe('rate limiter', () => {
  it('allows the burst, then the refill rate', () => {
    const r = new RateLimiter(3, 1, 0);
    expect([r.take(0), r.take(0), r.take(0), r.take(0)]).toEqual([true, true, true, false]);
    expect(r.take(999)).toBe(false);
    expect(r.take(1000)).toBe(true);
  });
});

describe('checkPhoneChoice reuses the engine', () => {
  const points = { method: 'points' as const, options: ['a', 'b'], pointsPerVoter: 3 };
  it('accepts a valid choice and explains an invalid one', () => {
    expect(checkPhoneChoice(points, { points: { a: 2, b: 1 } })).toEqual([]);
    expect(checkPhoneChoice(points, { points: { a: 4 } }).map((i) => i.code)).toContain(
      'TOO_MANY_POINTS',
    );
    expect(checkPhoneChoice(points, { points: { z: 1 } }).map((i) => i.code)).toEqual([
      'UNKNOWN_OPTION',
    ]);
    expect(checkPhoneChoice(points, { vote: 'yes' })).toEqual([{ code: 'MALFORMED' }]);
  });
});

describe('checkPhoneChoice without a second parse', () => {
  const ids = ['a', 'b', 'c', 'zz'];
  const polls: Poll[] = [
    { method: 'resolution' },
    { method: 'singleChoice', options: ['a', 'b', 'c'] },
    { method: 'approval', options: ['a', 'b', 'c'], maxChoices: 2 },
    { method: 'points', options: ['a', 'b', 'c'], pointsPerVoter: 5, maxPerOption: 3 },
    { method: 'borda', options: ['a', 'b', 'c'] },
    { method: 'schulze', options: ['a', 'b', 'c'] },
    { method: 'score', options: ['a', 'b', 'c'], scale: { min: 1, max: 5 } },
  ] as Poll[];
  const num = fc.oneof(fc.integer({ min: -3, max: 8 }), fc.double(), fc.constant(1.5));
  const record = fc.dictionary(fc.constantFrom(...ids, '__proto__', 'constructor'), num);
  const choice = fc.oneof(
    fc.record({ vote: fc.constantFrom('yes', 'no', 'abstain', 'maybe') }),
    fc.record({ choices: fc.array(fc.constantFrom(...ids, ''), { maxLength: 5 }) }),
    fc.record({ points: record }),
    fc.record({
      ranking: fc.array(
        fc.record({ optionId: fc.constantFrom(...ids), rank: num }, { noNullPrototype: true }),
        { maxLength: 5 },
      ),
    }),
    fc.record({ scores: record }),
    fc.anything(),
  );
  it('gives what validateBallot gives for every choice the phone boundary lets through', () => {
    fc.assert(
      fc.property(choice, fc.constantFrom(...polls), (raw, poll) => {
        const parsed = PhoneChoiceSchema.safeParse(JSON.parse(JSON.stringify(raw ?? null)));
        if (!parsed.success) return;
        const field = Object.keys(parsed.data)[0]!;
        const engine = validateBallot(poll, {
          kind: 'individual',
          [field]: (parsed.data as Record<string, unknown>)[field],
        });
        const got = checkPhoneChoice(poll, parsed.data);
        // A choice of another method's field: MALFORMED from both.
        if (got.length === 1 && got[0]!.code === 'MALFORMED') {
          expect(engine.valid).toBe(false);
          return;
        }
        // A "__proto__" key (no phone page sends one) is refused as an unknown option; the
        // engine's own parse drops it silently. Refusing is the safer of the two.
        if (JSON.stringify(parsed.data).includes('"__proto__"')) {
          expect(got.map((i) => i.code)).toContain('UNKNOWN_OPTION');
          return;
        }
        expect(got).toEqual(engine.issues);
      }),
      { numRuns: 3000 },
    );
  });
});
