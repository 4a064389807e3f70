// Starting the next plan from the revision (DOMAIN.md §6.1 Šternberk, §6.4): chosen unfinished
// activities move into the new plan under copies of their priority and measure, each linked to
// its origin (originItemId, originCode). Costs belong to the old period and are not copied.
import type { MonitoringStatus, PlanItem } from './model';
import { computeCodes, treeOrder } from './numbering';

/** Statuses that make an activity a candidate for the next plan. */
export const UNFINISHED_STATUSES: readonly (MonitoringStatus | 'none')[] = [
  'none',
  'notStarted',
  'inProgress',
  'partial',
  'notDone',
  'postponed',
];

export function carryOverItems(
  source: readonly PlanItem[],
  activityIds: readonly string[],
  newPlanId: string,
  newId: () => string,
  now: string,
): PlanItem[] {
  const byId = new Map(source.map((i) => [i.id, i]));
  const keep = new Set<string>();
  for (const id of activityIds) {
    let item = byId.get(id);
    if (!item || item.level !== 3) continue;
    while (item) {
      keep.add(item.id);
      item = item.parentId ? byId.get(item.parentId) : undefined;
    }
  }
  const newIds = new Map<string, string>();
  const siblingCount = new Map<string, number>();
  const out: PlanItem[] = [];
  for (const old of treeOrder(source.filter((i) => keep.has(i.id)))) {
    const id = newId();
    newIds.set(old.id, id);
    const parentId = old.parentId ? newIds.get(old.parentId) : undefined;
    const order = (siblingCount.get(parentId ?? '') ?? 0) + 1;
    siblingCount.set(parentId ?? '', order);
    const {
      agendaLinks: _links,
      codeOverride: _override,
      parentId: _p,
      originItemId: _o,
      originCode: _oc,
      ...card
    } = old;
    const item: PlanItem = {
      ...card,
      id,
      planId: newPlanId,
      order,
      code: '',
      formerCodes: [],
      costs: [],
      originItemId: old.id,
      originCode: old.code,
      createdAt: now,
      updatedAt: now,
    };
    if (parentId) item.parentId = parentId;
    out.push(item);
  }
  const codes = computeCodes(out);
  for (const item of out) item.code = codes.get(item.id) ?? '';
  return out;
}
