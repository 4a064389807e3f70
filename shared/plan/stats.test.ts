import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MonitoringStatus, StatusOrNone } from './model';
import { MONITORING_STATUSES } from './model';
import { BUCKETS, currentRecords, evaluatePlan, fulfilmentStats } from './stats';
import { item, record } from './testItems';

const S = (status: StatusOrNone, fulfilment?: number) =>
  fulfilment === undefined ? { status } : { status, fulfilment };

describe('fulfilmentStats', () => {
  it('counts Olomouc-style buckets and shares that add up to 100', () => {
    // 43 done, 6 in progress, 1 not done = 86 / 12 / 2 %
    const points = [...Array(43).fill(S('done')), ...Array(6).fill(S('inProgress')), S('notDone')];
    const s = fulfilmentStats(points);
    expect(s.base).toBe(50);
    expect(s.shares).toEqual({ fulfilled: 86, inProgress: 12, notFulfilled: 2, noReport: 0 });
  });

  it('keeps items with no status in the base as "no report"', () => {
    const s = fulfilmentStats([S('done'), S('none'), S('none'), S('inProgress')]);
    expect(s.total).toBe(4);
    expect(s.base).toBe(4);
    expect(s.counts.none).toBe(2);
    expect(s.buckets).toEqual({ fulfilled: 1, inProgress: 1, notFulfilled: 0, noReport: 2 });
    expect(s.shares).toEqual({ fulfilled: 25, inProgress: 25, notFulfilled: 0, noReport: 50 });
    expect(s.reported).toBe(2);
    // average over reported only: (100 + 0) / 2
    expect(s.averageFulfilment).toBe(50);
  });

  it('excludes cancelled items from the base', () => {
    const s = fulfilmentStats([S('done'), S('done'), S('notDone'), S('cancelled'), S('cancelled')]);
    expect(s.total).toBe(5);
    expect(s.base).toBe(3);
    expect(s.counts.cancelled).toBe(2);
    expect(s.shares).toEqual({ fulfilled: 67, inProgress: 0, notFulfilled: 33, noReport: 0 });
    expect(s.averageFulfilment).toBeCloseTo(66.7, 5);
  });

  it('counts partial fulfilment as in progress and uses its percentage', () => {
    const s = fulfilmentStats([S('partial', 60), S('partial'), S('done'), S('inProgress', 30)]);
    expect(s.buckets.inProgress).toBe(3);
    expect(s.buckets.fulfilled).toBe(1);
    // (60 + 50 + 100 + 30) / 4
    expect(s.averageFulfilment).toBe(60);
  });

  it('postponed and not started count as not fulfilled', () => {
    const s = fulfilmentStats([S('postponed'), S('notStarted'), S('done')]);
    expect(s.buckets.notFulfilled).toBe(2);
  });

  it('an empty or all-cancelled set has a zero base and zero shares', () => {
    expect(fulfilmentStats([]).shares).toEqual({
      fulfilled: 0,
      inProgress: 0,
      notFulfilled: 0,
      noReport: 0,
    });
    const s = fulfilmentStats([S('cancelled')]);
    expect(s.base).toBe(0);
    expect(s.averageFulfilment).toBeUndefined();
  });

  it('property: counts add up to the total, buckets to the base, shares to 100', () => {
    const status = fc.constantFrom<StatusOrNone>(...MONITORING_STATUSES, 'none');
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            status,
            fulfilment: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
          }),
          { maxLength: 80 },
        ),
        (raw) => {
          const points = raw.map((p) => S(p.status, p.fulfilment));
          const s = fulfilmentStats(points);
          expect(Object.values(s.counts).reduce((a, b) => a + b, 0)).toBe(points.length);
          expect(BUCKETS.reduce((a, b) => a + s.buckets[b], 0)).toBe(s.base);
          const shareSum = BUCKETS.reduce((a, b) => a + s.shares[b], 0);
          // exactly 100 unless equal bucket counts keep equal shares (percent.ts)
          const tied =
            new Set(BUCKETS.map((b) => s.buckets[b]).filter((c) => c > 0)).size <
            BUCKETS.filter((b) => s.buckets[b] > 0).length;
          if (s.base === 0) expect(shareSum).toBe(0);
          else if (!tied) expect(shareSum).toBe(100);
          else expect(Math.abs(shareSum - 100)).toBeLessThanOrEqual(2);
          for (const b of BUCKETS) {
            if (s.base === 0) continue;
            // each share is within one point of its exact value
            expect(Math.abs(s.shares[b] - (s.buckets[b] * 100) / s.base)).toBeLessThan(1);
          }
          if (s.averageFulfilment !== undefined) {
            expect(s.averageFulfilment).toBeGreaterThanOrEqual(0);
            expect(s.averageFulfilment).toBeLessThanOrEqual(100);
          }
        },
      ),
    );
  });
});

describe('current status and history', () => {
  it('the latest record of the period is the current one; history is kept', () => {
    const a = record('x', 2026, 'inProgress', { reportedOn: '2026-03-01' });
    const b = record('x', 2026, 'done', { reportedOn: '2026-11-01' });
    const c = record('x', 2026, 'partial', { reportedOn: '2026-06-01' });
    expect(currentRecords([a, b, c], 2026).get('x')?.id).toBe(b.id);
  });

  it('a status from an earlier period carries forward, a later one is ignored', () => {
    const old = record('x', 2025, 'inProgress');
    const later = record('x', 2027, 'done');
    expect(currentRecords([old, later], 2026).get('x')?.id).toBe(old.id);
  });
});

describe('evaluatePlan', () => {
  const items = [
    item({ id: 'p1', level: 1, order: 1, code: '1', workingGroupId: 'ps1' }),
    item({ id: 'm11', level: 2, order: 1, parentId: 'p1', code: '1.1' }),
    item({
      id: 'a111',
      level: 3,
      order: 1,
      parentId: 'm11',
      code: '1.1.1',
      targetGroups: ['senioři'],
      costs: [{ year: 2026, source: 'mpsv', amount: 100_000 }],
    }),
    item({
      id: 'a112',
      level: 3,
      order: 2,
      parentId: 'm11',
      code: '1.1.2',
      targetGroups: ['senioři', 'pečující osoby'],
    }),
    item({ id: 'p2', level: 1, order: 2, code: '2' }),
    item({ id: 'm21', level: 2, order: 1, parentId: 'p2', code: '2.1', workingGroupId: 'ps2' }),
    item({
      id: 'a211',
      level: 3,
      order: 1,
      parentId: 'm21',
      code: '2.1.1',
      costs: [
        { year: 2026, source: 'municipality', amount: 50_000 },
        { year: 2027, source: 'municipality', amount: 60_000 },
      ],
    }),
    item({ id: 'a212', level: 3, order: 2, parentId: 'm21', code: '2.1.2', workingGroupId: 'ps3' }),
  ];
  const records = [
    record('a111', 2026, 'done', {
      actualCosts: [
        { source: 'mpsv', amount: 90_000 },
        { source: 'users', amount: 5000 },
      ],
    }),
    record('a112', 2025, 'inProgress'),
    record('a211', 2026, 'cancelled'),
  ];
  const e = evaluatePlan(items, records, 2026);

  it('evaluates activities in tree order with their priority and measure', () => {
    expect(e.activities.map((a) => a.item.code)).toEqual(['1.1.1', '1.1.2', '2.1.1', '2.1.2']);
    expect(e.activities[0]!.priority?.id).toBe('p1');
    expect(e.activities[0]!.measure?.id).toBe('m11');
    expect(e.activities.map((a) => a.status)).toEqual(['done', 'inProgress', 'cancelled', 'none']);
  });

  it('lists activities with no update this period, except done and cancelled ones', () => {
    expect(e.activities.filter((a) => a.stale).map((a) => a.item.id)).toEqual(['a112', 'a212']);
  });

  it('groups by priority, working group (inherited) and target group', () => {
    expect(e.byPriority.map((p) => [p.item.id, p.stats.base])).toEqual([
      ['p1', 2],
      ['p2', 1],
    ]);
    expect(e.byWorkingGroup.get('ps1')?.total).toBe(2);
    expect(e.byWorkingGroup.get('ps2')?.total).toBe(1);
    expect(e.byWorkingGroup.get('ps3')?.total).toBe(1);
    expect(e.byTargetGroup.get('senioři')?.total).toBe(2);
    expect(e.byTargetGroup.get('pečující osoby')?.counts.inProgress).toBe(1);
  });

  it('sums planned costs of the period and actual costs of this period only', () => {
    expect(e.costs).toEqual({ planned: 150_000, actual: 95_000 });
    expect(e.costsBySource.mpsv).toEqual({ planned: 100_000, actual: 90_000 });
    expect(e.costsBySource.users).toEqual({ planned: 0, actual: 5000 });
    expect(e.costsBySource.municipality.planned).toBe(50_000);
  });

  it('overall: cancelled out of the base, the unreported in it', () => {
    expect(e.overall.base).toBe(3);
    // one activity in each of three buckets: equal counts, equal shares
    expect(e.overall.shares).toEqual({
      fulfilled: 33,
      inProgress: 33,
      notFulfilled: 0,
      noReport: 33,
    });
  });

  it('every status keeps a bucket or is cancelled', () => {
    for (const s of MONITORING_STATUSES as readonly MonitoringStatus[]) {
      const st = fulfilmentStats([{ status: s }]);
      expect(st.base).toBe(s === 'cancelled' ? 0 : 1);
    }
  });
});
