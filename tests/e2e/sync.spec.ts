// Issue 14 end to end: two Chromium profiles (each its own user-data folder, so its own
// IndexedDB), each with the app, sync live through a CouchDB-protocol server on 127.0.0.1.
// A meeting prepared on A appears on B; the minute-taker's discussion (B) and the
// facilitator's attendance (A) of the same meeting both survive on both.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { App, fillDate, fillTime, isoInDays } from './app';
import { axeProblems } from './axe';
import { startCouch } from './couchServer';

const AUTH = { username: 'jana', password: 'Tajné-heslo-1' };
const EDITOR = 'Průběh projednávání';

async function connect(page: Page, url: string, password = AUTH.password) {
  // In-app navigation: a reload would forget the password (browser mode keeps it in memory).
  await page.evaluate(() => (location.hash = '#/sync'));
  await expect(page.getByRole('heading', { name: 'Synchronizace se serverem' })).toBeVisible();
  await page.getByLabel('Adresa serveru').fill(url);
  await page.getByLabel('Uživatelské jméno').fill(AUTH.username);
  await page.getByLabel('Heslo').fill(password);
  await page.getByRole('button', { name: 'Připojit' }).click();
}

const upToDate = (page: Page) =>
  expect(page.getByText('Aktuální', { exact: true })).toBeVisible({
    timeout: 60_000,
  });

test('two browser profiles sync through the server: the meeting, the discussion and the attendance', async ({
  baseURL,
}, testInfo) => {
  test.setTimeout(240_000);
  const couch = await startCouch(AUTH);
  const dirs = [0, 1].map(() => mkdtempSync(path.join(tmpdir(), 'triada-sync-')));
  const options = {
    baseURL,
    locale: 'cs-CZ',
    timezoneId: 'Europe/Prague',
    ...testInfo.project.use.launchOptions,
  };
  const contexts: BrowserContext[] = [];
  try {
    const open = async (dir: string) => {
      const ctx = await chromium.launchPersistentContext(dir, options);
      contexts.push(ctx);
      return ctx.pages()[0] ?? (await ctx.newPage());
    };
    const [pageA, pageB] = [await open(dirs[0]!), await open(dirs[1]!)];
    const a = new App(pageA);
    const b = new App(pageB);

    // A (the facilitator) prepares a working group and a meeting.
    await a.open();
    await a.startEmpty();
    await a.nav('Lidé').click();
    await a.addPerson({ first: 'Jana', last: 'Nováková', role: 'poskytovatel' });
    await a.addPerson({ first: 'Karel', last: 'Svoboda', role: 'zadavatel' });
    await a.nav('Skupiny').click();
    await a.createBody('PS1', 'Senioři a osoby se zdravotním postižením');
    await pageA.getByRole('link', { name: /PS1/ }).click();
    await a.addMember('Nováková Jana');
    await a.addMember('Svoboda Karel');
    await pageA.getByRole('tab', { name: 'Jednání skupiny' }).click();
    await pageA.getByRole('button', { name: 'Naplánovat jednání' }).click();
    const d = a.dialog();
    await fillDate(d, 'Datum', isoInDays(14));
    await fillTime(d, 'Od', '10:00');
    await fillTime(d, 'Do', '11:30');
    await d.getByLabel('Místo').fill('Městský úřad Vizovice');
    await d.getByRole('button', { name: 'Uložit' }).click();
    const heading = 'PS1 – jednání č. 1/' + isoInDays(14).slice(0, 4);
    await expect(pageA.getByRole('heading', { name: heading })).toBeVisible();
    const meetingHash = new URL(pageA.url()).hash;

    // A wrong password first: the screen says so, does not retry, and the form stays open to
    // correct it (no Disconnect needed).
    await connect(pageA, couch.url, 'spatne');
    await expect(pageA.getByRole('alert')).toContainText('Server odmítl jméno nebo heslo');
    await expect(pageA.getByLabel('Heslo')).toBeEditable();
    await connect(pageA, couch.url);
    await upToDate(pageA);
    await expect(pageA.getByText('Poslední úspěšná synchronizace')).toBeVisible();

    // B starts empty and connects: the meeting prepared on A appears.
    await b.open();
    await b.startEmpty();
    await connect(pageB, couch.url);
    await upToDate(pageB);
    await pageB.evaluate((h) => (location.hash = h), meetingHash);
    await expect(pageB.getByRole('heading', { name: heading })).toBeVisible({ timeout: 30_000 });

    // B (the minute-taker) writes the discussion in the room …
    await pageB.getByRole('link', { name: 'Zasedací místnost' }).click();
    await pageB.getByRole('button', { name: 'Vložit standardní body' }).click();
    await expect(pageB.getByRole('heading', { name: /Ad 1 Zahájení/ })).toBeVisible();
    const text = 'Přivítání členů, kontrola usnášeníschopnosti.';
    await pageB.getByLabel(EDITOR).fill(text);
    await expect(pageB.getByTestId('save-state')).toHaveText('Uloženo');
    // … while A (the facilitator) takes attendance on the meeting page.
    await pageA.evaluate((h) => (location.hash = h), meetingHash);
    await a.mark('Jana Nováková', 'přítomen');

    // Both survive on both.
    await pageB.evaluate((h) => (location.hash = h), meetingHash);
    await expect(
      b.memberRow('Jana Nováková').getByRole('button', { name: 'přítomna', exact: true }),
    ).toHaveAttribute('aria-pressed', 'true', { timeout: 60_000 });
    await pageA.getByRole('link', { name: 'Zasedací místnost' }).click();
    await expect(pageA.getByLabel(EDITOR)).toHaveValue(text, { timeout: 60_000 });
    await pageB.getByRole('link', { name: 'Zasedací místnost' }).click();
    await expect(pageB.getByLabel(EDITOR)).toHaveValue(text);

    // A reload keeps the server and the user, not the password (browser mode: memory only).
    await pageB.reload();
    await pageB.evaluate(() => (location.hash = '#/sync'));
    await expect(pageB.getByText('Synchronizace byla zapnutá.')).toBeVisible();
    await expect(pageB.getByLabel('Adresa serveru')).toHaveValue(couch.url);
    await expect(pageB.getByLabel('Uživatelské jméno')).toHaveValue(AUTH.username);
    await expect(pageB.getByLabel('Heslo')).toHaveValue('');
    // Nothing of the password in any IndexedDB database of the profile, nor in localStorage.
    const stored = await pageB.evaluate(async () => {
      const dump: string[] = [JSON.stringify(localStorage)];
      for (const info of await indexedDB.databases()) {
        const db = await new Promise<IDBDatabase>((ok, fail) => {
          const r = indexedDB.open(info.name!);
          r.onsuccess = () => ok(r.result);
          r.onerror = () => fail(r.error);
        });
        for (const name of Array.from(db.objectStoreNames)) {
          const all = await new Promise<unknown[]>((ok, fail) => {
            const r = db.transaction(name).objectStore(name).getAll();
            r.onsuccess = () => ok(r.result);
            r.onerror = () => fail(r.error);
          });
          dump.push(JSON.stringify(all));
        }
        db.close();
      }
      return dump.join('\n');
    });
    expect(stored).toContain(AUTH.username); // the dump is real: the setting is in it
    expect(stored).not.toContain(AUTH.password);
  } finally {
    for (const c of contexts) await c.close().catch(() => undefined);
    await couch.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
});

test.describe('the server section', () => {
  test.use({ bypassCSP: true }); // axe is injected
  test('is accessible, also with its Czech errors shown', async ({ page }) => {
    const app = new App(page);
    await app.open();
    await app.startEmpty();
    await page.evaluate(() => (location.hash = '#/sync'));
    await expect(page.getByText('Server zatím není nastaven.')).toBeVisible();
    expect(await axeProblems(page, '.sync-server')).toEqual([]);
    await page.getByLabel('Adresa serveru').fill('couchdb.mesto.cz');
    await page.getByRole('button', { name: 'Připojit' }).click();
    await expect(page.getByText('Adresa serveru není platná.')).toBeVisible();
    await expect(page.getByText('Vyplňte uživatelské jméno.')).toBeVisible();
    await expect(page.getByText('Vyplňte heslo.')).toBeVisible();
    expect(await axeProblems(page, '.sync-server')).toEqual([]);
  });
});
