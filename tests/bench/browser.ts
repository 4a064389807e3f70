// Real Chromium for the benchmark suites (scripts/bench.mjs serves a fresh renderer build and
// passes its address in BENCH_URL). Debian's /usr/bin/chromium through Playwright, Czech locale,
// 1280×720 like the users' laptops. Every page gets a long-task observer from its first script,
// so a suite can ask what froze the window between two moments.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type CDPSession,
  type Page,
} from '@playwright/test';
import { regionBackup, type RegionBackup } from './regionBackup';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-precise-memory-info',
];
export const CONTEXT = {
  locale: 'cs-CZ',
  timezoneId: 'Europe/Prague',
  viewport: { width: 1280, height: 720 },
} as const;
export const TMP = join(process.cwd(), '.tmp', 'bench');

export function baseUrl(): string {
  const url = process.env.BENCH_URL;
  if (!url) throw new Error('BENCH_URL is not set: run the suites with `npm run bench`.');
  return url;
}

export const launch = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, args: ARGS });

/** Runs in every page before the app: long tasks and marks, read back with `longTasks()`. */
function observe(): void {
  const w = window as unknown as {
    __bench: { longTasks: { start: number; duration: number }[]; marks: Record<string, number> };
  };
  w.__bench = { longTasks: [], marks: {} };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        w.__bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task support: the suites report the figure as missing.
  }
}

export async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  return page;
}

export async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext(CONTEXT);
  await context.addInitScript(observe);
  return context;
}

export interface LongTask {
  start: number;
  duration: number;
}

/** Long tasks that started in [from, to] (performance.now() of the page). */
export async function longTasks(page: Page, from: number, to: number): Promise<LongTask[]> {
  return page.evaluate(
    ([a, b]) =>
      (
        window as unknown as { __bench: { longTasks: { start: number; duration: number }[] } }
      ).__bench.longTasks.filter((t) => t.start >= a! && t.start <= b!),
    [from, to],
  );
}

export const now = (page: Page): Promise<number> => page.evaluate(() => performance.now());

/** Resolves in the page on the first frame painted after the call (rAF, then a task after it). */
export const NEXT_FRAME = `new Promise((resolve) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => resolve(performance.now()); c.port2.postMessage(0); }))`;

export async function cdp(page: Page): Promise<CDPSession> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  return session;
}

export async function metrics(session: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await session.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/** JS heap after a full garbage collection, in MB. */
export async function heapMB(session: CDPSession): Promise<number> {
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

// ---------------------------------------------------------------------------------------------
// The region's backup file, built once per run.

let backup: Promise<RegionBackup & { file: string }> | undefined;

export function regionBackupFile(): Promise<RegionBackup & { file: string }> {
  backup ??= (async () => {
    // The restore screen checks the file anyway; BENCH_VERIFY=1 checks it in Node first too.
    const b = await regionBackup(2026, { verify: process.env.BENCH_VERIFY === '1' });
    mkdirSync(TMP, { recursive: true });
    const file = join(TMP, 'triada-zaloha-region.json');
    writeFileSync(file, b.text);
    return { ...b, file };
  })();
  return backup;
}

// ---------------------------------------------------------------------------------------------
// The restore screen: Záloha a data → Vybrat soubor zálohy → preview → Obnovit ze zálohy → confirm.

export interface RestoreTiming {
  /** File chosen → preview table shown (reading, parsing, checking). */
  checkMs: number;
  /** Confirmation clicked → "Data obnovena" shown (writing). */
  writeMs: number;
  /** checkMs + writeMs: the user's waiting without their own click. */
  totalMs: number;
  /** performance.now() of the page at the file choice and at the end, for long tasks. */
  from: number;
  to: number;
}

/** In-page marks of the restore's moments, so Playwright's polling adds nothing to the figures. */
function watchRestore(): void {
  const b = (window as unknown as { __bench: { marks: Record<string, number> } }).__bench;
  b.marks = {};
  document.addEventListener(
    'change',
    (e) => {
      if ((e.target as HTMLInputElement).type === 'file') b.marks.change ??= performance.now();
    },
    true,
  );
  document.addEventListener(
    'pointerup',
    (e) => {
      const dialog = (e.target as Element).closest?.('[role="dialog"], [role="alertdialog"]');
      if (dialog && (e.target as Element).closest('button')) b.marks.confirm = performance.now();
    },
    true,
  );
  new MutationObserver(() => {
    if (b.marks.preview === undefined && document.querySelector('table[aria-label="Obsah zálohy"]'))
      b.marks.preview = performance.now();
    if (b.marks.done === undefined && /Data obnovena ze zálohy/.test(document.body.innerText))
      b.marks.done = performance.now();
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
}

export async function restoreThroughUi(page: Page, file: string): Promise<RestoreTiming> {
  await page.goto(`${baseUrl()}#/safety`);
  await page.getByRole('heading', { name: 'Obnova ze zálohy' }).waitFor();
  await page.evaluate(watchRestore);
  await page.getByLabel('Vybrat soubor zálohy').setInputFiles(file);
  const refused = page.getByRole('alert').filter({ hasText: 'Tento soubor nelze obnovit' });
  await page.getByRole('table', { name: 'Obsah zálohy' }).or(refused).waitFor({ timeout: 300_000 });
  if (await refused.isVisible())
    throw new Error(`the restore screen refused the region: ${await refused.innerText()}`);
  await page.getByRole('button', { name: 'Obnovit ze zálohy' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Obnovit ze zálohy' }).click();
  await page.getByText(/Data obnovena ze zálohy z/).waitFor({ timeout: 300_000 });
  const m = await page.evaluate(
    () => (window as unknown as { __bench: { marks: Record<string, number> } }).__bench.marks,
  );
  if (
    m.change === undefined ||
    m.preview === undefined ||
    m.confirm === undefined ||
    m.done === undefined
  )
    throw new Error(`restore marks missing: ${JSON.stringify(m)}`);
  const checkMs = m.preview - m.change;
  const writeMs = m.done - m.confirm;
  return { checkMs, writeMs, totalMs: checkMs + writeMs, from: m.change, to: m.done };
}

// ---------------------------------------------------------------------------------------------
// A browser profile holding the region, restored once per run through the restore screen; the
// suites that read the region (lists, typing, memory, first load) open it with their own browser.

let profile: Promise<string> | undefined;

/** A profile the restore suite has just filled through the restore screen: reuse it. */
export function adoptRegionProfile(dir: string): void {
  profile = Promise.resolve(dir);
}

export function regionProfile(): Promise<string> {
  profile ??= (async () => {
    const { file } = await regionBackupFile();
    const dir = join(TMP, 'profile-region');
    const context = await openProfile(dir);
    try {
      await restoreThroughUi(await newPage(context), file);
    } finally {
      await context.close();
    }
    return dir;
  })();
  return profile;
}

/** `extra`: e.g. bypassCSP for a page that talks to a server on another port (the sync suite). */
export async function openProfile(
  dir: string,
  extra: { bypassCSP?: boolean } = {},
): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    args: ARGS,
    ...CONTEXT,
    ...extra,
  });
  await context.addInitScript(observe);
  return context;
}

export async function regionContext(): Promise<BrowserContext> {
  return openProfile(await regionProfile());
}
