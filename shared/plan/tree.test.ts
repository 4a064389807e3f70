import { describe, expect, it } from 'vitest';
import type { PlanItem } from './model';
import { childrenByParent, descendantsOf, treeOrder, treePlaces } from './numbering';
import { evaluatePlan } from './stats';
import { item, record } from './testItems';

/** 100 priorities × 10 measures × 10 activities: 11,100 items, shuffled. */
function bigTree(): PlanItem[] {
  const out: PlanItem[] = [];
  for (let p = 1; p <= 100; p++) {
    out.push(item({ id: `p${p}`, level: 1, order: p }));
    for (let m = 1; m <= 10; m++) {
      out.push(item({ id: `p${p}m${m}`, level: 2, order: m, parentId: `p${p}` }));
      for (let a = 1; a <= 10; a++)
        out.push(item({ id: `p${p}m${m}a${a}`, level: 3, order: a, parentId: `p${p}m${m}` }));
    }
  }
  // a fixed shuffle, so the order of the input is not the tree order
  return out
    .map((x, i) => [x, (i * 7919) % out.length] as const)
    .sort((a, b) => a[1] - b[1])
    .map(([x]) => x);
}

/** The array behind a proxy that counts element reads: a scan per item would read n² times. */
function counted<T>(xs: T[]): { items: T[]; reads: () => number } {
  let reads = 0;
  const items = new Proxy(xs, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { items, reads: () => reads };
}

describe('plan tree operations are linear', () => {
  const tree = bigTree();
  const n = tree.length;

  it('children map: each parent lists its children by order', () => {
    const children = childrenByParent(tree);
    expect(
      children
        .get('')!
        .map((i) => i.id)
        .slice(0, 3),
    ).toEqual(['p1', 'p2', 'p3']);
    expect(children.get('p7m3')!.map((i) => i.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('tree order reads every item a bounded number of times', () => {
    const c = counted(tree);
    const ordered = treeOrder(c.items);
    expect(ordered).toHaveLength(n);
    expect(ordered.slice(0, 3).map((i) => i.id)).toEqual(['p1', 'p1m1', 'p1m1a1']);
    expect(c.reads()).toBeLessThanOrEqual(3 * n);
  });

  it('descendants of a priority: its 110 items, one pass over the plan', () => {
    const c = counted(tree);
    const below = descendantsOf(c.items, 'p50');
    expect(below).toHaveLength(110);
    expect(below[0]!.id).toBe('p50m1');
    expect(c.reads()).toBeLessThanOrEqual(3 * n);
  });

  it('first / last among siblings and child counts for every item in one pass', () => {
    const c = counted(tree);
    const places = treePlaces(c.items);
    expect(places.get('p1')).toEqual({ first: true, last: false, children: 10 });
    expect(places.get('p100')).toEqual({ first: false, last: true, children: 10 });
    expect(places.get('p3m10')).toEqual({ first: false, last: true, children: 10 });
    expect(places.get('p3m10a5')).toEqual({ first: false, last: false, children: 0 });
    expect(c.reads()).toBeLessThanOrEqual(3 * n);
  });

  it('the dashboard evaluation of 10,000 activities reads each item a bounded number of times', () => {
    const c = counted(tree);
    const records = tree
      .filter((i) => i.level === 3)
      .map((i, k) => record(i.id, 2026, k % 3 ? 'done' : 'inProgress'));
    const r = counted(records);
    const evaluation = evaluatePlan(c.items, r.items, 2026);
    expect(evaluation.activities).toHaveLength(10_000);
    expect(evaluation.byPriority).toHaveLength(100);
    expect(evaluation.overall.buckets.fulfilled).toBe(6666);
    expect(c.reads()).toBeLessThanOrEqual(6 * n);
    expect(r.reads()).toBeLessThanOrEqual(3 * records.length);
  });
});
