import { expect, test, type Page } from '@playwright/test';
import { App, fillDate, isoInDays, statusWord } from './app';

// Issue 9 item 2 / issue 11: approved minutes are sealed with the approval, locked on every
// screen, and a change made straight in IndexedDB (content, or content plus seal) shows as a
// warning the next time the meeting is opened.

/** attendeeAbsent: `forged` is the meeting id; the others: the forged hash. */
type Edit = 'attendeeAbsent' | 'sealHash' | 'meetingSealHash';

/** Rewrites records of the app's IndexedDB directly, past the app and its audit (a forger's edit). */
async function tamper(page: Page, store: string, edit: Edit, forged = ''): Promise<void> {
  await page.evaluate(
    async ({ store, edit, forged }) => {
      type Rec = Record<string, unknown> & {
        status?: string;
        op?: string;
        after?: Record<string, unknown>;
        minutesSeal?: Record<string, unknown>;
      };
      const idb = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('triada');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const all = await new Promise<Rec[]>((resolve, reject) => {
        const req = idb.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as Rec[]);
        req.onerror = () => reject(req.error);
      });
      let changed: Rec[] = [];
      if (edit === 'attendeeAbsent') {
        const a = all.find((r) => r.status === 'present' && r.meetingId === forged)!;
        changed = [{ ...a, status: 'absent' }];
      } else if (edit === 'sealHash') {
        const seal = all.find((r) => r.op === 'seal')!;
        changed = [{ ...seal, after: { ...seal.after, hash: forged } }];
      } else {
        changed = all
          .filter((m) => m.minutesSeal)
          .map((m) => ({ ...m, minutesSeal: { ...m.minutesSeal, hash: forged } }));
      }
      await new Promise<void>((resolve, reject) => {
        const tx = idb.transaction(store, 'readwrite');
        for (const r of changed) tx.objectStore(store).put(r);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      idb.close();
    },
    { store, edit, forged },
  );
}

test('approved minutes are sealed and locked; tampering in IndexedDB shows a warning', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const app = new App(page);
  await app.openUpcomingPs1Meeting();
  await expect(page.getByRole('heading', { name: /PS1 – jednání č\./ })).toBeVisible();
  for (const name of ['Mgr. Jana Nováková', 'Marie Horáková', 'Josef Kučera'])
    await app.mark(name, 'přítomen');
  const meetingUrl = page.url();

  await page.getByRole('link', { name: 'Zasedací místnost' }).click();
  await page.getByRole('button', { name: 'Vložit standardní body' }).click();
  await page.getByLabel('Průběh projednávání').fill('Předsedkyně zahájila jednání.');

  // Verified minutes changed: back to "k ověření", and the room says so.
  await page.getByRole('button', { name: 'Předat k ověření' }).click();
  await page.getByRole('button', { name: 'Označit jako ověřený' }).click();
  await expect(page.getByTestId('minutes-status')).toHaveText('ověřeno');
  await page.getByLabel('Průběh projednávání').fill('Předsedkyně zahájila jednání v 9:05.');
  await expect(page.getByTestId('minutes-status')).toHaveText('k ověření');
  await expect(page.getByTestId('reverify-notice')).toContainText('vrátil do stavu „k ověření“');
  await page.getByRole('button', { name: 'Označit jako ověřený' }).click();
  await expect(page.getByTestId('reverify-notice')).toBeHidden();

  await page.getByRole('button', { name: 'Schválit zápis' }).click();
  const d = page.getByRole('dialog');
  await d.getByLabel('Schválení').selectOption({ label: 'bez připomínek k datu' });
  await fillDate(d, 'Datum', isoInDays(400));
  await d.getByRole('button', { name: 'Schválit zápis' }).click();
  await expect(d).toBeHidden();
  await expect(page.getByTestId('minutes-status')).toHaveText('schváleno');
  const sealLine = page.getByTestId('seal-state');
  await expect(sealLine).toHaveAttribute('data-state', 'ok');
  const fingerprint = (await sealLine.textContent())!.match(
    /[0-9A-F]{4}\s[0-9A-F]{4}\s[0-9A-F]{4}/,
  )![0];

  // The meeting page: read-only with the reason, the seal checked, the fingerprint from paper.
  await page.goto(meetingUrl);
  await expect(page.getByTestId('seal-state')).toHaveAttribute('data-state', 'ok');
  await expect(page.getByTestId('locked-notice')).toContainText('schválený a uzamčený');
  await expect(page.getByRole('button', { name: statusWord('přítomen') })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Upravit' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Ověřit otisk z papíru' }).click();
  await page.getByRole('dialog').getByLabel('Otisk z papíru').fill(fingerprint.toLowerCase());
  await page.getByRole('dialog').getByRole('button', { name: 'Ověřit', exact: true }).click();
  await expect(page.getByTestId('paper-result')).toContainText('Shoda');
  await page.getByRole('dialog').getByRole('button', { name: 'Zavřít' }).click();

  // 1. Content changed in IndexedDB: an attendee turned absent.
  await tamper(page, 'attendance', 'attendeeAbsent', meetingUrl.split('/meetings/')[1]!);
  await page.reload();
  const warning = page.getByTestId('seal-state');
  await expect(warning).toHaveAttribute('data-state', 'mismatch');
  await expect(warning).toContainText('obsah zápisu se liší od schválené a zapečetěné verze');
  await page.getByRole('button', { name: 'Ověřit otisk z papíru' }).click();
  await page.getByRole('dialog').getByLabel('Otisk z papíru').fill(fingerprint);
  await page.getByRole('dialog').getByRole('button', { name: 'Ověřit', exact: true }).click();
  await expect(page.getByTestId('paper-result')).toContainText('Neshoda');
  await page.getByRole('dialog').getByRole('button', { name: 'Zavřít' }).click();

  // 2. Content and seal rewritten together: the seal record no longer fits its chain.
  const forged = 'f'.repeat(64);
  await tamper(page, 'audit', 'sealHash', forged);
  await tamper(page, 'meetings', 'meetingSealHash', forged);
  await page.reload();
  await expect(page.getByTestId('seal-state')).toHaveAttribute('data-state', 'tampered');
  await expect(page.getByTestId('seal-state')).toContainText('záznam pečeti byl změněn');

  // "Záloha a data" shows the broken chain and the meeting with the problem.
  await app.nav('Záloha a data').click();
  const integrity = page.getByTestId('integrity-section');
  await expect(integrity).toContainText('Historie je porušená');
  await expect(integrity).toContainText('Schválené zápisy s problémem pečeti');
  await integrity.getByRole('link', { name: 'Zobrazit celou historii změn' }).click();
  await expect(page.getByRole('heading', { name: 'Historie změn celé databáze' })).toBeVisible();
  await expect(page.getByText('zápis zapečetěn').first()).toBeVisible();
});
