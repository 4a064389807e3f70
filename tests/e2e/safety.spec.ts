import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { App } from './app';
import { inflateBackup } from './bigBackup';

/** "19 278" as the page writes it (any space), for a regular expression. */
const thousands = (n: number) => new Intl.NumberFormat('cs-CZ').format(n).replace(/\s/g, '\\s');

async function peopleShown(page: Page, app: App): Promise<string> {
  await app.nav('Lidé').click();
  const subtitle = page.locator('.page-subtitle');
  await expect(subtitle).toHaveText(/Zobrazen/);
  return (await subtitle.textContent())!;
}

test('back up, lose the data, restore from the file through the UI and see everything back', async ({
  page,
}, info) => {
  const app = new App(page);
  await app.open();
  await app.loadSample();

  // The user's name is asked once, without blocking the work.
  await page.getByLabel('Vaše jméno').fill('Petra Dvořáková');
  await page.getByRole('button', { name: 'Pokračovat' }).click();
  await expect(page.getByLabel('Vaše jméno')).toBeHidden();
  // Browser mode: never backed up yet, so the reminder is shown.
  await expect(page.getByText('Data ještě nebyla zálohována')).toBeVisible();

  const before = await peopleShown(page, app);
  expect(before).toMatch(/\d+/);

  await app.nav('Záloha a data').click();
  await expect(page.getByRole('heading', { name: 'Záloha a data', level: 1 })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Zálohovat', exact: true }).click();
  const file = info.outputPath((await download).suggestedFilename());
  await (await download).saveAs(file);
  expect((await download).suggestedFilename()).toMatch(
    /^triada-zaloha-\d{4}-\d{2}-\d{2}-\d{4}\.json$/,
  );
  await expect(
    page.getByText(/Záloha uložena do složky Stažené soubory: triada-zaloha-/),
  ).toBeVisible();
  await expect(page.getByText('Data ještě nebyla zálohována')).toBeHidden();
  const envelope = JSON.parse(await readFile(file, 'utf8'));
  expect(envelope).toMatchObject({ format: 'triada-backup', formatVersion: 2 });
  expect(envelope.data.people.length).toBeGreaterThan(40);

  await page.screenshot({ path: info.outputPath('safety-page.png'), fullPage: true });

  // A tampered copy is refused with a Czech message naming the problem; nothing changes.
  const tampered = info.outputPath('upravena.json');
  await writeFile(
    tampered,
    JSON.stringify({
      ...envelope,
      data: { ...envelope.data, people: envelope.data.people.slice(1) },
    }),
  );
  await page.getByLabel('Vybrat soubor zálohy').setInputFiles(tampered);
  await expect(page.getByRole('alert')).toContainText('Kontrolní součet nesedí');
  await expect(page.getByRole('alert')).toContainText('Data v aplikaci zůstala beze změny.');

  // The laptop's data is lost: the database is deleted and the app starts empty.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.deleteDatabase('triada');
        req.onsuccess = () => resolve();
        req.onerror = () => reject(req.error);
      }),
  );
  await page.goto('/');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Načíst ukázkový region' })).toBeVisible();
  await expect(page.getByLabel('Vaše jméno')).toBeVisible();

  // Restore from the file via the UI: preview, confirmation, done.
  await app.nav('Záloha a data').click();
  await page.getByLabel('Vybrat soubor zálohy').setInputFiles(file);
  const preview = page.getByRole('table', { name: 'Obsah zálohy' });
  await expect(preview).toBeVisible();
  await expect(
    preview.getByRole('row', {
      name: new RegExp(`^lidé 0 ${envelope.data.people.length} přibude`),
    }),
  ).toBeVisible();
  await page.screenshot({ path: info.outputPath('safety-preview.png'), fullPage: true });
  await page.getByRole('button', { name: 'Obnovit ze zálohy' }).click();
  await expect(app.dialog()).toContainText('Nahradit všechna data zálohou?');
  await app.dialog().getByRole('button', { name: 'Obnovit ze zálohy' }).click();
  await expect(page.getByText(/Data obnovena ze zálohy z/)).toBeVisible();
  // Checked after every restore: the merged audit chain holds and every approved minutes'
  // seal matches its content.
  const integrity = page.getByTestId('integrity-section');
  await expect(integrity).toContainText(/Historie je neporušená/);
  await expect(integrity).toContainText('Pečetě všech schválených zápisů odpovídají.');

  // The sample's rich meeting closed a dot vote (a tie) and its minutes were approved and
  // sealed: after the restore the seal still matches and the poll's ranking is back.
  const dots = envelope.data.polls.find(
    (p: { definition: { method: string }; status: string }) =>
      p.definition.method === 'points' && p.status === 'closed',
  );
  expect(dots).toBeTruthy();
  await page.goto(`/#/meetings/${dots.meetingId}`);
  await expect(page.getByText(/Zapečetěno: obsah odpovídá schválené verzi/)).toBeVisible();
  await page.goto(`/#/meetings/${dots.meetingId}/room`);
  await page
    .getByText(/Výběr priorit pro akční plán/)
    .first()
    .click();
  await expect(page.getByText(dots.title).first()).toBeVisible();
  await expect(page.getByText(/rovnost/i).first()).toBeVisible();

  expect(await peopleShown(page, app)).toBe(before);
  // The user's name came back with the settings, so it is not asked again.
  await expect(page.getByLabel('Vaše jméno')).toBeHidden();
  await app.nav('Skupiny').click();
  await expect(page.getByRole('link', { name: /PS1/ }).first()).toBeVisible();
});

test('personal data: consent, export and anonymization from the people table; CSV import all or nothing', async ({
  page,
}, info) => {
  const app = new App(page);
  await app.open();
  await app.loadSample();
  await app.nav('Lidé').click();
  // The overview has tables of its own: read the people table only once it is shown.
  await expect(page.getByRole('heading', { name: 'Lidé', level: 1 })).toBeVisible();
  const firstRow = page.getByRole('table').getByRole('row').nth(1);
  const name = (await firstRow.getByRole('cell').first().innerText()).trim();
  await firstRow.getByRole('button', { name: `Osobní údaje: ${name}` }).click();
  const d = app.dialog();
  await expect(d.getByRole('heading', { name: `Osobní údaje: ${name}` })).toBeVisible();
  await d.getByLabel('Rozsah souhlasu').fill('jméno a organizace v zápisech');
  await d.getByRole('button', { name: 'Uložit souhlas' }).click();
  await expect(d.getByText(/Souhlas udělen .*jméno a organizace v zápisech/)).toBeVisible();

  const download = page.waitForEvent('download');
  await d.getByRole('button', { name: 'Stáhnout přehled (HTML)' }).click();
  const html = info.outputPath('osoba.html');
  await (await download).saveAs(html);
  expect(await readFile(html, 'utf8')).toContain('Přehled údajů o osobě');

  await d.getByRole('button', { name: 'Anonymizovat' }).click();
  await page
    .getByRole('dialog', { name: /Opravdu anonymizovat/ })
    .getByRole('button', { name: 'Anonymizovat' })
    .click();
  await expect(d.getByText('Osoba anonymizována jako č. 1.')).toBeVisible();
  await d.getByRole('button', { name: 'Zavřít' }).click();
  await expect(page.getByRole('table').getByText('Anonymizovaný člen č. 1')).toBeVisible();

  // CSV: one bad row blocks the whole import; the fixed file imports everything.
  await app.nav('Záloha a data').click();
  const bad = info.outputPath('lide.csv');
  await writeFile(
    bad,
    'Jméno;Příjmení;Role v triádě;Organizace\nAlena;Nová;uživatelka;Klub seniorů Nový\nBohumil;Starý;veřejnost;\n',
  );
  await page.getByLabel('Vybrat soubor CSV').setInputFiles(bad);
  await expect(page.getByText('Neznámá role „uživatelka“')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Importovat vše' })).toBeDisabled();
  await writeFile(
    bad,
    'Jméno;Příjmení;Role v triádě;Organizace\nAlena;Nová;uživatel;Klub seniorů Nový\nBohumil;Starý;veřejnost;\n',
  );
  await page.getByLabel('Vybrat soubor CSV').setInputFiles(bad);
  await expect(page.getByText('Nově se založí organizace: Klub seniorů Nový')).toBeVisible();
  await page.getByRole('button', { name: 'Importovat vše' }).click();
  await expect(page.getByText('Importováno: 2 lidí, 1 organizací.')).toBeVisible();
});

test('a big backup is checked in a worker with a progress bar, the page stays responsive, cancelling changes nothing, and it restores', async ({
  page,
}, info) => {
  test.setTimeout(240_000);
  const app = new App(page);
  await app.open();
  await app.loadSample();
  await app.nav('Záloha a data').click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Zálohovat', exact: true }).click();
  const base = info.outputPath('zaklad.json');
  await (await download).saveAs(base);
  // The sample's meetings copied 80 times: about 24 000 rows, 8 MB.
  const big = await inflateBackup(await readFile(base, 'utf8'), 80);
  expect(big.rows).toBeGreaterThan(20_000);
  const file = info.outputPath('velka-zaloha.json');
  await writeFile(file, big.text);

  // Every task longer than 50 ms on the page's main thread, from here on.
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask' });
  });
  const longTasks = () =>
    page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0));
  const checkBar = page.getByRole('progressbar', { name: 'Kontrola souboru zálohy' });

  // Cancelled during the check: no preview, nothing changed.
  const peopleBefore = await page.evaluate(() => document.title);
  await page.getByLabel('Vybrat soubor zálohy').setInputFiles(file);
  await expect(checkBar).toBeVisible();
  await page.getByRole('button', { name: 'Zrušit kontrolu' }).click();
  await expect(
    page.getByText('Kontrola zrušena. Data v aplikaci zůstala beze změny.'),
  ).toBeVisible();
  await expect(checkBar).toBeHidden();
  await expect(page.getByRole('table', { name: 'Obsah zálohy' })).toBeHidden();
  expect(await page.evaluate(() => document.title)).toBe(peopleBefore);
  await longTasks();

  // Checked in full: the bar shows the steps with figures; the page never freezes.
  const started = Date.now();
  await page.getByLabel('Vybrat soubor zálohy').setInputFiles(file);
  await expect(checkBar).toBeVisible();
  await expect(page.getByTestId('restore-progress')).toContainText(/\d z \d/);
  const preview = page.getByRole('table', { name: 'Obsah zálohy' });
  await expect(preview).toBeVisible({ timeout: 120_000 });
  const checkMs = Date.now() - started;
  const duringCheck = await longTasks();
  expect(duringCheck.filter((ms) => ms > 200)).toEqual([]);
  await expect(
    preview.getByRole('row', {
      name: new RegExp(`^prezence \\d+ ${thousands(big.counts.attendance!)} přibude`),
    }),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Obnovit ze zálohy' }).click();
  const writing = Date.now();
  await app.dialog().getByRole('button', { name: 'Obnovit ze zálohy' }).click();
  await expect(page.getByRole('progressbar', { name: 'Obnova dat' })).toBeVisible();
  await expect(page.getByText(/Data obnovena ze zálohy z/)).toBeVisible({ timeout: 120_000 });
  const writeMs = Date.now() - writing;
  const attendance = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('triada');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('attendance').objectStore('attendance').count();
          req.onsuccess = () => {
            resolve(req.result);
            open.result.close();
          };
        };
      }),
  );
  expect(attendance).toBe(big.counts.attendance);
  // Figures for the record (timings are measured by npm run bench, never asserted here).
  info.annotations.push({
    type: 'restore',
    description: `${big.rows} rows: check ${checkMs} ms, write ${writeMs} ms; long tasks during the check: ${duringCheck.join(', ') || 'none'}`,
  });
});
