// XLSX import in real Chromium under the app's real CSP (scripts/serve.mjs): a legitimate
// 20,000-row sheet (several MB of XML, far over the 512 kB at which the old import hung on
// the CSP-blocked blob: worker) imports; a zip bomb and a 200 MB file are refused in Czech.
import { closeSync, mkdirSync, openSync, ftruncateSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { makeXlsx, makeZipBomb, planRows } from '../fixtures/xlsx';
import { App } from './app';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function openImport(page: Page, planName: string) {
  const app = new App(page);
  await app.open();
  await app.startEmpty();
  await app.nav('Komunitní plán').click();
  await page.getByRole('button', { name: 'Nový plán' }).first().click();
  const d = app.dialog();
  await d.getByLabel('Název plánu').fill(planName);
  await d.getByLabel('Období od (rok)').fill('2026');
  await d.getByLabel('Období do (rok)').fill('2028');
  await d.getByRole('button', { name: 'Uložit' }).click();
  await expect(page.getByRole('heading', { name: planName, level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Načíst strukturu z CSV/XLSX' }).first().click();
  return d;
}

test('a legitimate 20,000-row XLSX imports under the real CSP, with a progress bar', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const cspErrors: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
  });
  const rows = planRows(20_000);
  const d = await openImport(page, 'KPSS Vizovicko 2026–2028');
  await d.getByLabel('Soubor (CSV nebo XLSX)').setInputFiles({
    name: 'struktura.xlsx',
    mimeType: XLSX_MIME,
    buffer: Buffer.from(makeXlsx(rows)),
  });
  await d.getByRole('button', { name: 'Načíst', exact: true }).click();
  await expect(d.getByRole('button', { name: 'Načítám…' })).toBeVisible();
  await expect(d.getByRole('progressbar')).toBeVisible();
  await page.screenshot({ path: 'test-results/xlsx-import-progress.png' });
  const started = Date.now();
  // The file is read well within the time-out; storing 20,000 items follows.
  await expect(d.getByText('Ukládám načtené řádky do plánu…')).toBeVisible({ timeout: 60_000 });
  console.log(`xlsx read in ${Date.now() - started} ms`);
  await expect(d.getByRole('status')).toContainText(/Načteno 20.?\d{3} položek\./, {
    timeout: 150_000,
  });
  console.log(`imported after ${Date.now() - started} ms`);
  await page.screenshot({ path: 'test-results/xlsx-import-done.png' });
  expect(cspErrors).toEqual([]);
});

test('a zip bomb is refused before it is unpacked, and nothing is written', async ({ page }) => {
  const d = await openImport(page, 'KPSS Slušovicko 2026–2028');
  const bomb = makeZipBomb(200);
  expect(bomb.length).toBeLessThan(1024 * 1024);
  await d.getByLabel('Soubor (CSV nebo XLSX)').setInputFiles({
    name: 'struktura.xlsx',
    mimeType: XLSX_MIME,
    buffer: Buffer.from(bomb),
  });
  await d.getByRole('button', { name: 'Načíst', exact: true }).click();
  await expect(d.getByRole('alert')).toContainText('zip bomba');
  await page.screenshot({ path: 'test-results/xlsx-import-bomb.png' });
  await d.getByRole('button', { name: 'Zrušit' }).click();
  await expect(page.getByText('Plán zatím nemá strukturu.')).toBeVisible();
});

test('a 200 MB file is refused at once, from its size', async ({ page }, info) => {
  const dir = info.outputPath();
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'obrovsky.xlsx');
  // A sparse file: 200 MB long, no disk used; Chromium gets the path, not the bytes.
  const fd = openSync(file, 'w');
  ftruncateSync(fd, 200 * 1024 * 1024);
  closeSync(fd);
  const d = await openImport(page, 'KPSS Zlínsko 2026–2028');
  await d.getByLabel('Soubor (CSV nebo XLSX)').setInputFiles(file);
  const started = Date.now();
  await d.getByRole('button', { name: 'Načíst', exact: true }).click();
  await expect(d.getByRole('alert')).toContainText('Soubor má 200 MB, načíst lze nejvýše 20 MB.');
  expect(Date.now() - started).toBeLessThan(5_000);
});
