import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentShares, percentsOf } from './percent';

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe('percentsOf: one rounding rule', () => {
  it('gives the leftover points to the largest remainders', () => {
    expect(percentsOf([43, 6, 1])).toEqual([86, 12, 2]);
    expect(percentsOf([2, 1])).toEqual([67, 33]);
    expect(percentsOf([5, 3, 1])).toEqual([56, 33, 11]);
    expect(percentsOf([0, 0, 0])).toEqual([0, 0, 0]);
    expect(percentsOf([])).toEqual([]);
  });

  it('equal counts show equal percents even when the row cannot add up to 100', () => {
    // the old rule gave 34/33/33 (ties to the earlier key)
    expect(percentsOf([1, 1, 1])).toEqual([33, 33, 33]);
    expect(percentsOf([1, 1, 1, 0])).toEqual([33, 33, 33, 0]);
    // 3 × 16.67 + 50: giving the tied three a point is nearer to 100 (101) than not (98)
    expect(percentsOf([1, 1, 1, 3])).toEqual([17, 17, 17, 50]);
    // tied pair with one point left: equal distance, so no point (sum 99)
    expect(percentsOf([4, 1, 1])).toEqual([67, 16, 16]);
  });

  it('a larger count with the same remainder goes first, whatever the key order', () => {
    // 0.5 and 1.5 of 200: equal remainders, the larger count gets the point
    const counts = [1, 3, 196];
    expect(percentsOf(counts)).toEqual([0, 2, 98]);
    expect(percentsOf([196, 3, 1])).toEqual([98, 2, 0]);
  });

  it('percentShares maps keys', () => {
    expect(percentShares({ a: 1, b: 1, c: 1 }, ['a', 'b', 'c'])).toEqual({ a: 33, b: 33, c: 33 });
    expect(percentShares({ a: 2, b: 1 }, ['a', 'b'])).toEqual({ a: 67, b: 33 });
  });

  const counts = fc.array(fc.nat({ max: 60 }), { minLength: 1, maxLength: 8 });

  it('property: equal counts → equal percents; larger count → no smaller percent', () => {
    fc.assert(
      fc.property(counts, (cs) => {
        const p = percentsOf(cs);
        for (let i = 0; i < cs.length; i++)
          for (let j = 0; j < cs.length; j++) {
            if (cs[i] === cs[j]) expect(p[i]).toBe(p[j]);
            if (cs[i]! > cs[j]!) expect(p[i]).toBeGreaterThanOrEqual(p[j]!);
          }
      }),
    );
  });

  it('property: each percent is within one point of its exact value, zero stays zero', () => {
    fc.assert(
      fc.property(counts, (cs) => {
        const total = sum(cs);
        const p = percentsOf(cs);
        cs.forEach((c, i) => {
          if (total === 0 || c === 0) expect(p[i]).toBe(0);
          else expect(Math.abs(p[i]! - (c * 100) / total)).toBeLessThan(1);
        });
      }),
    );
  });

  it('property: the row adds up to 100 when no two non-zero counts are equal, else nearly', () => {
    fc.assert(
      fc.property(counts, (cs) => {
        const total = sum(cs);
        const s = sum(percentsOf(cs));
        if (total === 0) {
          expect(s).toBe(0);
          return;
        }
        const nonZero = cs.filter((c) => c > 0);
        const largestTie = Math.max(...nonZero.map((c) => nonZero.filter((d) => d === c).length));
        if (largestTie === 1) expect(s).toBe(100);
        else expect(Math.abs(s - 100)).toBeLessThanOrEqual(Math.floor(largestTie / 2));
      }),
    );
  });

  it('property: the result does not depend on the order of the counts', () => {
    fc.assert(
      fc.property(
        counts.chain((cs) =>
          fc.tuple(fc.constant(cs), fc.shuffledSubarray(cs, { minLength: cs.length })),
        ),
        ([cs, shuffled]) => {
          const byValue = new Map(cs.map((c, i) => [c, percentsOf(cs)[i]]));
          percentsOf(shuffled).forEach((p, i) => expect(p).toBe(byValue.get(shuffled[i]!)));
        },
      ),
    );
  });
});
