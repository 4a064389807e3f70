import { expect, test } from '@playwright/test';
import { App, fillDate, fillTime, isoInDays } from './app';

const MEMBERS = [
  { first: 'Jana', last: 'Nováková', role: 'poskytovatel' },
  { first: 'Karel', last: 'Svoboda', role: 'zadavatel' },
  { first: 'Šárka', last: 'Řeháková', role: 'uživatel' },
  { first: 'Petr', last: 'Čech', role: 'zadavatel' },
  { first: 'Marie', last: 'Horáková', role: 'poskytovatel' },
  { first: 'Pavel', last: 'Malý', role: 'uživatel' },
  { first: 'Lucie', last: 'Šimková', role: 'poskytovatel' },
  { first: 'Jiří', last: 'Hájek', role: 'veřejnost' },
  { first: 'Eva', last: 'Černá', role: 'zadavatel' },
] as const;

test('a facilitator sets up a working group, schedules a meeting and takes attendance with a live quorum', async ({
  page,
}) => {
  const app = new App(page);
  await app.open();
  await app.startEmpty();

  await app.nav('Lidé').click();
  await expect(page.getByText('Zatím tu nikdo není.')).toBeVisible();
  for (const m of MEMBERS) await app.addPerson(m);
  await expect(page.getByText('Zobrazeno 9 osob')).toBeVisible();
  // Czech collation: Čech right after (nobody) C, before Hájek; Řeháková after Nováková.
  const names = await page.getByRole('table').getByRole('row').allInnerTexts();
  const order = names.slice(1).map((r) => r.split('\t')[0]!.trim());
  expect(order).toEqual([
    'Petr Čech',
    'Eva Černá',
    'Jiří Hájek',
    'Marie Horáková',
    'Pavel Malý',
    'Jana Nováková',
    'Šárka Řeháková',
    'Karel Svoboda',
    'Lucie Šimková',
  ]);

  await app.nav('Skupiny').click();
  await app.createBody('PS1', 'Senioři a osoby se zdravotním postižením');
  await page.getByRole('link', { name: /PS1/ }).click();
  for (const m of MEMBERS) await app.addMember(`${m.last} ${m.first}`);
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(10);

  // A duplicate membership is refused with a Czech message and nothing is written.
  await page.getByRole('button', { name: 'Přidat člena' }).click();
  await app.dialog().getByLabel('Osoba').selectOption({ label: 'Nováková Jana' });
  await app.dialog().getByRole('button', { name: 'Uložit' }).click();
  await expect(app.dialog().getByRole('alert')).toHaveText(
    'Tato osoba už je ve skupině členem ve stejném období.',
  );
  await app.dialog().getByRole('button', { name: 'Zrušit' }).click();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(10);

  await page.getByRole('tab', { name: 'Jednání skupiny' }).click();
  await page.getByRole('button', { name: 'Naplánovat jednání' }).click();
  const d = app.dialog();
  await fillDate(d, 'Datum', isoInDays(14));
  await fillTime(d, 'Od', '10:00');
  await fillTime(d, 'Do', '09:00');
  await d.getByLabel('Místo').fill('Městský úřad Vizovice, zasedací místnost');
  await d.getByRole('button', { name: 'Uložit' }).click();
  await expect(d.getByText('Jednání nemůže skončit dřív, než začne.')).toBeVisible();
  await fillTime(d, 'Do', '11:30');
  await d.getByLabel('Předsedající').selectOption({ label: 'Jana Nováková' });
  await d.getByRole('button', { name: 'Uložit' }).click();

  await expect(
    page.getByRole('heading', { name: 'PS1 – jednání č. 1/' + isoInDays(14).slice(0, 4) }),
  ).toBeVisible();
  await expect(app.quorumVerdict()).toHaveText('usnášeníschopná: ne');

  for (const name of ['Jana Nováková', 'Karel Svoboda', 'Šárka Řeháková', 'Jiří Hájek'])
    await app.mark(name, 'přítomen');
  await app.mark('Pavel Malý', 'omluven');
  // The attendance words agree with the member: "přítomna" for Jana Nováková.
  await expect(
    app.memberRow('Jana Nováková').getByRole('button', { name: 'přítomna', exact: true }),
  ).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('quorum-count')).toContainText('4 z 9');
  await expect(page.getByTestId('quorum-count')).toContainText('potřeba 5');
  await expect(app.quorumVerdict()).toHaveText('usnášeníschopná: ne');

  // The fifth one by keyboard: focus the row, press P.
  await page.getByRole('listitem', { name: /^Petr Čech/ }).focus();
  await page.keyboard.press('p');
  await expect(
    app.memberRow('Petr Čech').getByRole('button', { name: 'přítomen', exact: true }),
  ).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('quorum-count')).toContainText('5 z 9');
  await expect(app.quorumVerdict()).toHaveText('usnášeníschopná: ano');
  await expect(app.triadCount('commissioner')).toHaveText('2');
  await expect(app.triadCount('provider')).toHaveText('1');
  await expect(app.triadCount('user')).toHaveText('1');
  await expect(app.triadCount('public')).toHaveText('1');

  // A guest is in the room but does not count towards the quorum.
  await page.getByRole('button', { name: 'Přidat hosta' }).click();
  await app.dialog().getByRole('button', { name: 'Nová osoba' }).click();
  await app.dialog().getByLabel('Jméno', { exact: true }).fill('Ema');
  await app.dialog().getByLabel('Příjmení').fill('Krajská');
  await app.dialog().getByLabel('Role v triádě').selectOption({ label: 'zadavatel' });
  await app.dialog().getByRole('button', { name: 'Uložit' }).click();
  await expect(page.getByText('Ema Krajská')).toBeVisible();
  await expect(page.getByTestId('quorum-count')).toContainText('5 z 9');
  await expect(app.triadCount('commissioner')).toHaveText('3');

  await page.reload();
  await expect(app.quorumVerdict()).toHaveText('usnášeníschopná: ano');
  await expect(page.getByTestId('quorum-count')).toContainText('5 z 9');
  await expect(
    app.memberRow('Pavel Malý').getByRole('button', { name: 'omluven' }),
  ).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('Ema Krajská')).toBeVisible();

  // Someone leaves: the quorum is lost again.
  await page.getByRole('button', { name: 'Odešel: Jiří Hájek' }).click();
  await expect(app.quorumVerdict()).toHaveText('usnášeníschopná: ne');
});

test('bad input in forms gives clear Czech errors and writes nothing', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.startEmpty();
  await app.nav('Organizace').click();
  await page.getByRole('button', { name: 'Přidat organizaci' }).first().click();
  await app.dialog().getByLabel('Název').fill('Charita Vizovice');
  await app.dialog().getByLabel('IČO').fill('12345678');
  await app.dialog().getByRole('button', { name: 'Uložit' }).click();
  await expect(
    app.dialog().getByText('IČO musí mít 8 číslic a platnou kontrolní číslici.'),
  ).toBeVisible();
  await app.dialog().getByLabel('IČO').fill('44659580');
  await app.dialog().getByRole('button', { name: 'Uložit' }).click();
  await expect(app.dialog()).toBeHidden();
  await expect(page.getByRole('cell', { name: '44659580' })).toBeVisible();

  await app.nav('Lidé').click();
  await page.getByRole('button', { name: 'Přidat osobu' }).first().click();
  await app.dialog().getByLabel('Příjmení').fill('Nováková');
  await app.dialog().getByLabel('E-mail').fill('jana@@example');
  await app.dialog().getByRole('button', { name: 'Uložit' }).click();
  await expect(app.dialog().getByText('Povinný údaj.')).toBeVisible();
  await expect(app.dialog().getByText('Zadejte platnou e-mailovou adresu.')).toBeVisible();
  await app.dialog().getByRole('button', { name: 'Zrušit' }).click();
  await expect(page.getByText('Zatím tu nikdo není.')).toBeVisible();
});

test('the sample region loads in one click and shows a past meeting with attendance, in Czech and English', async ({
  page,
}) => {
  const app = new App(page);
  await app.open();
  await app.loadSample();
  await expect(page.getByRole('link', { name: '4 skupiny' })).toBeVisible();
  await expect(page.getByRole('link', { name: '45 lidí' })).toBeVisible();

  await app.nav('Jednání').click();
  await page.getByRole('tab', { name: /Proběhlá/ }).click();
  await page
    .getByLabel('Skupina')
    .selectOption({ label: 'PS1 – Senioři a osoby se zdravotním postižením' });
  await page.getByRole('tabpanel').getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: /PS1 – jednání č\. \d+\/\d{4}/ })).toBeVisible();
  // The latest past PS1 meeting has approved minutes (shared/sample/vizovickoMeeting.ts), so
  // its attendance is shown read-only.
  await expect(page.getByRole('listitem', { name: 'Pavel Malý: nepřítomen' })).toBeVisible();
  await expect(page.getByTestId('quorum-verdict')).toBeVisible();

  await app.nav('Jednání').click();
  await page
    .getByLabel('Skupina')
    .selectOption({ label: 'PS1 – Senioři a osoby se zdravotním postižením' });
  await page.getByRole('tabpanel').getByRole('link').first().click();
  // The next PS1 meeting warns about the member with three unexcused absences in a row.
  await expect(page.getByText('3 neomluvené absence v řadě')).toBeVisible();

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: /PS1 – meeting no\./ })).toBeVisible();
  await expect(page.getByText('3 unexcused absences in a row')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Attendance' })).toBeVisible();
});

test('a mistyped address shows "Stránka neexistuje" inside the app, not the error screen', async ({
  page,
}) => {
  const app = new App(page);
  await app.open();
  await app.startEmpty();
  await page.evaluate(() => (location.hash = '#/plan'));
  await expect(page.getByRole('heading', { name: 'Stránka neexistuje' })).toBeVisible();
  await expect(page.getByText('#/plan', { exact: false })).toBeVisible();
  await expect(page.getByText('Technická příčina')).toHaveCount(0);
  await expect(app.nav('Lidé')).toBeVisible();
  await page.getByRole('link', { name: 'Na přehled' }).click();
  await expect(page.getByRole('heading', { name: 'Přehled', level: 1 })).toBeVisible();
});
