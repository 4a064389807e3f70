// "Vyhodnocení komunitního plánu" (DOMAIN.md §6.3) → docx.Document. Same conventions as the
// minutes: A4, Arial, styles from layout.ts, Czech dates, "Strana X z Y". Pure: the chart comes
// in as PNG bytes rendered by the caller. Structure: contents, introduction with the vision,
// summary with the chart, priority → measure → activity with a written assessment per priority,
// finances by source, the working groups' summaries and the steering group's comments,
// conclusions, the approval block, annexes (long comments in full in annex A).
import {
  AlignmentType,
  Bookmark,
  HeadingLevel,
  ImageRun,
  InternalHyperlink,
  LeaderType,
  LineRuleType,
  PageReference,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
  type Document,
  type FileChild,
} from 'docx';
import type { EvaluationApproval, FundingSource, StatusOrNone } from '../plan/model';
import { formatAmount } from '../plan/money';
import type { FulfilmentStats } from '../plan/stats';
import { BUCKETS } from '../plan/stats';
import { activitiesCount, evaluationLabelsFor, type EvaluationLabels } from './evaluationLabels';
import { headerFits } from './evaluationWidths';
import { asciiSafe, formatDate, NBSP } from './format';
import { fill } from './labels';
import {
  COLOR,
  FIELD_TAB,
  STYLE,
  TEXT_WIDTH,
  buildDocument,
  dataTable,
  fieldLine,
  numberedLine,
  runsWithBreaks,
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
  /** The activity's working group code, in the whole plan's report. */
  workingGroup?: string;
  status: StatusOrNone;
  fulfilment?: number;
  comment?: string;
  reason?: string;
  /** The comment or reason was cut here; the whole text is in annex A. */
  cut?: boolean;
  implementers: string[];
  planned: number;
  /** Undefined = not reported for the period ("nevykázáno"), never 0. */
  actual?: number;
  indicators: EvaluationIndicator[];
}

export interface EvaluationMeasure {
  code: string;
  title: string;
  rows: EvaluationRow[];
}

export interface EvaluationPriority {
  code: string;
  title: string;
  stats: FulfilmentStats;
  /** The written assessment of the priority. */
  assessment?: string;
  measures: EvaluationMeasure[];
}

export interface EvaluationSourceLine {
  source: FundingSource;
  planned: number;
  /** Sum over the activities that reported costs (`reported` of `expected`). */
  actual: number;
  /** Activities with a planned or reported cost from this source. */
  expected: number;
  /** Of those, the ones that reported actual costs for the period. */
  reported: number;
}

export interface EvaluationComment {
  date: string;
  author: string;
  text: string;
  about:
    | { kind: 'item'; code: string; title: string }
    | { kind: 'version'; group: string }
    | { kind: 'whole' };
}

export interface EvaluationDoc {
  lang: Lang;
  /** Who runs the process, printed above the title and as the document's author. */
  organizationName?: string;
  planName: string;
  planFrom: number;
  planTo: number;
  period: number;
  territory: string[];
  vision?: string;
  approvals: { body: string; date: string; resolution?: string }[];
  /** Undefined = the whole plan; otherwise the working group's working version. */
  workingGroup?: { code: string; name: string };
  /** "Celý plán" or "PS1 Senioři …": the first row of the summary and the chart. */
  scopeLabel: string;
  levelNames: { 1: string; 2: string; 3: string };
  method?: string;
  dataSources?: string;
  preparedBy?: string;
  preparedOn: string;
  overall: FulfilmentStats;
  /** One row per priority in scope. */
  summary: { label: string; stats: FulfilmentStats }[];
  chart?: { png: Uint8Array; widthPx: number; heightPx: number };
  priorities: EvaluationPriority[];
  costsBySource: EvaluationSourceLine[];
  /** The working groups' summaries (a missing text is said in words). */
  summaries: { label: string; text?: string }[];
  comments: EvaluationComment[];
  conclusions?: string;
  approval: EvaluationApproval;
  /** Not yet discussed by the steering group: "KONCEPT" on every page. */
  draft?: boolean;
  annexes: string[];
  /** Comments and reasons cut in the tables, printed whole in annex A. */
  longTexts: { code: string; title: string; comment?: string; reason?: string }[];
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

function para(text: string, opts: { bold?: boolean; color?: string; size?: number } = {}) {
  return new Paragraph({ style: STYLE.tableText, children: [new TextRun({ text, ...opts })] });
}

/** Columns whose headers are checked to wrap only between words (evaluationWidths.ts). */
export function checkedColumns(columns: Column[]): Column[] {
  const total = columns.reduce((s, c) => s + c.width, 0);
  if (total !== TEXT_WIDTH) throw new Error(`evaluation table is ${total} twips wide`);
  for (const c of columns)
    if (!headerFits(c.header, c.width))
      throw new Error(`column header "${c.header}" would break inside a word`);
  return columns;
}

export function summaryColumns(L: EvaluationLabels): Column[] {
  return checkedColumns([
    { header: L.colItem, width: 1850 },
    { header: L.colActivities, width: 1100, align: 'right' },
    ...BUCKETS.map((b) => ({ header: L.bucket[b], width: 1530, align: 'right' as const })),
  ]);
}

function summaryTable(rows: { label: string; stats: FulfilmentStats }[], L: EvaluationLabels) {
  const cells: Cell[][] = rows.map(({ label, stats }, i) => [
    i === 0 ? [para(label, { bold: true })] : label,
    String(stats.base),
    ...BUCKETS.map((b) => `${stats.buckets[b]} (${pct(stats.shares[b], L)})`),
  ]);
  return dataTable(summaryColumns(L), cells, { verticalAlign: 'center' });
}

function statusCell(r: EvaluationRow, L: EvaluationLabels): Paragraph[] {
  const out = [
    para(L.status[r.status], {
      bold: r.status === 'done',
      color: r.status === 'notDone' ? COLOR.marker : undefined,
    }),
  ];
  if (r.fulfilment !== undefined) out.push(para(pct(r.fulfilment, L), { color: COLOR.muted }));
  return out;
}

function small(text: string): Paragraph {
  return new Paragraph({
    style: STYLE.tableText,
    spacing: { before: 40 },
    children: [new TextRun({ text, size: 17, color: COLOR.muted })],
  });
}

function activityCell(r: EvaluationRow, L: EvaluationLabels, lang: Lang): Paragraph[] {
  const out = [para(r.title)];
  if (r.workingGroup) out.push(small(fill(L.groupLine, { group: r.workingGroup })));
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

function costCell(r: EvaluationRow, L: EvaluationLabels, lang: Lang): Paragraph[] {
  if (r.planned === 0 && r.actual === undefined) return [right(L.dash)];
  return [
    right(money(r.planned, lang)),
    right(r.actual === undefined ? L.notReported : money(r.actual, lang), COLOR.muted),
  ];
}

function right(text: string, color?: string, bold?: boolean): Paragraph {
  return new Paragraph({
    style: STYLE.tableText,
    alignment: AlignmentType.RIGHT,
    children: [new TextRun({ text, color, bold })],
  });
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

export function activityColumns(L: EvaluationLabels): Column[] {
  return checkedColumns([
    { header: L.colCode, width: 760 },
    { header: L.colActivity, width: 3000 },
    { header: L.colStatus, width: 1400 },
    { header: L.colCosts, width: 1560, align: 'right' },
    { header: L.colComment, width: 2350 },
  ]);
}

function activityTable(rows: EvaluationRow[], L: EvaluationLabels, lang: Lang) {
  const cells: Cell[][] = rows.map((r) => [
    r.code,
    activityCell(r, L, lang),
    statusCell(r, L),
    costCell(r, L, lang),
    commentCell(r, L),
  ]);
  return dataTable(activityColumns(L), cells);
}

export function financeColumns(L: EvaluationLabels): Column[] {
  return checkedColumns([
    { header: L.colSource, width: 3370 },
    { header: L.colPlanned, width: 1900, align: 'right' },
    { header: L.colActual, width: 2400, align: 'right' },
    { header: L.colDrawn, width: 1400, align: 'right' },
  ]);
}

function financeTable(lines: EvaluationSourceLine[], L: EvaluationLabels, lang: Lang) {
  const total = lines.reduce(
    (s, l) => ({
      planned: s.planned + l.planned,
      actual: s.actual + l.actual,
      expected: s.expected + l.expected,
      reported: s.reported + l.reported,
    }),
    { planned: 0, actual: 0, expected: 0, reported: 0 },
  );
  const cellsOf = (l: typeof total, bold = false): Paragraph[][] => {
    const actual =
      l.reported === 0
        ? [right(L.notReported, COLOR.muted, bold)]
        : [
            right(money(l.actual, lang), undefined, bold),
            ...(l.reported < l.expected
              ? [
                  new Paragraph({
                    style: STYLE.tableText,
                    alignment: AlignmentType.RIGHT,
                    children: [
                      new TextRun({
                        text: fill(L.reportedOf, {
                          reported: l.reported,
                          expected: l.expected,
                          word: L.activitiesGen[l.expected === 1 ? 0 : 1]!,
                        }),
                        size: 17,
                        color: COLOR.muted,
                      }),
                    ],
                  }),
                ]
              : []),
          ];
    const drawn =
      l.planned > 0 && l.reported > 0 ? pct(Math.round((l.actual / l.planned) * 100), L) : L.dash;
    return [
      [right(money(l.planned, lang), undefined, bold)],
      actual,
      [right(drawn, undefined, bold)],
    ];
  };
  const cells: Cell[][] = lines.map((l) => [L.source[l.source], ...cellsOf(l)]);
  cells.push([[para(L.total, { bold: true })], ...cellsOf(total, true)]);
  return dataTable(financeColumns(L), cells);
}

/** The chart's alt text says what it shows: every bar's numbers. */
export function chartAltText(doc: EvaluationDoc): string {
  const L = evaluationLabelsFor(doc.lang);
  const rows = [{ label: doc.scopeLabel, stats: doc.overall }, ...doc.summary].map((r) =>
    fill(L.chartAltRow, {
      label: r.label,
      base: r.stats.base,
      parts: BUCKETS.map((b) => `${r.stats.buckets[b]} ${L.bucket[b]}`).join(', '),
    }),
  );
  return fill(L.chartAlt, { rows: rows.join(' ') });
}

function chartParagraphs(doc: EvaluationDoc, L: EvaluationLabels): Paragraph[] {
  if (!doc.chart) return [];
  const width = Math.min(Math.round((TEXT_WIDTH / 1440) * 96), doc.chart.widthPx);
  const height = Math.round((doc.chart.heightPx * width) / doc.chart.widthPx);
  const alt = chartAltText(doc);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      // A picture's line grows with it: never an exact line height (LibreOffice clips it).
      spacing: { before: 240, after: 60, line: 240, lineRule: LineRuleType.AUTO },
      keepNext: true,
      children: [
        new ImageRun({
          type: 'png',
          data: doc.chart.png,
          transformation: { width, height },
          altText: { name: L.chartCaption.split(':')[0] ?? 'chart', title: alt, description: alt },
        }),
      ],
    }),
    new Paragraph({
      style: STYLE.note,
      alignment: AlignmentType.CENTER,
      children: [new TextRun(fill(L.chartCaption, { scope: doc.scopeLabel }))],
    }),
  ];
}

function statsLine(s: FulfilmentStats, L: EvaluationLabels): string {
  return BUCKETS.filter((b) => b !== 'noReport' || s.buckets[b] > 0)
    .map((b) => `${pct(s.shares[b], L)} ${L.bucket[b]} (${s.buckets[b]})`)
    .join(' · ');
}

function labelParagraph(text: string): Paragraph {
  return new Paragraph({
    spacing: { before: 120, after: 60 },
    keepNext: true,
    children: [new TextRun({ text, bold: true })],
  });
}

/** Where the approval values start: past "Projednáno pracovní skupinou:" (6.5 cm). */
const APPROVAL_TAB = 3685;

/** "Label:<tab>value" aligned at APPROVAL_TAB; the Field style's own tab stop is cleared. */
function approvalLine(label: string, value: string, keepNext = false): Paragraph {
  return new Paragraph({
    style: STYLE.field,
    keepNext,
    indent: { left: APPROVAL_TAB, hanging: APPROVAL_TAB },
    tabStops: [
      { type: TabStopType.CLEAR, position: FIELD_TAB },
      { type: TabStopType.LEFT, position: APPROVAL_TAB },
    ],
    children: [
      new TextRun({ text: `${label}:`, bold: true }),
      new TextRun({ children: [new Tab()] }),
      new TextRun(value),
    ],
  });
}

function approvalLines(doc: EvaluationDoc, L: EvaluationLabels): Paragraph[] {
  const a = doc.approval;
  const date = (d?: string) => (d ? formatDate(d, doc.lang) : L.blank);
  const out: Paragraph[] = [];
  if (doc.workingGroup)
    out.push(
      approvalLine(
        L.groupDiscussed,
        fill(L.groupLineDate, { date: date(a.groupDiscussedOn) }),
        true,
      ),
    );
  out.push(
    approvalLine(
      L.steeringDiscussed,
      fill(L.steeringLine, {
        date: date(a.steeringDiscussedOn),
        resolution: a.steeringResolution ?? L.blank,
      }),
      !doc.workingGroup,
    ),
  );
  if (!doc.workingGroup)
    out.push(
      approvalLine(
        a.councilDecision === 'approved'
          ? L.councilApproved
          : a.councilDecision === 'noted'
            ? L.councilNoted
            : L.councilEither,
        fill(L.councilLine, {
          body: a.councilBody ?? L.blankBody,
          date: date(a.councilDate),
          resolution: a.councilResolution ?? L.blank,
        }),
      ),
    );
  return out;
}

/**
 * The table of contents: one entry per chapter and section with a PAGEREF field to a bookmark
 * on its heading. LibreOffice works these page numbers out itself when it lays the document
 * out (it never updates a TOC field, and shows a TOC field's cached entries without numbers);
 * Word fills them in on printing or F9. Entries link to their headings.
 */
class Contents {
  private entries: { level: 1 | 2; text: string; bookmark: string }[] = [];

  private mark(level: 1 | 2, text: string, runs: TextRun[]): Bookmark {
    const bookmark = `_TocEval${this.entries.length + 1}`;
    this.entries.push({ level, text, bookmark });
    return new Bookmark({ id: bookmark, children: runs });
  }

  heading1(text: string): Paragraph {
    return new Paragraph({
      heading: HeadingLevel.HEADING_1,
      children: [this.mark(1, text, [new TextRun(text)])],
    });
  }

  heading2(prefix: string, text: string, opts: { pageBreakBefore?: boolean } = {}): Paragraph {
    const runs = prefix
      ? [new TextRun(prefix), new TextRun({ children: [new Tab()] }), new TextRun(text)]
      : [new TextRun(text)];
    return new Paragraph({
      heading: HeadingLevel.HEADING_2,
      pageBreakBefore: opts.pageBreakBefore,
      ...(prefix ? {} : { indent: { left: 0, hanging: 0 } }),
      children: [this.mark(2, prefix ? `${prefix} ${text}` : text, runs)],
    });
  }

  /** The entries, to be placed where the contents go (filled once all headings exist). */
  paragraphs(): Paragraph[] {
    return this.entries.map(
      (e) =>
        new Paragraph({
          spacing: { after: e.level === 1 ? 40 : 20 },
          indent: e.level === 2 ? { left: 454 } : undefined,
          tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH, leader: LeaderType.DOT }],
          children: [
            new InternalHyperlink({
              anchor: e.bookmark,
              children: [
                new TextRun({ text: e.text, bold: e.level === 1 }),
                new TextRun({ children: [new Tab()] }),
                new PageReference(e.bookmark),
              ],
            }),
          ],
        }),
    );
  }
}

function aboutText(c: EvaluationComment, L: EvaluationLabels): string {
  return c.about.kind === 'item'
    ? fill(L.aboutItem, { code: c.about.code, title: c.about.title })
    : c.about.kind === 'version'
      ? fill(L.aboutVersion, { group: c.about.group })
      : L.aboutWhole;
}

export function buildEvaluation(doc: EvaluationDoc): Document {
  const { lang } = doc;
  const L = evaluationLabelsFor(lang);
  const groupLabel = doc.workingGroup
    ? `${doc.workingGroup.code} ${doc.workingGroup.name}`
    : undefined;
  const children: FileChild[] = [];
  const contents = new Contents();
  const heading1 = (text: string) => contents.heading1(text);
  const heading2 = (prefix: string, text: string) => contents.heading2(prefix, text);
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
        new TextRun({ text: ` ${fill(L.titleFor, { period: doc.period })}` }),
        ...(groupLabel
          ? [new TextRun({ text: fill(L.subtitleGroup, { group: groupLabel }), break: 1 })]
          : []),
      ],
    }),
  );

  children.push(labelParagraph(L.toc));
  const contentsAt = children.length;

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
  if (doc.vision) {
    children.push(labelParagraph(L.vision));
    children.push(...textParagraphs(doc.vision));
  }
  children.push(labelParagraph(L.method));
  children.push(...textParagraphs(doc.method?.trim() || L.methodDefault));

  // 2. Summary
  const o = doc.overall;
  children.push(heading1(L.summaryHeading));
  const activities = activitiesCount(o.total, L);
  let lead = doc.workingGroup
    ? fill(L.summaryLeadGroup, { group: doc.workingGroup.code, activities })
    : fill(L.summaryLead, { activities });
  if (o.counts.cancelled > 0) lead += fill(L.summaryCancelled, { cancelled: o.counts.cancelled });
  if (o.base > 0)
    lead += fill(L.summaryShares, {
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
  children.push(summaryTable([{ label: doc.scopeLabel, stats: o }, ...doc.summary], L));
  children.push(
    new Paragraph({
      style: STYLE.note,
      spacing: { before: 60 },
      children: [new TextRun(L.tableNote)],
    }),
  );
  children.push(...chartParagraphs(doc, L));

  // 3. Priority → measure → activity
  children.push(heading1(L.prioritiesHeading));
  if (doc.priorities.length === 0)
    children.push(new Paragraph({ children: [new TextRun(L.noActivities)] }));
  doc.priorities.forEach((p, i) => {
    children.push(
      heading2(
        `3.${i + 1}`,
        fill(L.itemHeading, { level: doc.levelNames[1], code: p.code, title: p.title }),
      ),
    );
    children.push(
      new Paragraph({
        style: STYLE.note,
        keepNext: true,
        children: [new TextRun(statsLine(p.stats, L))],
      }),
    );
    children.push(labelParagraph(L.assessment));
    const assessment = textParagraphs(p.assessment);
    children.push(
      ...(assessment.length > 0
        ? assessment
        : [new Paragraph({ style: STYLE.note, children: [new TextRun(L.noAssessment)] })]),
    );
    for (const m of p.measures) {
      children.push(
        new Paragraph({
          spacing: { before: 200, after: 80 },
          keepNext: true,
          children: [
            new TextRun({
              text: fill(L.itemHeading, { level: doc.levelNames[2], code: m.code, title: m.title }),
              bold: true,
              color: COLOR.accent,
            }),
          ],
        }),
      );
      children.push(activityTable(m.rows, L, lang));
      children.push(spacer());
    }
  });

  // 4. Finance by source
  children.push(heading1(L.financeHeading));
  if (doc.costsBySource.length === 0)
    children.push(new Paragraph({ children: [new TextRun(L.noCosts)] }));
  else {
    children.push(financeTable(doc.costsBySource, L, lang));
    children.push(
      new Paragraph({
        style: STYLE.note,
        spacing: { before: 60 },
        children: [new TextRun(L.financeNote)],
      }),
    );
  }

  // 5. The working groups' summaries and the steering group's comments
  children.push(heading1(doc.workingGroup ? L.groupHeadingOne : L.groupsHeading));
  children.push(
    heading2(
      L.groupSummariesHeading,
      doc.workingGroup ? L.groupSummaryTitle : L.groupSummariesTitle,
    ),
  );
  for (const s of doc.summaries) {
    if (!doc.workingGroup) children.push(labelParagraph(s.label));
    const text = textParagraphs(s.text);
    children.push(
      ...(text.length > 0
        ? text
        : [new Paragraph({ style: STYLE.note, children: [new TextRun(L.noGroupSummary)] })]),
    );
  }
  children.push(heading2(L.commentsHeading, L.commentsTitle));
  if (doc.comments.length === 0)
    children.push(new Paragraph({ style: STYLE.note, children: [new TextRun(L.noComments)] }));
  for (const c of doc.comments)
    children.push(
      new Paragraph({
        spacing: { after: 100 },
        children: [
          new TextRun({
            text: `${formatDate(c.date, lang)}, ${c.author}, ${aboutText(c, L)}: `,
            bold: true,
          }),
          ...runsWithBreaks(c.text),
        ],
      }),
    );

  // 6. Conclusions
  children.push(heading1(L.conclusionsHeading));
  const conclusions = textParagraphs(doc.conclusions);
  children.push(
    ...(conclusions.length > 0
      ? conclusions
      : [new Paragraph({ style: STYLE.note, children: [new TextRun(L.noConclusions)] })]),
  );

  // 7. Discussion and approval (filled in the app, or by hand on the dotted lines)
  children.push(heading1(L.approvalHeading));
  children.push(...approvalLines(doc, L));

  // 8. Annexes
  const annexes = [
    ...(doc.annexes.length > 0 ? doc.annexes : [fill(L.annexDefault, { period: doc.period })]),
    ...(doc.longTexts.length > 0 ? [L.annexCommentsListed] : []),
  ];
  children.push(heading1(L.annexesHeading));
  annexes.forEach((a, i) =>
    children.push(numberedLine(i + 1, a, { keepNext: i < annexes.length - 1 })),
  );
  if (doc.longTexts.length > 0) {
    children.push(contents.heading2('', L.annexComments, { pageBreakBefore: true }));
    for (const t of doc.longTexts) {
      children.push(labelParagraph(`${t.code} ${t.title}`));
      if (t.reason)
        children.push(
          new Paragraph({
            children: [
              new TextRun({ text: `${L.reason}: `, bold: true }),
              ...runsWithBreaks(t.reason),
            ],
          }),
        );
      if (t.comment) {
        children.push(
          new Paragraph({
            keepNext: true,
            children: [new TextRun({ text: `${L.comment}:`, bold: true })],
          }),
        );
        children.push(...textParagraphs(t.comment));
      }
    }
  }

  children.splice(contentsAt, 0, ...contents.paragraphs());

  return buildDocument({
    lang,
    title: `${L.title} ${fill(L.titleFor, { period: doc.period })}${groupLabel ? ` – ${doc.workingGroup!.code}` : ''}`,
    subject: doc.planName,
    project: doc.project,
    author: doc.organizationName,
    marker: doc.draft ? L.draftMarker : undefined,
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
