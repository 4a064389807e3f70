// Sync with a CouchDB-protocol server (issue 14), in real Chromium: express-pouchdb (memory) on
// 127.0.0.1 started here, the app's own sync code (localReplica + syncRound: PouchDB replication
// and the bridge writing into Dexie) added to pages of the served app (tests/bench/syncPage.ts).
//
// - Laptop A: a copy of the region's profile (restored through the restore screen), pushed to
//   the server by one sync round (untimed set-up, its time is in a note).
// - First sync to an empty laptop: a fresh profile B, one sync round until its Dexie holds every
//   record A has. Baseline in the same run: a fresh profile, raw PouchDB (idb) replicating the
//   same databases from the same server, no bridge, no Dexie.
// - Incremental sync of one meeting: on A the room changes one meeting (attendance, an item's
//   discussion, a new resolution), A syncs, then B syncs. Baseline: the raw replica pulls the
//   same changed documents.
// - The longest task on B's window during its first sync (live sync must never block the UI).
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { build } from 'esbuild';
import { bodyDatabase, REGION_DATABASE } from '../../../renderer/src/db/sync/server';
import {
  baseUrl,
  longTasks,
  newPage,
  openProfile,
  regionBackupFile,
  regionProfile,
  TMP,
} from '../browser';
import type { SyncBenchApi, Timed } from '../syncPage';
import { startCouch } from '../syncServer';
import { budget, formatNumber, makeRow, type BenchRow } from '../table';

const FIRST_RUNS = Number(process.env.BENCH_SYNC_RUNS ?? 2);
const INCREMENTAL_RUNS = 3;
/** As the restore's: a 200 ms freeze is felt as a hitch, not as a hang (docs/performance.md). */
const LONG_TASK_BUDGET_MS = 200;
const NO_BUDGET = budget.report('report (no budget)');

type Round = Awaited<ReturnType<SyncBenchApi['round']>>;
type Raw = Awaited<ReturnType<SyncBenchApi['raw']>>;

/** tests/bench/syncPage.ts for the browser (PouchDB's real modules, not tsconfig's type stubs). */
async function pageBundle(): Promise<string> {
  const root = process.cwd();
  const out = await build({
    absWorkingDir: root,
    entryPoints: [join(root, 'tests', 'bench', 'syncPage.ts')],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    alias: { '@shared': join(root, 'shared') },
    tsconfigRaw: { compilerOptions: { jsx: 'react-jsx', verbatimModuleSyntax: true } },
    define: {
      'import.meta.env.DEV': 'false',
      'import.meta.env.PROD': 'true',
      'process.env.NODE_ENV': '"production"',
      global: 'globalThis',
    },
    logLevel: 'warning',
  });
  return out.outputFiles[0]!.text;
}

interface Laptop {
  dir: string;
  context: BrowserContext;
  page: Page;
}

/** The app at its home screen (its live queries running), with the sync bench's code added. */
async function openLaptop(dir: string, bundle: string): Promise<Laptop> {
  // The server is on another port than the app: the page's connect-src 'self' would refuse it
  // (the app's own server screen is issue 14's livesync work; CSP is not what is measured).
  const context = await openProfile(dir, { bypassCSP: true });
  try {
    const page = await newPage(context);
    // BENCH_SYNC_VERBOSE=1: the rounds' progress (syncPage.ts logs each database) on the console.
    if (process.env.BENCH_SYNC_VERBOSE)
      page.on('console', (m) => console.log(`[sync ${basename(dir)}] ${m.text()}`));
    await page.goto(`${baseUrl()}#/`);
    // "Přehled" with the region; an empty laptop shows the welcome screen (which turns into the
    // overview as records arrive).
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.addScriptTag({ content: bundle });
    await page.waitForFunction(() => '__syncBench' in window);
    return { dir, context, page };
  } catch (e) {
    // A page that never came up must not leave its browser running (and the run waiting).
    await context.close();
    throw e;
  }
}

async function freshLaptop(name: string, bundle: string): Promise<Laptop> {
  const dir = join(TMP, name);
  rmSync(dir, { recursive: true, force: true });
  return openLaptop(dir, bundle);
}

async function closeLaptop(l: Laptop | undefined): Promise<void> {
  if (!l) return;
  await l.context.close();
  rmSync(l.dir, { recursive: true, force: true });
}

type Api = { __syncBench: SyncBenchApi };
const round = (l: Laptop, url: string): Promise<Round> =>
  l.page.evaluate((u) => (window as unknown as Api).__syncBench.round(u), url);
const counts = (l: Laptop): Promise<Record<string, number>> =>
  l.page.evaluate(() => (window as unknown as Api).__syncBench.counts());
const raw = (l: Laptop, url: string, databases: string[]): Promise<Raw> =>
  l.page.evaluate(
    ([u, d]) => (window as unknown as Api).__syncBench.raw(u!, d as string[], 'bench-raw'),
    [url, databases] as const,
  );

const longest = async (l: Laptop, t: Timed<unknown>) => {
  const tasks = await longTasks(l.page, t.from, t.to);
  return { longest: tasks.reduce((m, x) => Math.max(m, x.duration), 0), count: tasks.length };
};
const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
const ms = (runs: number[]) => runs.map((r) => Math.round(r)).join(', ');

export async function measure(): Promise<BenchRow[]> {
  const { region } = await regionBackupFile();
  const regionDir = await regionProfile();
  const bundle = await pageBundle();
  const couch = await startCouch(baseUrl());
  const databases = [
    REGION_DATABASE,
    ...region.bodies
      .map((b) => b.id)
      .sort()
      .map(bodyDatabase),
  ];
  const meeting = region.meetings.find((m) => m.id === region.latestMeetingId)!;
  const item = region.agendaItems.find((i) => i.meetingId === meeting.id)!;
  const present = region.attendance.find(
    (a) => a.meetingId === meeting.id && a.status !== 'guest',
  )!;

  let a: Laptop | undefined;
  let b: Laptop | undefined;
  let base: Laptop | undefined;
  try {
    // Laptop A: a copy of the restored region (the other suites keep reading the original).
    const aDir = join(TMP, 'profile-sync-a');
    rmSync(aDir, { recursive: true, force: true });
    cpSync(regionDir, aDir, { recursive: true });
    a = await openLaptop(aDir, bundle);
    const expected = await counts(a);
    const records = total(expected);
    const push = await round(a, couch.url);
    if (push.result.databases !== databases.length)
      throw new Error(`A synced ${push.result.databases} databases, expected ${databases.length}`);

    // First sync: B (the app) and a raw replica, each in a fresh profile, interleaved.
    const first: Round[] = [];
    const firstLong: { longest: number; count: number }[] = [];
    const raws: Raw[] = [];
    const rawLong: { longest: number; count: number }[] = [];
    for (let i = 0; i < FIRST_RUNS; i++) {
      await closeLaptop(b);
      b = await freshLaptop(`profile-sync-b-${i}`, bundle);
      // BENCH_SYNC_PROFILE=file.cpuprofile: B's CPU profile of its first sync (first run only;
      // open it in Chromium's DevTools, Performance panel).
      const profile = i === 0 ? process.env.BENCH_SYNC_PROFILE : undefined;
      const cdp = profile ? await b.context.newCDPSession(b.page) : null;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.start');
      }
      const r = await round(b, couch.url);
      if (cdp && profile)
        writeFileSync(profile, JSON.stringify((await cdp.send('Profiler.stop')).profile));
      const got = await counts(b);
      if (JSON.stringify(got) !== JSON.stringify(expected))
        throw new Error(
          `B after its first sync: ${JSON.stringify(got)}, A has ${JSON.stringify(expected)}`,
        );
      first.push(r);
      firstLong.push(await longest(b, r));

      await closeLaptop(base);
      base = await freshLaptop(`profile-sync-raw-${i}`, bundle);
      const x = await raw(base, couch.url, databases);
      if (x.result.docs < records)
        throw new Error(`raw replica holds ${x.result.docs} documents, expected ${records}`);
      raws.push(x);
      rawLong.push(await longest(base, x));
    }

    // Incremental: one meeting changed on A, A syncs, B syncs; the raw replica pulls the same.
    const sent: Round[] = [];
    const received: Round[] = [];
    const rawIncr: Raw[] = [];
    for (let i = 0; i < INCREMENTAL_RUNS; i++) {
      await a.page.evaluate(
        (input) => (window as unknown as Api).__syncBench.changeMeeting(input),
        { meetingId: meeting.id, itemId: item.id, personId: present.personId, run: i + 1 },
      );
      sent.push(await round(a, couch.url));
      const r = await round(b!, couch.url);
      const [onA, onB] = [await counts(a), await counts(b!)];
      if (r.result.applied < 2 || JSON.stringify(onA) !== JSON.stringify(onB))
        throw new Error(
          `B applied ${r.result.applied} records of the changed meeting and holds ${JSON.stringify(onB)}, A ${JSON.stringify(onA)}`,
        );
      received.push(r);
      rawIncr.push(await raw(base!, couch.url, databases));
    }
    const changed = received.map((r) => r.result.applied);

    const rawLabel = `raw PouchDB replication (${databases.length} databases, fresh replica)`;
    return [
      makeRow({
        figure: `first sync of the ten-year region to an empty laptop (${records.toLocaleString('en-US')} records, ${databases.length} databases)`,
        unit: 'ms',
        where: 'chromium',
        runs: first.map((r) => r.ms),
        baselineRuns: raws.map((r) => r.ms),
        baselineLabel: rawLabel,
        budget: NO_BUDGET,
        note:
          `app: PouchDB replication + bridge into Dexie, ${first[0]!.result.pulled} documents pulled, ` +
          `${first[0]!.result.applied} records applied; raw: ${raws[0]!.result.written} documents written; ` +
          `laptop A's first round (push of the restored region) ${formatNumber(push.ms)} ms`,
      }),
      makeRow({
        figure: 'first sync: longest task freezing the window of the empty laptop',
        unit: 'ms',
        where: 'chromium',
        runs: firstLong.map((l) => l.longest),
        baselineRuns: rawLong.map((l) => l.longest),
        baselineLabel: 'raw PouchDB replication, same kind of page',
        budget: budget.atMost(LONG_TASK_BUDGET_MS),
        note: `long tasks (> 50 ms) during the first sync: ${firstLong.map((l) => l.count).join(', ')}; raw: ${rawLong.map((l) => l.count).join(', ')}`,
      }),
      makeRow({
        figure:
          'incremental sync of one meeting (attendance, discussion, a resolution): receiving laptop',
        unit: 'ms',
        where: 'chromium',
        runs: received.map((r) => r.ms),
        baselineRuns: rawIncr.map((r) => r.ms),
        baselineLabel: `raw PouchDB replication of the same changes (${databases.length} databases)`,
        budget: NO_BUDGET,
        note:
          `B's rounds ${ms(received.map((r) => r.ms))} ms (the first one after the first sync also scans every pulled document for its push to each database); ` +
          `records applied on B: ${changed.join(', ')}; raw documents written: ${rawIncr.map((r) => r.result.written).join(', ')}; ` +
          `sending laptop A's round (push + replication) ${ms(sent.map((r) => r.ms))} ms`,
      }),
    ];
  } finally {
    for (const l of [a, b, base]) await closeLaptop(l).catch(() => undefined);
    await couch.close();
  }
}
