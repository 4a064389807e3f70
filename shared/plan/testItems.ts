// Small builders for plan tests (not imported by the app).
import type { MonitoringRecord, MonitoringStatus, PlanItem, PlanLevel } from './model';

let seq = 0;
export function item(
  p: Partial<PlanItem> & { id: string; level: PlanLevel; order: number },
): PlanItem {
  return {
    planId: 'plan',
    title: p.id,
    code: '',
    formerCodes: [],
    targetGroups: [],
    serviceForms: [],
    implementerIds: [],
    partnerIds: [],
    costs: [],
    indicators: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...p,
  };
}

export function record(
  planItemId: string,
  period: number,
  status: MonitoringStatus,
  extra: Partial<MonitoringRecord> = {},
): MonitoringRecord {
  seq++;
  return {
    id: `r${String(seq).padStart(5, '0')}`,
    planId: 'plan',
    planItemId,
    period,
    status,
    indicatorActuals: [],
    actualCosts: [],
    reportedOn: `${period}-12-01`,
    createdAt: `2026-01-01T00:00:${String(seq % 60).padStart(2, '0')}.000Z`,
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}
