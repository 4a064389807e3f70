import type { Body, Organization } from '@shared/domain';
import type { EvaluationComment, MonitoringRecord, Plan, PlanItem } from '@shared/plan';
import { compareRecordsNewestFirst, treeOrder } from '@shared/plan';
import { planTables } from './planRepo';
import type { AppDb } from '../schema';

const collator = new Intl.Collator('cs');

export interface PlanRow extends Plan {
  activities: number;
}

export async function listPlans(db: AppDb): Promise<PlanRow[]> {
  const t = planTables(db);
  const [plans, items] = await Promise.all([t.plans.toArray(), t.items.toArray()]);
  const count = new Map<string, number>();
  for (const i of items) if (i.level === 3) count.set(i.planId, (count.get(i.planId) ?? 0) + 1);
  return plans
    .map((p) => ({ ...p, activities: count.get(p.id) ?? 0 }))
    .sort((a, b) => b.periodFrom - a.periodFrom || collator.compare(a.name, b.name));
}

export interface PlanView {
  plan: Plan;
  /** Tree order: each item followed by its sub-items. */
  items: PlanItem[];
  /** All records, newest first. */
  monitoring: MonitoringRecord[];
  comments: EvaluationComment[];
  bodies: Body[];
  organizations: Organization[];
  previousPlan?: Plan;
}

export async function planView(db: AppDb, planId: string): Promise<PlanView | null> {
  const t = planTables(db);
  const plan = await t.plans.get(planId);
  if (!plan) return null;
  const [items, monitoring, comments, bodies, organizations, previousPlan] = await Promise.all([
    t.items.where('planId').equals(planId).toArray(),
    t.monitoring.where('planId').equals(planId).toArray(),
    t.comments.where('planId').equals(planId).toArray(),
    db.bodies.toArray(),
    db.organizations.toArray(),
    plan.previousPlanId ? t.plans.get(plan.previousPlanId) : Promise.resolve(undefined),
  ]);
  const view: PlanView = {
    plan,
    items: treeOrder(items),
    monitoring: monitoring.sort(compareRecordsNewestFirst),
    comments: comments.sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    bodies: bodies.sort((a, b) => collator.compare(a.code, b.code)),
    organizations: organizations.sort((a, b) => collator.compare(a.name, b.name)),
  };
  if (previousPlan) view.previousPlan = previousPlan;
  return view;
}

export interface PickerActivity {
  item: PlanItem;
  plan: Plan;
  /** Latest record of any period. */
  latest?: MonitoringRecord;
  linked: boolean;
}

/** Activities of plans that are not closed, for linking an agenda item in the meeting room. */
export async function activitiesForAgendaItem(
  db: AppDb,
  agendaItemId: string,
): Promise<PickerActivity[]> {
  const t = planTables(db);
  const plans = (await t.plans.toArray()).filter((p) => p.status !== 'closed');
  const out: PickerActivity[] = [];
  for (const plan of plans.sort((a, b) => b.periodFrom - a.periodFrom)) {
    const [items, records] = await Promise.all([
      t.items.where('planId').equals(plan.id).toArray(),
      t.monitoring.where('planId').equals(plan.id).toArray(),
    ]);
    const latest = new Map<string, MonitoringRecord>();
    for (const r of records.sort(compareRecordsNewestFirst))
      if (!latest.has(r.planItemId)) latest.set(r.planItemId, r);
    for (const item of treeOrder(items)) {
      if (item.level !== 3) continue;
      const row: PickerActivity = {
        item,
        plan,
        linked: !!item.agendaLinks?.some((l) => l.agendaItemId === agendaItemId),
      };
      const r = latest.get(item.id);
      if (r) row.latest = r;
      out.push(row);
    }
  }
  return out;
}
