import { describe, expect, it } from 'vitest';
import { monitoringInput, planInput, planItemInput } from '../plan/model';
import { evaluatePlan } from '../plan/stats';
import { buildSampleRegion } from './vizovicko';
import { buildSamplePlan } from './vizovickoPlan';

const NOW = '2026-11-22T08:00:00.000Z';
const counter = () => {
  let n = 0;
  return () => `id-${++n}`;
};

describe.each(['2026-11-22', '2026-02-10', '2027-06-01'])('sample plan for today = %s', (today) => {
  const newId = counter();
  const region = buildSampleRegion(today, newId, NOW);
  const s = buildSamplePlan(region, today, newId, NOW);

  it('has 4 priorities, 10 measures and 25 activities with codes', () => {
    expect(s.items.filter((i) => i.level === 1)).toHaveLength(4);
    expect(s.items.filter((i) => i.level === 2)).toHaveLength(10);
    expect(s.items.filter((i) => i.level === 3)).toHaveLength(25);
    expect(s.items.map((i) => i.code)).toContain('4.2.3');
  });

  it('passes the schemas the repositories use', () => {
    expect(planInput.safeParse(s.plan).success).toBe(true);
    for (const i of s.items) expect(planItemInput.safeParse(i).success, i.title).toBe(true);
    for (const m of s.monitoring) expect(monitoringInput.safeParse(m).success, m.id).toBe(true);
  });

  it('has monitoring within the plan period and a realistic mix of statuses', () => {
    const period = s.monitoring[0]!.period;
    expect(period).toBeGreaterThanOrEqual(2026);
    const e = evaluatePlan(s.items, s.monitoring, period);
    expect(e.overall.counts.cancelled).toBe(1);
    expect(e.overall.counts.none).toBe(1);
    expect(e.overall.shares.fulfilled).toBeGreaterThan(40);
    expect(e.costs.actual).toBeGreaterThan(0);
  });
});
