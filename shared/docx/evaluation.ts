// "Vyhodnocení komunitního plánu" (DOMAIN.md §6.3) → docx.Document. Same conventions as the
// minutes: A4, Arial, styles from layout.ts, Czech dates, "Strana X z Y". Pure: the chart comes
// in as PNG bytes rendered by the caller.
import { AlignmentType, ImageRun, Paragraph, TextRun, type Document, type FileChild } from 'docx';
import type { FundingSource, StatusOrNone } from '../plan/model';
import { formatAmount } from '../plan/money';
import type { FulfilmentStats } from '../plan/stats';
import { BUCKETS } from '../plan/stats';
import { evaluationLabelsFor, type EvaluationLabels } from './evaluationLabels';
import { asciiSafe, formatDate, NBSP } from './format';
import { fill } from './labels';
import {
  COLOR,
  STYLE,
  TEXT_WIDTH,
  buildDocument,
  dataTable,
  fieldLine,
  heading1,
  heading2,
  numberedLine,
  spacer,
  textParagraphs,
  titleParagraph,
  type Cell,
  type Column,
} from './layout';
import type { Lang, ProjectBlock } from './model';

export interface EvaluationIndicator {
  name: string;
  unit?: string;
  target?: number;
  actual?: number;
}

export interface EvaluationRow {
  code: string;
  title: string;
  status: StatusOrNone;
  fulfilment?: number;
  comment?: string;
  reason?: string;
  implementers: string[];
  planned: number;
  actual: number;
  indicators: EvaluationIndicator[];
}

export interface EvaluationGroup {
  /** "PS1 Senioři a osoby se zdravotním postižením" */
  title: string;
  targetGroup?: string;
  stats: FulfilmentStats;
  rows: EvaluationRow[];
}

export interface EvaluationDoc {
  lang: Lang;
  /** Who runs the process, printed above the title. */
  organizationName?: string;
  planName: string;
  planFrom: number;
  planTo: number;
  period: number;
  territory: string[];
  approvals: { body: string; date: string; resolution?: string }[];
  /** Undefined = the whole plan; otherwise the working group's working version. */
  workingGroup?: { code: string; name: string };
  levelNames: { 1: string; 2: string; 3: string };
  method?: string;
  dataSources?: string;
  preparedBy?: string;
  preparedOn: string;
  overall: FulfilmentStats;
  /** Summary rows, e.g. one per priority. */
  summary: { label: string; stats: FulfilmentStats }[];
  chart?: { png: Uint8Array; widthPx: number; heightPx: number };
  groups: EvaluationGroup[];
  costsBySource: { source: FundingSource; planned: number; actual: number }[];
  conclusions?: string;
  annexes: string[];
  project?: ProjectBlock;
}

function money(n: number, lang: Lang): string {
  return lang === 'cs'
    ? `${formatAmount(n)}${NBSP}Kč`
    : `CZK${NBSP}${formatAmount(n)
        .replace(/\u00A0/g, ',')
        .replace(/,(\d{2})$/, '.$1')}`;
}

function num(n: number, lang: Lang): string {
  const s = formatAmount(n);
  return lang === 'cs' ? s : s.replace(/\u00A0/g, ',').replace(/,(\d{2})$/, '.$1');
}

function pct(value: number, L: EvaluationLabels): string {
  return fill(L.percent, { value }).replace(' ', NBSP);
}

function summaryTable(
  rows: { label: string; stats: FulfilmentStats }[],
  L: EvaluationLabels,
  lang: Lang,
) {
  const columns: Column[] = [
    { header: L.colItem, width: 2220 },
    { header: L.colActivities, width: 850, align: 'right' },
    ...BUCKETS.map((b) => ({ header: L.bucket[b], width: 1250, align: 'right' as const })),
    { header: L.colCancelled, width: 1000, align: 'right' },
  ];
  const cells: Cell[][] = rows.map(({ label, stats }, i) => [
    i === 0
      ? [
          new Paragraph({
            style: STYLE.tableText,
            children: [new TextRun({ text: label, bold: true })],
          }),
        ]
      : label,
    String(stats.base),
    ...BUCKETS.map((b) => `${stats.buckets[b]} (${pct(stats.shares[b], L)})`),
    String(stats.counts.cancelled),
  ]);
  void lang;
  return dataTable(columns, cells, { verticalAlign: 'center' });
}

function statusCell(r: EvaluationRow, L: EvaluationLabels): Paragraph[] {
  const runs = [
    new TextRun({
      text: L.status[r.status],
      bold: r.status === 'done',
      color: r.status === 'notDone' ? COLOR.marker : undefined,
    }),
  ];
  const out = [new Paragraph({ style: STYLE.tableText, children: runs })];
  if (r.fulfilment !== undefined)
    out.push(
      new Paragraph({
        style: STYLE.tableText,
        children: [new TextRun({ text: pct(r.fulfilment, L), color: COLOR.muted })],
      }),
    );
  return out;
}

function activityCell(r: EvaluationRow, L: EvaluationLabels, lang: Lang): Paragraph[] {
  const out = [new Paragraph({ style: STYLE.tableText, children: [new TextRun(r.title)] })];
  const small = (text: string) =>
    new Paragraph({
      style: STYLE.tableText,
      spacing: { before: 40 },
      children: [new TextRun({ text, size: 17, color: COLOR.muted })],
    });
  if (r.implementers.length > 0) out.push(small(`${L.implementer}: ${r.implementers.join(', ')}`));
  for (const i of r.indicators) {
    const unit = i.unit ? ` ${i.unit}` : '';
    const actual = i.actual === undefined ? L.notReported : `${num(i.actual, lang)}${unit}`;
    out.push(
      small(
        i.target === undefined
          ? fill(L.indicatorNoTarget, { name: i.name, actual })
          : fill(L.indicator, {
              name: i.name,
              actual: i.actual === undefined ? L.notReported : num(i.actual, lang),
              target: `${num(i.target, lang)}${unit}`,
            }),
      ),
    );
  }
  return out;
}

function commentCell(r: EvaluationRow, L: EvaluationLabels): Paragraph[] {
  const out: Paragraph[] = [];
  if (r.reason)
    out.push(
      new Paragraph({
        style: STYLE.tableText,
        children: [new TextRun({ text: `${L.reason}: `, bold: true }), new TextRun(r.reason)],
      }),
    );
  if (r.comment)
    out.push(
      new Paragraph({
        style: STYLE.tableText,
        spacing: r.reason ? { before: 40 } : undefined,
        children: [new TextRun(r.comment)],
      }),
    );
  return out;
}

function activityTable(rows: EvaluationRow[], L: EvaluationLabels, lang: Lang) {
  const columns: Column[] = [
    { header: L.colCode, width: 760 },
    { header: L.colActivity, width: 3100 },
    { header: L.colStatus, width: 1400 },
    { header: L.colCosts, width: 1500, align: 'right' },
    { header: L.colComment, width: 2310 },
  ];
  const cells: Cell[][] = rows.map((r) => [
    r.code,
    activityCell(r, L, lang),
    statusCell(r, L),
    r.planned || r.actual ? `${money(r.planned, lang)}\n${money(r.actual, lang)}` : L.dash,
    commentCell(r, L),
  ]);
  return dataTable(columns, cells);
}

function financeTable(lines: EvaluationDoc['costsBySource'], L: EvaluationLabels, lang: Lang) {
  const columns: Column[] = [
    { header: L.colSource, width: 3670 },
    { header: L.colPlanned, width: 2000, align: 'right' },
    { header: L.colActual, width: 2000, align: 'right' },
    { header: L.colDrawn, width: 1400, align: 'right' },
  ];
  const drawn = (p: number, a: number) => (p > 0 ? pct(Math.round((a / p) * 100), L) : L.dash);
  const total = lines.reduce(
    (s, l) => ({ planned: s.planned + l.planned, actual: s.actual + l.actual }),
    { planned: 0, actual: 0 },
  );
  const bold = (text: string, align: Column['align'] = 'left') => [
    new Paragraph({
      style: STYLE.tableText,
      alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
      children: [new TextRun({ text, bold: true })],
    }),
  ];
  const cells: Cell[][] = lines.map((l) => [
    L.source[l.source],
    money(l.planned, lang),
    money(l.actual, lang),
    drawn(l.planned, l.actual),
  ]);
  cells.push([
    bold(L.total),
    bold(money(total.planned, lang), 'right'),
    bold(money(total.actual, lang), 'right'),
    bold(drawn(total.planned, total.actual), 'right'),
  ]);
  return dataTable(columns, cells);
}

export function buildEvaluation(doc: EvaluationDoc): Document {
  const { lang } = doc;
  const L = evaluationLabelsFor(lang);
  const groupLabel = doc.workingGroup
    ? `${doc.workingGroup.code} ${doc.workingGroup.name}`
    : undefined;
  const children: FileChild[] = [];
  if (doc.organizationName)
    children.push(
      new Paragraph({ style: STYLE.orgLine, children: [new TextRun(doc.organizationName)] }),
    );
  children.push(titleParagraph(L.title));
  children.push(
    new Paragraph({
      style: STYLE.subtitle,
      children: [
        new TextRun({ text: doc.planName, bold: true }),
        new TextRun({ text: ` ${fill(L.titleFor, { period: doc.period })}`, break: 0 }),
        ...(groupLabel
          ? [new TextRun({ text: fill(L.subtitleGroup, { group: groupLabel }), break: 1 })]
          : []),
      ],
    }),
  );

  // 1. Introduction
  children.push(heading1(L.introHeading));
  children.push(fieldLine(L.plan, doc.planName));
  children.push(fieldLine(L.planPeriod, `${doc.planFrom}–${doc.planTo}`));
  children.push(fieldLine(L.evaluatedPeriod, String(doc.period)));
  if (doc.territory.length > 0) children.push(fieldLine(L.territory, doc.territory.join(', ')));
  const approvals = [...doc.approvals].sort((a, b) => a.date.localeCompare(b.date));
  children.push(
    fieldLine(
      L.approvals,
      approvals.length === 0
        ? L.noApprovals
        : approvals
            .map(
              (a) =>
                fill(L.approvalLine, { body: a.body, date: formatDate(a.date, lang) }) +
                (a.resolution ? fill(L.approvalResolution, { resolution: a.resolution }) : ''),
            )
            .join('\n'),
    ),
  );
  children.push(fieldLine(L.scope, groupLabel ?? L.scopePlan));
  children.push(fieldLine(L.dataSources, doc.dataSources?.trim() || L.dataSourcesDefault));
  if (doc.preparedBy) children.push(fieldLine(L.preparedBy, doc.preparedBy));
  children.push(fieldLine(L.preparedOn, formatDate(doc.preparedOn, lang)));
  children.push(
    new Paragraph({
      spacing: { before: 120 },
      children: [new TextRun({ text: `${L.method}`, bold: true })],
      keepNext: true,
    }),
  );
  children.push(...textParagraphs(doc.method?.trim() || L.methodDefault));

  // 2. Summary
  const o = doc.overall;
  children.push(heading1(L.summaryHeading));
  let lead = fill(L.summaryLead, {
    activities: o.total,
    cancelled: o.counts.cancelled,
    base: o.base,
    fulfilled: o.shares.fulfilled,
    inProgress: o.shares.inProgress,
    notFulfilled: o.shares.notFulfilled,
  });
  if (o.shares.noReport > 0) lead += fill(L.summaryNoReport, { noReport: o.shares.noReport });
  children.push(new Paragraph({ children: [new TextRun(lead)] }));
  if (o.averageFulfilment !== undefined)
    children.push(
      new Paragraph({
        children: [new TextRun(fill(L.averageLine, { average: Math.round(o.averageFulfilment) }))],
      }),
    );
  children.push(summaryTable([{ label: L.wholePlan, stats: o }, ...doc.summary], L, lang));
  if (doc.chart) {
    const width = Math.min(Math.round((TEXT_WIDTH / 1440) * 96), doc.chart.widthPx);
    const height = Math.round((doc.chart.heightPx * width) / doc.chart.widthPx);
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 240, after: 60 },
        keepNext: true,
        children: [
          new ImageRun({
            type: 'png',
            data: doc.chart.png,
            transformation: { width, height },
            altText: { name: 'chart', title: L.chartAlt, description: L.chartAlt },
          }),
        ],
      }),
    );
    children.push(
      new Paragraph({
        style: STYLE.note,
        alignment: AlignmentType.CENTER,
        children: [new TextRun(fill(L.chartCaption, { level: doc.levelNames[1] }))],
      }),
    );
  }

  // 3. Per working group / target group
  children.push(heading1(doc.workingGroup ? L.groupsHeadingOne : L.groupsHeading));
  if (doc.groups.every((g) => g.rows.length === 0))
    children.push(new Paragraph({ children: [new TextRun(L.noActivities)] }));
  doc.groups.forEach((g, i) => {
    if (g.rows.length === 0) return;
    if (!doc.workingGroup || doc.groups.length > 1) children.push(heading2(`3.${i + 1}`, g.title));
    const s = g.stats;
    const line = `${BUCKETS.filter((b) => b !== 'noReport' || s.buckets[b] > 0)
      .map((b) => `${pct(s.shares[b], L)} ${L.bucket[b]}`)
      .join(' · ')}`;
    if (g.targetGroup) children.push(fieldLine(L.targetGroup, g.targetGroup, { keepNext: true }));
    children.push(
      new Paragraph({ style: STYLE.note, keepNext: true, children: [new TextRun(line)] }),
    );
    children.push(activityTable(g.rows, L, lang));
    children.push(spacer());
  });

  // 4. Finance
  children.push(heading1(L.financeHeading));
  const costLines = doc.costsBySource.filter((l) => l.planned > 0 || l.actual > 0);
  if (costLines.length === 0) children.push(new Paragraph({ children: [new TextRun(L.noCosts)] }));
  else children.push(financeTable(costLines, L, lang));

  // 5. Conclusions
  children.push(heading1(L.conclusionsHeading));
  const conclusions = textParagraphs(doc.conclusions);
  children.push(
    ...(conclusions.length > 0
      ? conclusions
      : [new Paragraph({ style: STYLE.note, children: [new TextRun(L.noConclusions)] })]),
  );

  // 6. Annexes
  const annexes =
    doc.annexes.length > 0 ? doc.annexes : [fill(L.annexDefault, { period: doc.period })];
  children.push(heading1(L.annexesHeading));
  annexes.forEach((a, i) =>
    children.push(numberedLine(i + 1, a, { keepNext: i < annexes.length - 1 })),
  );

  return buildDocument({
    lang,
    title: `${L.title} ${fill(L.titleFor, { period: doc.period })}`,
    subject: doc.planName,
    project: doc.project,
    footerText: groupLabel
      ? fill(L.footerGroup, { period: doc.period, group: doc.workingGroup!.code })
      : fill(L.footer, { period: doc.period }),
    children,
  });
}

/** `Vyhodnoceni_KP_2026_PS1.docx` */
export function evaluationFileName(
  doc: Pick<EvaluationDoc, 'lang' | 'period' | 'workingGroup'>,
): string {
  const prefix = doc.lang === 'cs' ? 'Vyhodnoceni_KP' : 'Plan_evaluation';
  return (
    [prefix, String(doc.period), doc.workingGroup ? asciiSafe(doc.workingGroup.code) : '']
      .filter(Boolean)
      .join('_') + '.docx'
  );
}
