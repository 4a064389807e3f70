import { expect, test, type Page } from '@playwright/test';
import { App } from './app';
import { axeProblems } from './axe';

// Issue 11: a ballot is never cast empty in one tap; a tie at first place is flagged with the
// body's way out; the projector fits ten options at 1280×720.

// axe-core is injected into the pages.
test.use({ bypassCSP: true });

const PRESENT = [
  'Mgr. Jana Nováková',
  'Marie Horáková',
  'Josef Kučera',
  'Pavel Malý',
  'Mgr. Lucie Šimková',
  'Šárka Řeháková',
  'Hana Vlčková',
  'Věra Pospíšilová',
  'Bc. Kateřina Machalová',
  'Ludmila Křížová',
  'Ing. Petr Gajdošík',
  'Stanislav Běhal',
];

async function room(page: Page): Promise<void> {
  const app = new App(page);
  await app.openUpcomingPs1Meeting();
  for (const name of PRESENT) await app.mark(name, 'přítomen');
  await page.getByRole('link', { name: 'Zasedací místnost' }).click();
  await page.getByRole('button', { name: 'Přidat bod' }).click();
  await page.getByRole('dialog').getByLabel('Název bodu').fill('Výběr priorit');
  await page.getByRole('dialog').getByRole('button', { name: 'Uložit' }).click();
  await page.getByRole('row', { name: /Výběr priorit/ }).click();
  await expect(page.getByRole('heading', { name: /Výběr priorit/ })).toBeVisible();
}

async function dotVote(page: Page, title: string, options: string[]) {
  await page.getByRole('button', { name: 'Nové hlasování' }).click();
  const d = page.getByRole('dialog');
  await d.getByLabel('Otázka / název hlasování').fill(title);
  await d.getByLabel('Způsob hlasování').selectOption('points');
  await d
    .getByLabel('Možnosti (každá na samostatný řádek, lze vložit seznam)')
    .fill(options.join('\n'));
  await d.getByLabel('Bodů na člena').fill('3');
  await d.getByLabel('Nejvýše bodů na jednu možnost').fill('2');
  await d.getByRole('button', { name: 'Uložit' }).click();
  const card = page.getByTestId('poll-card').filter({ hasText: title });
  await card.getByRole('button', { name: 'Zahájit hlasování' }).click();
  return card;
}

test('kiosk: an empty or incomplete ballot asks once, in plain words, and the voter can go back', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await room(page);
  const card = await dotVote(page, 'Priority', [
    'Odlehčovací služba',
    'Senior taxi',
    'Denní stacionář',
  ]);
  await card.getByRole('link', { name: 'Hlasovat podáváním počítače' }).click();

  await page.locator('.kiosk-voters').getByRole('button').first().click();
  // One tap on "cast" with nothing chosen does not cast anything.
  await page.getByRole('button', { name: 'Odevzdat hlas' }).click();
  const ask = page.getByRole('alertdialog');
  await expect(ask).toContainText('Nic jste nevybrali. Hlas se započítá jako zdržení se.');
  await expect(ask).toContainText('Odevzdaný hlas už nejde změnit.');
  await expect(ask.getByRole('button', { name: 'Zpět k hlasovacímu lístku' })).toBeFocused();
  await ask.getByRole('button', { name: 'Zpět k hlasovacímu lístku' }).click();

  // Back on the ballot; one point given, two left: asked again, and going back keeps the point.
  await page.getByRole('button', { name: 'Přidat bod: Odlehčovací služba' }).click();
  await page.getByRole('button', { name: 'Odevzdat hlas' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('Nerozdělili jste 2 body.');
  await page.screenshot({ path: test.info().outputPath('kiosk-confirm.png') });
  expect(await axeProblems(page)).toEqual([]);
  await page.getByRole('button', { name: 'Zpět k hlasovacímu lístku' }).click();
  await expect(page.getByText('Zbývá rozdělit: 2 b.')).toBeVisible();
  await page.getByRole('button', { name: 'Přidat bod: Odlehčovací služba' }).click();
  await page.getByRole('button', { name: 'Přidat bod: Senior taxi' }).click();
  // A complete ballot is cast at once.
  await page.getByRole('button', { name: 'Odevzdat hlas' }).click();
  await expect(page.getByText('Děkujeme, hlas byl zaznamenán.')).toBeVisible();
  await page.getByRole('button', { name: 'Další hlasující' }).click();

  // Abstaining is its own button, and it too is confirmed once.
  await page.locator('.kiosk-voters').getByRole('button').first().click();
  await page.getByRole('button', { name: 'Zdržuji se hlasování' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('Opravdu se zdržet hlasování?');
  await page.getByRole('button', { name: 'Ano, zdržuji se' }).click();
  await expect(page.getByText('Děkujeme, hlas byl zaznamenán.')).toBeVisible();

  await page.getByRole('link', { name: 'Zpět do zasedací místnosti' }).click();
  await page.getByRole('row', { name: /Výběr priorit/ }).click();
  await expect(page.getByTestId('poll-cast')).toHaveText('Odevzdáno 2 z 12');
});

const TEN = [
  '1.1 Odlehčovací služba v domácnosti',
  '1.2 Pečovatelská služba o víkendech',
  '1.3 Denní stacionář pro seniory',
  '1.4 Senior taxi',
  '2.1 Aktivizační služby',
  '2.2 Informovanost o službách',
  '2.3 Sociální poradenství',
  '3.1 Dobrovolnické centrum',
  '3.2 Tísňová péče',
  '3.3 Podpora pečujících',
];
// A hand count of 12 voters, 3 points each: 1.1 and 1.2 tie for first place with 8 points.
const POINTS = [8, 8, 5, 4, 3, 3, 2, 1, 1, 1];

test('a tied dot vote is flagged when it closes, with the run-off offer; the projector fits ten options at 1280×720', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await room(page);
  const card = await dotVote(page, 'Priority pro KP 2027–2029', TEN);
  const [projector] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByRole('button', { name: 'Projektor' }).click(),
  ]);
  await projector.setViewportSize({ width: 1280, height: 720 });
  // Open: the options have their plan codes and no list numbers of our own.
  await expect(projector.getByTestId('projector-poll')).toContainText('1.1 Odlehčovací služba');
  await expect(projector.getByTestId('projector-poll')).not.toContainText(/\d\.\s*1\.1/);

  await card.getByRole('button', { name: 'Zadat počty hlasů' }).click();
  const hand = page.getByRole('dialog');
  await hand.getByLabel('Počet hlasujících').fill('12');
  for (const [i, label] of TEN.entries()) await hand.getByLabel(label).fill(String(POINTS[i]));
  await hand.getByRole('button', { name: 'Uložit' }).click();
  await expect(hand).toBeHidden();

  await card.getByRole('button', { name: 'Ukončit hlasování' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ukončit hlasování' }).click();

  // Flagged on the poll, with the body's ways out (PS1: the chair decides, or a run-off) …
  const tie = card.getByTestId('poll-tie');
  await expect(tie).toContainText(
    'Rovnost na 1. místě: 1.1 Odlehčovací služba v domácnosti, 1.2 Pečovatelská služba o víkendech – shodně 8 b.',
  );
  await expect(tie.getByRole('button', { name: 'Rozhodnutí předsedajícího' })).toBeVisible();
  await expect(tie.getByRole('button', { name: 'Vyhlásit rozhodovací hlasování' })).toBeVisible();
  // … and on the resolution.
  await expect(page.getByTestId('resolution').last()).toContainText('rovnost hlasů');

  // The projector: ten result rows, all inside 1280×720, large, ranked without "1. 1.1".
  const rows = projector.getByTestId('poll-result').getByRole('listitem');
  await expect(rows).toHaveCount(10);
  await expect(projector.getByTestId('projector-tie')).toBeVisible();
  await projector.screenshot({ path: 'docs/projector-1280x720.png' });
  expect(await axeProblems(projector)).toEqual([]);
  for (let i = 0; i < 10; i++) {
    const box = (await rows.nth(i).boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(720);
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
  }
  const fontSize = await rows
    .first()
    .locator('.bar-label')
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(24);
  // Bars are sized to the leader: the leader's bar is long, the last one still visible.
  const lead = (await rows.nth(0).locator('.bar').boundingBox())!;
  const last = (await rows.nth(9).locator('.bar').boundingBox())!;
  expect(lead.width).toBeGreaterThan(250);
  expect(last.width).toBeGreaterThan(lead.width / 10);
  await expect(projector.getByTestId('poll-result')).not.toContainText(/\d\.\s*\d\.\d/);
  expect(await projector.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(
    720,
  );
  await page.screenshot({ path: test.info().outputPath('room-tie.png') });
  expect(await axeProblems(page, '[data-testid="poll-tie"]')).toEqual([]);

  // One click creates the run-off between the tied options.
  await tie.getByRole('button', { name: 'Vyhlásit rozhodovací hlasování' }).click();
  const runOff = page.getByTestId('poll-card').filter({
    has: page.getByText('Rozhodovací hlasování: Priority pro KP 2027–2029', { exact: true }),
  });
  await expect(runOff).toBeVisible();
  await expect(runOff.locator('.poll-options li')).toHaveText([
    '1.1 Odlehčovací služba v domácnosti',
    '1.2 Pečovatelská služba o víkendech',
  ]);
  await expect(card.getByTestId('poll-tie')).toContainText('řeší rozhodovací hlasování');
});

test("the chair's decision on a tie is recorded with who decided, and the resolution is no longer a tie", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await room(page);
  const card = await dotVote(page, 'Priorita roku', [
    'Odlehčovací služba',
    'Senior taxi',
    'Denní stacionář',
  ]);
  await card.getByRole('button', { name: 'Zadat počty hlasů' }).click();
  const hand = page.getByRole('dialog');
  await hand.getByLabel('Počet hlasujících').fill('4');
  await hand.getByLabel('Odlehčovací služba').fill('5');
  await hand.getByLabel('Senior taxi').fill('5');
  await hand.getByLabel('Denní stacionář').fill('2');
  await hand.getByRole('button', { name: 'Uložit' }).click();
  await expect(hand).toBeHidden();
  await card.getByRole('button', { name: 'Ukončit hlasování' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ukončit hlasování' }).click();

  await card.getByRole('button', { name: 'Rozhodnutí předsedajícího' }).click();
  const d = page.getByRole('dialog');
  await d.getByLabel('1. místo').selectOption({ label: 'Senior taxi' });
  await d.getByLabel('Kdo rozhodl').fill('Mgr. Jana Nováková');
  await page.screenshot({ path: test.info().outputPath('chair-decision.png') });
  await d.getByRole('button', { name: 'Zapsat rozhodnutí' }).click();
  await expect(d).toBeHidden();
  await expect(card.getByTestId('poll-tie')).toHaveText(
    'Rovnost na 1. místě (Odlehčovací služba, Senior taxi) – rozhodnutí předsedajícího (Mgr. Jana Nováková): Senior taxi › Odlehčovací služba.',
  );
  const bars = card.getByTestId('poll-result').getByRole('listitem');
  await expect(bars.nth(0)).toContainText('Senior taxi');
  await expect(page.getByTestId('resolution').last()).toContainText('přijato');
  await expect(page.getByTestId('resolution').last()).not.toContainText('rovnost');
});
