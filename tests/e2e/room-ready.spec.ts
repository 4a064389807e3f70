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
  await app.open();
  await app.loadSample();
  await app.nav('Jednání').click();
  await page
    .getByLabel('Skupina')
    .selectOption({ label: 'PS1 – Senioři a osoby se zdravotním postižením' });
  await page.getByRole('tabpanel').getByRole('link').first().click();
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
