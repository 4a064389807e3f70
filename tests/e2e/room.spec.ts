import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { convertDocxToPdf, normalizeText } from '../integration/helpers/libreoffice';
import { App, fillDate, isoInDays } from './app';

const PRESENT = [
  'Mgr. Jana Nováková',
  'Marie Horáková',
  'Josef Kučera',
  'Mgr. Lucie Šimková',
  'Šárka Řeháková',
  'Hana Vlčková',
  'Věra Pospíšilová',
  'Bc. Kateřina Machalová',
  'Ludmila Křížová',
];

async function openUpcomingPs1(page: Page) {
  const app = new App(page);
  await app.nav('Jednání').click();
  await page
    .getByLabel('Skupina')
    .selectOption({ label: 'PS1 – Senioři a osoby se zdravotním postižením' });
  await page.getByRole('tabpanel').getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: /PS1 – jednání č\./ })).toBeVisible();
}

async function addResolution(
  page: Page,
  verb: string,
  text: string,
  votes: [number, number, number],
) {
  await page.getByRole('button', { name: 'Přidat usnesení' }).click();
  const d = page.getByRole('dialog');
  await d.getByLabel('Sloveso').selectOption({ label: `PS1 ${verb}` });
  await d.getByLabel('Text usnesení').fill(text);
  await d.getByLabel('Pro', { exact: true }).fill(String(votes[0]));
  await d.getByLabel('Proti', { exact: true }).fill(String(votes[1]));
  await d.getByLabel('Zdrželo se', { exact: true }).fill(String(votes[2]));
  await d.getByRole('button', { name: 'Uložit' }).click();
  await expect(d).toBeHidden();
}

test('a working group meeting runs in the room, its minutes export to a real DOCX and its task comes back for review', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const app = new App(page);
  await app.open();
  await app.loadSample();
  await openUpcomingPs1(page);
  for (const name of PRESENT) await app.mark(name, 'přítomen');
  await expect(page.getByTestId('quorum-verdict')).toHaveText('usnášeníschopná: ano');

  await page.getByRole('link', { name: 'Zasedací místnost' }).click();
  await page.getByRole('button', { name: 'Vložit standardní body' }).click();
  await expect(page.getByRole('heading', { name: /Ad 1 Zahájení/ })).toBeVisible();

  // Approve the programme by vote.
  await addResolution(page, 'schvaluje', 'program jednání', [9, 0, 0]);
  await expect(page.getByTestId('resolution')).toContainText(
    '9 : 0 : 0 (pro : proti : zdrželo se) – přijato',
  );

  // A new item lands before "Různé".
  await page.getByRole('button', { name: 'Přidat bod' }).click();
  await page
    .getByRole('dialog')
    .getByLabel('Název bodu')
    .fill('Výběr priorit pro nový komunitní plán');
  await page.getByRole('dialog').getByLabel('Plánované minuty').fill('30');
  await page.getByRole('dialog').getByRole('button', { name: 'Uložit' }).click();
  await page.getByRole('row', { name: /3\. Výběr priorit/ }).click();
  await expect(page.getByRole('heading', { name: /Ad 3 Výběr priorit/ })).toBeVisible();

  const note =
    'Členové diskutovali o odlehčovací službě a rozšíření pečovatelské služby o víkendy.';
  await page.getByLabel('Průběh projednávání').fill(note);

  // Too many votes for the people in the room: a clear Czech error, nothing written.
  await page.getByRole('button', { name: 'Přidat usnesení' }).click();
  await page
    .getByRole('dialog')
    .getByLabel('Text usnesení')
    .fill('ŘS zařadit odlehčovací službu mezi priority');
  await page.getByRole('dialog').getByLabel('Pro', { exact: true }).fill('12');
  await page.getByRole('dialog').getByRole('button', { name: 'Uložit' }).click();
  await expect(page.getByRole('dialog').getByRole('alert')).toHaveText(
    'Hlasů (12) je víc než přítomných členů s hlasem (9).',
  );
  await page.getByRole('dialog').getByRole('button', { name: 'Zrušit' }).click();

  await addResolution(
    page,
    'doporučuje',
    'ŘS zařadit odlehčovací službu mezi priority nového KP',
    [7, 1, 1],
  );
  const resolution = page.getByTestId('resolution');
  await expect(resolution).toContainText('7 : 1 : 1 (pro : proti : zdrželo se) – přijato');
  await expect(resolution).toContainText(/PS1\/\d+\/\d{4}\/2/);
  await expect(resolution).toContainText(
    'Nadpoloviční většina přítomných členů s hlasem – potřeba 5 hlasů pro',
  );

  await page
    .getByRole('form', { name: 'Přidat úkol' })
    .getByLabel('Úkol')
    .fill('Zaslat návrh dotazníku pro seniory členům PS');
  await page
    .getByRole('form', { name: 'Přidat úkol' })
    .getByLabel('Odpovídá')
    .selectOption({ label: 'Mgr. Jana Nováková' });
  await fillDate(page.getByRole('form', { name: 'Přidat úkol' }), 'Termín', isoInDays(20));
  await page.getByRole('button', { name: 'Přidat úkol' }).click();
  await expect(page.getByTestId('task-row')).toContainText(
    'Zaslat návrh dotazníku pro seniory členům PS',
  );

  // Close the page in the middle of typing, reopen it: the note is there.
  const url = page.url();
  await page.getByLabel('Průběh projednávání').press('End');
  await page.getByLabel('Průběh projednávání').pressSequentially(' Shoda panuje.', { delay: 20 });
  await page.waitForTimeout(150);
  await page.close();
  const again = await context.newPage();
  await again.goto(url);
  await expect(again.getByLabel('Průběh projednávání')).toHaveValue(`${note} Shoda panuje.`);

  // Next meeting set from the room.
  await again.getByRole('row', { name: /Termín příštího jednání/ }).click();
  await again.getByRole('button', { name: 'Stanovit příští jednání' }).click();
  await fillDate(again.getByRole('dialog'), 'Datum', isoInDays(70));
  await again.getByRole('dialog').getByRole('button', { name: 'Uložit' }).click();
  await expect(again.getByText('Otevřít příští jednání')).toBeVisible();

  // Export the minutes and read them back through LibreOffice.
  const [download] = await Promise.all([
    again.waitForEvent('download'),
    again.getByRole('button', { name: 'Zápis (DOCX)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^Zapis_PS1_\d+-\d{4}_\d{4}-\d{2}-\d{2}\.docx$/);
  const path = test.info().outputPath('zapis.docx');
  await download.saveAs(path);
  const converted = await convertDocxToPdf([{ name: 'zapis.docx', bytes: readFileSync(path) }]);
  try {
    const text = normalizeText(converted.docs.get('zapis.docx')!.text);
    if (process.env.DUMP_DOCX) writeFileSync(process.env.DUMP_DOCX, readFileSync(path));
    expect(text).toContain('ZÁPIS');
    expect(text).toContain('7 : 1 : 1 (pro : proti : zdrželo se)');
    expect(text).toContain('program jednání');
    expect(text).toContain('Zaslat návrh dotazníku');
    expect(text).toContain('Členové diskutovali o odlehčovací službě');
    expect(text).toContain('Mgr. Jana Nováková');
    expect(text).toMatch(/Strana 1 z \d/);
  } finally {
    converted.cleanup();
  }

  // At the next meeting the task is up for review under "Kontrola úkolů".
  await again.getByRole('link', { name: 'Otevřít příští jednání' }).click();
  await again.getByRole('button', { name: 'Vložit standardní body' }).click();
  await again.getByRole('row', { name: /2\. Kontrola zápisu/ }).click();
  const review = again.getByTestId('review-row');
  await expect(review).toContainText('Zaslat návrh dotazníku pro seniory členům PS');
  await review.getByRole('combobox').selectOption({ label: 'splněný' });
  await again.getByRole('link', { name: 'Úkoly', exact: true }).click();
  await again.getByLabel('Jen nesplněné').uncheck();
  await expect(
    again.getByRole('row', { name: /Zaslat návrh dotazníku/ }).getByRole('combobox'),
  ).toHaveValue('done');
});
