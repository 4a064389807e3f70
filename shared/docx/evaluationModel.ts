// Plan data → the view model of the evaluation report. Pure: the caller passes the stored
// records (and a chart image, drawn where a canvas exists); ids are resolved to names here.
// The report follows the plan: priority → measure → activity, scoped to one working group's
// activities for its working version.
import type {
  EvaluationComment,
  EvaluationTexts,
  EvaluationVersion,
  MonitoringRecord,
  Plan,
  PlanItem,
} from '../plan/model';
import { FUNDING_SOURCES } from '../plan/model';
import { evaluatePlan, fulfilmentStats, type ActivityEvaluation } from '../plan/stats';
import type {
  EvaluationComment as DocComment,
  EvaluationDoc,
  EvaluationPriority,
  EvaluationRow,
  EvaluationSourceLine,
} from './evaluation';
import { evaluationLabelsFor } from './evaluationLabels';
import type { Lang, ProjectBlock } from './model';

/** A comment or reason longer than this goes whole into annex A; the table shows its start. */
export const CELL_TEXT_CAP = 350;

export interface EvaluationOptions {
  lang: Lang;
  period: number;
  /** A working group's id for its working version; undefined for the whole plan. */
  workingGroupId?: string;
  organizationName?: string;
  preparedOn: string;
  chart?: EvaluationDoc['chart'];
  project?: ProjectBlock;
  /** Replaces the texts stored with the version (plan.evaluations). */
  texts?: Partial<EvaluationTexts>;
}

export interface EvaluationSource {
  plan: Plan;
  items: PlanItem[];
  monitoring: MonitoringRecord[];
  comments?: EvaluationComment[];
  bodies: { id: string; code: string; name: string; targetGroup?: string }[];
  organizations: { id: string; name: string }[];
}

/** The start of `text` cut at a word boundary at most `cap` characters long, or undefined if it fits. */
export function cutText(text: string, cap = CELL_TEXT_CAP): string | undefined {
  if (text.length <= cap) return undefined;
  const head = text.slice(0, cap);
  const space = head.lastIndexOf(' ');
  return (space > cap * 0.6 ? head.slice(0, space) : head).replace(/[\s,.;:–-]+$/, '');
}

function statsOf(list: readonly ActivityEvaluation[]) {
  return fulfilmentStats(
    list.map((a) =>
      a.record?.fulfilment !== undefined
        ? { status: a.status, fulfilment: a.record.fulfilment }
        : { status: a.status },
    ),
  );
}

/** Actual costs count only from a record of this period that lists them; otherwise "nevykázáno". */
function reportsCosts(a: ActivityEvaluation): boolean {
  return a.updatedThisPeriod && (a.record?.actualCosts.length ?? 0) > 0;
}

function rowOf(
  a: ActivityEvaluation,
  orgName: Map<string, string>,
  groupCode: string | undefined,
): EvaluationRow {
  const r = a.updatedThisPeriod ? a.record : undefined;
  const row: EvaluationRow = {
    code: a.item.code,
    title: a.item.title,
    status: a.status,
    implementers: a.item.implementerIds.map((id) => orgName.get(id) ?? '').filter(Boolean),
    planned: a.plannedCost,
    indicators: a.item.indicators.map((i) => {
      const actual = r?.indicatorActuals.find((v) => v.indicatorId === i.id)?.value;
      return { name: i.name, unit: i.unit, target: i.target, actual };
    }),
  };
  if (reportsCosts(a)) row.actual = a.actualCost;
  if (groupCode) row.workingGroup = groupCode;
  if (a.record?.fulfilment !== undefined) row.fulfilment = a.record.fulfilment;
  if (r?.comment) row.comment = r.comment;
  if (
    a.record?.reason &&
    (a.status === 'notDone' || a.status === 'postponed' || a.status === 'cancelled')
  )
    row.reason = a.record.reason;
  return row;
}

function costLines(
  activities: readonly ActivityEvaluation[],
  period: number,
): EvaluationSourceLine[] {
  return FUNDING_SOURCES.map((source) => {
    let planned = 0;
    let actual = 0;
    let expected = 0;
    let reported = 0;
    for (const a of activities) {
      const p = a.item.costs
        .filter((c) => c.year === period && c.source === source)
        .reduce((s, c) => s + c.amount, 0);
      const spent = reportsCosts(a) ? a.record!.actualCosts.filter((c) => c.source === source) : [];
      if (p === 0 && spent.length === 0) continue;
      planned += p;
      expected++;
      if (reportsCosts(a)) {
        reported++;
        actual += spent.reduce((s, c) => s + c.amount, 0);
      }
    }
    return { source, planned, actual, expected, reported };
  }).filter((l) => l.expected > 0);
}

export function evaluationDocFrom(src: EvaluationSource, opt: EvaluationOptions): EvaluationDoc {
  const L = evaluationLabelsFor(opt.lang);
  const full = evaluatePlan(src.items, src.monitoring, opt.period);
  const wgId = opt.workingGroupId;
  const activities =
    wgId === undefined ? full.activities : full.activities.filter((a) => a.workingGroupId === wgId);
  const orgName = new Map(src.organizations.map((o) => [o.id, o.name]));
  const bodyById = new Map(src.bodies.map((b) => [b.id, b]));
  const wg = wgId ? bodyById.get(wgId) : undefined;
  const scopeLabel = wg ? `${wg.code} ${wg.name}` : L.wholePlan;
  const versions = (src.plan.evaluations ?? []).filter((v) => v.period === opt.period);
  const version: Partial<EvaluationVersion> = {
    ...versions.find((v) => v.workingGroupId === (wgId ?? '')),
    ...opt.texts,
  };

  // Plan structure: priorities and measures that hold activities in scope, in plan order.
  const priorities: EvaluationPriority[] = [];
  for (const { item: p } of full.byPriority) {
    const inPriority = activities.filter((a) => a.priority?.id === p.id);
    if (inPriority.length === 0) continue;
    const measureIds = [...new Set(inPriority.map((a) => a.measure?.id ?? ''))];
    const assessment = version.priorityAssessments?.[p.id];
    priorities.push({
      code: p.code,
      title: p.title,
      stats: statsOf(inPriority),
      ...(assessment ? { assessment } : {}),
      measures: measureIds.map((mid) => {
        const list = inPriority.filter((a) => (a.measure?.id ?? '') === mid);
        const m = list[0]?.measure;
        return {
          code: m?.code ?? '',
          title: m?.title ?? '',
          rows: list.map((a) =>
            rowOf(a, orgName, wgId ? undefined : bodyById.get(a.workingGroupId)?.code),
          ),
        };
      }),
    });
  }

  // Long comments and reasons: cut in the table, whole in annex A.
  const longTexts: EvaluationDoc['longTexts'] = [];
  for (const row of priorities.flatMap((p) => p.measures.flatMap((m) => m.rows))) {
    const reasonCut = row.reason ? cutText(row.reason) : undefined;
    const commentCut = row.comment ? cutText(row.comment) : undefined;
    if (reasonCut === undefined && commentCut === undefined) continue;
    longTexts.push({
      code: row.code,
      title: row.title,
      ...(row.reason ? { reason: row.reason } : {}),
      ...(row.comment ? { comment: row.comment } : {}),
    });
    if (reasonCut !== undefined) row.reason = reasonCut + L.cutNote;
    if (commentCut !== undefined) row.comment = commentCut + L.cutNote;
    row.cut = true;
  }

  // The working groups' summaries: this group's, or for the whole plan the steering group's
  // overall assessment followed by every group's.
  const groupLabel = (id: string) => {
    const b = bodyById.get(id);
    return b ? `${b.code} ${b.name}` : id;
  };
  const summaries: EvaluationDoc['summaries'] = [];
  if (wgId) summaries.push({ label: scopeLabel, text: version.summary });
  else {
    if (version.summary) summaries.push({ label: L.wholeSummaryTitle, text: version.summary });
    const groupIds = [
      ...new Set([
        ...src.plan.workingGroupIds,
        ...full.activities.map((a) => a.workingGroupId).filter(Boolean),
      ]),
    ].sort((a, b) =>
      (bodyById.get(a)?.code ?? '').localeCompare(bodyById.get(b)?.code ?? '', 'cs', {
        numeric: true,
      }),
    );
    for (const id of groupIds)
      summaries.push({
        label: groupLabel(id),
        text: versions.find((v) => v.workingGroupId === id)?.summary,
      });
  }

  // The steering group's comment log of this period: this group's version, or all versions.
  const itemById = new Map(src.items.map((i) => [i.id, i]));
  const comments: DocComment[] = (src.comments ?? [])
    .filter((c) => c.period === opt.period && (wgId === undefined || c.workingGroupId === wgId))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((c) => {
      const item = c.planItemId ? itemById.get(c.planItemId) : undefined;
      const about = item
        ? { kind: 'item' as const, code: item.code, title: item.title }
        : c.workingGroupId
          ? { kind: 'version' as const, group: bodyById.get(c.workingGroupId)?.code ?? '' }
          : { kind: 'whole' as const };
      return { date: c.createdAt.slice(0, 10), author: c.author, text: c.text, about };
    });

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
    scopeLabel,
    overall: statsOf(activities),
    summary: priorities.map((p) => ({ label: `${p.code} ${p.title}`, stats: p.stats })),
    priorities,
    costsBySource: costLines(activities, opt.period),
    summaries,
    comments,
    approval: version.approval ?? {},
    annexes: version.annexes ?? [],
    longTexts,
  };
  if (wg) doc.workingGroup = { code: wg.code, name: wg.name };
  if (src.plan.vision) doc.vision = src.plan.vision;
  if (opt.organizationName) doc.organizationName = opt.organizationName;
  if (version.method) doc.method = version.method;
  if (version.dataSources) doc.dataSources = version.dataSources;
  if (version.preparedBy) doc.preparedBy = version.preparedBy;
  if (version.conclusions) doc.conclusions = version.conclusions;
  if (opt.chart) doc.chart = opt.chart;
  if (opt.project) doc.project = opt.project;
  // "Discussed" in the app without a date typed in: the day it was marked.
  if (!doc.approval.steeringDiscussedOn && version.status === 'discussed' && version.discussedAt)
    doc.approval = { ...doc.approval, steeringDiscussedOn: version.discussedAt.slice(0, 10) };
  if (!doc.approval.steeringDiscussedOn) doc.draft = true;
  return doc;
}
