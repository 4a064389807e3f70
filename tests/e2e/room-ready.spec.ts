import { expect, test, type Page } from '@playwright/test';
import { App } from './app';

// Issue 12: a visible button works when it is clicked. The meeting page of an upcoming meeting
// has its own "Přidat bod" (the preparation's agenda); while the room's code was loading, the
// meeting page stayed on screen, so a click on "Přidat bod" right after "Zasedací místnost"
// opened the meeting page's dialog, which vanished with that page a moment later (CI waited
// minutes for the room's dialog). Now the old screen leaves at once and the room's button works
// from its first frame, also on a slow machine.

async function meetingPage(page: Page): Promise<void> {
  const app = new App(page);
  await app.openUpcomingPs1Meeting();
  // An upcoming meeting: its page shows the preparation, with a "Přidat bod" of its own.
  await expect(
    page.getByTestId('prepare').getByRole('button', { name: 'Přidat bod' }),
  ).toBeVisible();
}

async function addItemInRoom(page: Page, title: string): Promise<void> {
  // In the room (its "Prezence" link), with the dialog the click opened.
  await expect(page.getByRole('link', { name: 'Prezence' })).toBeVisible();
  await expect(page.getByTestId('prepare')).toHaveCount(0);
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Název bodu')).toBeFocused({ timeout: 5000 });
  await dialog.getByLabel('Název bodu').fill(title);
  await dialog.getByRole('button', { name: 'Uložit' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('grid', { name: 'Program' }).getByRole('row', { name: new RegExp(title) }),
  ).toBeVisible();
}

test('"Přidat bod" clicked right after opening the room, while its code still loads, opens the room\'s dialog', async ({
  page,
}) => {
  await meetingPage(page);
  // The room's code arrives 1.5 s after it is asked for (a slow disk or a loaded machine).
  await page.route(/\/assets\/RoomPage-[^/]*\.js$/, async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.getByRole('link', { name: 'Zasedací místnost' }).click();
  await page.getByRole('button', { name: 'Přidat bod' }).click();
  await addItemInRoom(page, 'Bod hned po otevření');
});

test('"Přidat bod" clicked as soon as the room shows opens the dialog on a 4× slower CPU', async ({
  page,
}) => {
  await meetingPage(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.getByRole('link', { name: 'Zasedací místnost' }).click();
  await page.getByRole('button', { name: 'Přidat bod' }).click();
  await addItemInRoom(page, 'Bod na pomalém stroji');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
});

test('the room shows its programme as a light list first; the drag-and-drop grid takes over right after', async ({
  page,
}) => {
  await meetingPage(page);
  await page.getByRole('link', { name: 'Zasedací místnost' }).click();
  await page.getByRole('button', { name: 'Vložit standardní body' }).click();
  await expect(page.getByRole('row', { name: /4\. Termín příštího jednání/ })).toBeVisible();
  const roomHash = await page.evaluate(() => location.hash);
  await page.evaluate(() => (location.hash = '#/meetings'));
  await expect(page.getByRole('heading', { name: 'Jednání', level: 1 })).toBeVisible();

  // Back in the room: what the programme was when its rows first appeared.
  const first = await page.evaluate(async (hash) => {
    const seen = new Promise<{ rows: number; dragAndDrop: boolean }>((resolve) => {
      const mo = new MutationObserver(() => {
        const rows = document.querySelectorAll('.agenda-list [role="row"]');
        if (!rows.length) return;
        mo.disconnect();
        resolve({
          rows: rows.length,
          dragAndDrop: !!document.querySelector('.agenda-list[data-rac], [draggable="true"]'),
        });
      });
      mo.observe(document.body, { childList: true, subtree: true });
    });
    location.hash = hash;
    return seen;
  }, roomHash);
  expect(first).toEqual({ rows: 4, dragAndDrop: false });

  // Then the grid: rows that drag, the selection and the keyboard as before.
  const grid = page.getByRole('grid', { name: 'Program' });
  await expect(grid.locator('[draggable="true"]')).toHaveCount(4);
  await grid.getByRole('row', { name: /2\. Kontrola zápisu/ }).click();
  await expect(page.getByRole('heading', { name: /Ad 2 Kontrola zápisu/ })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Ad 3 Různé/ })).toBeVisible();
  // Alt+↓, the keyboard twin of dragging, moves the selected item down.
  await page.keyboard.press('Alt+ArrowDown');
  await expect(grid.getByRole('row', { name: /4\. Různé/ })).toBeVisible();
});
