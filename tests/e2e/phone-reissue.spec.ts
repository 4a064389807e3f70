import { chromium, devices, expect, test, type Browser, type Page } from '@playwright/test';
import { App } from './app';

/** Stored: the script's answer, or (socket not open yet) the form's result page naming the poll. */
const STORED = /Děkujeme(, váš hlas|\. Váš hlas v hlasování „[^“]+“) je uložen\./;

// A member's phone loses its login (cookie gone: another browser, private mode) after she
// joined and voted. Her own code is refused ("used by another phone"), so the desk issues her
// a new code ("Nový kód", confirmed): the old phone is signed out, the new code joins her new
// browser, which is told she has voted in this poll and votes in the next one.

const MEMBERS = ['Marie Horáková', 'Josef Kučera'];
const OPTIONS = ['Odlehčovací služba', 'Denní stacionář'];

test.use({ actionTimeout: 30_000, navigationTimeout: 30_000 });

let phones: Browser;
test.beforeAll(async () => {
  phones = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--host-resolver-rules=MAP phones.triada.test 127.0.0.1',
    ],
  });
});
test.afterAll(async () => {
  await phones?.close();
});

/** A phone's browser with nothing stored: a new context is a phone that lost its login. */
async function phone(): Promise<Page> {
  const { defaultBrowserType: _b, ...device } = devices['Pixel 5']!;
  const context = await phones.newContext({ ...device, locale: 'cs-CZ' });
  return context.newPage();
}

async function signIn(p: Page, url: string, code: string) {
  await p.goto(url);
  await p.getByLabel('Váš kód').fill(code);
  await p.getByRole('button', { name: 'Přihlásit' }).click();
}

async function newPoll(page: Page, title: string) {
  await page.getByRole('button', { name: 'Nové hlasování' }).click();
  const d = page.getByRole('dialog');
  await d.getByLabel('Otázka / název hlasování').fill(title);
  await d.getByLabel('Způsob hlasování').selectOption('singleChoice');
  await d
    .getByLabel('Možnosti (každá na samostatný řádek, lze vložit seznam)')
    .fill(OPTIONS.join('\n'));
  await d.getByRole('button', { name: 'Uložit' }).click();
  await expect(d).toBeHidden();
  const card = page.getByTestId('poll-card').filter({ hasText: title });
  await card.getByRole('button', { name: 'Zahájit hlasování' }).click();
  return card;
}

test('a member whose phone lost its login gets a new code at the desk and cannot vote twice', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const app = new App(page);
  await app.open();
  await app.loadSample();
  await app.nav('Jednání').click();
  await page
    .getByLabel('Skupina')
    .selectOption({ label: 'PS1 – Senioři a osoby se zdravotním postižením' });
  await page.getByRole('tabpanel').getByRole('link').first().click();
  for (const name of MEMBERS) await app.mark(name, 'přítomen');
  await page.getByRole('link', { name: 'Zasedací místnost' }).click();
  await page.getByRole('button', { name: 'Vložit standardní body' }).click();
  await expect(page.getByRole('row', { name: /^2\. / })).toBeVisible();
  await expect(async () => {
    await page.getByRole('button', { name: 'Přidat bod' }).click();
    await expect(page.getByRole('dialog').getByLabel('Název bodu')).toBeVisible({ timeout: 3000 });
  }).toPass({ timeout: 30_000 });
  await page.getByRole('dialog').getByLabel('Název bodu').fill('Priority');
  await page.getByRole('dialog').getByRole('button', { name: 'Uložit' }).click();
  await page.getByRole('row', { name: /3\. Priority/ }).click();

  const panel = page.getByTestId('phone-voting');
  await page.getByRole('button', { name: 'Zapnout hlasování z telefonů' }).click();
  await panel.getByLabel('Síť, ve které jsou telefony').selectOption('127.0.0.1');
  await panel.getByRole('button', { name: 'Spustit' }).click();
  const url = (await panel.getByTestId('phone-url').textContent())!
    .trim()
    .replace('127.0.0.1', 'phones.triada.test');
  await newPoll(page, 'Priorita 2027');

  await panel.getByText(/Osobní kódy pro telefony/).click();
  const row = panel.getByTestId('join-codes').locator('li', { hasText: 'Marie Horáková' });
  const oldCode = (await row.getByTestId('join-code').textContent())!.replace(/\s/g, '');
  // Not joined yet: no "New code" (nothing to release), the QR is offered.
  await expect(row.getByRole('button', { name: 'Ukázat QR' })).toBeVisible();
  await expect(row.getByRole('button', { name: 'Nový kód' })).toHaveCount(0);

  // She joins and votes.
  const first = await phone();
  await signIn(first, url, oldCode);
  await first.getByLabel(OPTIONS[0]!, { exact: true }).check();
  await first.getByRole('button', { name: 'Odeslat hlas' }).click();
  await expect(first.getByText(STORED)).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByTestId('phone-ballots')).toHaveText('Z telefonů: 1 uložený hlas');
  await expect(row).toContainText('✓ připojen(a)');
  const newCode = row.getByRole('button', { name: 'Nový kód' });
  await expect(newCode).toBeVisible();
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('codes-cs.png') });
  await page.getByRole('button', { name: 'English' }).click();
  await expect(row.getByRole('button', { name: 'New code' })).toBeVisible();
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('codes-en.png') });
  // The desk is asked first; cancelling changes nothing.
  await row.getByRole('button', { name: 'New code' }).click();
  await expect(page.getByRole('dialog').getByRole('heading')).toHaveText(
    'New code: Marie Horáková',
  );
  await page.screenshot({ path: test.info().outputPath('confirm-en.png') });
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  expect((await row.getByTestId('join-code').textContent())!.replace(/\s/g, '')).toBe(oldCode);
  await page.getByRole('button', { name: 'Čeština' }).click();

  // Her phone loses its login: her own code is now refused.
  const second = await phone();
  await signIn(second, url, oldCode);
  await expect(second.getByText('Tento kód už používá jiný telefon.')).toBeVisible();

  // Asked first, in Czech too.
  await newCode.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading')).toHaveText('Nový kód: Marie Horáková');
  await expect(dialog).toContainText(
    'Telefon, který je teď přihlášen dosavadním kódem, se odhlásí',
  );
  await page.screenshot({ path: test.info().outputPath('confirm-cs.png') });
  await dialog.getByRole('button', { name: 'Vydat nový kód' }).click();
  // The new code at once, with its QR, to scan or read out.
  await expect(dialog.getByRole('heading')).toHaveText('Marie Horáková');
  await expect(dialog.getByTestId('join-code-new')).toHaveText(
    'Nový kód platí hned, dosavadní už neplatí.',
  );
  await expect(dialog.getByRole('img', { name: 'Osobní QR kód pro Marie Horáková' })).toBeVisible();
  const fresh = (await dialog.locator('.join-code-big').textContent())!.replace(/\s/g, '');
  expect(fresh).toMatch(/^[A-Z0-9]{6}$/);
  expect(fresh).not.toBe(oldCode);
  await expect(dialog.getByTestId('join-link')).toContainText(`?code=${fresh}`);
  await page.screenshot({ path: test.info().outputPath('issued-cs.png') });
  await dialog.getByRole('button', { name: 'Zavřít' }).click();
  await expect(row.getByTestId('join-code')).toHaveText(`${fresh.slice(0, 3)} ${fresh.slice(3)}`);
  const codes = (await panel.getByTestId('join-code').allTextContents()).map((c) =>
    c.replace(/\s/g, ''),
  );
  expect(new Set(codes).size).toBe(MEMBERS.length);

  // The old phone is signed out: its page goes back to the join form.
  await expect(first.getByLabel('Váš kód')).toBeVisible({ timeout: 15_000 });
  // The old code joins nobody; the new one joins her new browser, which has voted already.
  await signIn(second, url, oldCode);
  await expect(second.getByText('Tento kód neznáme.')).toBeVisible();
  await second.getByLabel('Váš kód').fill(fresh);
  await second.getByRole('button', { name: 'Přihlásit' }).click();
  await expect(second.getByText('Marie Horáková')).toBeVisible();
  await expect(second.getByText(/Už jste hlasoval\(a\)\. Váš hlas je uložen\./)).toBeVisible();
  await expect(second.getByRole('button', { name: 'Odeslat hlas' })).toHaveCount(0);
  await expect(panel.getByTestId('phone-ballots')).toHaveText('Z telefonů: 1 uložený hlas');

  // In the next poll the new browser votes for her.
  await panel.getByRole('button', { name: 'Ukončit hlasování' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ukončit hlasování' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await newPoll(page, 'Priorita 2028');
  await second.getByLabel(OPTIONS[1]!, { exact: true }).check({ timeout: 30_000 });
  await second.getByRole('button', { name: 'Odeslat hlas' }).click();
  await expect(second.getByText(STORED)).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByTestId('phone-ballots')).toHaveText('Z telefonů: 1 uložený hlas');
  // One ballot of hers in each poll: the first not doubled by the new code.
  for (const title of ['Priorita 2027', 'Priorita 2028'])
    await expect(
      page.getByTestId('poll-card').filter({ hasText: title }).getByTestId('poll-cast'),
    ).toHaveText('Odevzdáno 1 z 2');
});
