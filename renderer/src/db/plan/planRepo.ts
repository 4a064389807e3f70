// Repositories of the community plan: plans, their item tree, monitoring records, the
// evaluation comment log and the hand-over to the next plan. Every input is parsed with zod
// here; every multi-record write is one transaction.
import type { z } from 'zod';
import { fold, type Organization } from '@shared/domain';
import type {
  EvaluationComment,
  EvaluationCommentInput,
  EvaluationTextsInput,
  EvaluationVersion,
  ImportError,
  MonitoringInput,
  MonitoringRecord,
  Plan,
  PlanInput,
  PlanItem,
  PlanItemInput,
  PlanLevel,
} from '@shared/plan';
import {
  carryOverItems,
  descendantsOf,
  evaluationCommentInput,
  evaluationTextsInput,
  importedLayout,
  monitoringInput,
  parseStructureRows,
  planInput,
  planItemInput,
  renumber,
} from '@shared/plan';
import { newId, nowIso } from '../clock';
import { DomainError, ValidationError, type FieldErrors } from '../errors';
import type { AppDb } from '../schema';

// The plan stores are declared in schema.ts (version 2); typed access lives here.
export const planTables = (db: AppDb) => ({
  plans: db.table<Plan, string>('plans'),
  items: db.table<PlanItem, string>('planItems'),
  monitoring: db.table<MonitoringRecord, string>('monitoring'),
  comments: db.table<EvaluationComment, string>('evaluationComments'),
});

/** Like parseOrThrow, but keeps this feature's own message keys (plan.errors.*). */
function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= /^(plan\.)?errors\./.test(issue.message) ? issue.message : 'errors.invalid';
  }
  throw new ValidationError(fields);
}

/** Drops keys whose value is undefined, so stored records keep optional keys absent. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

// ---------------------------------------------------------------------------------------------
// Plans

export async function createPlan(db: AppDb, input: PlanInput): Promise<Plan> {
  const data = parse(planInput, input);
  const t = planTables(db);
  const now = nowIso();
  const plan: Plan = compact({ ...data, id: newId(), createdAt: now, updatedAt: now });
  await t.plans.add(plan);
  return plan;
}

export async function updatePlan(db: AppDb, id: string, input: PlanInput): Promise<void> {
  const data = parse(planInput, input);
  const t = planTables(db);
  await db.transaction('rw', t.plans, async () => {
    const current = await t.plans.get(id);
    if (!current) throw new DomainError('errors.notFound');
    const next: Plan = compact({
      ...data,
      id,
      createdAt: current.createdAt,
      updatedAt: nowIso(),
      previousPlanId: current.previousPlanId,
      evaluations: current.evaluations,
    });
    await t.plans.put(next);
  });
}

/** Removes a plan with its items, monitoring and comments. */
export async function deletePlan(db: AppDb, id: string): Promise<void> {
  const t = planTables(db);
  await db.transaction('rw', [t.plans, t.items, t.monitoring, t.comments], async () => {
    await t.items.where('planId').equals(id).delete();
    await t.monitoring.where('planId').equals(id).delete();
    await t.comments.where('planId').equals(id).delete();
    await t.plans.delete(id);
  });
}

// ---------------------------------------------------------------------------------------------
// Items

async function renumberPlan(db: AppDb, planId: string): Promise<void> {
  const t = planTables(db);
  const [plan, items] = await Promise.all([
    t.plans.get(planId),
    t.items.where('planId').equals(planId).toArray(),
  ]);
  const changes = renumber(items, plan?.status !== 'draft');
  const now = nowIso();
  for (const c of changes)
    await t.items.update(c.id, { code: c.code, formerCodes: c.formerCodes, updatedAt: now });
}

function cardOf(data: z.output<typeof planItemInput>, level: PlanLevel) {
  // Priorities and measures keep title, description, code and working group only.
  if (level === 3) return data;
  return {
    title: data.title,
    codeOverride: data.codeOverride,
    description: data.description,
    workingGroupId: data.workingGroupId,
    targetGroups: level === 1 ? data.targetGroups : [],
    serviceForms: [],
    implementerIds: [],
    partnerIds: [],
    costs: [],
    indicators: [],
  };
}

export async function addPlanItem(
  db: AppDb,
  planId: string,
  parentId: string | undefined,
  input: PlanItemInput,
): Promise<PlanItem> {
  const data = parse(planItemInput, input);
  const t = planTables(db);
  return db.transaction('rw', t.plans, t.items, async () => {
    if (!(await t.plans.get(planId))) throw new DomainError('errors.notFound');
    let level: PlanLevel = 1;
    if (parentId) {
      const parent = await t.items.get(parentId);
      if (!parent || parent.planId !== planId) throw new DomainError('errors.notFound');
      if (parent.level === 3) throw new DomainError('plan.errors.activityHasNoChildren');
      level = (parent.level + 1) as PlanLevel;
    }
    const siblings = (await t.items.where('planId').equals(planId).toArray()).filter(
      (i) => (i.parentId ?? '') === (parentId ?? ''),
    );
    const now = nowIso();
    const item: PlanItem = compact({
      ...cardOf(data, level),
      id: newId(),
      planId,
      parentId,
      level,
      order: siblings.reduce((m, s) => Math.max(m, s.order), 0) + 1,
      code: '',
      formerCodes: [],
      createdAt: now,
      updatedAt: now,
    });
    await t.items.add(item);
    await renumberPlan(db, planId);
    return (await t.items.get(item.id))!;
  });
}

export async function updatePlanItem(db: AppDb, id: string, input: PlanItemInput): Promise<void> {
  const data = parse(planItemInput, input);
  const t = planTables(db);
  await db.transaction('rw', t.plans, t.items, async () => {
    const current = await t.items.get(id);
    if (!current) throw new DomainError('errors.notFound');
    const {
      id: _id,
      planId,
      parentId,
      level,
      order,
      code,
      formerCodes,
      originItemId,
      originCode,
      agendaLinks,
      createdAt,
    } = current;
    const next: PlanItem = compact({
      ...cardOf(data, level),
      id,
      planId,
      parentId,
      level,
      order,
      code,
      formerCodes,
      originItemId,
      originCode,
      agendaLinks,
      createdAt,
      updatedAt: nowIso(),
    });
    await t.items.put(next);
    await renumberPlan(db, planId);
  });
}

/** Moves an item one place up (-1) or down (+1) among its siblings. */
export async function movePlanItem(db: AppDb, id: string, direction: -1 | 1): Promise<void> {
  const t = planTables(db);
  await db.transaction('rw', t.plans, t.items, async () => {
    const item = await t.items.get(id);
    if (!item) throw new DomainError('errors.notFound');
    const siblings = (await t.items.where('planId').equals(item.planId).toArray())
      .filter((i) => (i.parentId ?? '') === (item.parentId ?? ''))
      .sort((a, b) => a.order - b.order);
    const index = siblings.findIndex((s) => s.id === id);
    const other = siblings[index + direction];
    if (!other) return;
    [siblings[index], siblings[index + direction]] = [other, item];
    for (const [i, s] of siblings.entries())
      if (s.order !== i + 1) await t.items.update(s.id, { order: i + 1 });
    await renumberPlan(db, item.planId);
  });
}

/** Removes an item and its sub-items; refused when any of them has monitoring records. */
export async function removePlanItem(db: AppDb, id: string): Promise<void> {
  const t = planTables(db);
  await db.transaction('rw', [t.plans, t.items, t.monitoring], async () => {
    const item = await t.items.get(id);
    if (!item) return;
    const all = await t.items.where('planId').equals(item.planId).toArray();
    const ids = [id, ...descendantsOf(all, id).map((d) => d.id)];
    const monitored = await t.monitoring.where('planItemId').anyOf(ids).count();
    if (monitored > 0) throw new DomainError('plan.errors.hasMonitoring', { count: monitored });
    await t.items.bulkDelete(ids);
    const siblings = all
      .filter((i) => (i.parentId ?? '') === (item.parentId ?? '') && i.id !== id)
      .sort((a, b) => a.order - b.order);
    for (const [i, s] of siblings.entries())
      if (s.order !== i + 1) await t.items.update(s.id, { order: i + 1 });
    await renumberPlan(db, item.planId);
  });
}

// ---------------------------------------------------------------------------------------------
// Monitoring

/**
 * Records the status of an activity in a period. History is kept: every call adds a record and
 * the latest one is the current status. `source` names the meeting or resolution it was agreed at.
 */
export async function recordMonitoring(
  db: AppDb,
  input: MonitoringInput,
): Promise<MonitoringRecord> {
  const data = parse(monitoringInput, input);
  const t = planTables(db);
  return db.transaction('rw', t.plans, t.items, t.monitoring, async () => {
    const item = await t.items.get(data.planItemId);
    if (!item) throw new DomainError('errors.notFound');
    if (item.level !== 3) throw new DomainError('plan.errors.notAnActivity');
    const plan = await t.plans.get(item.planId);
    if (!plan) throw new DomainError('errors.notFound');
    if (data.period < plan.periodFrom || data.period > plan.periodTo) {
      throw new DomainError('plan.errors.periodOutside', {
        from: plan.periodFrom,
        to: plan.periodTo,
      });
    }
    const indicatorIds = new Set(item.indicators.map((i) => i.id));
    const indicatorActuals = data.indicatorActuals.filter((a) => indicatorIds.has(a.indicatorId));
    const now = nowIso();
    const source = data.source ? compact(data.source) : undefined;
    const record: MonitoringRecord = compact({
      ...data,
      indicatorActuals,
      actualCosts: data.actualCosts.filter((c) => c.amount > 0),
      source: source && Object.keys(source).length > 0 ? source : undefined,
      id: newId(),
      planId: item.planId,
      createdAt: now,
      updatedAt: now,
    });
    await t.monitoring.add(record);
    return record;
  });
}

/** A mistaken record can be removed; the previous one becomes current again. */
export async function removeMonitoring(db: AppDb, id: string): Promise<void> {
  await planTables(db).monitoring.delete(id);
}

/**
 * Links an agenda item of a meeting to plan activities (replacing its previous links), so the
 * activities show where they were discussed and the meeting room can update their status.
 */
export async function linkAgendaItemToActivities(
  db: AppDb,
  link: { meetingId: string; agendaItemId: string; activityIds: readonly string[] },
): Promise<void> {
  if (!link.meetingId || !link.agendaItemId) throw new DomainError('errors.notFound');
  const t = planTables(db);
  await db.transaction('rw', t.items, async () => {
    const wanted = new Set(link.activityIds);
    const items = await t.items.bulkGet([...wanted]);
    if (items.some((i) => !i || i.level !== 3)) throw new DomainError('plan.errors.notAnActivity');
    const now = nowIso();
    const linked = await t.items
      .filter((i) => !!i.agendaLinks?.some((l) => l.agendaItemId === link.agendaItemId))
      .toArray();
    for (const i of linked) {
      if (wanted.has(i.id)) continue;
      await t.items.update(i.id, {
        agendaLinks: i.agendaLinks!.filter((l) => l.agendaItemId !== link.agendaItemId),
        updatedAt: now,
      });
    }
    for (const i of items as PlanItem[]) {
      if (i.agendaLinks?.some((l) => l.agendaItemId === link.agendaItemId)) continue;
      const agendaLinks = [
        ...(i.agendaLinks ?? []),
        { meetingId: link.meetingId, agendaItemId: link.agendaItemId, linkedAt: now },
      ];
      await t.items.update(i.id, { agendaLinks, updatedAt: now });
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Import

export type ImportOutcome =
  { ok: true; items: number; organizationsCreated: number } | { ok: false; errors: ImportError[] };

/**
 * Imports a structure (rows of a CSV/XLSX, header first) into a plan with no items yet. Any bad
 * row → nothing is written and every bad row is reported. Implementers and partners are matched
 * to organizations by name; unknown names become new organizations.
 */
export async function importPlanStructure(
  db: AppDb,
  planId: string,
  rows: readonly (readonly string[])[],
): Promise<ImportOutcome> {
  const t = planTables(db);
  return db.transaction('rw', [t.plans, t.items, db.bodies, db.organizations], async () => {
    const plan = await t.plans.get(planId);
    if (!plan) throw new DomainError('errors.notFound');
    if ((await t.items.where('planId').equals(planId).count()) > 0)
      throw new DomainError('plan.errors.importIntoEmpty');
    const bodies = (await db.bodies.toArray()).filter((b) => !b.archivedAt);
    const parsed = parseStructureRows(rows, {
      workingGroups: bodies,
      periodFrom: plan.periodFrom,
      periodTo: plan.periodTo,
    });
    if (parsed.errors.length > 0) return { ok: false as const, errors: parsed.errors };

    const orgs = await db.organizations.toArray();
    const orgByName = new Map(orgs.map((o) => [fold(o.name), o.id]));
    const now = nowIso();
    const newOrgs: Organization[] = [];
    const orgId = (name: string) => {
      const key = fold(name);
      let id = orgByName.get(key);
      if (!id) {
        id = newId();
        orgByName.set(key, id);
        newOrgs.push({ id, name, kind: 'provider', createdAt: now, updatedAt: now });
      }
      return id;
    };
    const bodyByCode = new Map(bodies.map((b) => [b.code, b.id]));
    const layout = importedLayout(parsed.items);
    const idOf = new Map<string, string>();
    const items: PlanItem[] = [];
    const itemErrors: ImportError[] = [];
    for (const imp of parsed.items) {
      const card = {
        ...imp.card,
        implementerIds: imp.implementerNames.map(orgId),
        partnerIds: imp.partnerNames.map(orgId),
      };
      if (imp.workingGroupCode) card.workingGroupId = bodyByCode.get(imp.workingGroupCode);
      const { order, codeOverride } = layout.get(imp.key)!;
      if (codeOverride) card.codeOverride = codeOverride;
      const checked = planItemInput.safeParse(card);
      if (!checked.success) {
        itemErrors.push({
          row: imp.row,
          key: 'plan.importErrors.invalid',
          params: { field: String(checked.error.issues[0]?.path[0] ?? '') },
        });
        continue;
      }
      const id = newId();
      idOf.set(imp.key, id);
      items.push(
        compact({
          ...cardOf(checked.data, imp.level),
          id,
          planId,
          parentId: imp.parentKey ? idOf.get(imp.parentKey) : undefined,
          level: imp.level,
          order,
          code: '',
          formerCodes: [],
          createdAt: now,
          updatedAt: now,
        }),
      );
    }
    if (itemErrors.length > 0) return { ok: false as const, errors: itemErrors };
    const used = new Set(items.flatMap((i) => [...i.implementerIds, ...i.partnerIds]));
    const created = newOrgs.filter((o) => used.has(o.id));
    await db.organizations.bulkAdd(created);
    // The plan was empty: number the new items in memory and add them in one go (20,000
    // single updates after the add took minutes).
    const byId = new Map(items.map((i) => [i.id, i]));
    for (const c of renumber(items, plan.status !== 'draft'))
      Object.assign(byId.get(c.id)!, { code: c.code, formerCodes: c.formerCodes });
    await t.items.bulkAdd(items);
    return { ok: true as const, items: items.length, organizationsCreated: created.length };
  });
}

// ---------------------------------------------------------------------------------------------
// Evaluation: working-group versions and the steering group's comment log

export async function addEvaluationComment(
  db: AppDb,
  planId: string,
  input: EvaluationCommentInput,
): Promise<EvaluationComment> {
  const data = parse(evaluationCommentInput, input);
  const t = planTables(db);
  return db.transaction('rw', t.plans, t.items, t.comments, async () => {
    if (!(await t.plans.get(planId))) throw new DomainError('errors.notFound');
    if (data.planItemId) {
      const item = await t.items.get(data.planItemId);
      if (!item || item.planId !== planId) throw new DomainError('errors.notFound');
    }
    const now = nowIso();
    const comment: EvaluationComment = compact({
      ...data,
      id: newId(),
      planId,
      createdAt: now,
      updatedAt: now,
    });
    await t.comments.add(comment);
    return comment;
  });
}

export async function setEvaluationVersion(
  db: AppDb,
  planId: string,
  change: {
    period: number;
    workingGroupId: string;
    status: EvaluationVersion['status'];
    summary?: string;
    by?: string;
  },
): Promise<void> {
  await updateEvaluationVersion(db, planId, change, (prev, now) =>
    compact({
      ...prev,
      period: change.period,
      workingGroupId: change.workingGroupId,
      status: change.status,
      summary: change.summary !== undefined ? change.summary.trim() || undefined : prev?.summary,
      discussedAt: change.status === 'discussed' ? now : undefined,
      discussedBy: change.status === 'discussed' ? change.by?.trim() || undefined : undefined,
      updatedAt: now,
    }),
  );
}

/** Replaces (or adds) one evaluation version of a plan, in one transaction. */
async function updateEvaluationVersion(
  db: AppDb,
  planId: string,
  key: { period: number; workingGroupId: string },
  build: (prev: EvaluationVersion | undefined, now: string) => EvaluationVersion,
): Promise<void> {
  const t = planTables(db);
  await db.transaction('rw', t.plans, async () => {
    const plan = await t.plans.get(planId);
    if (!plan) throw new DomainError('errors.notFound');
    const now = nowIso();
    const versions = [...(plan.evaluations ?? [])];
    const i = versions.findIndex(
      (v) => v.period === key.period && v.workingGroupId === key.workingGroupId,
    );
    const next = build(i >= 0 ? versions[i] : undefined, now);
    if (i >= 0) versions[i] = next;
    else versions.push(next);
    await t.plans.update(planId, { evaluations: versions, updatedAt: now });
  });
}

/** Saves what people wrote into one version (summary, assessments, conclusions, approval). */
export async function saveEvaluationTexts(
  db: AppDb,
  planId: string,
  version: { period: number; workingGroupId: string },
  input: EvaluationTextsInput,
): Promise<void> {
  const data = parse(evaluationTextsInput, input);
  await updateEvaluationVersion(db, planId, version, (prev, now) =>
    compact({
      ...prev,
      period: version.period,
      workingGroupId: version.workingGroupId,
      status: prev?.status ?? 'draft',
      ...data,
      approval: compact(data.approval),
      updatedAt: now,
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Next plan

/** Creates the next plan from the revision, carrying over chosen activities linked to their origin. */
export async function startNextPlan(
  db: AppDb,
  fromPlanId: string,
  input: PlanInput,
  activityIds: readonly string[],
): Promise<Plan> {
  const data = parse(planInput, input);
  const t = planTables(db);
  return db.transaction('rw', t.plans, t.items, async () => {
    const from = await t.plans.get(fromPlanId);
    if (!from) throw new DomainError('errors.notFound');
    const now = nowIso();
    const plan: Plan = compact({
      ...data,
      id: newId(),
      previousPlanId: fromPlanId,
      createdAt: now,
      updatedAt: now,
    });
    const source = await t.items.where('planId').equals(fromPlanId).toArray();
    const items = carryOverItems(source, activityIds, plan.id, newId, now);
    await t.plans.add(plan);
    await t.items.bulkAdd(items);
    return plan;
  });
}
