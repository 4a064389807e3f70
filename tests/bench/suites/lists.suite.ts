// Navigation to each list screen of the ten-year region in real Chromium (issue 12): from the
// user's click (or the route change) to the first frame painted with the route's rows in the
// DOM, and to the frame in which the rows fill the window ("last visible row"). Baseline: the
// reads the view needs, done with raw IndexedDB in the same page (one read-only transaction,
// getAll on the same tables and indexes). Also the DOM size and the JS heap per screen.
import type { Page } from '@playwright/test';
import { baseUrl, cdp, heapMB, newPage, regionBackupFile, regionContext } from '../browser';
import { budget, makeRow, type BenchRow } from '../table';

const RUNS = 3;
const BUDGET_MS = 100;

/** One raw read: getAll of a store (optionally of an index at a key), get of one key, or gets of many. */
export interface Read {
  store: string;
  index?: string;
  key?: string;
  get?: boolean;
  keys?: string[];
}

interface Screen {
  name: string;
  /** Route to open first (untimed), and what must be on it before the timed step. */
  from: string;
  fromHeading: string;
  /** The timed step: click a nav link or a tab by its text, or change the route. */
  action: { link: string } | { tab: string } | { hash: string };
  /** The heading of the screen reached (h1), when the step changes the route. */
  heading?: string;
  /** Rows the screen shows in total (for a short list the "last visible row" is its last row). */
  rows: number;
  /** Shown after the name instead of the row count. */
  label?: string;
  /** What counts as a row of this screen (default: table rows, ARIA rows, tree items, list items). */
  rowSelector?: string;
  reads: Read[];
}

function screens(region: Awaited<ReturnType<typeof regionBackupFile>>['region']): Screen[] {
  const plan = region.plans[region.plans.length - 1]!;
  const planHash = `#/plans/${plan.id}`;
  const long = region.meetings.find((m) => m.id === region.longMeetingId)!;
  const planReads: Read[] = [
    { store: 'plans', key: plan.id, get: true },
    { store: 'planItems', index: 'planId', key: plan.id },
    { store: 'monitoring', index: 'planId', key: plan.id },
    { store: 'evaluationComments', index: 'planId', key: plan.id },
    { store: 'bodies' },
    { store: 'organizations' },
  ];
  const pending = region.tasks.filter((t) => t.status === 'open' || t.status === 'ongoing');
  return [
    {
      name: 'people',
      from: '#/',
      fromHeading: 'Přehled',
      action: { link: 'Lidé' },
      heading: 'Lidé',
      rows: region.people.filter((p) => !p.archivedAt).length,
      reads: [{ store: 'people' }, { store: 'organizations' }],
    },
    {
      name: 'past meetings',
      from: '#/meetings',
      fromHeading: 'Jednání',
      action: { tab: 'Proběhlá' },
      rows: region.meetings.length,
      reads: [{ store: 'meetings' }, { store: 'bodies' }],
    },
    {
      name: 'tasks (pending)',
      from: '#/',
      fromHeading: 'Přehled',
      action: { link: 'Úkoly' },
      heading: 'Úkoly všech skupin',
      rows: pending.length,
      // listTasks(PENDING_STATUSES): the status index, then only their meetings and owners.
      reads: [
        { store: 'tasks', index: 'status', key: 'open' },
        { store: 'tasks', index: 'status', key: 'ongoing' },
        { store: 'meetings', keys: [...new Set(pending.map((t) => t.meetingId))] },
        { store: 'bodies' },
        { store: 'people', keys: [...new Set(pending.flatMap((t) => t.ownerId ?? []))] },
      ],
    },
    {
      name: 'plan tree',
      from: '#/plans',
      fromHeading: 'Komunitní plány',
      action: { hash: planHash },
      heading: plan.name,
      rows: region.planItems.filter((i) => i.planId === plan.id).length,
      reads: planReads,
    },
    {
      name: 'plan table',
      from: planHash,
      fromHeading: plan.name,
      action: { tab: 'Tabulka' },
      rows: region.planItems.filter((i) => i.planId === plan.id).length,
      reads: planReads,
    },
    {
      name: 'plan dashboard',
      from: planHash,
      fromHeading: plan.name,
      action: { tab: 'Přehled plnění' },
      rows: 1,
      label: ' (150 activities)',
      reads: planReads,
    },
    {
      name: 'room of the long meeting',
      // From the meetings list: the meeting page has the room's heading, so it cannot be the start.
      from: '#/meetings',
      fromHeading: 'Jednání',
      action: { hash: `#/meetings/${long.id}/room` },
      heading: `ŘS – jednání č. ${long.seq}/${long.year}`,
      rows: 30,
      // The agenda's rows only: the room's other lists (polls, tasks) come with the same data.
      rowSelector: '[role="row"]',
      reads: [
        { store: 'meetings', key: long.id, get: true },
        { store: 'bodies', key: long.bodyId, get: true },
        { store: 'memberships', index: 'bodyId', key: long.bodyId },
        { store: 'attendance', index: 'meetingId', key: long.id },
        { store: 'people' },
        { store: 'organizations' },
        { store: 'polls', index: 'meetingId', key: long.id },
        { store: 'agendaItems', index: 'meetingId', key: long.id },
        { store: 'resolutions', index: 'meetingId', key: long.id },
        { store: 'tasks', index: 'meetingId', key: long.id },
        { store: 'meetings', index: 'bodyId', key: long.bodyId },
        { store: 'tasks', index: 'bodyId', key: long.bodyId },
        { store: 'amendments', index: 'meetingId', key: long.id },
        { store: 'agendaTemplates', index: 'bodyId', key: long.bodyId },
      ],
    },
  ];
}

interface NavTiming {
  rowsMs: number;
  firstFrameMs: number;
  lastRowMs: number;
}

/**
 * In the page: start the step, wait (MutationObserver) until the heading and at least one row
 * are in the DOM, then the next painted frame; then until the rows fill the window (or all are
 * there), then the next painted frame.
 */
async function timeStep(page: Page, s: Screen): Promise<NavTiming> {
  return page.evaluate(
    async ({ action, heading, rows, ROWS }) => {
      const frame = () =>
        new Promise<number>((resolve) =>
          requestAnimationFrame(() => {
            const c = new MessageChannel();
            c.port1.onmessage = () => resolve(performance.now());
            c.port2.postMessage(0);
          }),
        );
      const scope = (): Element | null => {
        if ('tab' in action) {
          const tab = [...document.querySelectorAll('[role="tab"]')].find((t) =>
            t.textContent!.startsWith(action.tab),
          );
          if (tab?.getAttribute('aria-selected') !== 'true') return null;
          return document.querySelector('main [role="tabpanel"]');
        }
        const h1 = document.querySelector('main h1, h1');
        return h1 && h1.textContent!.trim() === heading ? document.querySelector('main') : null;
      };
      const found = () => {
        const s = scope();
        return s ? [...s.querySelectorAll(ROWS)].filter((r) => !r.closest('thead, nav')) : [];
      };
      const until = (test: () => boolean) =>
        new Promise<void>((resolve, reject) => {
          if (test()) return resolve();
          const timer = setTimeout(() => {
            mo.disconnect();
            reject(new Error(`timed out waiting for rows of ${JSON.stringify(action)}`));
          }, 60_000);
          const mo = new MutationObserver(() => {
            if (!test()) return;
            mo.disconnect();
            clearTimeout(timer);
            resolve();
          });
          mo.observe(document.body, { childList: true, subtree: true, attributes: true });
        });
      const t0 = performance.now();
      if ('link' in action) {
        const link = [...document.querySelectorAll<HTMLElement>('nav a')].find(
          (a) => a.textContent!.trim() === action.link,
        );
        if (!link) throw new Error(`no nav link ${action.link}`);
        link.click();
      } else if ('tab' in action) {
        const tab = [...document.querySelectorAll<HTMLElement>('[role="tab"]')].find((t) =>
          t.textContent!.startsWith(action.tab),
        );
        if (!tab) throw new Error(`no tab ${action.tab}`);
        tab.click();
      } else location.hash = action.hash;
      await until(() => found().length > 0);
      const tRows = performance.now();
      const tFirst = await frame();
      // The rows fill what shows them: the window, or the scrolling box of a virtualized list.
      const shownBottom = (row: Element) => {
        let bottom = window.innerHeight;
        for (let e = row.parentElement; e && e !== document.body; e = e.parentElement) {
          const o = getComputedStyle(e).overflowY;
          if ((o === 'auto' || o === 'scroll') && e.scrollHeight > e.clientHeight) {
            bottom = Math.min(bottom, e.getBoundingClientRect().bottom);
            break;
          }
        }
        return bottom;
      };
      await until(() => {
        const list = found();
        if (list.length >= rows) return true;
        const last = list[list.length - 1];
        return !!last && last.getBoundingClientRect().bottom >= shownBottom(last) - 1;
      });
      const tLast = await frame();
      return { rowsMs: tRows - t0, firstFrameMs: tFirst - t0, lastRowMs: tLast - t0 };
    },
    {
      action: s.action,
      heading: s.heading ?? '',
      rows: s.rows,
      ROWS: s.rowSelector ?? 'tbody tr, [role="row"], [role="treeitem"], li, [role="listitem"]',
    },
  );
}

/** The raw reads in one read-only transaction of the app's own database ("triada"). */
export async function rawReads(page: Page, reads: Read[]): Promise<number> {
  return page.evaluate(async (list) => {
    const w = window as unknown as { __benchDb?: IDBDatabase };
    w.__benchDb ??= await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('triada');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const db = w.__benchDb;
    const t0 = performance.now();
    const tx = db.transaction([...new Set(list.map((r) => r.store))], 'readonly');
    const one = (req: IDBRequest) =>
      new Promise<unknown>((resolve, reject) => {
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    await Promise.all(
      list.map((r) => {
        const store = tx.objectStore(r.store);
        if (r.keys) return Promise.all(r.keys.map((k) => one(store.get(k))));
        if (r.get) return one(store.get(r.key!));
        return one((r.index ? store.index(r.index) : store).getAll(r.key));
      }),
    );
    return performance.now() - t0;
  }, reads);
}

async function go(page: Page, hash: string, heading: string): Promise<void> {
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}

/** Leaves the screen (so tabs and lists start anew), then opens the step's starting screen. */
async function open(page: Page, hash: string, heading: string): Promise<void> {
  await go(page, '#/settings', 'Nastavení');
  await go(page, hash, heading);
  // Let the previous screen's work and the live queries settle before the timed step.
  await page.waitForTimeout(800);
}

export async function measure(): Promise<BenchRow[]> {
  const { region } = await regionBackupFile();
  const context = await regionContext();
  const rows: BenchRow[] = [];
  try {
    const page = await newPage(context);
    const session = await cdp(page);
    await page.goto(`${baseUrl()}#/`);
    await page.getByRole('heading', { name: 'Přehled', level: 1 }).waitFor();
    for (const s of screens(region)) {
      const runs: NavTiming[] = [];
      const base: number[] = [];
      try {
        for (let i = 0; i < RUNS; i++) {
          await open(page, s.from, s.fromHeading);
          runs.push(await timeStep(page, s));
          await page.waitForTimeout(300);
          base.push(await rawReads(page, s.reads));
        }
      } catch (e) {
        // One screen that cannot be timed (a changed heading, a timeout) must not cost the others.
        rows.push(
          makeRow({
            figure: `${s.name}: first frame`,
            unit: 'ms',
            where: 'chromium',
            value: NaN,
            budget: budget.below(BUDGET_MS),
            note: `could not be measured: ${String((e as Error).message ?? e).split('\n')[0]}`,
          }),
        );
        continue;
      }
      const baselineLabel = `raw IndexedDB: ${s.reads.length} reads`;
      const note = `reads: ${s.reads.map((r) => (r.keys ? `${r.keys.length} × get ${r.store}` : `${r.get ? 'get' : 'getAll'} ${r.store}${r.index ? `.${r.index}` : ''}`)).join(', ')}`;
      rows.push(
        makeRow({
          figure: `${s.name}${s.label ?? ` (${s.rows} rows)`}: first frame`,
          unit: 'ms',
          where: 'chromium',
          runs: runs.map((r) => r.firstFrameMs),
          baselineRuns: base,
          baselineLabel,
          budget: budget.below(BUDGET_MS),
          note,
        }),
        makeRow({
          figure: `${s.name}: last visible row`,
          unit: 'ms',
          where: 'chromium',
          runs: runs.map((r) => r.lastRowMs),
          baselineRuns: base,
          baselineLabel,
          budget: budget.below(BUDGET_MS),
        }),
      );
      // The screen as the user left it after the last run: DOM size and JS heap.
      const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
      rows.push(
        makeRow({
          figure: `${s.name}: DOM nodes`,
          unit: 'count',
          where: 'chromium',
          value: nodes,
          budget: budget.report(),
        }),
        makeRow({
          figure: `${s.name}: JS heap after GC`,
          unit: 'MB',
          where: 'chromium',
          value: await heapMB(session),
          budget: budget.report(),
        }),
      );
    }
  } finally {
    await context.close();
  }
  return rows;
}
