// Counting and writing (issue 12), in Node, wall clock, min / median of several runs with the
// baseline measured in the same run, interleaved with the figure so both see the same load.
//
// - Schulze: countPoll on 10,000 ranking ballots over 30 options (validation + count, as closing
//   a poll does). Budget < 50 ms. Baseline: the same ballots' rankings counted into a plain
//   pairwise matrix (nested arrays, every pair compared; no validation, no widest paths), i.e.
//   the least any count of these ballots does. A second row reports the same poll with
//   per-role counts asked for (triadAgreement), which counts each role again.
// - DOCX minutes of a 30-item meeting (tests/bench/fixtures.ts longMinutes): buildMinutes +
//   packDocx. Budget ≤ 1.3× the baseline: bare `docx` packing a document with the same
//   paragraphs, tables, header logo and lines and footer text, and no styling
//   (tests/bench/docxBaseline.ts).
import { countPoll, rankingFromOrder, type SchulzePoll } from '@shared/voting';
import { pairwiseMatrix } from '@shared/voting/schulze-reference';
import { buildMinutes, packDocx } from '@shared/docx';
import { TRIAD_ROLES } from '@shared/domain/triad';
import { packBare } from '../docxBaseline';
import { longMinutes, random } from '../fixtures';
import { budget, makeRow, type BenchRow } from '../table';

const BALLOTS = 10_000;
const OPTIONS = 30;

function schulzeCase(): { poll: SchulzePoll; ballots: unknown[]; orders: string[][] } {
  const rnd = random(12);
  const options = Array.from({ length: OPTIONS }, (_, i) => `o${i + 1}`);
  const orders: string[][] = [];
  const ballots = Array.from({ length: BALLOTS }, (_, i) => {
    // Voters rank between 5 and all 30 options, with a shared lean so the result is not noise.
    const keyed = options.map((id, k) => ({ id, key: rnd() + k / (2 * OPTIONS) }));
    keyed.sort((a, b) => a.key - b.key);
    const order = keyed.slice(0, 5 + Math.floor(rnd() * (OPTIONS - 4))).map((x) => x.id);
    orders.push(order);
    return {
      kind: 'individual' as const,
      role: TRIAD_ROLES[i % TRIAD_ROLES.length],
      ranking: rankingFromOrder(order),
    };
  });
  return { poll: { method: 'schulze', options }, ballots, orders };
}

async function timed(f: () => unknown): Promise<number> {
  const t = performance.now();
  await f();
  return performance.now() - t;
}

/** Runs figure and baseline alternately: `runs` of each after `warmup` unmeasured rounds. */
async function pair(
  figure: () => unknown,
  baseline: () => unknown,
  runs: number,
  warmup = 2,
): Promise<{ value: number[]; base: number[] }> {
  for (let i = 0; i < warmup; i += 1) {
    await figure();
    await baseline();
  }
  const value: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    value.push(await timed(figure));
    base.push(await timed(baseline));
  }
  return { value, base };
}

export async function measure(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];

  const { poll, ballots, orders } = schulzeCase();
  const units = orders.map((order) => ({ order, voters: 1 }));
  const plain = () => pairwiseMatrix(poll.options, units);
  const s = await pair(() => countPoll(poll, ballots), plain, 9);
  rows.push(
    makeRow({
      figure: `Schulze: countPoll, ${BALLOTS / 1000}k ballots × ${OPTIONS} options`,
      unit: 'ms',
      where: 'node',
      runs: s.value,
      baselineRuns: s.base,
      baselineLabel: 'same rankings into a plain pairwise matrix',
      budget: budget.below(50),
    }),
  );
  const asked = { ...poll, triadAgreement: true };
  const r = await pair(() => countPoll(asked, ballots), plain, 5, 1);
  rows.push(
    makeRow({
      figure: 'Schulze, per-role counts asked (triadAgreement)',
      unit: 'ms',
      where: 'node',
      runs: r.value,
      baselineRuns: r.base,
      baselineLabel: 'same rankings into a plain pairwise matrix',
      budget: budget.report('none (counts each role again)'),
    }),
  );

  const long = longMinutes();
  const d = await pair(
    () => packDocx(buildMinutes(long)),
    () => packBare(long),
    9,
  );
  const size = (await packDocx(buildMinutes(long))).length / 1024;
  rows.push(
    makeRow({
      figure: 'DOCX minutes, 30 items (build + pack)',
      unit: 'ms',
      where: 'node',
      runs: d.value,
      baselineRuns: d.base,
      baselineLabel: 'bare docx, same text and tables',
      budget: budget.ratioAtMost(1.3),
      note: `${Math.round(size)} KB DOCX`,
    }),
  );
  return rows;
}
