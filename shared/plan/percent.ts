// The one rounding rule for shares shown anywhere in Triáda (plan dashboard, evaluation report):
// whole percents by the largest remainder method, with equal counts always showing equal
// percents. The two promises conflict when a group of equal counts would have to split the
// last points (1 : 1 : 1 cannot be 34/33/33 and equal at once). The rule, in order:
//
// 1. Every share gets the whole part of its exact value (count × 100 / total).
// 2. The points left to reach 100 go to the largest remainders first. Shares with equal counts
//    have equal remainders and form one group that gets a point all together or not at all;
//    among groups with equal remainders the larger count goes first.
// 3. When a group is larger than the points left, it is the last group considered: it gets the
//    point if that brings the total nearer to 100 (3 equal shares of 1/7 … ), otherwise it does
//    not (1 : 1 : 1 → 33/33/33 = 99). Stopping there keeps a larger count from ever showing a
//    smaller percent than a smaller count.
//
// So the row adds up to exactly 100 whenever no two non-zero counts are equal, and otherwise it
// is off by at most half the size of the tied group. Every share is within one point of its
// exact value, zero stays zero, and the result does not depend on the order of the keys.

/** Whole percents of `counts` (non-negative numbers) by the rule above; all 0 when the total is 0. */
export function percentsOf(counts: readonly number[]): number[] {
  const total = counts.reduce((s, c) => s + c, 0);
  if (!(total > 0)) return counts.map(() => 0);
  const out = counts.map((c) => Math.floor((c * 100) / total));
  // Remainders in units of 1/total, exact for integer counts.
  const remainder = counts.map((c, i) => c * 100 - out[i]! * total);
  let left = 100 - out.reduce((s, p) => s + p, 0);

  const groups = new Map<number, number[]>();
  counts.forEach((c, i) => {
    if (remainder[i]! <= 0) return;
    const g = groups.get(c);
    if (g) g.push(i);
    else groups.set(c, [i]);
  });
  const ordered = [...groups.entries()].sort(
    ([ca, a], [cb, b]) => remainder[b[0]!]! - remainder[a[0]!]! || cb - ca,
  );
  for (const [, members] of ordered) {
    if (left <= 0) break;
    const fits = members.length <= left;
    const nearer = members.length - left < left;
    if (fits || nearer) for (const i of members) out[i]! += 1;
    if (!fits) break;
    left -= members.length;
  }
  return out;
}

/** `percentsOf` over the named values of a record, e.g. the buckets of a status row. */
export function percentShares<K extends string>(
  values: Record<K, number>,
  keys: readonly K[],
): Record<K, number> {
  const p = percentsOf(keys.map((k) => values[k]));
  return Object.fromEntries(keys.map((k, i) => [k, p[i]!])) as Record<K, number>;
}
