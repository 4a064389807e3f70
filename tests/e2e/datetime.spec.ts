import { expect, test } from '@playwright/test';
import { App, fillDate, fillTime, isoInDays } from './app';

// A browser set to American English: the app still writes dates and times the Czech way,
// and React Aria's own words follow the app's language, not the browser's.
test.use({ locale: 'en-US' });

test('dates and times are typed in the app’s format whatever the browser’s locale', async ({
  page,
}) => {
  const app = new App(page);
  await app.open();
  await app.loadSample();
  await page.goto('/#/meetings');
  await page.getByRole('button', { name: 'Naplánovat jednání' }).first().click();
  const d = app.dialog();
  const date = d.getByRole('group', { name: 'Datum', exact: true });
  await expect(date).toContainText('dd. mm. rrrr');
  await expect(date.getByRole('button', { name: 'Kalendář' })).toBeVisible();
  // 24-hour time: hour and minute, no AM/PM segment.
  await expect(
    d.getByRole('group', { name: 'Od', exact: true }).getByRole('spinbutton'),
  ).toHaveCount(2);
  await d.getByLabel('Skupina').selectOption({ label: 'PS2 – Rodiny s dětmi' });
  const day = isoInDays(40);
  await fillDate(d, 'Datum', day);
  await fillTime(d, 'Od', '13:00');
  await fillTime(d, 'Do', '15:30');
  await d.getByLabel('Místo').fill('Charita Vizovice');
  await d.getByRole('button', { name: 'Uložit' }).click();
  await expect(d).toBeHidden();
  const [y, m, dd] = day.split('-').map(Number);
  // The meeting page says the date the Czech way and keeps the times as typed.
  await expect(page.getByRole('main')).toContainText(`${dd}. ${m}. ${y}, 13:00`);
  await expect(page.getByRole('main')).toContainText('15:30');
  await page.goto('/#/meetings');

  // In English the same field speaks English (en-GB order), still not the browser's mm/dd/yyyy.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Schedule meeting' }).first().click();
  const en = app.dialog().getByRole('group', { name: 'Date', exact: true });
  await expect(en).toContainText('dd/mm/yyyy');
  await expect(en.getByRole('button', { name: 'Calendar' })).toBeVisible();
});
