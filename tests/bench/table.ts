// One table for every benchmark (issue 12, docs/performance.md): each suite returns BenchRows,
// `npm run bench` (scripts/bench.mjs) prints them as one table and writes the same rows to
// bench-results.json with the commit and the machine, so runs can be compared between commits.
// Pure helpers (stats, budgets, verdicts, formatting) plus the results writer.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';

/** The contract every suite returns (HELPERS.md, "Shared contracts"). */
export interface BenchRow {
  figure: string;
  value: number;
  unit: 'ms' | 'KB' | 'MB' | 'count' | 'x';
  baseline: number | null;
  baselineLabel: string;
  budget: string;
  pass: boolean | null;
  where: 'chromium' | 'node' | 'fake-indexeddb';
  note?: string;
}

/** A suite file tests/bench/suites/<name>.suite.ts exports `measure`. */
export type MeasureFn = () => Promise<BenchRow[]>;

// ---------------------------------------------------------------------------------------------
// Statistics over repeated runs.

export interface Summary {
  min: number;
  median: number;
  max: number;
  runs: number[];
}

/** Min, median (mean of the two middle values for an even count) and max of the runs. */
export function summarize(runs: readonly number[]): Summary {
  if (runs.length === 0) throw new Error('summarize: no runs');
  const sorted = [...runs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { min: sorted[0]!, median, max: sorted[sorted.length - 1]!, runs: [...runs] };
}

/** `value / baseline`, or null when there is no usable baseline. */
export function ratio(value: number, baseline: number | null): number | null {
  if (baseline === null || !Number.isFinite(baseline) || baseline <= 0) return null;
  return value / baseline;
}

// ---------------------------------------------------------------------------------------------
// Budgets: what a figure must stay under, and the verdict.

export type Budget =
  /** The figure divided by its baseline must be ≤ max (e.g. restore ≤ 1.5× raw bulk put). */
  | { kind: 'ratio'; max: number }
  /** The figure itself must be < max (strict) or ≤ max, in the row's unit. */
  | { kind: 'value'; max: number; strict: boolean }
  /** Reported only (no budget), with an optional reason printed in the budget column. */
  | { kind: 'report'; label?: string };

export const budget = {
  ratioAtMost: (max: number): Budget => ({ kind: 'ratio', max }),
  below: (max: number): Budget => ({ kind: 'value', max, strict: true }),
  atMost: (max: number): Budget => ({ kind: 'value', max, strict: false }),
  report: (label?: string): Budget => (label ? { kind: 'report', label } : { kind: 'report' }),
};

export function budgetLabel(b: Budget, unit: BenchRow['unit']): string {
  switch (b.kind) {
    case 'ratio':
      return `≤ ${formatNumber(b.max)}× baseline`;
    case 'value':
      return `${b.strict ? '<' : '≤'} ${formatNumber(b.max)}${unitSuffix(unit)}`;
    case 'report':
      return b.label ?? 'report';
  }
}

/** true = within budget, false = missed, null = no budget (or no baseline for a ratio budget). */
export function verdict(b: Budget, value: number, baseline: number | null): boolean | null {
  if (!Number.isFinite(value)) return b.kind === 'report' ? null : false;
  switch (b.kind) {
    case 'ratio': {
      const r = ratio(value, baseline);
      return r === null ? null : r <= b.max;
    }
    case 'value':
      return b.strict ? value < b.max : value <= b.max;
    case 'report':
      return null;
  }
}

export interface RowInput {
  figure: string;
  unit: BenchRow['unit'];
  where: BenchRow['where'];
  /** Either the runs (value = median, min/median noted) or one value. */
  runs?: readonly number[];
  value?: number;
  baselineRuns?: readonly number[];
  baseline?: number | null;
  baselineLabel?: string;
  budget: Budget;
  note?: string;
}

/** Builds a row: value and baseline are medians of their runs; the verdict is on the medians. */
export function makeRow(input: RowInput): BenchRow {
  const s = input.runs ? summarize(input.runs) : null;
  const bs = input.baselineRuns ? summarize(input.baselineRuns) : null;
  const value = s ? s.median : (input.value ?? NaN);
  const baseline = bs ? bs.median : (input.baseline ?? null);
  const notes: string[] = [];
  if (s && s.runs.length > 1)
    notes.push(`min ${formatNumber(s.min)} / median ${formatNumber(s.median)} of ${s.runs.length}`);
  if (bs && bs.runs.length > 1)
    notes.push(
      `baseline min ${formatNumber(bs.min)} / median ${formatNumber(bs.median)} of ${bs.runs.length}`,
    );
  if (input.note) notes.push(input.note);
  const row: BenchRow = {
    figure: input.figure,
    value,
    unit: input.unit,
    baseline,
    baselineLabel: input.baselineLabel ?? (baseline === null ? '' : 'baseline'),
    budget: budgetLabel(input.budget, input.unit),
    pass: verdict(input.budget, value, baseline),
    where: input.where,
  };
  if (notes.length) row.note = notes.join('; ');
  return row;
}

// ---------------------------------------------------------------------------------------------
// Formatting.

function unitSuffix(unit: BenchRow['unit']): string {
  return unit === 'count' ? '' : unit === 'x' ? '×' : ` ${unit}`;
}

/** Three significant digits at most, never more than one decimal above 10. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return Number(n.toFixed(digits)).toLocaleString('en-US', { maximumFractionDigits: digits });
}

export function formatValue(value: number, unit: BenchRow['unit']): string {
  return `${formatNumber(value)}${unitSuffix(unit)}`;
}

export function verdictText(pass: boolean | null): string {
  return pass === null ? '—' : pass ? 'ok' : 'MISSED';
}

export const TABLE_HEAD = [
  'figure',
  'value',
  'baseline (label)',
  'ratio',
  'budget',
  'verdict',
  'where',
] as const;

export function tableCells(row: BenchRow): string[] {
  const r = ratio(row.value, row.baseline);
  return [
    row.figure,
    formatValue(row.value, row.unit),
    row.baseline === null
      ? row.baselineLabel || '—'
      : `${formatValue(row.baseline, row.unit)} (${row.baselineLabel})`,
    r === null ? '—' : `${formatNumber(r)}×`,
    row.budget,
    verdictText(row.pass),
    row.where,
  ];
}

/** A Markdown table (readable in a terminal and pasteable into docs/performance.md). */
export function formatTable(rows: readonly BenchRow[]): string {
  const body = rows.map(tableCells);
  const widths = TABLE_HEAD.map((h, i) =>
    Math.max(h.length, ...body.map((cells) => cells[i]!.length)),
  );
  const right = new Set([1, 3]);
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (right.has(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(TABLE_HEAD), rule, ...body.map(line)].join('\n');
}

/** Notes under the table, numbered by row, so the table itself stays narrow. */
export function formatNotes(rows: readonly BenchRow[]): string {
  return rows
    .filter((r) => r.note)
    .map((r) => `- ${r.figure}: ${r.note}`)
    .join('\n');
}

/** The figures of two runs side by side (matched by figure), e.g. two commits' bench-results.json. */
export function formatComparison(before: readonly BenchRow[], after: readonly BenchRow[]): string {
  const old = new Map(before.map((r) => [r.figure, r]));
  const head = ['figure', 'before', 'now', 'now / before', 'verdict before → now'];
  const body = after.map((r) => {
    const b = old.get(r.figure);
    const change = b ? ratio(r.value, b.value) : null;
    return [
      r.figure,
      b ? formatValue(b.value, b.unit) : '—',
      formatValue(r.value, r.unit),
      change === null ? '—' : `${formatNumber(change)}×`,
      `${b ? verdictText(b.pass) : '—'} → ${verdictText(r.pass)}`,
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((c) => c[i]!.length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => (i > 0 && i < 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i > 0 && i < 4 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(head), rule, ...body.map(line)].join('\n');
}

export function tally(rows: readonly BenchRow[]): { ok: number; missed: number; report: number } {
  return {
    ok: rows.filter((r) => r.pass === true).length,
    missed: rows.filter((r) => r.pass === false).length,
    report: rows.filter((r) => r.pass === null).length,
  };
}

// ---------------------------------------------------------------------------------------------
// bench-results.json: the rows plus where and when they were measured.

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryMB: number;
  freeMemoryMB: number;
  /** 1-minute load average at the end of the run: read the figures with it in mind. */
  loadAverage: number[];
  node: string;
  chromium: string | null;
}

export interface BenchResults {
  commit: string;
  dirty: boolean;
  date: string;
  machine: Machine;
  rows: BenchRow[];
  /** Suites that failed (their rows are missing from the table). */
  errors: { suite: string; message: string }[];
  durationMs: number;
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return '';
  }
}

export function chromiumVersion(path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'): string {
  try {
    const out = execFileSync(path, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out.trim();
  } catch {
    return '';
  }
}

export function machine(chromium: string | null): Machine {
  const list = cpus();
  return {
    cpus: list.length,
    cpuModel: list[0]?.model ?? '',
    memoryMB: Math.round(totalmem() / 2 ** 20),
    freeMemoryMB: Math.round(freemem() / 2 ** 20),
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    node: process.version,
    chromium,
  };
}

export function collectResults(
  rows: BenchRow[],
  errors: BenchResults['errors'],
  durationMs: number,
  chromium: string | null = chromiumVersion() || null,
): BenchResults {
  return {
    commit: git(['rev-parse', 'HEAD']).trim() || 'unknown',
    dirty: git(['status', '--porcelain', '--untracked-files=no']).trim() !== '',
    date: new Date().toISOString(),
    machine: machine(chromium),
    rows,
    errors,
    durationMs: Math.round(durationMs),
  };
}

export function writeResults(path: string, results: BenchResults): void {
  writeFileSync(path, JSON.stringify(results, null, 2) + '\n');
}
