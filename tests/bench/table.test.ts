// The table and verdict logic of `npm run bench` (tests/bench/table.ts). No timing here: the
// benches themselves never run in `npm test`.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  budget,
  budgetLabel,
  collectResults,
  formatComparison,
  formatTable,
  makeRow,
  ratio,
  summarize,
  tally,
  verdict,
  writeResults,
} from './table';

describe('summarize', () => {
  it('gives min, median and max; the median of an even count is the mean of the middle two', () => {
    expect(summarize([30, 10, 20])).toMatchObject({ min: 10, median: 20, max: 30 });
    expect(summarize([4, 1, 3, 2]).median).toBe(2.5);
    expect(() => summarize([])).toThrow();
  });
});

describe('verdict', () => {
  it('compares the ratio to its baseline for a ratio budget, inclusive', () => {
    expect(verdict(budget.ratioAtMost(1.5), 150, 100)).toBe(true);
    expect(verdict(budget.ratioAtMost(1.5), 151, 100)).toBe(false);
  });
  it('has no verdict for a ratio budget without a usable baseline', () => {
    expect(verdict(budget.ratioAtMost(1.5), 150, null)).toBeNull();
    expect(verdict(budget.ratioAtMost(1.5), 150, 0)).toBeNull();
    expect(ratio(10, 0)).toBeNull();
  });
  it('is strict for "below" and inclusive for "at most"', () => {
    expect(verdict(budget.below(100), 100, null)).toBe(false);
    expect(verdict(budget.below(100), 99.9, 1000)).toBe(true);
    expect(verdict(budget.atMost(300), 300, null)).toBe(true);
  });
  it('has none for a reported figure, and a missing value misses a budget', () => {
    expect(verdict(budget.report(), 1e9, 1)).toBeNull();
    expect(verdict(budget.below(100), NaN, null)).toBe(false);
  });
  it('labels budgets in the row unit', () => {
    expect(budgetLabel(budget.ratioAtMost(1.5), 'ms')).toBe('≤ 1.5× baseline');
    expect(budgetLabel(budget.below(100), 'ms')).toBe('< 100 ms');
    expect(budgetLabel(budget.atMost(300), 'KB')).toBe('≤ 300 KB');
    expect(budgetLabel(budget.atMost(0), 'count')).toBe('≤ 0');
    expect(budgetLabel(budget.report('none (fake-indexeddb)'), 'ms')).toBe('none (fake-indexeddb)');
  });
});

describe('makeRow', () => {
  it('takes medians of the runs, judges on them and notes min / median', () => {
    const row = makeRow({
      figure: 'people list to first frame',
      unit: 'ms',
      where: 'chromium',
      runs: [120, 80, 90],
      baselineRuns: [10, 12, 11],
      baselineLabel: 'raw getAll',
      budget: budget.below(100),
    });
    expect(row).toMatchObject({
      value: 90,
      baseline: 11,
      baselineLabel: 'raw getAll',
      budget: '< 100 ms',
      pass: true,
      where: 'chromium',
    });
    expect(row.note).toContain('min 80 / median 90 of 3');
  });
});

describe('formatTable', () => {
  it('prints one Markdown row per figure with ratio and verdict', () => {
    const rows = [
      makeRow({
        figure: 'restore',
        unit: 'ms',
        where: 'chromium',
        value: 3000,
        baseline: 1500,
        baselineLabel: 'raw bulk put',
        budget: budget.ratioAtMost(1.5),
      }),
      makeRow({
        figure: 'DOM nodes, tasks',
        unit: 'count',
        where: 'chromium',
        value: 2345,
        budget: budget.report(),
      }),
    ];
    const lines = formatTable(rows).split('\n');
    expect(lines[0]).toMatch(/^\| figure +\| +value \| baseline \(label\) +\| ratio \| budget/);
    expect(lines[2]).toMatch(
      /restore .*3,000 ms \| 1,500 ms \(raw bulk put\) \| +2× \| ≤ 1\.5× baseline \| MISSED/,
    );
    expect(lines[3]).toMatch(/DOM nodes, tasks .*2,345 \| — +\| +— \| report +\| —/);
    expect(tally(rows)).toEqual({ ok: 0, missed: 1, report: 1 });
  });
});

describe('formatComparison', () => {
  it('puts a figure beside the same figure of an earlier run', () => {
    const row = (value: number) =>
      makeRow({
        figure: 'people: first frame',
        unit: 'ms',
        where: 'chromium',
        value,
        budget: budget.below(100),
      });
    const out = formatComparison([row(220)], [row(55), { ...row(5), figure: 'new figure' }]);
    expect(out).toMatch(/people: first frame \| +220 ms \| +55 ms \| +0\.25× \| MISSED → ok/);
    expect(out).toMatch(/new figure +\| +— \| +5 ms \| +— \| — → ok/);
  });
});

describe('bench-results.json', () => {
  it('holds the rows with the commit, the date and the machine', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bench-')), 'bench-results.json');
    const rows = [
      makeRow({ figure: 'x', unit: 'KB', where: 'node', value: 1, budget: budget.atMost(2) }),
    ];
    writeResults(file, collectResults(rows, [], 1234, 'Chromium 1.2.3'));
    const back = JSON.parse(readFileSync(file, 'utf8'));
    expect(back.rows).toEqual(rows);
    expect(back.commit).toMatch(/^([0-9a-f]{40}|unknown)$/);
    expect(new Date(back.date).toString()).not.toBe('Invalid Date');
    expect(back.machine).toMatchObject({ chromium: 'Chromium 1.2.3' });
    expect(back.machine.cpus).toBeGreaterThan(0);
    expect(back.machine.memoryMB).toBeGreaterThan(0);
  });
});
