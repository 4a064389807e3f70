// Page layout, styles and building blocks shared by the three documents: A4 portrait with
// 2.5 cm margins, Arial 11 pt, styles declared once, thin grey tables with a repeating
// shaded header row, project block in the page header and "Strana X z Y" in the footer.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  HeightRule,
  ImageRun,
  LevelFormat,
  LineRuleType,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type FileChild,
  type IBorderOptions,
  type IStylesOptions,
  type ParagraphChild,
} from 'docx';
import { labelsFor } from './labels';
import { LightCell, LightParagraph, LightRow, RawStyle, lightRuns } from './light';
import type { Lang, ProjectBlock } from './model';
import { quote } from './format';

/** Twips (1/20 pt). A4 = 210 × 297 mm; 2.5 cm margins. */
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: 1418,
  headerDistance: 709,
  footerDistance: 567,
} as const;
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin; // 9070 twips = 16 cm
/** Where values start on "Label:  value" lines (5 cm). */
export const FIELD_TAB = 2835;
/** Hanging indent of numbered lines. */
export const LIST_TAB = 454;

export const COLOR = {
  accent: '1F3A5F',
  text: '1A1A1A',
  muted: '595959',
  rule: 'BFC8D6',
  border: 'A6A6A6',
  headerFill: 'E6EBF1',
  boxFill: 'F3F6FA',
  marker: 'B42318',
} as const;

export const FONT = 'Arial';

export const STYLE = {
  subtitle: 'Subtitle',
  small: 'Small',
  tableText: 'TableText',
  tableHeading: 'TableHeading',
  field: 'Field',
  listItem: 'ListItem',
  note: 'Note',
  marker: 'Marker',
  spacer: 'Spacer',
  signature: 'SignatureLine',
  orgLine: 'OrgLine',
  /** A resolution: shaded paragraphs with an accent bar (paragraph borders, not a table). */
  resolution: 'Resolution',
  resolutionVote: 'ResolutionVote',
  resolutionRule: 'ResolutionRule',
} as const;

/** Character styles: one `w:rStyle` instead of repeating bold/colour on every run. */
export const CHAR = {
  strong: 'Strong',
  rejected: 'Rejected',
  emphasis: 'Emphasis',
  muted: 'Muted',
} as const;

/** Indent of a resolution's text, as the old box's cell margin; the bar sits 6 pt left of it. */
const RESOLUTION_INDENT = 200;

export function langTag(lang: Lang): string {
  return lang === 'cs' ? 'cs-CZ' : 'en-GB';
}

export function documentStyles(lang: Lang): IStylesOptions {
  const language = { value: langTag(lang) };
  return {
    default: {
      document: {
        run: { font: FONT, size: 22, color: COLOR.text, language },
        // lineRule auto: without it LibreOffice reads `line` as an exact height and clips pictures.
        paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } },
      },
      title: {
        run: { font: FONT, size: 36, bold: true, color: COLOR.accent, characterSpacing: 10 },
        paragraph: { spacing: { before: 120, after: 40 }, keepNext: true },
      },
      heading1: {
        run: { font: FONT, size: 24, bold: true, color: COLOR.accent },
        paragraph: {
          spacing: { before: 300, after: 120 },
          keepNext: true,
          keepLines: true,
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: COLOR.rule, space: 2 } },
        },
      },
      heading2: {
        run: { font: FONT, size: 22, bold: true, color: COLOR.accent },
        paragraph: {
          spacing: { before: 240, after: 80 },
          keepNext: true,
          keepLines: true,
          indent: { left: 850, hanging: 850 },
          leftTabStop: 850,
        },
      },
    },
    paragraphStyles: [
      {
        id: STYLE.subtitle,
        name: 'Subtitle',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: 24, color: COLOR.text },
        paragraph: { spacing: { after: 280 }, keepNext: true },
      },
      {
        id: STYLE.orgLine,
        name: 'Organization line',
        basedOn: 'Normal',
        run: { size: 20, bold: true, color: COLOR.muted, allCaps: true, characterSpacing: 20 },
        paragraph: { spacing: { after: 60 }, keepNext: true },
      },
      {
        id: STYLE.small,
        name: 'Small',
        basedOn: 'Normal',
        run: { size: 16, color: COLOR.muted },
        paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } },
      },
      {
        id: STYLE.tableText,
        name: 'Table Text',
        basedOn: 'Normal',
        run: { size: 20 },
        paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
      },
      {
        id: STYLE.tableHeading,
        name: 'Table Heading',
        basedOn: STYLE.tableText,
        run: { size: 19, bold: true, color: COLOR.accent },
        paragraph: { keepNext: true },
      },
      {
        id: STYLE.field,
        name: 'Field Line',
        basedOn: 'Normal',
        paragraph: {
          spacing: { after: 60 },
          indent: { left: FIELD_TAB, hanging: FIELD_TAB },
          leftTabStop: FIELD_TAB,
        },
      },
      {
        id: STYLE.listItem,
        name: 'Numbered Line',
        basedOn: 'Normal',
        paragraph: {
          spacing: { after: 60 },
          indent: { left: LIST_TAB, hanging: LIST_TAB },
          leftTabStop: LIST_TAB,
        },
      },
      {
        id: STYLE.note,
        name: 'Note',
        basedOn: 'Normal',
        run: { size: 19, italics: true, color: COLOR.muted },
        paragraph: { spacing: { after: 80 } },
      },
      {
        id: STYLE.marker,
        name: 'Draft Marker',
        basedOn: 'Normal',
        run: { size: 18, bold: true, color: COLOR.marker, characterSpacing: 30 },
        paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 0 } },
      },
      {
        id: STYLE.spacer,
        name: 'Spacer',
        basedOn: 'Normal',
        run: { size: 8 },
        paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
      },
      {
        // A resolution reads as a shaded box with an accent bar on the left, as the one-cell
        // table did, but from paragraph borders and shading declared once here (issue 12:
        // the tables made the minutes several times slower to write). Consecutive paragraphs
        // with the same border join into one box in Word and LibreOffice.
        id: STYLE.resolution,
        name: 'Resolution',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: 20 },
        paragraph: {
          spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
          indent: { left: RESOLUTION_INDENT, right: RESOLUTION_INDENT },
          keepNext: true,
          keepLines: true,
          // Top, bottom and right borders in the fill colour are the box's padding: the
          // shading reaches the borders, and a joined box draws top and bottom only once.
          border: {
            left: { style: BorderStyle.SINGLE, size: 24, color: COLOR.accent, space: 6 },
            top: { style: BorderStyle.SINGLE, size: 4, color: COLOR.boxFill, space: 4 },
            bottom: { style: BorderStyle.SINGLE, size: 4, color: COLOR.boxFill, space: 4 },
            right: { style: BorderStyle.SINGLE, size: 4, color: COLOR.boxFill, space: 8 },
          },
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: COLOR.boxFill },
        },
      },
      {
        id: STYLE.resolutionVote,
        name: 'Resolution Vote',
        basedOn: STYLE.resolution,
        next: STYLE.resolutionRule,
        paragraph: { spacing: { before: 60 } },
      },
      {
        id: STYLE.resolutionRule,
        name: 'Resolution Rule',
        basedOn: STYLE.resolution,
        run: { size: 18, italics: true, color: COLOR.muted },
      },
      {
        id: STYLE.signature,
        name: 'Signature Line',
        basedOn: 'Normal',
        run: { size: 16, color: COLOR.muted },
        paragraph: {
          spacing: { before: 720, after: 0 },
          indent: { right: 1134 },
          alignment: AlignmentType.CENTER,
          border: { top: { style: BorderStyle.DOTTED, size: 6, color: COLOR.muted, space: 2 } },
        },
      },
    ],
    characterStyles: [
      { id: CHAR.strong, name: 'Strong', basedOn: 'DefaultParagraphFont', run: { bold: true } },
      {
        id: CHAR.emphasis,
        name: 'Emphasis',
        basedOn: 'DefaultParagraphFont',
        run: { italics: true },
      },
      {
        id: CHAR.muted,
        name: 'Muted',
        basedOn: 'DefaultParagraphFont',
        run: { color: COLOR.muted },
      },
      {
        id: CHAR.rejected,
        name: 'Rejected',
        basedOn: CHAR.strong,
        run: { bold: true, color: COLOR.marker },
      },
    ],
  };
}

/** Table style of data tables (dataTable). */
export const TABLE_STYLE = 'DataTable';

/**
 * The table style of data tables carries the Table Text paragraph look (no spacing, single
 * lines, 10 pt), so a body cell's paragraphs need no w:pStyle of their own (issue 12: one per
 * cell was a fifth of the minutes' document.xml). Normal is empty, so nothing between the
 * document defaults and a cell's paragraph overrides it.
 */
export function dataTableStyle(): RawStyle {
  const val = (v: string) => ({ _attr: { 'w:val': v } });
  return new RawStyle({
    'w:style': [
      { _attr: { 'w:type': 'table', 'w:styleId': TABLE_STYLE } },
      { 'w:name': val('Data Table') },
      { 'w:basedOn': val('TableNormal') },
      {
        'w:pPr': [
          {
            'w:spacing': {
              _attr: { 'w:before': 0, 'w:after': 0, 'w:line': 240, 'w:lineRule': 'auto' },
            },
          },
        ],
      },
      { 'w:rPr': [{ 'w:sz': val('20') }, { 'w:szCs': val('20') }] },
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// Header and footer

const MAX_LOGO_WIDTH_PX = Math.floor((TEXT_WIDTH / 1440) * 96); // page text width at 96 dpi
const MAX_LOGO_HEIGHT_PX = 48; // ~1.3 cm

export function logoSize(widthPx: number, heightPx: number): { width: number; height: number } {
  if (widthPx <= 0 || heightPx <= 0)
    return { width: MAX_LOGO_HEIGHT_PX, height: MAX_LOGO_HEIGHT_PX };
  const scale = Math.min(MAX_LOGO_WIDTH_PX / widthPx, MAX_LOGO_HEIGHT_PX / heightPx);
  return { width: Math.round(widthPx * scale), height: Math.round(heightPx * scale) };
}

function hasProject(p: ProjectBlock | undefined): p is ProjectBlock {
  return !!p && !!(p.logo || p.projectName || p.registrationNumber || p.funderLine || p.recipient);
}

/** The red marker of a draft ("KONCEPT"), printed in the header of every page. */
function markerParagraph(text: string): Paragraph {
  return new Paragraph({ style: STYLE.marker, children: [new TextRun(text)] });
}

export function projectHeader(
  project: ProjectBlock | undefined,
  lang: Lang,
  marker?: string,
): Header | undefined {
  if (!hasProject(project))
    return marker ? new Header({ children: [markerParagraph(marker)] }) : undefined;
  const L = labelsFor(lang);
  const children: Paragraph[] = marker ? [markerParagraph(marker)] : [];
  if (project.logo) {
    const size = logoSize(project.logo.widthPx, project.logo.heightPx);
    const alt = project.logo.altText ?? project.funderLine ?? project.projectName ?? 'logo';
    children.push(
      new Paragraph({
        // A picture's line grows with it: never an exact line height here.
        spacing: { after: 60, line: 240, lineRule: LineRuleType.AUTO },
        children: [
          new ImageRun({
            type: project.logo.type,
            data: project.logo.bytes,
            transformation: size,
            altText: { name: 'logo', title: alt, description: alt },
          }),
        ],
      }),
    );
  }
  const parts: string[] = [];
  if (project.recipient) parts.push(project.recipient);
  if (project.projectName) parts.push(`${L.project} ${quote(project.projectName, lang)}`);
  const line1 = parts.join(` ${L.dash} `);
  const line2 = project.registrationNumber
    ? `${L.registrationNo} ${project.registrationNumber}`
    : '';
  const textLines = [
    line1 && line2 ? `${line1}, ${line2}` : line1 || line2,
    project.funderLine ?? '',
  ].filter((s) => s.length > 0);
  textLines.forEach((text, i) => {
    const last = i === textLines.length - 1;
    children.push(
      new Paragraph({
        style: STYLE.small,
        spacing: last ? { after: 280 } : undefined,
        border: last
          ? { bottom: { style: BorderStyle.SINGLE, size: 4, color: COLOR.rule, space: 4 } }
          : undefined,
        children: [new TextRun(text)],
      }),
    );
  });
  if (textLines.length === 0) {
    children.push(
      new Paragraph({
        style: STYLE.small,
        spacing: { after: 280 },
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: COLOR.rule, space: 4 } },
      }),
    );
  }
  return new Header({ children });
}

/** "Zápis č. 3/2026 · PS1 ........ Strana 1 z 3" */
export function pageFooter(leftText: string, lang: Lang): Footer {
  const [page, of] = labelsFor(lang).pageOf;
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.small,
        border: { top: { style: BorderStyle.SINGLE, size: 4, color: COLOR.rule, space: 4 } },
        tabStops: [{ type: 'right', position: TEXT_WIDTH }],
        children: [
          new TextRun(leftText),
          new TextRun({
            children: [new Tab(), page ?? '', PageNumber.CURRENT, of ?? '', PageNumber.TOTAL_PAGES],
          }),
        ],
      }),
    ],
  });
}

export interface DocumentShell {
  lang: Lang;
  title: string;
  subject?: string;
  project?: ProjectBlock;
  footerText: string;
  children: FileChild[];
  /** Document author (the organization); "Triáda" when unknown. */
  author?: string;
  /** Printed in the header of every page, e.g. "KONCEPT" on a draft. */
  marker?: string;
}

/** What packDocx writes into docProps/core.xml (with the language, which docx has no option for). */
export interface CoreProps {
  title: string;
  subject?: string;
  creator: string;
  language: string;
}

/** The core properties of each built document, for packDocx. */
export const DOCUMENT_CORE = new WeakMap<Document, CoreProps>();

export const LIST = { decimal: 'triada-decimal', bullet: 'triada-bullet' } as const;

const listIndent = { indent: { left: LIST_TAB, hanging: LIST_TAB } };

export function buildDocument(shell: DocumentShell): Document {
  const header = projectHeader(shell.project, shell.lang, shell.marker);
  const author = shell.author?.trim() || 'Triáda';
  const doc = new Document({
    creator: author,
    lastModifiedBy: author,
    title: shell.title,
    subject: shell.subject,
    description: shell.subject,
    styles: documentStyles(shell.lang),
    numbering: {
      config: [
        {
          reference: LIST.decimal,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.LEFT,
              style: { paragraph: listIndent },
            },
          ],
        },
        {
          reference: LIST.bullet,
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '\u2022',
              alignment: AlignmentType.LEFT,
              style: { paragraph: listIndent },
            },
          ],
        },
      ],
    },
    features: { updateFields: false },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.margin,
              bottom: PAGE.margin,
              left: PAGE.margin,
              right: PAGE.margin,
              header: PAGE.headerDistance,
              footer: PAGE.footerDistance,
            },
          },
        },
        headers: header ? { default: header } : undefined,
        footers: { default: pageFooter(shell.footerText, shell.lang) },
        children: shell.children,
      },
    ],
  });
  // docx has no options for a table style; added after the defaults (importedStyles would
  // take their place).
  doc.Styles.addChildElement(dataTableStyle());
  DOCUMENT_CORE.set(doc, {
    title: shell.title,
    subject: shell.subject,
    creator: author,
    language: langTag(shell.lang),
  });
  return doc;
}

// ---------------------------------------------------------------------------------------------
// Paragraph helpers

/** Text runs for a string whose single newlines become line breaks. */
export function runsWithBreaks(
  text: string,
  opts: { bold?: boolean; italics?: boolean; color?: string } = {},
): TextRun[] {
  if (!text.includes('\n')) return [new TextRun({ text, ...opts })];
  return text
    .split('\n')
    .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...opts }));
}

/** A bold run through the Strong character style. */
export function strong(text: string): TextRun {
  return new TextRun({ text, style: CHAR.strong });
}

/** Plain text → paragraphs: a blank line separates paragraphs, a single newline breaks the line. */
export function textParagraphs(text: string | undefined, style?: string): Paragraph[] {
  if (!text) return [];
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => new LightParagraph({ style }, lightRuns(p)));
}

export type Inline = string | ParagraphChild[];

function inline(value: Inline): ParagraphChild[] {
  return typeof value === 'string' ? runsWithBreaks(value) : value;
}

/**
 * "Label:<tab>value" with the value column aligned at FIELD_TAB (or `tab`) and wrapped lines
 * under it; `runIn`: "Label: value" for a label longer than the column (it ran into its value).
 */
export function fieldLine(
  label: string,
  value: Inline,
  opts: { keepNext?: boolean; tab?: number; runIn?: boolean } = {},
): Paragraph {
  if (opts.runIn)
    return new Paragraph({
      style: STYLE.field,
      keepNext: opts.keepNext,
      children: [strong(`${label}:`), new TextRun(' '), ...inline(value)],
    });
  const custom = opts.tab
    ? {
        indent: { left: opts.tab, hanging: opts.tab },
        tabStops: [{ type: 'left' as const, position: opts.tab }],
      }
    : {};
  // One run for the tab and a one-line value; several runs otherwise.
  const rest =
    typeof value === 'string' && !value.includes('\n')
      ? [new TextRun({ children: [new Tab(), value] })]
      : [new TextRun({ children: [new Tab()] }), ...inline(value)];
  return new Paragraph({
    style: STYLE.field,
    keepNext: opts.keepNext,
    ...custom,
    children: [strong(`${label}:`), ...rest],
  });
}

/** "1.<tab>text" with a hanging indent. */
export function numberedLine(
  number: string | number,
  value: Inline,
  opts: { keepNext?: boolean } = {},
): Paragraph {
  const n = typeof number === 'number' ? `${number}.` : number;
  return new Paragraph({
    style: STYLE.listItem,
    keepNext: opts.keepNext,
    children: [new TextRun({ text: n }), new TextRun({ children: [new Tab()] }), ...inline(value)],
  });
}

let listInstance = 0;

/**
 * A list with real Word numbering (1., 2., … or bullets), so an edited document renumbers
 * itself. Every call starts a new list. Lines keep with the next only when `keepTogether`.
 */
export function numberedList(
  items: Inline[],
  opts: { bullet?: boolean; keepTogether?: boolean; keepLastWithNext?: boolean } = {},
): Paragraph[] {
  listInstance += 1;
  const instance = listInstance;
  return items.map(
    (value, i) =>
      new Paragraph({
        style: STYLE.listItem,
        numbering: {
          reference: opts.bullet ? LIST.bullet : LIST.decimal,
          level: 0,
          instance,
          custom: true,
        },
        keepNext:
          (opts.keepTogether && i < items.length - 1) ||
          (opts.keepLastWithNext && i === items.length - 1) ||
          undefined,
        children: inline(value),
      }),
  );
}

export function heading1(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text)] });
}

export function heading2(prefix: string, text: string): Paragraph {
  // The style docx gives HeadingLevel.HEADING_2; written light, it is one per agenda item.
  return new LightParagraph({ style: 'Heading2' }, [{ text: prefix }, { text, tab: true }]);
}

export function titleParagraph(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(text)] });
}

/** A tiny paragraph between two tables, which would otherwise merge into one. */
export function spacer(): Paragraph {
  return new Paragraph({ style: STYLE.spacer, children: [] });
}

// ---------------------------------------------------------------------------------------------
// Tables

const thin: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: COLOR.border };
const none: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

export interface Column {
  header: string;
  /** Twips; the widths of a table add up to TEXT_WIDTH. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export type Cell = string | Paragraph[];

function alignment(a: Column['align']): (typeof AlignmentType)[keyof typeof AlignmentType] {
  return a === 'center'
    ? AlignmentType.CENTER
    : a === 'right'
      ? AlignmentType.RIGHT
      : AlignmentType.LEFT;
}

function cellParagraphs(content: Cell, col: Column): Paragraph[] {
  if (typeof content !== 'string')
    return content.length > 0 ? content : [new LightParagraph({}, [])];
  // Left is the default: no w:jc for it. The look of Table Text comes from the table style.
  const align = col.align && col.align !== 'left' ? col.align : undefined;
  return [new LightParagraph({ alignment: align }, lightRuns(content))];
}

export interface DataTableOptions {
  /** Minimum row height in twips (e.g. 567 = 1 cm for signatures). */
  rowHeight?: number;
  /** Vertical alignment of body cells; default top. */
  verticalAlign?: 'top' | 'center';
}

/** A full-width table with thin grey borders and a shaded header row that repeats on every page. */
export function dataTable(columns: Column[], rows: Cell[][], opts: DataTableOptions = {}): Table {
  const widths = columns.map((c) => c.width);
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map(
      (c) =>
        new TableCell({
          width: { size: c.width, type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: COLOR.headerFill },
          verticalAlign: VerticalAlignTable.CENTER,
          children: [
            new Paragraph({
              style: STYLE.tableHeading,
              alignment: alignment(c.align),
              children: [new TextRun(c.header)],
            }),
          ],
        }),
    ),
  });
  const bodyRows = rows.map((row) =>
    opts.verticalAlign === 'center' || opts.rowHeight
      ? new TableRow({
          cantSplit: true,
          height: opts.rowHeight ? { value: opts.rowHeight, rule: HeightRule.ATLEAST } : undefined,
          children: columns.map(
            (c, i) =>
              new TableCell({
                width: { size: c.width, type: WidthType.DXA },
                verticalAlign:
                  opts.verticalAlign === 'center' ? VerticalAlignTable.CENTER : undefined,
                children: cellParagraphs(row[i] ?? '', c),
              }),
          ),
        })
      : new LightRow(columns.map((c, i) => new LightCell(cellParagraphs(row[i] ?? '', c)))),
  );
  return new Table({
    style: TABLE_STYLE,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: thin,
      bottom: thin,
      left: thin,
      right: thin,
      insideHorizontal: thin,
      insideVertical: thin,
    },
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    rows: [headerRow, ...bodyRows],
  });
}

/** A shaded box with an accent bar on the left (the invitation's when/where). */
export function box(children: Paragraph[]): Table {
  const bar: IBorderOptions = { style: BorderStyle.SINGLE, size: 24, color: COLOR.accent };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [TEXT_WIDTH],
    layout: TableLayoutType.FIXED,
    borders: {
      top: none,
      bottom: none,
      right: none,
      left: bar,
      insideHorizontal: none,
      insideVertical: none,
    },
    margins: { top: 80, bottom: 80, left: 200, right: 160 },
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            width: { size: TEXT_WIDTH, type: WidthType.DXA },
            shading: { type: ShadingType.CLEAR, color: 'auto', fill: COLOR.boxFill },
            borders: { top: none, bottom: none, right: none, left: bar },
            children,
          }),
        ],
      }),
    ],
  });
}

export interface SignatureSlot {
  /** "Zapsal/a" */
  label: string;
  name?: string;
  /** Already formatted date, or undefined for a blank to fill in by hand. */
  date?: string;
  /** Second line under the name, e.g. a function. */
  role?: string;
}

/** Side-by-side signature slots: "Zapsal/a: name", "dne …", and a dotted line captioned "podpis". */
export function signatureBlock(slots: SignatureSlot[], lang: Lang): Table {
  const L = labelsFor(lang);
  const width = Math.floor(TEXT_WIDTH / Math.max(1, slots.length));
  const widths = slots.map((_, i) =>
    i === slots.length - 1 ? TEXT_WIDTH - width * (slots.length - 1) : width,
  );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: none,
      bottom: none,
      left: none,
      right: none,
      insideHorizontal: none,
      insideVertical: none,
    },
    margins: { top: 0, bottom: 0, left: 0, right: 200 },
    rows: [
      new TableRow({
        cantSplit: true,
        children: slots.map(
          (s, i) =>
            new TableCell({
              width: { size: widths[i] ?? width, type: WidthType.DXA },
              children: [
                new Paragraph({
                  spacing: { after: 40 },
                  keepNext: true,
                  children: [
                    new TextRun({ text: `${s.label}: `, bold: true }),
                    new TextRun(s.name ?? '……………………………'),
                  ],
                }),
                ...(s.role
                  ? [
                      new Paragraph({
                        style: STYLE.small,
                        keepNext: true,
                        children: [new TextRun(s.role)],
                      }),
                    ]
                  : []),
                new Paragraph({
                  spacing: { after: 0 },
                  keepNext: true,
                  children: [new TextRun(`${L.on} ${s.date ?? '……………………'}`)],
                }),
                new Paragraph({ style: STYLE.signature, children: [new TextRun(L.signature)] }),
              ],
            }),
        ),
      }),
    ],
  });
}
