import { expect, test } from '@playwright/test';
import { axeProblems } from './axe';
import { prepareSample, tourScreens } from './screens';

// axe-core is injected as a script; the app's CSP (script-src 'self') would refuse it.
test.use({ bypassCSP: true, viewport: { width: 1280, height: 720 } });

test('no serious or critical axe-core violation on any main screen', async ({ page }) => {
  test.setTimeout(240_000);
  const prepared = await prepareSample(page);
  const problems: string[] = [];
  await tourScreens(page, prepared, async (screen) => {
    for (const p of await axeProblems(page)) problems.push(`${screen}: ${p}`);
  });
  expect(problems).toEqual([]);
});

test('no serious or critical axe-core violation in the dialogs people fill in most', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const prepared = await prepareSample(page);
  const problems: string[] = [];
  const dialog = page.getByRole('dialog');
  const check = async (where: string, hash: string, button: string) => {
    await page.goto(`/#${hash}`);
    await page.getByRole('button', { name: button }).first().click();
    await expect(dialog).toBeVisible();
    for (const p of await axeProblems(page)) problems.push(`${where} – ${button}: ${p}`);
    await dialog.getByRole('button', { name: 'Zrušit' }).click();
    await expect(dialog).toBeHidden();
  };
  const room = prepared.roomUrl.replace(/^.*#/, '');
  await check('people', '/people', 'Přidat osobu');
  await check('organizations', '/organizations', 'Přidat organizaci');
  await check('groups', '/bodies', 'Založit skupinu');
  await check('meetings', '/meetings', 'Naplánovat jednání');
  await check('room', room, 'Přidat bod');
  await check('room', room, 'Přidat usnesení');
  await check('room', room, 'Nové hlasování');
  await page.goto('/#/bodies');
  await page.getByRole('link', { name: /^PS1/ }).first().click();
  await page.getByRole('button', { name: 'Přidat člena' }).click();
  await expect(dialog).toBeVisible();
  for (const p of await axeProblems(page)) problems.push(`group detail – Přidat člena: ${p}`);
  await dialog.getByRole('button', { name: 'Zrušit' }).click();
  await page
    .getByRole('button', { name: /^Upravit: / })
    .first()
    .click();
  await expect(dialog).toBeVisible();
  for (const p of await axeProblems(page)) problems.push(`group detail – Upravit člena: ${p}`);
  await dialog.getByRole('button', { name: 'Zrušit' }).click();

  // The calendar of a date field, open.
  await page.goto('/#/meetings');
  await page.getByRole('button', { name: 'Naplánovat jednání' }).first().click();
  await dialog.getByRole('button', { name: 'Kalendář' }).click();
  await expect(page.getByRole('grid')).toBeVisible();
  for (const p of await axeProblems(page)) problems.push(`meeting form – calendar: ${p}`);
  await page.keyboard.press('Escape');

  // The plan: a new priority and a monitoring record.
  await page.goto('/#/plans');
  await page.getByRole('link', { name: /ORP Vizovice/ }).click();
  await page.getByRole('button', { name: '+ Priorita' }).click();
  await expect(dialog).toBeVisible();
  for (const p of await axeProblems(page)) problems.push(`plan – new priority: ${p}`);
  await dialog.getByRole('button', { name: 'Zrušit' }).click();
  await page
    .getByRole('button', { name: /^Zapsat stav aktivity/ })
    .first()
    .click();
  await expect(dialog).toBeVisible();
  for (const p of await axeProblems(page)) problems.push(`plan – monitoring: ${p}`);
  expect(problems).toEqual([]);
});
