import { expect, test, type Page } from '@playwright/test';
import { App } from './app';

// Long lists render only the rows near the screen (components/VirtualRows.tsx) and stay
// reachable from the keyboard; screen readers still learn the full size.

const SURNAMES = ['Novák', 'Čermák', 'Cibulka', 'Chalupa', 'Hora', 'Dvořák', 'Žák', 'Adámek'];

/** 1,000 people written straight into the app's IndexedDB (as a restore would), then a reload. */
async function thousandPeople(page: Page) {
  await page.evaluate(async (surnames) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('triada');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const tx = db.transaction('people', 'readwrite');
    const store = tx.objectStore('people');
    const now = new Date().toISOString();
    for (let i = 0; i < 1000; i++)
      store.put({
        id: `bulk-${i}`,
        firstName: `Osoba ${String(i).padStart(4, '0')}`,
        lastName: surnames[i % surnames.length],
        triadRole: (['commissioner', 'provider', 'user', 'public'] as const)[i % 4],
        email: `osoba${i}@example.cz`,
        createdAt: now,
        updatedAt: now,
      });
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, SURNAMES);
  await page.reload();
}

test('a list of 1,000 people renders only the rows on screen, sorted in Czech, and the keyboard reaches the last row', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const app = new App(page);
  await app.open();
  await app.startEmpty();
  await thousandPeople(page);
  await app.nav('Lidé').click();
  const table = page.getByRole('table', { name: 'Lidé' });
  await expect(page.getByText('Zobrazeno 1000 osob')).toBeVisible();
  // The screen reader hears 1,001 rows (the header and 1,000 people) …
  await expect(table).toHaveAttribute('aria-rowcount', '1001');
  // … while the page holds only the rows near the screen.
  const rendered = table.locator('tbody tr:not(.virtual-spacer)');
  expect(await rendered.count()).toBeLessThan(40);
  // Czech order: Adámek, Cibulka, Čermák, Dvořák, Hora, Chalupa, Novák, Žák.
  const firstRow = rendered.first();
  await expect(firstRow).toHaveAttribute('aria-rowindex', '2');
  await expect(firstRow).toContainText('Adámek');

  // Tab walks row after row, past the rows first rendered, with the page scrolling along.
  await firstRow.getByRole('button', { name: /^Osobní údaje: / }).focus();
  for (let i = 0; i < 3 * 40; i++) await page.keyboard.press('Tab');
  const focusedRow = page.locator('tbody tr:has(:focus)');
  await page.screenshot({ path: 'test-results/people-1000-tab.png' });
  expect(Number(await focusedRow.getAttribute('aria-rowindex'))).toBeGreaterThan(40);
  await expect(focusedRow).toBeInViewport();
  expect(await rendered.count()).toBeLessThan(60);

  // Ctrl+End: the last person, focused and on screen; Ctrl+Home back to the first.
  await page.keyboard.press('Control+End');
  await expect(focusedRow).toHaveAttribute('aria-rowindex', '1001');
  await expect(focusedRow).toContainText('Žák');
  await expect(focusedRow).toContainText('Osoba 0998');
  await expect(focusedRow).toBeInViewport();
  await expect(page.locator(':focus')).toHaveAccessibleName(/^Osobní údaje: Osoba 0998 Žák$/);
  expect(await rendered.count()).toBeLessThan(60);
  // The sticky header stays above the rows.
  await expect(table.getByRole('columnheader').first()).toBeInViewport();
  await page.screenshot({ path: 'test-results/people-1000-end.png' });
  // Enter on the focused action opens that person's dialog.
  await page.keyboard.press('Enter');
  await expect(
    app.dialog().getByRole('heading', { name: 'Osobní údaje: Osoba 0998 Žák' }),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Home');
  await expect(focusedRow).toHaveAttribute('aria-rowindex', '2');
  await expect(focusedRow).toBeInViewport();

  // Sorting and filtering work on every row, not only the rendered ones.
  await table.getByRole('button', { name: 'Jméno' }).click();
  await expect(rendered.first()).toContainText('Žák');
  await page.getByLabel('Hledat').fill('osoba 0513');
  await expect(page.getByText('Zobrazena 1 osoba')).toBeVisible();
  await expect(rendered).toHaveCount(1);
  await expect(table).not.toHaveAttribute('aria-rowcount');
});

test('the sample region’s lists are short: every row rendered as before, in Czech and English at 1280×720', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const app = new App(page);
  await app.open();
  await app.loadSample();
  for (const lang of ['cs', 'en'] as const) {
    const cs = lang === 'cs';
    if (!cs) await page.getByRole('button', { name: 'English' }).click();
    const shot = (name: string) =>
      page.screenshot({ path: `test-results/lists-${lang}-${name}.png`, fullPage: true });

    await app.nav(cs ? 'Lidé' : 'People').click();
    const people = page.getByRole('table', { name: cs ? 'Lidé' : 'People' });
    await expect(people.locator('tbody tr').first()).toBeVisible();
    await expect(people).not.toHaveAttribute('aria-rowcount');
    await expect(people.locator('.virtual-spacer')).toHaveCount(0);
    const names = await people.locator('tbody tr td:first-child').allTextContents();
    // By surname in the screen's collation (Czech: Č after C, Ch after H, Š after S)
    const surnames = names.map((n) => n.trim().split(' ').at(-1)!);
    expect(surnames).toEqual([...surnames].sort(new Intl.Collator(lang).compare));
    if (cs) expect(surnames.indexOf('Chmelařová')).toBeGreaterThan(surnames.indexOf('Horáková'));
    await expect(
      people.getByRole('button', { name: cs ? /^Upravit: / : /^Edit: / }).first(),
    ).toBeVisible();
    await shot('people');

    await app.nav(cs ? 'Jednání' : 'Meetings').click();
    await page.getByRole('tab', { name: cs ? /^Proběhlá/ : /^Past/ }).click();
    const past = page.getByRole('tabpanel').getByRole('table');
    await expect(past.locator('tbody tr').first()).toBeVisible();
    await expect(past).not.toHaveAttribute('aria-rowcount');
    await shot('meetings-past');

    await app.nav(cs ? 'Úkoly' : 'Tasks').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      cs ? 'Úkoly všech skupin' : 'Tasks of all groups',
    );
    // The sample's tasks are all done: the pending filter (read by status) shows none of them.
    await expect(page.getByRole('table')).toHaveCount(0);
    await page.getByLabel(cs ? 'Jen nesplněné' : 'Not done only').uncheck();
    await expect(page.getByRole('table').locator('tbody tr').first()).toBeVisible();
    await shot('tasks');
    await page.getByLabel(cs ? 'Jen nesplněné' : 'Not done only').check();

    await app.nav(cs ? 'Komunitní plán' : 'Community plan').click();
    await page.locator('a[href*="#/plans/"]').first().click();
    const tree = page.getByRole('list', { name: cs ? 'Struktura' : 'Structure' });
    await expect(tree.getByRole('listitem').first()).toBeVisible();
    await expect(tree.getByRole('listitem').first()).not.toHaveAttribute('aria-setsize');
    await expect(tree.getByRole('button', { name: cs ? /výš$/ : /up$/ }).first()).toBeDisabled();
    await shot('plan-tree');
    await page.getByRole('tab', { name: cs ? 'Tabulka' : 'Table' }).click();
    await expect(page.locator('.plan-table tbody tr').first()).toBeVisible();
    await shot('plan-table');
  }
});

test('a plan of 200 more activities: the tree and the table render only what is on screen and the keyboard reaches the last activity', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const app = new App(page);
  await app.open();
  await app.loadSample();
  const total = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('triada');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const items = await new Promise<Record<string, unknown>[]>((resolve) => {
      const r = db.transaction('planItems').objectStore('planItems').getAll();
      r.onsuccess = () => resolve(r.result as Record<string, unknown>[]);
    });
    const activity = items.find((i) => i.level === 3)!;
    const measure = items.find((i) => i.id === activity.parentId)!;
    const tx = db.transaction('planItems', 'readwrite');
    for (let i = 1; i <= 200; i++)
      tx.objectStore('planItems').put({
        ...activity,
        id: `bulk-${i}`,
        order: 1000 + i,
        code: `${String(measure.code)}.${100 + i}`,
        title: `Doplněná aktivita ${i}`,
      });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
    return items.filter((i) => i.planId === activity.planId).length + 200;
  });
  await page.reload();
  await app.nav('Komunitní plán').click();
  await page.locator('a[href*="#/plans/"]').first().click();
  const tree = page.getByRole('list', { name: 'Struktura' });
  const nodes = tree.getByRole('listitem');
  await expect(nodes.first()).toHaveAttribute('aria-setsize', String(total));
  await expect(nodes.first()).toHaveAttribute('aria-posinset', '1');
  expect(await nodes.count()).toBeLessThan(40);
  // Ctrl+End from the first row: the last node of the tree, focused and on screen.
  await nodes.first().getByRole('button').first().focus();
  await page.keyboard.press('Control+End');
  const focused = page.locator('.plan-tree li:has(:focus)');
  await expect(focused).toHaveAttribute('aria-posinset', String(total));
  await expect(focused).toBeInViewport();
  expect(await nodes.count()).toBeLessThan(60);
  await page.screenshot({ path: 'test-results/plan-tree-long-end.png' });

  await page.getByRole('tab', { name: 'Tabulka' }).click();
  const table = page.getByRole('table', { name: 'Tabulka' });
  await expect(table).toHaveAttribute('aria-rowcount', /\d+/);
  expect(await table.locator('tbody tr:not(.virtual-spacer)').count()).toBeLessThan(40);
  await page.screenshot({ path: 'test-results/plan-table-long.png' });

  // The dashboard's charts come a frame after its figures.
  await page.getByRole('tab', { name: 'Přehled plnění' }).click();
  await expect(page.getByTestId('kpi-fulfilled')).toBeVisible();
  await expect(page.locator('.chart-card svg.recharts-surface').first()).toBeVisible();
});
