// Exact integer arithmetic for thresholds and fractions. Counts are small integers, so plain
// numbers are exact; no threshold is ever decided with a floating-point division.

/** An exact fraction plus a rounded decimal for display (4 decimal places; 0.6667 = 66.67 %). */
export interface Ratio {
  numerator: number;
  denominator: number;
  decimal: number;
}

/** "count must be more than (strict) / at least (non-strict) numerator/denominator of a base". */
export interface Threshold {
  numerator: number;
  denominator: number;
  strict: boolean;
}

export function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/** numerator/denominator reduced to lowest terms; null when the denominator is 0. */
export function ratio(numerator: number, denominator: number): Ratio | null {
  if (denominator === 0) return null;
  const sign = denominator < 0 ? -1 : 1;
  const g = gcd(numerator, denominator) || 1;
  const n = (sign * numerator) / g;
  const d = (sign * denominator) / g;
  return { numerator: n, denominator: d, decimal: Math.round((n / d) * 10_000) / 10_000 };
}

/** Sign of a/b − c/d for positive denominators, by cross-multiplication. */
export function compareFractions(
  a: { numerator: number; denominator: number },
  b: { numerator: number; denominator: number },
): number {
  return Math.sign(a.numerator * b.denominator - b.numerator * a.denominator);
}

/** Exact floor(a / b) for integers a ≥ 0, b > 0. */
export function floorDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  while (q * b > a) q -= 1;
  while ((q + 1) * b <= a) q += 1;
  return q;
}

/** strict: count·den > base·num; non-strict: count·den ≥ base·num. */
export function meetsThreshold(count: number, base: number, t: Threshold): boolean {
  const lhs = count * t.denominator;
  const rhs = base * t.numerator;
  return t.strict ? lhs > rhs : lhs >= rhs;
}

/** Smallest integer count that meets the threshold: ⌊base·n/d⌋ + 1 (strict) or ⌈base·n/d⌉. */
export function minimumCount(base: number, t: Threshold): number {
  const product = base * t.numerator;
  const floor = floorDiv(product, t.denominator);
  if (t.strict) return floor + 1;
  return floor * t.denominator === product ? floor : floor + 1;
}
