import { expect, test } from '@playwright/test';
import { App } from './app';

// Issue 12: every screen but the overview loads its code on first use. While it loads, the
// layout stays and a small spinner shows only after 200 ms; a screen whose code cannot load
// shows that route's error screen and the rest of the app keeps working.

test('a screen loads its code on first use, the layout stays and the spinner waits 200 ms', async ({
  page,
}) => {
  const app = new App(page);
  await app.open();
  await app.loadSample();

  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let requested = false;
  await page.route(/\/assets\/PeoplePage-[^/]*\.js$/, async (route) => {
    requested = true;
    await held;
    await route.continue();
  });
  const spinner = page.locator('.route-loading');
  await app.nav('Lidé').click();
  await expect.poll(() => requested).toBe(true);
  // No flash: nothing yet right after the click…
  expect(await spinner.count()).toBe(0);
  // …then the spinner, inside the layout (the navigation is still there).
  await expect(spinner).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Načítám…' })).toBeVisible();
  await expect(page.getByRole('navigation')).toBeVisible();
  release();
  await expect(page.getByRole('heading', { name: 'Lidé', level: 1 })).toBeVisible();
  await expect(spinner).toHaveCount(0);
});

test('a screen whose code fails to load shows its error screen; other screens still open', async ({
  page,
}) => {
  const app = new App(page);
  await app.open();
  await app.loadSample();
  await page.route(/\/assets\/OrganizationsPage-[^/]*\.js$/, (route) => route.abort());
  await app.nav('Organizace').click();
  await expect(
    page.getByRole('heading', { name: 'Tuto stránku se nepodařilo zobrazit' }),
  ).toBeVisible();
  await expect(page.getByRole('navigation')).toBeVisible();
  await app.nav('Lidé').click();
  await expect(page.getByRole('heading', { name: 'Lidé', level: 1 })).toBeVisible();
});

test('the first screen does not load the screens, DOCX, charts or spreadsheet code', async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url().split('/').pop() ?? '');
  });
  const app = new App(page);
  await app.open();
  await app.loadSample();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Přehled', level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  for (const name of ['PeoplePage', 'MeetingPage', 'PlanPage', 'exportMeeting', 'RoomPage'])
    expect(
      scripts.filter((s) => s.startsWith(`${name}-`)),
      name,
    ).toEqual([]);
});

test('English loads on demand: a saved English UI opens in English after a reload', async ({
  page,
}) => {
  const app = new App(page);
  await app.open();
  await app.loadSample();
  await page.evaluate(() => localStorage.setItem('triada.lang', 'en'));
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'People' })).toBeVisible();
  await page.evaluate(() => localStorage.setItem('triada.lang', 'cs'));
});
