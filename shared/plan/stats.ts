// Plan statistics (DOMAIN.md §6.1–6.3): the status of every activity in a period, counts and
// shares by status, the Olomouc-style three buckets ("86 % splněno / 12 % rozpracováno /
// 2 % nesplněno"), groupings and planned vs actual costs. Pure and deterministic.
//
// Rules (docs/plan.md):
// - The status of an activity in period P is its latest record with period ≤ P (latest =
//   newest reportedOn, then newest createdAt). With no record at all it is 'none'.
// - Cancelled activities ('cancelled') leave the base; everything else, 'none' included, stays.
// - Buckets: fulfilled = done; inProgress = inProgress + partial; notFulfilled = notStarted +
//   notDone + postponed; noReport = none. Shares are whole percents of the base by the one
//   rounding rule of percent.ts (largest remainder; equal counts show equal percents).
// - Average fulfilment is the mean % over reported activities in the base: the recorded %
//   when given, otherwise done 100, partial 50, anything else 0.
import type {
  CostLine,
  FundingSource,
  MonitoringRecord,
  MonitoringStatus,
  PlanItem,
  StatusOrNone,
} from './model';
import { FUNDING_SOURCES, MONITORING_STATUSES } from './model';
import { compareCodes, treeOrder } from './numbering';
import { percentShares } from './percent';

export const BUCKETS = ['fulfilled', 'inProgress', 'notFulfilled', 'noReport'] as const;
export type Bucket = (typeof BUCKETS)[number];

export const FINAL_STATUSES: readonly MonitoringStatus[] = ['done', 'cancelled'];

export function bucketOf(status: StatusOrNone): Bucket | undefined {
  switch (status) {
    case 'done':
      return 'fulfilled';
    case 'inProgress':
    case 'partial':
      return 'inProgress';
    case 'notStarted':
    case 'notDone':
    case 'postponed':
      return 'notFulfilled';
    case 'none':
      return 'noReport';
    case 'cancelled':
      return undefined;
  }
}

export interface StatusPoint {
  status: StatusOrNone;
  fulfilment?: number;
}

export interface FulfilmentStats {
  /** All activities. */
  total: number;
  /** Activities that count: total minus cancelled. */
  base: number;
  counts: Record<StatusOrNone, number>;
  buckets: Record<Bucket, number>;
  /** Whole percents of the base (percent.ts); all 0 when the base is 0. */
  shares: Record<Bucket, number>;
  /** Activities in the base with a status. */
  reported: number;
  /** Mean % fulfilment over reported activities in the base (0–100, one decimal), undefined if none. */
  averageFulfilment?: number;
}

export function percentOf(point: StatusPoint): number {
  if (point.fulfilment !== undefined) return point.fulfilment;
  return point.status === 'done' ? 100 : point.status === 'partial' ? 50 : 0;
}

export function fulfilmentStats(points: readonly StatusPoint[]): FulfilmentStats {
  const counts = Object.fromEntries([...MONITORING_STATUSES, 'none'].map((s) => [s, 0])) as Record<
    StatusOrNone,
    number
  >;
  const buckets: Record<Bucket, number> = {
    fulfilled: 0,
    inProgress: 0,
    notFulfilled: 0,
    noReport: 0,
  };
  let sum = 0;
  let reported = 0;
  for (const p of points) {
    counts[p.status]++;
    const bucket = bucketOf(p.status);
    if (!bucket) continue;
    buckets[bucket]++;
    if (p.status !== 'none') {
      reported++;
      sum += percentOf(p);
    }
  }
  const base = points.length - counts.cancelled;
  const stats: FulfilmentStats = {
    total: points.length,
    base,
    counts,
    buckets,
    shares: percentShares(buckets, BUCKETS),
    reported,
  };
  if (reported > 0) stats.averageFulfilment = Math.round((sum / reported) * 10) / 10;
  return stats;
}

/** Newest first: reportedOn, then createdAt. */
export function compareRecordsNewestFirst(a: MonitoringRecord, b: MonitoringRecord): number {
  return (
    b.reportedOn.localeCompare(a.reportedOn) ||
    b.createdAt.localeCompare(a.createdAt) ||
    b.id.localeCompare(a.id)
  );
}

/** The current record of every item in `period`: its latest record with period ≤ `period`. */
export function currentRecords(
  records: readonly MonitoringRecord[],
  period: number,
): Map<string, MonitoringRecord> {
  const out = new Map<string, MonitoringRecord>();
  for (const r of records) {
    if (r.period > period) continue;
    const cur = out.get(r.planItemId);
    if (
      !cur ||
      r.period > cur.period ||
      (r.period === cur.period && compareRecordsNewestFirst(r, cur) < 0)
    )
      out.set(r.planItemId, r);
  }
  return out;
}

export interface ActivityEvaluation {
  item: PlanItem;
  priority?: PlanItem;
  measure?: PlanItem;
  /** The activity's working group, else its measure's, else its priority's ('' = none). */
  workingGroupId: string;
  /** Current record (latest with period ≤ P), if any. */
  record?: MonitoringRecord;
  status: StatusOrNone;
  /** A record of exactly this period exists. */
  updatedThisPeriod: boolean;
  /** Needs an update: no record in this period and not already done or cancelled. */
  stale: boolean;
  plannedCost: number;
  actualCost: number;
}

export interface CostSummary {
  planned: number;
  actual: number;
}

export interface PlanEvaluation {
  period: number;
  activities: ActivityEvaluation[];
  overall: FulfilmentStats;
  byPriority: { item: PlanItem; stats: FulfilmentStats }[];
  /** Key: working group id ('' = no group). */
  byWorkingGroup: Map<string, FulfilmentStats>;
  /** Key: target group label; an activity with several groups counts in each. */
  byTargetGroup: Map<string, FulfilmentStats>;
  costsBySource: Record<FundingSource, CostSummary>;
  costs: CostSummary;
}

export function plannedCostIn(costs: readonly CostLine[], period: number): number {
  return costs.filter((c) => c.year === period).reduce((s, c) => s + c.amount, 0);
}

function pointOf(a: ActivityEvaluation): StatusPoint {
  return a.record?.fulfilment !== undefined
    ? { status: a.status, fulfilment: a.record.fulfilment }
    : { status: a.status };
}

function groupBy(
  activities: readonly ActivityEvaluation[],
  keysOf: (a: ActivityEvaluation) => string[],
): Map<string, FulfilmentStats> {
  const groups = new Map<string, StatusPoint[]>();
  for (const a of activities) {
    for (const key of keysOf(a)) {
      const list = groups.get(key) ?? [];
      list.push(pointOf(a));
      groups.set(key, list);
    }
  }
  return new Map([...groups].map(([k, points]) => [k, fulfilmentStats(points)]));
}

/** Everything the dashboard and the evaluation report show for one period. */
export function evaluatePlan(
  items: readonly PlanItem[],
  records: readonly MonitoringRecord[],
  period: number,
): PlanEvaluation {
  const byId = new Map(items.map((i) => [i.id, i]));
  const current = currentRecords(records, period);
  const ordered = treeOrder(items);
  const activities: ActivityEvaluation[] = ordered
    .filter((i) => i.level === 3)
    .map((item) => {
      const measure = item.parentId ? byId.get(item.parentId) : undefined;
      const priority = measure?.parentId ? byId.get(measure.parentId) : undefined;
      const record = current.get(item.id);
      const status: StatusOrNone = record?.status ?? 'none';
      const updatedThisPeriod = record?.period === period;
      const a: ActivityEvaluation = {
        item,
        workingGroupId:
          item.workingGroupId ?? measure?.workingGroupId ?? priority?.workingGroupId ?? '',
        status,
        updatedThisPeriod,
        stale: !updatedThisPeriod && !FINAL_STATUSES.includes(status as MonitoringStatus),
        plannedCost: plannedCostIn(item.costs, period),
        actualCost: updatedThisPeriod ? record!.actualCosts.reduce((s, c) => s + c.amount, 0) : 0,
      };
      if (measure) a.measure = measure;
      if (priority) a.priority = priority;
      if (record) a.record = record;
      return a;
    });

  const costsBySource = Object.fromEntries(
    FUNDING_SOURCES.map((s) => [s, { planned: 0, actual: 0 }]),
  ) as Record<FundingSource, CostSummary>;
  for (const a of activities) {
    for (const c of a.item.costs)
      if (c.year === period) costsBySource[c.source].planned += c.amount;
    if (a.updatedThisPeriod)
      for (const c of a.record!.actualCosts) costsBySource[c.source].actual += c.amount;
  }
  const costs = activities.reduce(
    (s, a) => ({ planned: s.planned + a.plannedCost, actual: s.actual + a.actualCost }),
    { planned: 0, actual: 0 },
  );

  const priorities = ordered
    .filter((i) => i.level === 1)
    .sort((a, b) => compareCodes(a.code, b.code));
  const byPriorityMap = groupBy(activities, (a) => (a.priority ? [a.priority.id] : []));
  return {
    period,
    activities,
    overall: fulfilmentStats(activities.map(pointOf)),
    byPriority: priorities.map((item) => ({
      item,
      stats: byPriorityMap.get(item.id) ?? fulfilmentStats([]),
    })),
    byWorkingGroup: groupBy(activities, (a) => [a.workingGroupId]),
    byTargetGroup: groupBy(activities, (a) => a.item.targetGroups),
    costsBySource,
    costs,
  };
}
