// Importing a plan structure a town already keeps in a spreadsheet (CSV or XLSX). The rows
// arrive as strings (the renderer reads the file), the header names the columns in Czech or
// English, and every bad row is reported with its number (the header is row 1) and what is
// wrong. Nothing is imported unless every row is valid.
import type { FundingSource, PlanItemInput, PlanLevel, ServiceType } from './model';
import { FUNDING_SOURCES, SERVICE_TYPES, planItemInput } from './model';
import { fold } from '../domain/fold';
import { levelOfCode, parentCode } from './numbering';

export type ImportColumn =
  | 'code'
  | 'level'
  | 'title'
  | 'description'
  | 'need'
  | 'targetGroups'
  | 'serviceType'
  | 'implementers'
  | 'partners'
  | 'territory'
  | 'schedule'
  | 'cost'
  | 'source'
  | 'indicator'
  | 'unit'
  | 'target'
  | 'risks'
  | 'workingGroup';

/** Header spellings (lower case, no diacritics) → column. */
const HEADERS: Record<string, ImportColumn> = {
  kod: 'code',
  cislo: 'code',
  code: 'code',
  uroven: 'level',
  typ: 'level',
  level: 'level',
  nazev: 'title',
  'nazev aktivity': 'title',
  title: 'title',
  name: 'title',
  popis: 'description',
  description: 'description',
  potreba: 'need',
  zduvodneni: 'need',
  'vazba na potreby': 'need',
  need: 'need',
  'cilova skupina': 'targetGroups',
  'cilove skupiny': 'targetGroups',
  'target groups': 'targetGroups',
  'target group': 'targetGroups',
  'druh sluzby': 'serviceType',
  'service type': 'serviceType',
  realizator: 'implementers',
  realizatori: 'implementers',
  implementer: 'implementers',
  implementers: 'implementers',
  partneri: 'partners',
  partners: 'partners',
  uzemi: 'territory',
  'uzemni pusobnost': 'territory',
  territory: 'territory',
  termin: 'schedule',
  harmonogram: 'schedule',
  'termin realizace': 'schedule',
  schedule: 'schedule',
  naklady: 'cost',
  'predpokladane naklady': 'cost',
  'naklady (kc/rok)': 'cost',
  'naklady kc/rok': 'cost',
  cost: 'cost',
  costs: 'cost',
  zdroj: 'source',
  'zdroj financovani': 'source',
  'zdroje financovani': 'source',
  source: 'source',
  funding: 'source',
  indikator: 'indicator',
  indicator: 'indicator',
  jednotka: 'unit',
  unit: 'unit',
  'cilova hodnota': 'target',
  cil: 'target',
  target: 'target',
  rizika: 'risks',
  risks: 'risks',
  'pracovni skupina': 'workingGroup',
  ps: 'workingGroup',
  'working group': 'workingGroup',
};

const LEVEL_WORDS: Record<string, PlanLevel> = {
  '1': 1,
  priorita: 1,
  cil: 1,
  priority: 1,
  goal: 1,
  '2': 2,
  opatreni: 2,
  measure: 2,
  '3': 3,
  aktivita: 3,
  activity: 3,
};

const SOURCE_WORDS: [RegExp, FundingSource][] = [
  [/mpsv|dotace.*kraj|sit/, 'mpsv'],
  [/irop/, 'irop'],
  [/esf|opz|zamestnanost/, 'esf'],
  [/kraj|region/, 'region'],
  [/obec|obci|mesto|mesta|rozpocet|municipal/, 'municipality'],
  [/uhrad|uzivatel|user/, 'users'],
  [/nadac|foundation/, 'foundation'],
  [/jine|ostatni|other/, 'other'],
];

export interface ImportError {
  /** Row number in the file; the header is row 1. */
  row: number;
  /** An i18n key (plan.importErrors.*) and its parameters. */
  key: string;
  params?: Record<string, string | number>;
}

export interface ImportedItem {
  row: number;
  /** Code from the file or a generated key; children point at it. */
  key: string;
  parentKey?: string;
  level: PlanLevel;
  /** The code written in the file, if any. */
  fileCode?: string;
  card: PlanItemInput;
  implementerNames: string[];
  partnerNames: string[];
  workingGroupCode?: string;
}

export interface ImportContext {
  /** Working groups known by their code (PS1, PS2…). */
  workingGroups: { id: string; code: string }[];
  periodFrom: number;
  periodTo: number;
}

export interface ImportResult {
  items: ImportedItem[];
  errors: ImportError[];
  /** Columns the header did not recognise (ignored). */
  ignoredColumns: string[];
}

function splitList(s: string): string[] {
  return s
    .split(/[;\n|]/)
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
}

/** "1 200 000", "1 200 000 Kč", "1200000,50", "1,2 mil." → number; '' → undefined; junk → NaN. */
export function parseCzechNumber(raw: string): number | undefined {
  const s = fold(raw).replace(/\u00a0/g, ' ');
  if (!s) return undefined;
  const m = /^(-?[\d ]+(?:[.,]\d+)?)\s*(mil\.?|tis\.?)?\s*(kc|czk)?\s*(\/\s*rok)?$/.exec(s);
  if (!m) return Number.NaN;
  const n = Number(m[1]!.replace(/ /g, '').replace(',', '.'));
  const scale = m[2]?.startsWith('mil') ? 1_000_000 : m[2]?.startsWith('tis') ? 1000 : 1;
  return Math.round(n * scale * 100) / 100;
}

function parseSchedule(raw: string): { from: number; to: number } | undefined | 'bad' {
  const s = raw.trim();
  if (!s) return undefined;
  const m = /^(\d{4})\s*(?:[-–—]|až|to)?\s*(\d{4})?$/.exec(s);
  if (!m) return 'bad';
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  return to >= from ? { from, to } : 'bad';
}

function parseServiceType(raw: string): ServiceType | undefined | 'bad' {
  const s = fold(raw);
  if (!s) return undefined;
  const m = /§?\s*(\d+a?)/.exec(s);
  if (m) {
    const key = `s${m[1]}` as ServiceType;
    return SERVICE_TYPES.includes(key) ? key : 'bad';
  }
  if (/navazn|souvisej|related/.test(s)) return 'related';
  return 'bad';
}

function parseSource(raw: string): FundingSource | undefined | 'bad' {
  const s = fold(raw);
  if (!s) return undefined;
  if ((FUNDING_SOURCES as readonly string[]).includes(s)) return s as FundingSource;
  for (const [re, src] of SOURCE_WORDS) if (re.test(s)) return src;
  return 'bad';
}

/** Validates all rows; `items` is meaningful only when `errors` is empty. */
export function parseStructureRows(
  rows: readonly (readonly string[])[],
  ctx: ImportContext,
): ImportResult {
  const errors: ImportError[] = [];
  const items: ImportedItem[] = [];
  const [header, ...data] = rows;
  if (!header || header.every((h) => !h.trim()))
    return { items, errors: [{ row: 1, key: 'plan.importErrors.noHeader' }], ignoredColumns: [] };
  const columns = new Map<ImportColumn, number>();
  const ignoredColumns: string[] = [];
  header.forEach((h, i) => {
    const col = HEADERS[fold(h)];
    if (col && !columns.has(col)) columns.set(col, i);
    else if (h.trim()) ignoredColumns.push(h.trim());
  });
  if (!columns.has('title')) errors.push({ row: 1, key: 'plan.importErrors.noTitleColumn' });
  if (!columns.has('code') && !columns.has('level'))
    errors.push({ row: 1, key: 'plan.importErrors.noCodeColumn' });
  if (errors.length > 0) return { items, errors, ignoredColumns };
  if (data.length === 0)
    return { items, errors: [{ row: 2, key: 'plan.importErrors.empty' }], ignoredColumns };

  const cell = (row: readonly string[], col: ImportColumn) => {
    const i = columns.get(col);
    return i === undefined ? '' : (row[i] ?? '').toString().trim();
  };
  const byKey = new Map<string, ImportedItem>();
  const seenCodes = new Set<string>();
  const lastOfLevel: (ImportedItem | undefined)[] = [];
  const groupCodes = new Map(ctx.workingGroups.map((g) => [fold(g.code), g.code]));

  data.forEach((row, index) => {
    const rowNo = index + 2;
    if (row.every((c) => !c.toString().trim())) return;
    const rowErrors: ImportError[] = [];
    const fail = (key: string, params?: Record<string, string | number>) =>
      rowErrors.push(params ? { row: rowNo, key, params } : { row: rowNo, key });

    const filled = row.reduce((n, c, i) => (c.toString().trim() ? i + 1 : n), 0);
    if (filled > header.length) {
      fail('plan.importErrors.tooManyCells', { count: filled, expected: header.length });
      errors.push(...rowErrors);
      return;
    }
    const code = cell(row, 'code');
    const levelRaw = cell(row, 'level');
    const title = cell(row, 'title');
    let level: PlanLevel | undefined;
    const codeLevel = code ? levelOfCode(code) : undefined;
    if (levelRaw) {
      level = LEVEL_WORDS[fold(levelRaw)];
      if (!level) fail('plan.importErrors.badLevel', { value: levelRaw });
    }
    if (code && !codeLevel) {
      if (!level) fail('plan.importErrors.badCode', { value: code });
    } else if (codeLevel && level && codeLevel !== level) {
      fail('plan.importErrors.levelMismatch', { code, level: levelRaw });
    }
    level ??= codeLevel;
    if (!level && !levelRaw && !code) fail('plan.importErrors.noCode');
    if (!title) fail('plan.importErrors.noTitle');
    else if (title.length > 400) fail('plan.importErrors.titleTooLong');
    if (code && seenCodes.has(code)) fail('plan.importErrors.duplicateCode', { code });
    if (code) seenCodes.add(code);

    let parentKey: string | undefined;
    if (level && level > 1) {
      const wanted = codeLevel === level ? parentCode(code) : undefined;
      const parent = wanted !== undefined ? byKey.get(wanted) : lastOfLevel[level - 1];
      if (!parent || parent.level !== level - 1) {
        fail(
          wanted !== undefined ? 'plan.importErrors.noParent' : 'plan.importErrors.noParentAbove',
          { code: wanted ?? '' },
        );
      } else parentKey = parent.key;
    }

    const card: PlanItemInput = { title };
    const description = cell(row, 'description');
    if (description) card.description = description;
    const need = cell(row, 'need');
    if (need) card.need = need;
    const targetGroups = splitList(cell(row, 'targetGroups'));
    if (targetGroups.length) card.targetGroups = targetGroups;
    const territory = cell(row, 'territory');
    if (territory) card.territory = territory;
    const risks = cell(row, 'risks');
    if (risks) card.risks = risks;

    const service = parseServiceType(cell(row, 'serviceType'));
    if (service === 'bad')
      fail('plan.importErrors.badServiceType', { value: cell(row, 'serviceType') });
    else if (service) card.serviceType = service;

    const schedule = parseSchedule(cell(row, 'schedule'));
    if (schedule === 'bad') fail('plan.importErrors.badSchedule', { value: cell(row, 'schedule') });
    else if (schedule) {
      card.scheduleFrom = schedule.from;
      card.scheduleTo = schedule.to;
    }

    const cost = parseCzechNumber(cell(row, 'cost'));
    const source = parseSource(cell(row, 'source'));
    if (cost !== undefined && (Number.isNaN(cost) || cost < 0))
      fail('plan.importErrors.badCost', { value: cell(row, 'cost') });
    if (source === 'bad') fail('plan.importErrors.badSource', { value: cell(row, 'source') });
    if (cost !== undefined && !Number.isNaN(cost) && cost >= 0) {
      const from = schedule && schedule !== 'bad' ? schedule.from : ctx.periodFrom;
      const to = schedule && schedule !== 'bad' ? schedule.to : ctx.periodTo;
      const src: FundingSource = source && source !== 'bad' ? source : 'other';
      card.costs = [];
      for (let y = from; y <= to; y++) card.costs.push({ year: y, source: src, amount: cost });
    }

    const indicator = cell(row, 'indicator');
    const targetRaw = cell(row, 'target');
    const target = parseCzechNumber(targetRaw);
    if (target !== undefined && Number.isNaN(target))
      fail('plan.importErrors.badTarget', { value: targetRaw });
    if (indicator) {
      const ind: NonNullable<PlanItemInput['indicators']>[number] = {
        id: `i${rowNo}`,
        name: indicator,
      };
      const unit = cell(row, 'unit');
      if (unit) ind.unit = unit;
      if (target !== undefined && !Number.isNaN(target)) ind.target = target;
      card.indicators = [ind];
    }

    const wg = cell(row, 'workingGroup');
    let workingGroupCode: string | undefined;
    if (wg) {
      workingGroupCode = groupCodes.get(fold(wg));
      if (!workingGroupCode) fail('plan.importErrors.unknownGroup', { value: wg });
    }

    const parsed = planItemInput.safeParse(card);
    if (!parsed.success && rowErrors.length === 0)
      fail('plan.importErrors.invalid', { field: String(parsed.error.issues[0]?.path[0] ?? '') });

    if (rowErrors.length > 0 || !level) {
      errors.push(...rowErrors);
      return;
    }
    const item: ImportedItem = {
      row: rowNo,
      key: code || `#${rowNo}`,
      level,
      card,
      implementerNames: splitList(cell(row, 'implementers')),
      partnerNames: splitList(cell(row, 'partners')),
    };
    if (parentKey) item.parentKey = parentKey;
    if (code) item.fileCode = code;
    if (workingGroupCode) item.workingGroupCode = workingGroupCode;
    items.push(item);
    byKey.set(item.key, item);
    lastOfLevel[level] = item;
    for (let l = level + 1; l <= 3; l++) lastOfLevel[l] = undefined;
  });
  return { items, errors, ignoredColumns };
}

/**
 * Order of each imported item among its siblings and the code override it needs: a code in the
 * file that differs from the generated one ("S 1.1", or gaps like "1.4" after "1.2") is kept.
 */
export function importedLayout(
  items: readonly ImportedItem[],
): Map<string, { order: number; codeOverride?: string }> {
  const orderOf = new Map<string, number>();
  const count = new Map<string, number>();
  for (const item of items) {
    const n = (count.get(item.parentKey ?? '') ?? 0) + 1;
    count.set(item.parentKey ?? '', n);
    orderOf.set(item.key, n);
  }
  const effective = new Map<string, string>();
  const out = new Map<string, { order: number; codeOverride?: string }>();
  for (const item of items) {
    const order = orderOf.get(item.key)!;
    const generated = item.parentKey
      ? `${effective.get(item.parentKey) ?? ''}.${order}`
      : String(order);
    const entry: { order: number; codeOverride?: string } = { order };
    if (item.fileCode && item.fileCode !== generated) entry.codeOverride = item.fileCode;
    effective.set(item.key, item.fileCode ?? generated);
    out.set(item.key, entry);
  }
  return out;
}
