import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, fraction, requiredCount, rulesOfProcedure } from './rules';

const moreThanHalf = { numerator: 1, denominator: 2, strict: true };
const twoThirds = { numerator: 2, denominator: 3, strict: false };
const atLeastHalf = { numerator: 1, denominator: 2, strict: false };

describe('requiredCount', () => {
  it('more than 1/2', () => {
    expect(requiredCount(moreThanHalf, 9)).toBe(5);
    expect(requiredCount(moreThanHalf, 10)).toBe(6);
    expect(requiredCount(moreThanHalf, 1)).toBe(1);
    expect(requiredCount(moreThanHalf, 2)).toBe(2);
    expect(requiredCount(moreThanHalf, 3)).toBe(2);
    expect(requiredCount(moreThanHalf, 12)).toBe(7);
  });
  it('at least 2/3', () => {
    expect(requiredCount(twoThirds, 12)).toBe(8);
    expect(requiredCount(twoThirds, 10)).toBe(7);
    expect(requiredCount(twoThirds, 9)).toBe(6);
    expect(requiredCount(twoThirds, 1)).toBe(1);
  });
  it('more than 2/3 of 12 needs 9', () => {
    expect(requiredCount({ numerator: 2, denominator: 3, strict: true }, 12)).toBe(9);
  });
  it('at least 1/2', () => {
    expect(requiredCount(atLeastHalf, 10)).toBe(5);
    expect(requiredCount(atLeastHalf, 9)).toBe(5);
    expect(requiredCount(atLeastHalf, 1)).toBe(1);
  });
  it('the default rules ask for more than half', () => {
    expect(DEFAULT_RULES.quorum).toEqual(moreThanHalf);
    expect(requiredCount(DEFAULT_RULES.quorum, 9)).toBe(5);
  });

  it('is the minimal n satisfying the inequality (property)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 100 })
          .chain((d) => fc.tuple(fc.integer({ min: 1, max: d }), fc.constant(d))),
        fc.boolean(),
        fc.integer({ min: 0, max: 100_000 }),
        ([num, d], strict, base) => {
          const n = requiredCount({ numerator: num, denominator: d, strict }, base);
          const satisfies = (k: number) => (strict ? k * d > num * base : k * d >= num * base);
          expect(Number.isInteger(n)).toBe(true);
          expect(satisfies(n)).toBe(true);
          expect(n === 0 || !satisfies(n - 1)).toBe(true);
          expect(n).toBeGreaterThanOrEqual(0);
          // never more than everyone, except "more than all" (or anything of nobody), which nobody can reach
          if (base > 0 && !(strict && num === d)) expect(n).toBeLessThanOrEqual(base);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('is monotone in the base (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 50 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 1000 }),
        (a, b, strict, base) => {
          const share = { numerator: Math.min(a, b), denominator: Math.max(a, b), strict };
          expect(requiredCount(share, base + 1)).toBeGreaterThanOrEqual(requiredCount(share, base));
        },
      ),
    );
  });
});

describe('rules schemas', () => {
  it('accepts the defaults', () => {
    expect(rulesOfProcedure.parse(DEFAULT_RULES)).toEqual(DEFAULT_RULES);
  });
  it('rejects a share above one and zero parts', () => {
    expect(
      fraction.safeParse({ numerator: 3, denominator: 2, strict: false }).error?.issues[0]?.message,
    ).toBe('errors.fraction');
    expect(
      fraction.safeParse({ numerator: 0, denominator: 2, strict: false }).error?.issues[0]?.message,
    ).toBe('errors.fraction');
    expect(fraction.safeParse({ numerator: 1, denominator: 0, strict: false }).success).toBe(false);
    expect(
      fraction.safeParse({ numerator: 1.5, denominator: 2, strict: false }).error?.issues[0]
        ?.message,
    ).toBe('errors.integer');
  });
  it('bounds the notice period', () => {
    const bad = rulesOfProcedure.safeParse({
      ...DEFAULT_RULES,
      leadTime: { days: 61, unit: 'working' },
    });
    expect(bad.error?.issues[0]?.message).toBe('errors.tooLarge');
    const neg = rulesOfProcedure.safeParse({
      ...DEFAULT_RULES,
      leadTime: { days: -1, unit: 'calendar' },
    });
    expect(neg.error?.issues[0]?.message).toBe('errors.nonNegative');
  });
});
