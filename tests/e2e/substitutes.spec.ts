import { expect, test, type Page } from '@playwright/test';
import { App, fillDate, isoInDays, statusWord } from './app';

// Issue 11: "The short-notice warning appears after the meeting is saved" and "Substitutes
// fail silently".

const PS1 = 'PS1 – Senioři a osoby se zdravotním postižením';

/** Writes (or deletes) a record straight in IndexedDB, as another window would have. */
async function putRaw(page: Page, store: string, record: Record<string, unknown>, remove = false) {
  await page.evaluate(
    ({ store, record, remove }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('triada');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(store, 'readwrite');
          if (remove) tx.objectStore(store).delete(record.id as string);
          else tx.objectStore(store).put(record);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { store, record, remove },
  );
}

/** "Mgr. Jana Nováková" → "Nováková Jana", as the picker lists people. */
const listed = (name: string) => {
  const words = name.split(' ');
  return `${words.at(-1)} ${words.at(-2)}`;
};

test('the short-notice warning shows while the date is picked, before saving', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSample();
  await app.nav('Skupiny').click();
  await page.getByRole('link', { name: /PS1/ }).first().click();
  await page.getByRole('tab', { name: 'Jednání skupiny' }).click();
  await page.getByRole('button', { name: 'Naplánovat jednání' }).click();
  const d = app.dialog();
  const status = d.getByRole('status');

  // PS1 invites 7 calendar days ahead.
  await fillDate(d, 'Datum', isoInDays(3));
  await expect(status).toContainText('Krátká lhůta: podle jednacího řádu měla pozvánka odejít');
  await fillDate(d, 'Datum', isoInDays(30));
  await expect(status).toContainText('Pozvánku rozešlete nejpozději');
  await expect(status).not.toContainText('Krátká lhůta');
  await fillDate(d, 'Datum', isoInDays(3));
  await expect(status).toContainText('Krátká lhůta');

  // Saving, knowing it, goes straight to the meeting: no second warning after the fact.
  await d.getByLabel('Místo').fill('Městský úřad Vizovice');
  await d.getByRole('button', { name: 'Uložit' }).click();
  await expect(d).toBeHidden();
  await expect(page.getByRole('heading', { name: /PS1 – jednání č\./ })).toBeVisible();
});

test('"zastoupen" offers only eligible people, says why it cannot save, and gives focus back to the row', async ({
  page,
}) => {
  const app = new App(page);
  await app.open();
  await app.loadSample();
  await app.nav('Jednání').click();
  await page.getByLabel('Skupina').selectOption({ label: PS1 });
  await page.getByRole('tabpanel').getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: /PS1 – jednání č\./ })).toBeVisible();
  const meetingId = page.url().split('/meetings/')[1]!.split(/[/?#]/)[0]!;

  const rows = page.getByTestId('attendance-row');
  const names = await rows.locator('.attendee-name').allInnerTexts();
  expect(names.length).toBeGreaterThan(4);
  const [present, first, second] = names as [string, string, string];
  await app.mark(present, 'přítomen');

  const d = app.dialog();
  const picker = d.getByLabel('Zastupuje');
  const offered = async () =>
    (await picker.locator('option').allInnerTexts()).filter((o) => o !== '—');

  await app
    .memberRow(first)
    .getByRole('button', { name: statusWord('zastoupen') })
    .click();
  await expect(d).toBeVisible();
  const options = await offered();
  // Not all 45 people: no member of the group (present or not), nobody from another organization.
  expect(options.length).toBeGreaterThan(0);
  expect(options.length).toBeLessThan(20);
  for (const member of names) expect(options.some((o) => o.startsWith(listed(member)))).toBe(false);

  // "Uložit" with nobody chosen says why, in the dialog.
  await picker.selectOption({ label: '—' });
  await d.getByRole('button', { name: 'Uložit' }).click();
  await expect(d.getByRole('alert')).toHaveText('Vyberte, kdo člena zastupuje.');

  // Meanwhile another window records the chosen person as a guest: saving fails visibly,
  // the dialog stays open with the reason, and nothing is written.
  await picker.selectOption({ index: 1 });
  const chosenId = await picker.inputValue();
  const substitute = await picker.locator('option:checked').innerText();
  const now = new Date().toISOString();
  const guest = {
    id: crypto.randomUUID(),
    meetingId,
    personId: chosenId,
    status: 'guest',
    createdAt: now,
    updatedAt: now,
  };
  await putRaw(page, 'attendance', guest);
  await d.getByRole('button', { name: 'Uložit' }).click();
  await expect(d.getByRole('alert')).toHaveText(
    'Tato osoba je na jednání zapsána sama za sebe, nemůže zároveň zastupovat.',
  );
  await expect(d).toBeVisible();

  // The guest record is taken back there; now "Uložit" saves, and focus is back on the row.
  await putRaw(page, 'attendance', guest, true);
  await d.getByRole('button', { name: 'Uložit' }).click();
  await expect(d).toBeHidden();
  const firstRow = app.memberRow(first);
  await expect(firstRow.getByRole('button', { name: statusWord('zastoupen') })).toBeFocused();
  await expect(firstRow.getByRole('button', { name: statusWord('zastoupen') })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  // "Uhlířová Gabriela (…)" in the picker is "Zastupuje: Mgr. Gabriela Uhlířová" in the row.
  await expect(rows.filter({ has: firstRow })).toContainText(
    new RegExp(`Zastupuje: [^]*${substitute.split(' ')[0]}`),
  );

  // For the next member, whoever already substitutes is no longer offered.
  await app
    .memberRow(second)
    .getByRole('button', { name: statusWord('zastoupen') })
    .click();
  await expect(d).toBeVisible();
  expect(await offered()).not.toContain(substitute);
  await d.getByRole('button', { name: 'Zrušit' }).click();
  await expect(d).toBeHidden();
  await expect(
    app.memberRow(second).getByRole('button', { name: statusWord('zastoupen') }),
  ).toBeFocused();
});
