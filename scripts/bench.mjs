// `npm run bench` (docs/performance.md): runs the Node benches (vitest bench, fake-indexeddb),
// builds the renderer, serves it, runs every tests/bench/suites/*.suite.ts (most drive real
// Chromium) and prints ONE table — figure | value | baseline | ratio | budget | verdict — and
// writes the same rows to bench-results.json. Never part of `npm test`; never fails on a missed
// budget (exit code 1 only when a suite could not run).
//
//   npm run bench                         everything
//   npm run bench -- --only restore,lists  only suites whose file name contains one of the words
//   npm run bench -- --skip sync          leave out suites whose file name contains one of the
//                                         words (the sync suite alone takes half an hour here)
//   npm run bench -- --no-node            skip the vitest (fake-indexeddb) benches
//   npm run bench -- --no-build           reuse dist/renderer as it is
//   npm run bench -- --out file.json      write the results elsewhere
//   npm run bench -- --compare old.json   also print each figure beside the same figure of an
//                                         earlier run (another commit's bench-results.json)
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const only = option('--only')?.split(',').filter(Boolean);
const skip = option('--skip')?.split(',').filter(Boolean) ?? [];
const outFile = join(root, option('--out') ?? 'bench-results.json');
const tmp = join(root, '.tmp', 'bench');
const started = performance.now();

rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });

// The helpers (table, verdicts, writer) are TypeScript: bundle them and the suites together, so
// the suites and this runner share one copy of tests/bench/table.ts.
const suitesDir = join(root, 'tests', 'bench', 'suites');
const suiteFiles = existsSync(suitesDir)
  ? readdirSync(suitesDir)
      .filter((f) => f.endsWith('.suite.ts'))
      .filter((f) => !only || only.some((w) => f.includes(w)))
      .filter((f) => !skip.some((w) => f.includes(w)))
      // The restore suite first: the profile it restores is the region the others read.
      .sort(
        (a, b) =>
          Number(!a.startsWith('restore.')) - Number(!b.startsWith('restore.')) ||
          a.localeCompare(b),
      )
  : [];
const entryPoints = {
  table: join(root, 'tests', 'bench', 'table.ts'),
  ...Object.fromEntries(
    suiteFiles.map((f) => [`suite-${f.replace(/\.suite\.ts$/, '')}`, join(suitesDir, f)]),
  ),
};
await build({
  absWorkingDir: root,
  entryPoints,
  outdir: tmp,
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  tsconfig: join(root, 'tsconfig.json'),
  sourcemap: 'inline',
  logLevel: 'warning',
  // Renderer modules read Vite's import.meta.env; give them what the build would.
  define: { 'import.meta.env.DEV': 'false', 'import.meta.env.PROD': 'true' },
});
const table = await import(pathToFileURL(join(tmp, 'table.js')).href);

const rows = [];
const errors = [];

function run(cmd, cmdArgs, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, cmdArgs, { cwd: root, stdio: 'inherit', ...opts });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${cmdArgs.join(' ')} exited ${code}`)),
    );
  });
}
const bin = (pkg, file) => join(root, 'node_modules', pkg, file);

// 1. The Node benches (vitest bench). Their figures run on fake-indexeddb or in plain Node: they
//    are labelled so and carry no budget (real Chromium measures those budgets below).
if (!flag('--no-node') && !only) {
  console.log('\n[bench] Node benches (vitest bench, fake-indexeddb)…');
  const json = join(tmp, 'vitest.json');
  try {
    await run(process.execPath, [
      bin('vitest', 'vitest.mjs'),
      'bench',
      '--run',
      '--outputJson',
      json,
    ]);
    rows.push(...vitestRows(JSON.parse(readFileSync(json, 'utf8'))));
  } catch (e) {
    errors.push({ suite: 'vitest bench', message: String(e?.message ?? e) });
  }
}

/** One row per bench; the group's "baseline: …" bench is the baseline of the others. */
function vitestRows(report) {
  const out = [];
  for (const file of report.files) {
    const source = readFileSync(file.filepath, 'utf8');
    const where = /openRegionDb|new AppDb|fake-indexeddb/.test(source) ? 'fake-indexeddb' : 'node';
    const name = relative(join(root, 'tests', 'bench'), file.filepath);
    for (const group of file.groups) {
      const base = group.benchmarks.find((b) => /^baseline\b/i.test(b.name));
      for (const b of group.benchmarks) {
        if (b === base) continue;
        out.push(
          table.makeRow({
            figure: `${group.fullName.replace(/^.*? > /, '').replace(/ \(.*\)$/, '')} — ${b.name}`,
            unit: 'ms',
            where,
            value: b.median ?? b.mean,
            baseline: base ? (base.median ?? base.mean) : null,
            baselineLabel: base ? base.name.replace(/^baseline:\s*/i, '') : '',
            budget: table.budget.report(
              where === 'fake-indexeddb' ? 'none (fake-indexeddb)' : 'none (Node)',
            ),
            note: `${name}: min ${table.formatNumber(b.min)} / median of ${b.sampleCount ?? '?'} samples`,
          }),
        );
      }
    }
  }
  return out;
}

// 2. A fresh renderer build, served like `npm run start:web` on a free port.
let server;
if (suiteFiles.length) {
  if (!flag('--no-build')) {
    console.log('\n[bench] building the renderer…');
    await run(process.execPath, [bin('vite', 'bin/vite.js'), 'build', '--logLevel', 'warn']);
  }
  server = spawn(process.execPath, [join(root, 'scripts', 'serve.mjs'), '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    let text = '';
    server.stdout.on('data', (d) => {
      text += d;
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(text);
      if (m) resolve(m[0]);
    });
    server.on('exit', (code) => reject(new Error(`serve.mjs exited ${code}`)));
  });
  process.env.BENCH_URL = url;
  // Ctrl+C (or a kill) must not leave the server behind.
  for (const signal of ['SIGINT', 'SIGTERM'])
    process.once(signal, () => {
      server.kill();
      process.exit(130);
    });
  console.log(`[bench] serving dist/renderer on ${url}`);
}

// 3. The suites, one after the other (they share the 2 cores with nothing else of ours).
try {
  for (const f of suiteFiles) {
    const name = f.replace(/\.suite\.ts$/, '');
    console.log(`\n[bench] suite ${name}…`);
    const t0 = performance.now();
    try {
      const mod = await import(pathToFileURL(join(tmp, `suite-${name}.js`)).href);
      const got = await mod.measure();
      rows.push(...got);
      console.log(
        `[bench] suite ${name}: ${got.length} rows in ${Math.round((performance.now() - t0) / 1000)} s`,
      );
    } catch (e) {
      console.error(`[bench] suite ${name} failed:`, e);
      errors.push({ suite: name, message: String(e?.stack ?? e) });
    }
  }
} finally {
  server?.kill();
}

// 4. One table, one file.
const results = table.collectResults(rows, errors, performance.now() - started);
const t = table.tally(rows);
console.log(
  `\n## Benchmarks — ${results.commit.slice(0, 10)}${results.dirty ? ' (uncommitted changes)' : ''}, ` +
    `${results.machine.cpus} cores, ${Math.round(results.machine.memoryMB / 1024)} GB, ` +
    `load ${results.machine.loadAverage.join(' ')}, ${results.machine.chromium ?? 'no Chromium'}\n`,
);
console.log(table.formatTable(rows));
const notes = table.formatNotes(rows);
if (notes) console.log(`\nNotes (min / median of the runs):\n${notes}`);
console.log(`\n${t.ok} within budget, ${t.missed} missed, ${t.report} reported without a budget.`);
for (const e of errors) console.log(`\nSUITE FAILED: ${e.suite}\n${e.message}`);
const compare = option('--compare');
if (compare) {
  const before = JSON.parse(readFileSync(join(root, compare), 'utf8'));
  console.log(
    `\nCompared with ${compare} (${before.commit.slice(0, 10)}, ${before.date}, load ${before.machine.loadAverage.join(' ')}):\n`,
  );
  console.log(table.formatComparison(before.rows, rows));
}
table.writeResults(outFile, results);
console.log(
  `\n[bench] wrote ${relative(root, outFile)} in ${Math.round(results.durationMs / 1000)} s`,
);
process.exitCode = errors.length ? 1 : 0;
