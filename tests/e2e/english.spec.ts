import { expect, test, type Page } from '@playwright/test';
import { prepareSample, tourScreens } from './screens';

const CZECH_LETTERS = /[ěščřžýáíéůúťďňĚŠČŘŽÝÁÍÉŮÚŤĎŇ]/;
// The product's name, the language switch's own "Čeština", the currency and the Czech
// company number are right in English too.
const ALLOWED = new Set(['Triáda', 'Čeština', 'Kč', 'IČO']);
// Words the app itself stores as defaults (plan level names): Czech data, but shown translated.
const APP_WORDS = new Set(['Priorita', 'Opatření', 'Aktivita']);

/** Every word people or the sample stored: names, places, titles. Czech there is fine. */
async function userDataWords(page: Page): Promise<Set<string>> {
  const text = await page.evaluate(async () => {
    const dumps: string[] = [];
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(info.name!);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      for (const store of db.objectStoreNames) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        dumps.push(JSON.stringify(rows));
      }
      db.close();
    }
    return dumps.join(' ');
  });
  return new Set(text.split(/[^\p{L}]+/u).filter(Boolean));
}

/** Czech words on screen (text, labels, placeholders, titles) that no stored record contains. */
async function czechChrome(page: Page, data: Set<string>): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim()) continue;
      if (el.closest('script, style, option:not(:checked)')) continue;
      if (!el.checkVisibility() && !el.closest('.sr-only')) continue;
      out.push(n.textContent);
    }
    for (const el of document.querySelectorAll('[aria-label], [placeholder], [title], [alt]'))
      for (const a of ['aria-label', 'placeholder', 'title', 'alt'])
        if (el.getAttribute(a)) out.push(el.getAttribute(a)!);
    return out;
  });
  const found = new Set<string>();
  for (const text of texts) {
    const bad = text
      .split(/[^\p{L}]+/u)
      .filter(
        (w) => APP_WORDS.has(w) || (CZECH_LETTERS.test(w) && !data.has(w) && !ALLOWED.has(w)),
      );
    if (bad.length) found.add(`${bad.join(' ')}  ← "${text.trim().slice(0, 80)}"`);
  }
  return [...found];
}

test('in English nothing Czech remains that the app itself wrote', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const prepared = await prepareSample(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('link', { name: 'Overview', exact: true })).toBeVisible();
  const data = await userDataWords(page);
  const problems: string[] = [];
  await tourScreens(
    page,
    prepared,
    async (screen) => {
      if (process.env.LAYOUT_SHOTS)
        await page.screenshot({
          path: `${process.env.LAYOUT_SHOTS}/en-${screen.replace(/\W+/g, '-')}.png`,
          fullPage: true,
        });
      for (const p of await czechChrome(page, data)) problems.push(`${screen}: ${p}`);
    },
    'en',
  );
  expect(problems).toEqual([]);

  // The plan's level buttons and the attendance keys speak English too.
  await page.goto('/#/plans');
  await page.getByRole('link', { name: /ORP Vizovice/ }).click();
  await expect(page.getByRole('button', { name: '+ Priority' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Add Measure/ }).first()).toBeVisible();
  await page.goto(prepared.meetingUrl.replace(/^.*#/, '/#'));
  await expect(page.getByText(/Keys: P present · E excused · A absent/)).toBeVisible();
  await page.getByRole('listitem', { name: /^Marie Horáková/ }).focus();
  await page.keyboard.press('e');
  await expect(
    page
      .getByRole('group', { name: 'Marie Horáková', exact: true })
      .getByRole('button', { name: 'excused', exact: true }),
  ).toHaveAttribute('aria-pressed', 'true');
});

test('an open projector follows the language switched in the main window', async ({ page }) => {
  await page.goto('/');
  const projector = await page.context().newPage();
  await projector.goto('/#/projector/no-such-meeting');
  await expect(projector.getByText('Čekám na jednání…')).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(projector.getByText('Waiting for the meeting…')).toBeVisible();
  await expect(projector.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'Čeština' }).click();
  await expect(projector.getByText('Čekám na jednání…')).toBeVisible();
});
