import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { expect, test, type Page } from '@playwright/test';
import { App } from './app';

/** Page-model helpers of the community plan screens (role-based locators, Czech UI). */
class PlanScreens {
  constructor(
    readonly page: Page,
    readonly app: App,
  ) {}

  async createPlan(name: string, from = '2026', to = '2028') {
    await this.app.nav('Komunitní plán').click();
    await this.page.getByRole('button', { name: 'Nový plán' }).first().click();
    const d = this.app.dialog();
    await d.getByLabel('Název plánu').fill(name);
    await d.getByLabel('Období od (rok)').fill(from);
    await d.getByLabel('Období do (rok)').fill(to);
    await d.getByRole('button', { name: 'Uložit' }).click();
    await expect(this.page.getByRole('heading', { name, level: 1 })).toBeVisible();
  }

  async addItem(button: { name: string }, title: string, level: string) {
    await this.page.getByRole('button', button).click();
    const d = this.app.dialog();
    await d.getByLabel(`Název (${level})`).fill(title);
    await d.getByRole('button', { name: 'Uložit' }).click();
    await expect(d).toBeHidden();
  }

  async record(
    code: string,
    status: string,
    opts: { percent?: string; reason?: string; mpsv?: string } = {},
  ) {
    await this.page.getByRole('button', { name: `Zapsat stav aktivity ${code}` }).click();
    const d = this.app.dialog();
    await d.getByLabel('Stav plnění').selectOption({ label: status });
    if (opts.percent) await d.getByLabel('Naplnění (%)').fill(opts.percent);
    if (opts.reason) await d.getByLabel(/Důvod/).fill(opts.reason);
    if (opts.mpsv) await d.getByLabel('dotace MPSV přes kraj').fill(opts.mpsv);
    await d.getByLabel('Kdo údaje předal').fill('Mgr. Jana Nováková');
    await d.getByRole('button', { name: 'Uložit stav' }).click();
    await expect(d).toBeHidden();
  }
}

test('a coordinator builds a plan, records a year of monitoring, reads the dashboard and exports the evaluation', async ({
  page,
}) => {
  const app = new App(page);
  const plan = new PlanScreens(page, app);
  await app.open();
  await app.startEmpty();
  await app.nav('Komunitní plán').click();
  await expect(page.getByText('Zatím tu není žádný komunitní plán.')).toBeVisible();
  await plan.createPlan('Komunitní plán sociálních služeb ORP Vizovice 2026–2028');

  // 2 priorities × 2 measures × 2 activities
  for (const p of [1, 2]) {
    await plan.addItem(
      { name: '+ Priorita', exact: true } as { name: string },
      `Priorita číslo ${p}`,
      'Priorita',
    );
    for (const m of [1, 2]) {
      await plan.addItem({ name: `Přidat Opatření pod ${p}` }, `Opatření ${p}.${m}`, 'Opatření');
      for (const a of [1, 2]) {
        await page.getByRole('button', { name: `Přidat Aktivita pod ${p}.${m}` }).click();
        const d = app.dialog();
        await d.getByLabel('Název (Aktivita)').fill(`Aktivita ${p}.${m}.${a}`);
        if (p === 1 && m === 1 && a === 1) {
          await d.getByRole('button', { name: '+ Přidat náklad' }).click();
          await d.getByLabel('Částka (Kč)').fill('100 000');
        }
        await d.getByRole('button', { name: 'Uložit' }).click();
        await expect(d).toBeHidden();
      }
    }
  }
  const tree = page.getByRole('list', { name: 'Struktura' });
  await expect(tree.getByRole('listitem')).toHaveCount(14);
  await expect(tree.getByRole('listitem', { name: '2.2.2 Aktivita 2.2.2' })).toBeVisible();
  await page.screenshot({ path: 'test-results/plan-tree.png', fullPage: true });

  // Monitoring for 2026
  await page.getByRole('group', { name: 'Rok' }).getByRole('button', { name: '2026' }).click();
  await page.getByRole('tab', { name: 'Monitoring' }).click();
  await plan.record('1.1.1', 'splněno', { mpsv: '90 000' });
  await plan.record('1.1.2', 'splněno');
  await plan.record('1.2.1', 'splněno');
  await plan.record('1.2.2', 'v realizaci', { percent: '40' });
  await plan.record('2.1.1', 'částečně splněno', { percent: '50' });
  // "nesplněno" without a reason is refused with a Czech message
  await page.getByRole('button', { name: 'Zapsat stav aktivity 2.1.2' }).click();
  await app.dialog().getByLabel('Stav plnění').selectOption({ label: 'nesplněno' });
  await app.dialog().getByRole('button', { name: 'Uložit stav' }).click();
  await expect(app.dialog().getByText('U nesplněné aktivity je důvod povinný.')).toBeVisible();
  await app.dialog().getByLabel(/Důvod/).fill('Nepodařilo se získat dotaci.');
  await app.dialog().getByRole('button', { name: 'Uložit stav' }).click();
  await expect(app.dialog()).toBeHidden();
  await plan.record('2.2.1', 'zrušeno', { reason: 'Aktivitu převzal kraj.' });
  // 2.2.2 stays without a report

  await page.getByRole('tab', { name: 'Přehled plnění' }).click();
  // base 7 (cancelled left out): 3 fulfilled, 2 in progress (incl. partial), 1 not fulfilled, 1 unreported
  await expect(page.getByTestId('kpi-fulfilled')).toContainText('43 %');
  await expect(page.getByTestId('kpi-fulfilled')).toContainText('3 z 7 aktivit');
  await expect(page.getByTestId('kpi-inProgress')).toContainText('29 %');
  await expect(page.getByTestId('kpi-notFulfilled')).toContainText('14 %');
  await expect(page.getByTestId('kpi-noReport')).toContainText('14 %');
  await expect(page.getByTestId('kpi-average')).toContainText('1 zrušená mimo základ');
  await expect(page.getByTestId('cost-summary')).toHaveText(
    'Plánováno 100 000 Kč, skutečně čerpáno 90 000 Kč.',
  );
  await expect(
    page.getByRole('heading', { name: 'Bez aktualizace v roce 2026: 1 aktivita' }),
  ).toBeVisible();
  await expect(page.getByTestId('plan-headline')).toHaveText(
    '8 aktivit · 43 % splněno · 29 % rozpracováno · 14 % nesplněno',
  );
  await page.screenshot({ path: 'test-results/plan-dashboard.png', fullPage: true });

  // The evaluation report
  await page.getByRole('tab', { name: 'Vyhodnocení' }).click();
  await page.getByLabel('Zpracoval/a').fill('Petra Dvořáková');
  await page
    .getByLabel('Závěry a doporučení pro aktualizaci')
    .fill('Aktivitu 2.1.2 převést do dalšího plánu.');
  await page.getByLabel('Usnesení řídící skupiny č.').fill('ŘS 5/2026/3');
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exportovat DOCX' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('Vyhodnoceni_KP_2026.docx');
  if (process.env.DOCX_OUT)
    await download.saveAs(`${process.env.DOCX_OUT}/e2e-${download.suggestedFilename()}`);
  await expect(page.getByText('Dokument Vyhodnoceni_KP_2026.docx je uložen.')).toBeVisible();
  const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1])
    .join('')
    .replace(/\u00A0/g, ' ');
  expect(text).toContain('Vyhodnocení komunitního plánu');
  expect(text).toContain('Komunitní plán sociálních služeb ORP Vizovice 2026–2028');
  expect(text).toContain('je 43 % splněno, 29 % rozpracováno a 14 % nesplněno');
  expect(text).toContain('Aktivita 2.1.2');
  expect(text).toContain('Důvod: Nepodařilo se získat dotaci.');
  expect(text).toContain('100 000 Kč');
  expect(text).toContain('90 000 Kč');
  expect(text).toContain('Aktivitu 2.1.2 převést do dalšího plánu.');
  expect(text).toContain('usnesení č. ŘS 5/2026/3');
  expect(text).toContain('Obsah');
  expect(Object.keys(zip.files).some((f) => /^word\/media\/.+\.png$/.test(f))).toBe(true);
  // the texts were saved with the version
  await page.reload();
  await page.getByRole('tab', { name: 'Vyhodnocení' }).click();
  await expect(page.getByLabel('Závěry a doporučení pro aktualizaci')).toHaveValue(
    'Aktivitu 2.1.2 převést do dalšího plánu.',
  );
});

test('importing a structure from CSV with one bad row reports that row and writes nothing', async ({
  page,
}) => {
  const app = new App(page);
  const plan = new PlanScreens(page, app);
  await app.open();
  await app.startEmpty();
  await plan.createPlan('KPSS Slušovicko 2026–2028');

  const bad = [
    'Kód;Název;Realizátor;Termín;Náklady (Kč/rok)',
    '1;Senioři;;;',
    '1.1;;;;',
    '1.1.1;Pečovatelská služba;Charita Vizovice;2026–2028;1 200 000',
    '',
  ].join('\n');
  await page.getByRole('button', { name: 'Načíst strukturu z CSV/XLSX' }).first().click();
  const d = app.dialog();
  await d.getByLabel('Soubor (CSV nebo XLSX)').setInputFiles({
    name: 'struktura.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(bad, 'utf-8'),
  });
  await d.getByRole('button', { name: 'Načíst', exact: true }).click();
  const alert = d.getByRole('alert');
  await expect(alert).toContainText('Nic se nenačetlo');
  await expect(alert).toContainText('Řádek 3: Chybí název.');
  await expect(alert).toContainText(
    'Řádek 4: Nadřazená položka 1.1 v souboru chybí nebo je chybná.',
  );
  await page.screenshot({ path: 'test-results/plan-import-error.png' });
  await d.getByRole('button', { name: 'Zrušit' }).click();
  await expect(page.getByText('Plán zatím nemá strukturu.')).toBeVisible();

  const good = bad.replace('1.1;;;;', '1.1;Terénní služby;;;');
  await page.getByRole('button', { name: 'Načíst strukturu z CSV/XLSX' }).first().click();
  await d.getByLabel('Soubor (CSV nebo XLSX)').setInputFiles({
    name: 'struktura.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(good, 'utf-8'),
  });
  await d.getByRole('button', { name: 'Načíst', exact: true }).click();
  await expect(d.getByRole('status')).toContainText('Načteny 3 položky.');
  await d.getByRole('button', { name: 'Zavřít' }).click();
  await expect(
    page
      .getByRole('list', { name: 'Struktura' })
      .getByRole('listitem', { name: '1.1.1 Pečovatelská služba' }),
  ).toBeVisible();
});

test('the sample region comes with a monitored community plan', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSample();
  await app.nav('Komunitní plán').click();
  await page
    .getByRole('link', { name: 'Komunitní plán sociálních služeb ORP Vizovice 2026–2028' })
    .click();
  await page.getByRole('group', { name: 'Rok' }).getByRole('button', { name: '2026' }).click();
  await expect(page.getByTestId('plan-headline')).toContainText('25 aktivit');
  await page.screenshot({ path: 'test-results/plan-sample-tree.png', fullPage: true });
  await page.getByRole('tab', { name: 'Přehled plnění' }).click();
  await expect(page.getByRole('heading', { name: 'Plnění plánu v roce 2026' })).toBeVisible();
  await page.screenshot({ path: 'test-results/plan-sample-dashboard.png', fullPage: true });
  await page.getByRole('tab', { name: 'Tabulka' }).click();
  await page.screenshot({ path: 'test-results/plan-sample-table.png', fullPage: true });
  await page.getByRole('tab', { name: 'Vyhodnocení' }).click();
  await expect(page.getByTestId('version-status')).toBeVisible();
  await page.screenshot({ path: 'test-results/plan-sample-evaluation.png', fullPage: true });
});
