// Restore of the ten-year region's backup file through the app's own restore screen (Záloha a
// data → Vybrat soubor zálohy → preview → Obnovit ze zálohy → confirm) in real Chromium, against
// the raw path in the same page: read the same file, JSON.parse it and put every row with raw
// IndexedDB into a database with the same stores and indexes, in one transaction. Also the
// longest task that froze the window while the restore ran.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  adoptRegionProfile,
  longTasks,
  newPage,
  openProfile,
  regionBackupFile,
  restoreThroughUi,
  TMP,
  type RestoreTiming,
} from '../browser';
import { budget, makeRow, type BenchRow } from '../table';

const RUNS = 3;
/** No single task may freeze the window for longer than this while a restore runs. */
const LONG_TASK_BUDGET_MS = 200;

interface RawTiming {
  readMs: number;
  parseMs: number;
  putMs: number;
  totalMs: number;
  from: number;
  to: number;
}

/**
 * The raw path, in the page: a copy of the app database's stores and indexes ("bench-raw"), the
 * same file read from a file input, parsed, and every row put in one read-write transaction.
 */
async function rawRestore(page: Page, file: string): Promise<RawTiming> {
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'bench-raw-file';
    input.style.display = 'none';
    document.body.append(input);
  });
  await page.setInputFiles('#bench-raw-file', file);
  return page.evaluate(async () => {
    const req = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    // The app's schema, copied store by store and index by index.
    const app = await req(indexedDB.open('triada'));
    const stores = [...app.objectStoreNames].map((name) => {
      const s = app.transaction(name).objectStore(name);
      return {
        name,
        keyPath: s.keyPath,
        autoIncrement: s.autoIncrement,
        indexes: [...s.indexNames].map((i) => {
          const x = s.index(i);
          return { name: i, keyPath: x.keyPath, unique: x.unique, multiEntry: x.multiEntry };
        }),
      };
    });
    app.close();
    await req(indexedDB.deleteDatabase('bench-raw'));
    const open = indexedDB.open('bench-raw', 1);
    open.onupgradeneeded = () => {
      for (const s of stores) {
        const store = open.result.createObjectStore(s.name, {
          keyPath: s.keyPath,
          autoIncrement: s.autoIncrement,
        });
        for (const i of s.indexes)
          store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
      }
    };
    const db = await req(open);

    const f = (document.getElementById('bench-raw-file') as HTMLInputElement).files![0]!;
    const t0 = performance.now();
    const bytes = await f.arrayBuffer();
    const t1 = performance.now();
    const data = (
      JSON.parse(new TextDecoder().decode(bytes)) as { data: Record<string, unknown[]> }
    ).data;
    const t2 = performance.now();
    const tx = db.transaction(
      stores.map((s) => s.name),
      'readwrite',
    );
    for (const s of stores) {
      const store = tx.objectStore(s.name);
      store.clear();
      for (const row of data[s.name] ?? []) store.put(row);
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
    const t3 = performance.now();
    db.close();
    await req(indexedDB.deleteDatabase('bench-raw'));
    return {
      readMs: t1 - t0,
      parseMs: t2 - t1,
      putMs: t3 - t2,
      totalMs: t3 - t0,
      from: t0,
      to: t3,
    };
  });
}

const longest = (tasks: { duration: number }[]) =>
  tasks.reduce((m, t) => Math.max(m, t.duration), 0);

export async function measure(): Promise<BenchRow[]> {
  const backup = await regionBackupFile();
  const restores: RestoreTiming[] = [];
  const raws: RawTiming[] = [];
  const restoreLong: number[] = [];
  const restoreLongCount: number[] = [];
  const rawLong: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // A fresh, empty profile each run; the last one becomes the region for the other suites.
    const dir = join(TMP, `profile-restore-${i}`);
    rmSync(dir, { recursive: true, force: true });
    const context = await openProfile(dir);
    try {
      const page = await newPage(context);
      const r = await restoreThroughUi(page, backup.file);
      restores.push(r);
      const lt = await longTasks(page, r.from, r.to);
      restoreLong.push(longest(lt));
      restoreLongCount.push(lt.length);
      await page.waitForTimeout(1000);
      const raw = await rawRestore(page, backup.file);
      raws.push(raw);
      rawLong.push(longest(await longTasks(page, raw.from, raw.to)));
    } finally {
      await context.close();
    }
    if (i === RUNS - 1) adoptRegionProfile(dir);
    else rmSync(dir, { recursive: true, force: true });
  }
  const records = Object.values(backup.counts).reduce((a, b) => a + b, 0);
  const mb = (backup.bytes / 2 ** 20).toFixed(1);
  const rawLabel = 'raw IndexedDB: read + JSON.parse + bulk put';
  return [
    makeRow({
      figure: `restore through the restore screen (${mb} MB, ${records.toLocaleString('en-US')} records)`,
      unit: 'ms',
      where: 'chromium',
      runs: restores.map((r) => r.totalMs),
      baselineRuns: raws.map((r) => r.totalMs),
      baselineLabel: rawLabel,
      budget: budget.ratioAtMost(1.5),
      note:
        `file check (choice → preview) ${restores.map((r) => Math.round(r.checkMs)).join(', ')} ms, ` +
        `writing (confirm → done) ${restores.map((r) => Math.round(r.writeMs)).join(', ')} ms; ` +
        `raw: read ${raws.map((r) => Math.round(r.readMs)).join(', ')}, parse ${raws.map((r) => Math.round(r.parseMs)).join(', ')}, ` +
        `put ${raws.map((r) => Math.round(r.putMs)).join(', ')} ms`,
    }),
    makeRow({
      figure: 'restore: longest task freezing the window',
      unit: 'ms',
      where: 'chromium',
      runs: restoreLong,
      baselineRuns: rawLong,
      baselineLabel: 'raw path (JSON.parse on the main thread)',
      budget: budget.atMost(LONG_TASK_BUDGET_MS),
      note: `long tasks (> 50 ms) during the restore: ${restoreLongCount.join(', ')}`,
    }),
  ];
}
