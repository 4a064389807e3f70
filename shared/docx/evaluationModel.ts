// Plan data → the view model of the evaluation report. Pure: the caller passes the stored
// records and a chart image; ids are resolved to names here.
import type { MonitoringRecord, Plan, PlanItem } from '../plan/model';
import { FUNDING_SOURCES } from '../plan/model';
import { evaluatePlan, fulfilmentStats, type ActivityEvaluation } from '../plan/stats';
import type { EvaluationDoc, EvaluationGroup, EvaluationRow } from './evaluation';
import { evaluationLabelsFor } from './evaluationLabels';
import type { Lang, ProjectBlock } from './model';

export interface EvaluationOptions {
  lang: Lang;
  period: number;
  /** A working group's id for its working version; undefined for the whole plan. */
  workingGroupId?: string;
  organizationName?: string;
  method?: string;
  dataSources?: string;
  preparedBy?: string;
  preparedOn: string;
  conclusions?: string;
  annexes?: string[];
  chart?: EvaluationDoc['chart'];
  project?: ProjectBlock;
}

export interface EvaluationSource {
  plan: Plan;
  items: PlanItem[];
  monitoring: MonitoringRecord[];
  bodies: { id: string; code: string; name: string; targetGroup?: string }[];
  organizations: { id: string; name: string }[];
}

function rowOf(a: ActivityEvaluation, orgName: Map<string, string>): EvaluationRow {
  const r = a.updatedThisPeriod ? a.record : undefined;
  const row: EvaluationRow = {
    code: a.item.code,
    title: a.item.title,
    status: a.status,
    implementers: a.item.implementerIds.map((id) => orgName.get(id) ?? '').filter(Boolean),
    planned: a.plannedCost,
    actual: a.actualCost,
    indicators: a.item.indicators.map((i) => {
      const actual = r?.indicatorActuals.find((v) => v.indicatorId === i.id)?.value;
      return { name: i.name, unit: i.unit, target: i.target, actual };
    }),
  };
  if (a.record?.fulfilment !== undefined) row.fulfilment = a.record.fulfilment;
  if (r?.comment) row.comment = r.comment;
  if (
    a.record?.reason &&
    (a.status === 'notDone' || a.status === 'postponed' || a.status === 'cancelled')
  )
    row.reason = a.record.reason;
  return row;
}

export function evaluationDocFrom(src: EvaluationSource, opt: EvaluationOptions): EvaluationDoc {
  const L = evaluationLabelsFor(opt.lang);
  const full = evaluatePlan(src.items, src.monitoring, opt.period);
  const activities =
    opt.workingGroupId === undefined
      ? full.activities
      : full.activities.filter((a) => a.workingGroupId === opt.workingGroupId);
  const orgName = new Map(src.organizations.map((o) => [o.id, o.name]));
  const bodyById = new Map(src.bodies.map((b) => [b.id, b]));
  const stats = (list: ActivityEvaluation[]) =>
    fulfilmentStats(
      list.map((a) =>
        a.record?.fulfilment !== undefined
          ? { status: a.status, fulfilment: a.record.fulfilment }
          : { status: a.status },
      ),
    );

  // Summary by priority (only the priorities that have activities in scope).
  const summary = full.byPriority
    .map(({ item }) => ({ item, list: activities.filter((a) => a.priority?.id === item.id) }))
    .filter((p) => p.list.length > 0)
    .map((p) => ({ label: `${p.item.code} ${p.item.title}`, stats: stats(p.list) }));

  // Groups: one per working group in the order of the plan's groups, then those without one.
  const groupIds = [...new Set(activities.map((a) => a.workingGroupId))].sort((a, b) => {
    if (!a) return 1;
    if (!b) return -1;
    return (bodyById.get(a)?.code ?? '').localeCompare(bodyById.get(b)?.code ?? '', 'cs', {
      numeric: true,
    });
  });
  const groups: EvaluationGroup[] = groupIds.map((id) => {
    const list = activities.filter((a) => a.workingGroupId === id);
    const body = id ? bodyById.get(id) : undefined;
    const g: EvaluationGroup = {
      title: body ? `${body.code} ${body.name}` : L.noGroup,
      stats: stats(list),
      rows: list.map((a) => rowOf(a, orgName)),
    };
    if (body?.targetGroup) g.targetGroup = body.targetGroup;
    return g;
  });

  const costsBySource = FUNDING_SOURCES.map((source) => ({ source, planned: 0, actual: 0 }));
  for (const a of activities) {
    for (const c of a.item.costs)
      if (c.year === opt.period)
        costsBySource.find((l) => l.source === c.source)!.planned += c.amount;
    if (a.updatedThisPeriod)
      for (const c of a.record!.actualCosts)
        costsBySource.find((l) => l.source === c.source)!.actual += c.amount;
  }

  const wg = opt.workingGroupId ? bodyById.get(opt.workingGroupId) : undefined;
  const doc: EvaluationDoc = {
    lang: opt.lang,
    planName: src.plan.name,
    planFrom: src.plan.periodFrom,
    planTo: src.plan.periodTo,
    period: opt.period,
    territory: src.plan.territory,
    approvals: src.plan.approvals,
    levelNames: src.plan.levelNames,
    preparedOn: opt.preparedOn,
    overall: stats(activities),
    summary,
    groups,
    costsBySource,
    annexes: opt.annexes ?? [],
  };
  if (wg) doc.workingGroup = { code: wg.code, name: wg.name };
  if (opt.organizationName) doc.organizationName = opt.organizationName;
  if (opt.method) doc.method = opt.method;
  if (opt.dataSources) doc.dataSources = opt.dataSources;
  if (opt.preparedBy) doc.preparedBy = opt.preparedBy;
  if (opt.conclusions) doc.conclusions = opt.conclusions;
  if (opt.chart) doc.chart = opt.chart;
  if (opt.project) doc.project = opt.project;
  return doc;
}
