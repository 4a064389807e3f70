import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import JSZip from 'jszip';
import { App, fillDate, fillTime, isoInDays } from './app';

// Issue 11: after scheduling, the meeting page offers the preparation (programme, materials,
// invitation with its notice deadline), not only attendance.
test('a newly scheduled meeting is prepared on its own page: programme, materials, invitation', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const app = new App(page);
  await app.open();
  await app.loadSample();
  await page.goto('/#/meetings');
  await page.getByRole('button', { name: 'Naplánovat jednání' }).first().click();
  const d = app.dialog();
  await d.getByLabel('Skupina').selectOption({ label: 'PS2 – Rodiny s dětmi' });
  await fillDate(d, 'Datum', isoInDays(40));
  await fillTime(d, 'Od', '13:00');
  await fillTime(d, 'Do', '15:00');
  await d.getByLabel('Místo').fill('Charita Vizovice');
  await d.getByRole('button', { name: 'Uložit' }).click();
  await expect(d).toBeHidden();

  const prepare = page.getByRole('region', { name: 'Příprava jednání' });
  await expect(prepare).toBeVisible();
  await expect(prepare.getByTestId('invitation-state')).toContainText(
    'Pozvánka zatím neodešla. Rozešlete ji nejpozději',
  );

  // The programme: the room's own agenda panel, right here.
  await prepare.getByRole('button', { name: 'Přidat bod' }).click();
  await d.getByLabel('Název bodu').fill('Dotační řízení kraje 2027');
  await d.getByRole('button', { name: 'Uložit' }).click();
  await expect(d).toBeHidden();
  await expect(prepare.getByRole('grid', { name: 'Program' })).toContainText(
    'Dotační řízení kraje 2027',
  );

  // Materials through the meeting form.
  await expect(prepare).toContainText('Zatím žádné podklady');
  await prepare.getByRole('button', { name: 'Upravit podklady' }).click();
  await d.getByLabel('Podklady k jednání').fill('Návrh rozpočtu 2027');
  await d.getByRole('button', { name: 'Uložit' }).click();
  await expect(d).toBeHidden();
  await expect(prepare.getByRole('listitem')).toHaveText(['Návrh rozpočtu 2027']);

  // The invitation: one export, the same as in the room.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    prepare.getByRole('button', { name: 'Pozvánka (DOCX)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  const zip = await JSZip.loadAsync(readFileSync(await download.path()));
  const xml = await zip.file('word/document.xml')!.async('string');
  expect(xml).toContain('Dotační řízení kraje 2027');
  expect(xml).toContain('Návrh rozpočtu 2027');

  // Recording that it went out.
  await prepare.getByRole('button', { name: 'Zapsat odeslání pozvánky…' }).click();
  await fillDate(d, 'Rozesláno dne', isoInDays(0));
  await d.getByRole('button', { name: 'Uložit' }).click();
  await expect(d).toBeHidden();
  await expect(prepare.getByTestId('invitation-state')).toContainText('Pozvánka odešla');
});
