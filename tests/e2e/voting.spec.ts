import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { convertDocxToPdf, normalizeText } from '../integration/helpers/libreoffice';
import { App } from './app';

const TWELVE = [
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
const OPTIONS = [
  'Odlehčovací služba',
  'Pečovatelská služba o víkendech',
  'Aktivizační služby pro seniory',
  'Denní stacionář',
  'Informovanost o službách',
  'Senior taxi',
];
// Voter i spends 3 points, at most 2 on one option. Totals: 12, 11, 5, 4, 3, 1 (no ties).
const BALLOTS: Record<string, number>[] = [
  ...Array.from({ length: 5 }, () => ({
    'Odlehčovací služba': 2,
    'Pečovatelská služba o víkendech': 1,
  })),
  ...Array.from({ length: 3 }, () => ({
    'Pečovatelská služba o víkendech': 2,
    'Aktivizační služby pro seniory': 1,
  })),
  { 'Denní stacionář': 2, 'Informovanost o službách': 1 },
  { 'Denní stacionář': 2, 'Senior taxi': 1 },
  { 'Odlehčovací služba': 1, 'Senior taxi': 2 },
  { 'Aktivizační služby pro seniory': 2, 'Odlehčovací služba': 1 },
];

async function roomOfUpcomingPs1WithTwelve(page: Page): Promise<App> {
  const app = new App(page);
  await app.openUpcomingPs1Meeting();
  for (const name of TWELVE) await app.mark(name, 'přítomen');
  await expect(page.getByTestId('quorum-count')).toContainText('12 z 14');
  await page.getByRole('link', { name: 'Zasedací místnost' }).click();
  await page.getByRole('button', { name: 'Vložit standardní body' }).click();
  await page.getByRole('button', { name: 'Přidat bod' }).click();
  await page
    .getByRole('dialog')
    .getByLabel('Název bodu')
    .fill('Výběr priorit pro nový komunitní plán');
  await page.getByRole('dialog').getByRole('button', { name: 'Uložit' }).click();
  await page.getByRole('row', { name: /3\. Výběr priorit/ }).click();
  await expect(page.getByRole('heading', { name: /Ad 3 Výběr priorit/ })).toBeVisible();
  return app;
}

test('dot voting on six priorities by passing the laptop, shown on the projector and written into the minutes', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await roomOfUpcomingPs1WithTwelve(page);

  await page.getByRole('button', { name: 'Nové hlasování' }).click();
  const d = page.getByRole('dialog');
  await d.getByLabel('Otázka / název hlasování').fill('Priority pro KP 2027–2029');
  await d.getByLabel('Způsob hlasování').selectOption('points');
  // Choosing priorities is secret unless said otherwise (a resolution goes by show of hands).
  await expect(d.getByLabel('Tajné hlasování')).toBeChecked();
  // Options can come from the community plan: its priorities with their codes.
  const options = d.getByLabel('Možnosti (každá na samostatný řádek, lze vložit seznam)');
  // A working group is offered its own measures first (PS1: priorities 1 and 2), all on request.
  await d.getByLabel('Možnosti z komunitního plánu').selectOption({ index: 1 });
  await expect(d.getByLabel('Úroveň')).toHaveValue('2');
  await d.getByRole('button', { name: 'Vložit položky této skupiny' }).click();
  await expect(options).toHaveValue(/^1\.1 \S/);
  const own = (await options.inputValue()).split('\n');
  expect(own.every((l) => /^[12]\.\d+ /.test(l))).toBe(true);
  await options.fill('');
  await d.getByLabel('Všechny položky plánu, nejen této skupiny').check();
  await d.getByRole('button', { name: 'Vložit do možností' }).click();
  await expect(options).toHaveValue(/\n3\.1 \S/);
  await options.fill(OPTIONS.join('\n'));
  await d.getByLabel('Bodů na člena').fill('3');
  await d.getByLabel('Nejvýše bodů na jednu možnost').fill('2');
  await d.getByRole('button', { name: 'Uložit' }).click();
  await page.getByRole('button', { name: 'Zahájit hlasování' }).click();
  await expect(page.getByTestId('poll-cast')).toHaveText('Odevzdáno 0 z 12');

  const [projector] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByRole('button', { name: 'Projektor' }).click(),
  ]);
  await expect(projector.getByTestId('projector-poll')).toContainText('Priority pro KP 2027–2029');
  await expect(projector.getByTestId('projector-cast')).toHaveText('Odevzdáno 0 z 12');

  await page.getByRole('link', { name: 'Hlasovat podáváním počítače' }).click();
  for (const [i, ballot] of BALLOTS.entries()) {
    // Whoever is first in the list takes the laptop; the list shrinks as people vote.
    const voters = page.locator('.kiosk-voters').getByRole('button');
    await expect(voters).toHaveCount(12 - i);
    await voters.first().click();
    for (const [label, points] of Object.entries(ballot)) {
      for (let k = 0; k < points; k++)
        await page.getByRole('button', { name: `Přidat bod: ${label}` }).click();
    }
    if (i === 0) {
      // The cap per option holds in the ballot itself.
      await expect(
        page.getByRole('button', { name: 'Přidat bod: Odlehčovací služba' }),
      ).toBeDisabled();
      await expect(page.getByText('Zbývá rozdělit: 0 b.')).toBeVisible();
    }
    await page.getByRole('button', { name: 'Odevzdat hlas' }).click();
    await expect(page.getByText('Děkujeme, hlas byl zaznamenán.')).toBeVisible();
    // The thanks screen shows nothing of the ballot just cast.
    await expect(page.getByRole('button', { name: /Přidat bod/ })).toHaveCount(0);
    await page.getByRole('button', { name: 'Další hlasující' }).click();
  }
  await expect(page.getByText('Všichni přítomní členové s hlasem odhlasovali.')).toBeVisible();
  await expect(projector.getByTestId('projector-cast')).toHaveText('Odevzdáno 12 z 12');

  await page.getByRole('link', { name: 'Zpět do zasedací místnosti' }).click();
  await page.getByRole('button', { name: 'Ukončit hlasování' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  // Everyone voted: no warning about members who have not.
  await expect(page.getByRole('dialog').getByTestId('close-not-voted')).toHaveCount(0);
  await page.getByRole('dialog').getByRole('button', { name: 'Ukončit hlasování' }).click();
  const result = page.getByTestId('poll-result');
  await expect(result.getByRole('listitem').first()).toContainText('Odlehčovací služba');
  await expect(result.getByRole('listitem').first()).toContainText('12 b.');

  const bars = projector.getByTestId('poll-result').getByRole('listitem');
  await expect(bars).toHaveCount(6);
  await expect(bars.nth(0)).toContainText('1Odlehčovací služba12 b.');
  await expect(bars.nth(1)).toContainText('2Pečovatelská služba o víkendech11 b.');
  await expect(bars.nth(5)).toContainText('6Informovanost o službách1 b.');
  await expect(projector.getByText(/Nováková|Horáková|Kučera/)).toHaveCount(0);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Zápis (DOCX)' }).click(),
  ]);
  const path = test.info().outputPath('zapis.docx');
  await download.saveAs(path);
  const converted = await convertDocxToPdf([{ name: 'zapis.docx', bytes: readFileSync(path) }]);
  try {
    const text = normalizeText(converted.docs.get('zapis.docx')!.text);
    expect(text).toContain('bodování');
    expect(text).toMatch(/1\.\s+Odlehčovací služba\s+12 b\./);
    expect(text).toMatch(/2\.\s+Pečovatelská služba o víkendech\s+11 b\./);
    expect(text).toMatch(/6\.\s+Informovanost o službách\s+1 b\./);
    expect(text).toContain('Odevzdáno hlasovacích lístků');
  } finally {
    converted.cleanup();
  }
});

async function rollCallTie(page: Page, title: string) {
  await page.getByRole('button', { name: 'Nové hlasování' }).click();
  const d = page.getByRole('dialog');
  await d.getByLabel('Otázka / název hlasování').fill(title);
  await d.getByLabel('Způsob hlasování').selectOption('resolution');
  // A resolution goes by show of hands unless the facilitator makes it secret.
  await expect(d.getByLabel('Tajné hlasování')).not.toBeChecked();
  await d.getByRole('button', { name: 'Uložit' }).click();
  const card = page.getByTestId('poll-card').filter({ hasText: title });
  await card.getByRole('button', { name: 'Zahájit hlasování' }).click();
  await card.getByRole('button', { name: 'Jmenovité hlasování' }).click();
  const votes = [
    'Pro',
    'Pro',
    'Pro',
    'Pro',
    'Pro',
    'Proti',
    'Proti',
    'Proti',
    'Proti',
    'Proti',
    'Zdrželo se',
    'Zdrželo se',
  ];
  for (const [i, vote] of votes.entries()) {
    await card
      .locator('.roll-call')
      .getByRole('group')
      .first()
      .getByRole('button', { name: vote, exact: true })
      .click();
    await expect(card.getByTestId('poll-cast')).toHaveText(`Odevzdáno ${i + 1} z 12`);
  }
  await expect(card.getByTestId('poll-cast')).toHaveText('Odevzdáno 12 z 12');
  return card;
}

test('a roll-call tie fails under "rejected on tie" and passes with the chair’s casting vote', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await roomOfUpcomingPs1WithTwelve(page);

  // PS1 decides ties by the chair's vote (the default rules).
  const first = await rollCallTie(page, 'Doporučit ŘS rozšíření pečovatelské služby');
  await first.getByRole('button', { name: 'Ukončit hlasování' }).click();
  await page
    .getByRole('dialog')
    .getByLabel('Rovnost hlasů: rozhodující hlas předsedajícího')
    .selectOption({ label: 'pro' });
  await page.getByRole('dialog').getByRole('button', { name: 'Ukončit hlasování' }).click();
  // The title's "Doporučit" becomes the resolution's verb, not part of its text.
  const passed = page.getByTestId('resolution').filter({ hasText: 'ŘS rozšíření pečovatelské' });
  await expect(passed).toContainText('doporučuje ŘS rozšíření pečovatelské služby');
  await expect(passed).not.toContainText('Doporučit');
  await expect(passed).toContainText('5 : 5 : 2 (pro : proti : zdrželo se) – přijato');
  await expect(passed).toContainText('Při rovnosti rozhodl hlas předsedajícího (pro).');
  // The poll's own result says what it decided, not only the resolution further down.
  await expect(first.getByTestId('poll-outcome')).toHaveText('Usnesení PS1/4/2026/1: přijato');

  // The group changes its rules: a tie now means the motion fails.
  const roomUrl = page.url();
  await new App(page).nav('Skupiny').click();
  await page.getByRole('link', { name: /PS1/ }).click();
  await page.getByRole('button', { name: 'Upravit' }).first().click();
  await page
    .getByRole('dialog')
    .getByLabel('Při rovnosti hlasů')
    .selectOption({ label: 'návrh není přijat' });
  await page.getByRole('dialog').getByRole('button', { name: 'Uložit' }).click();
  await page.goto(roomUrl);
  await page.getByRole('row', { name: /3\. Výběr priorit/ }).click();

  const second = await rollCallTie(page, 'Doporučit ŘS denní stacionář');
  await second.getByRole('button', { name: 'Ukončit hlasování' }).click();
  await expect(
    page.getByRole('dialog').getByLabel('Rovnost hlasů: rozhodující hlas předsedajícího'),
  ).toHaveCount(0);
  await page.getByRole('dialog').getByRole('button', { name: 'Ukončit hlasování' }).click();
  const rejected = page.getByTestId('resolution').filter({ hasText: 'ŘS denní stacionář' });
  await expect(rejected).toContainText('5 : 5 : 2 (pro : proti : zdrželo se) – nepřijato');
  await expect(rejected).toContainText('Při rovnosti hlasů návrh nepřijat (jednací řád).');
  await expect(second.getByTestId('poll-outcome')).toHaveText('Usnesení PS1/4/2026/2: nepřijato');

  // A roll call is a named vote: the minutes say who voted how, under each resolution.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Zápis (DOCX)' }).click(),
  ]);
  const path = test.info().outputPath('zapis.docx');
  await download.saveAs(path);
  const xml = await (
    await JSZip.loadAsync(readFileSync(path))
  )
    .file('word/document.xml')!
    .async('string');
  const paragraphs = xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
  const named = paragraphs.filter((p) => p.startsWith('Jmenovitě – '));
  expect(named).toHaveLength(2);
  for (const line of named) {
    const groups = line
      .slice('Jmenovitě – '.length, -1)
      .split('; ')
      .map((g) => g.split(': '));
    expect(groups.map(([label]) => label)).toEqual(['pro', 'proti', 'zdrželi se']);
    const names = groups.map(([, list]) => list!.split(', '));
    expect(names.map((g) => g.length)).toEqual([5, 5, 2]);
    expect(names.flat().sort()).toEqual([...TWELVE].sort());
  }
});
