// JavaScript the first screen needs: every script fetched (network log, cache disabled) from
// opening the app with the region until "Přehled" is shown and the network is idle, gzipped as a
// server would send it. Baseline: the bare React + ReactDOM runtime, minified and gzipped — what
// any React screen costs before the app's own code.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { baseUrl, cdp, newPage, regionContext } from '../browser';
import { budget, makeRow, type BenchRow } from '../table';

const BUDGET_KB = 300;

async function reactRuntimeGzipKB(): Promise<number> {
  const out = await build({
    stdin: {
      contents:
        "import { createElement } from 'react';\nimport { createRoot } from 'react-dom/client';\n" +
        "createRoot(document.body).render(createElement('p', null, 'Triáda'));\n",
      resolveDir: process.cwd(),
      loader: 'js',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'silent',
  });
  return gzipSync(out.outputFiles[0]!.contents).length / 1024;
}

export async function measure(): Promise<BenchRow[]> {
  const context = await regionContext();
  const scripts = new Map<string, { raw: number; gzip: number }>();
  try {
    const page = await newPage(context);
    const session = await cdp(page);
    await session.send('Network.enable');
    await session.send('Network.setCacheDisabled', { cacheDisabled: true });
    const pending: Promise<void>[] = [];
    page.on('response', (response) => {
      const url = response.url();
      if (response.request().resourceType() !== 'script' && !/\.m?js(\?|$)/.test(url)) return;
      pending.push(
        response.body().then((body) => {
          scripts.set(url, { raw: body.length, gzip: gzipSync(body).length });
        }),
      );
    });
    await page.goto(`${baseUrl()}#/`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: 'Přehled', level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
  } finally {
    await context.close();
  }
  const sum = (k: 'raw' | 'gzip') => [...scripts.values()].reduce((n, s) => n + s[k], 0) / 1024;
  const biggest = [...scripts.entries()]
    .sort((a, b) => b[1].gzip - a[1].gzip)
    .slice(0, 4)
    .map(([url, s]) => `${url.split('/').pop()} ${Math.round(s.gzip / 1024)} KB`)
    .join(', ');
  const react = await reactRuntimeGzipKB();
  return [
    makeRow({
      figure: `first-load JS for "Přehled" (${scripts.size} files, gzip)`,
      unit: 'KB',
      where: 'chromium',
      value: sum('gzip'),
      baseline: react,
      baselineLabel: 'bare React + ReactDOM, minified',
      budget: budget.atMost(BUDGET_KB),
      note: `largest: ${biggest}`,
    }),
    makeRow({
      figure: 'first-load JS (uncompressed)',
      unit: 'KB',
      where: 'chromium',
      value: sum('raw'),
      budget: budget.report(),
    }),
  ];
}
