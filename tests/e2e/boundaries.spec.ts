import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { App } from './app';

// Issue 9, item 6: bad stored data never locks the user out. Data is damaged the way a forged
// database or a hand-edited restore would: straight in IndexedDB, past every repository.

/** Puts records into a store of the app's IndexedDB as they are, with no validation. */
async function putRaw(page: Page, store: string, records: unknown[]) {
  await page.evaluate(
    ({ store, records }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('triada');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(store, 'readwrite');
          for (const r of records) tx.objectStore(store).put(r);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { store, records },
  );
}

async function firstMeeting(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const open = indexedDB.open('triada');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('meetings').objectStore('meetings').getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result[0]);
          };
        };
      }),
  );
}

const errorTitle = (page: Page) =>
  page.getByRole('heading', { name: 'Tuto stránku se nepodařilo zobrazit', level: 1 });

test('garbage in the stored settings never stops "Záloha a data", the banners or any page from opening', async ({
  page,
}) => {
  const app = new App(page);
  await app.open();
  await app.loadSample();
  await putRaw(page, 'settings', [
    { key: 'lastBackupAt', value: 'garbage' },
    { key: 'backupReminderSnoozedUntil', value: { until: 'tomorrow' } },
    { key: 'retentionYears', value: 'abc' },
    { key: 'userName', value: 42 },
    { key: 'project', value: 'garbage' },
    { key: 'startedEmpty', value: 'yes' },
  ]);
  await page.reload();

  // The reminder treats a garbage time as "never backed up" instead of hiding itself.
  await expect(page.getByText('Data ještě nebyla zálohována')).toBeVisible();
  await expect(page.getByLabel('Vaše jméno')).toBeVisible();

  await app.nav('Záloha a data').click();
  await expect(page.getByRole('heading', { name: 'Záloha a data', level: 1 })).toBeVisible();
  await expect(page.getByText('Zatím jste nezálohovali.')).toBeVisible();
  await expect(page.getByLabel('Neaktivní déle než (roky)')).toHaveValue('3');
  await expect(errorTitle(page)).toBeHidden();

  for (const [link, heading] of [
    ['Nastavení', 'Nastavení'],
    ['Přehled', 'Přehled'],
  ] as const) {
    await app.nav(link).click();
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    await expect(errorTitle(page)).toBeHidden();
  }

  // A real backup from here records a valid time again, and the reminder goes away.
  await app.nav('Záloha a data').click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Zálohovat', exact: true }).click();
  await download;
  await expect(page.getByText('Data ještě nebyla zálohována')).toBeHidden();
  await expect(page.getByText(/Poslední záloha: /)).toBeVisible();
});

test.describe('a page that fails to render', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('says what happened and offers a copy of the data, "Záloha a data" and a report', async ({
    page,
  }, info) => {
    const app = new App(page);
    await app.open();
    await app.loadSample();
    // A meeting whose date is not a date: its page cannot show the weekday and throws.
    const meeting = await firstMeeting(page);
    await putRaw(page, 'meetings', [{ ...meeting, date: 'zítra' }]);
    await page.goto(`/#/meetings/${meeting.id as string}`);

    await expect(errorTitle(page)).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('data v aplikaci se tím nezměnila');
    // The rest of the app is still there.
    await expect(app.nav('Záloha a data')).toBeVisible();

    await page.getByRole('button', { name: 'Zkopírovat podrobnosti chyby' }).click();
    await expect(page.getByText('Podrobnosti chyby jsou ve schránce.')).toBeVisible();
    const report = await page.evaluate(() => navigator.clipboard.readText());
    expect(report).toMatch(/^Triáda \d+\.\d+\.\d+/);
    expect(report).toContain('RangeError');
    expect(report).toContain(`#/meetings/${meeting.id as string}`);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Uložit kopii dat' }).click();
    const file = info.outputPath((await download).suggestedFilename());
    await (await download).saveAs(file);
    expect((await download).suggestedFilename()).toMatch(/^triada-kopie-.+\.json$/);
    const copy = JSON.parse(await readFile(file, 'utf8'));
    expect(copy).toMatchObject({ format: 'triada-backup' });
    expect(copy.data.meetings.length).toBeGreaterThan(0);
    await expect(page.getByText('Kopie dat je uložená.')).toBeVisible();
    await page.screenshot({ path: info.outputPath('error-screen.png'), fullPage: true });

    await page.getByRole('link', { name: 'Přejít na Zálohu a data' }).click();
    await expect(page.getByRole('heading', { name: 'Záloha a data', level: 1 })).toBeVisible();
    await expect(errorTitle(page)).toBeHidden();
  });
});
