// npm run documents -- OUT_DIR [--today YYYY-MM-DD]
// Writes every document of the sample region: minutes (cs + en), attendance sheet and
// invitation of the rich past PS1 meeting and of its draft successor, and the evaluation
// report for the whole plan and for PS1. The app's code runs in headless Chromium (real
// IndexedDB, a real canvas for the chart), bundled from scripts/documents.entry.ts by esbuild.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const todayAt = args.indexOf('--today');
const today = todayAt >= 0 ? args[todayAt + 1] : new Date().toISOString().slice(0, 10);
const outDir = resolve(
  args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--today') ?? 'documents',
);

const bundle = await build({
  absWorkingDir: root,
  entryPoints: ['scripts/documents.entry.ts'],
  bundle: true,
  write: false,
  format: 'iife',
  platform: 'browser',
  target: 'chrome120',
  logLevel: 'warning',
  define: { 'import.meta.env.DEV': 'false', 'import.meta.env.PROD': 'true' },
});
const script = bundle.outputFiles[0].text;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error(e));
  // A secure origin (localhost) for IndexedDB and crypto; the route answers, no server runs.
  await page.route('http://localhost/triada-documents/**', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><html lang="cs"><meta charset="utf-8"><body></body></html>',
    }),
  );
  await page.goto('http://localhost/triada-documents/');
  await page.addScriptTag({ content: script });
  const files = await page.evaluate((day) => globalThis.triadaDocuments(day), today);
  mkdirSync(outDir, { recursive: true });
  for (const f of files) {
    writeFileSync(resolve(outDir, f.name), Buffer.from(f.base64, 'base64'));
    console.log(resolve(outDir, f.name));
  }
} finally {
  await browser.close();
}
