// A plain paragraph written straight to docx's XML objects (issue 12). docx builds a tree of
// component objects for every paragraph, run, property and attribute and walks it when it
// packs; for the bulk of the minutes (discussion text, table cells, resolutions) that tree was
// most of the export time. These paragraphs carry only what such text needs: a paragraph
// style, keep-with-next, alignment, and runs with a character style, a tab or a line break.
// Everything else about them is in the styles. The XML is the same docx writes for the
// equivalent Paragraph/TextRun; text is escaped by docx's serializer as usual.
import {
  Paragraph,
  TableCell,
  TableRow,
  XmlComponent,
  type IContext,
  type IXmlableObject,
} from 'docx';

export interface LightRun {
  text: string;
  /** Character style id (e.g. CHAR.strong). */
  style?: string;
  /** A direct colour, only where a style's would not hold (see minutes nameCell). */
  color?: string;
  /** A tab before the text. */
  tab?: boolean;
  /** A line break before the text. */
  break?: boolean;
}

export interface LightOptions {
  style?: string;
  /** Written as given; undefined leaves it to the style. */
  keepNext?: boolean;
  alignment?: 'center' | 'right';
}

const VAL = (v: string) => ({ _attr: { 'w:val': v } });
const PRESERVE = { _attr: { 'xml:space': 'preserve' } };

function runXml(run: LightRun): IXmlableObject {
  const parts: IXmlableObject[] = [];
  if (run.style || run.color) {
    const props: IXmlableObject[] = [];
    if (run.style) props.push({ 'w:rStyle': VAL(run.style) });
    if (run.color) props.push({ 'w:color': VAL(run.color) });
    parts.push({ 'w:rPr': props });
  }
  if (run.break) parts.push({ 'w:br': {} });
  if (run.tab) parts.push({ 'w:tab': {} });
  parts.push({ 'w:t': [PRESERVE, run.text] });
  return { 'w:r': parts };
}

export class LightParagraph extends Paragraph {
  private readonly light: LightOptions;
  private readonly runs: readonly LightRun[];

  constructor(options: LightOptions, runs: readonly LightRun[]) {
    super({});
    this.light = options;
    this.runs = runs;
  }

  override prepForXml(_context: IContext): IXmlableObject {
    const o = this.light;
    const props: IXmlableObject[] = [];
    if (o.style) props.push({ 'w:pStyle': VAL(o.style) });
    if (o.keepNext !== undefined) props.push({ 'w:keepNext': o.keepNext ? {} : VAL('false') });
    if (o.alignment) props.push({ 'w:jc': VAL(o.alignment) });
    const children: IXmlableObject[] = props.length ? [{ 'w:pPr': props }] : [];
    for (const r of this.runs) children.push(runXml(r));
    return { 'w:p': children.length ? children : {} };
  }
}

/** Runs for a string whose single newlines become line breaks. */
export function lightRuns(text: string, style?: string): LightRun[] {
  if (!text.includes('\n')) return [{ text, style }];
  return text.split('\n').map((line, i) => ({ text: line, style, break: i > 0 }));
}

/**
 * A body cell of a data table: its paragraphs, nothing else. Its width is the table grid's
 * column (a fixed-layout table with w:tblGrid needs no w:tcW per cell); top alignment and no
 * own borders or shading are the defaults. Header cells stay docx TableCells.
 */
export class LightCell extends TableCell {
  constructor(children: readonly Paragraph[]) {
    super({ children: [...children] });
  }

  override prepForXml(context: IContext): IXmlableObject {
    const children: IXmlableObject[] = [];
    for (const p of this.options.children) {
      const xml = p.prepForXml(context);
      if (xml) children.push(xml);
    }
    if (children.length === 0) children.push({ 'w:p': {} });
    return { 'w:tc': children };
  }
}

const CANT_SPLIT_ROW: IXmlableObject = { 'w:trPr': [{ 'w:cantSplit': {} }] };

/** A body row of a data table that never splits across pages: w:cantSplit and its cells. */
export class LightRow extends TableRow {
  constructor(cells: readonly LightCell[]) {
    super({ children: [...cells] });
  }

  override prepForXml(context: IContext): IXmlableObject {
    const children: IXmlableObject[] = [CANT_SPLIT_ROW];
    for (const cell of this.cells) {
      const xml = cell.prepForXml(context);
      if (xml) children.push(xml);
    }
    return { 'w:tr': children };
  }
}

/** A style given as its XML object, for styles docx has no options for (table styles). */
export class RawStyle extends XmlComponent {
  constructor(private readonly xml: IXmlableObject) {
    super('w:style');
  }

  override prepForXml(_context: IContext): IXmlableObject {
    return this.xml;
  }
}
