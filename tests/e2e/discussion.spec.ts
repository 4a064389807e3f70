// The live minutes of an agenda item: one editor at a time across tabs, nothing typed lost
// or cut. Pages share one browser context, so they share IndexedDB and the Web Locks.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type Locator, type Page } from '@playwright/test';
import { textStamp } from '../../renderer/src/db/meetings/draftJournal';
import { App, statusWord } from './app';
import { installRenderCounter, takeRenderCounts } from './renderCounter';

const EDITOR = 'Průběh projednávání';

async function openRoom(page: Page, userName?: string) {
  const app = new App(page);
  await app.open();
  await app.loadSample();
  if (userName) {
    await page.getByLabel('Vaše jméno').fill(userName);
    await page.getByRole('button', { name: 'Pokračovat' }).click();
    await expect(page.getByLabel('Vaše jméno')).toBeHidden();
  }
  await app.nav('Jednání').click();
  await page
    .getByLabel('Skupina')
    .selectOption({ label: 'PS1 – Senioři a osoby se zdravotním postižením' });
  await page.getByRole('tabpanel').getByRole('link').first().click();
  await page.getByRole('link', { name: 'Zasedací místnost' }).click();
  await page.getByRole('button', { name: 'Vložit standardní body' }).click();
  await expect(page.getByRole('heading', { name: /Ad 1 Zahájení/ })).toBeVisible();
  await expect(page.getByLabel(EDITOR)).toBeEditable();
}

/** The discussion stored in IndexedDB for the item the editor shows, read beside the app. */
async function stored(page: Page, editor: Locator): Promise<string> {
  return storedOf(page, (await editor.getAttribute('id'))!.replace(/^discussion-/, ''));
}

/** The discussion stored in IndexedDB for an agenda item, read beside the app. */
function storedOf(page: Page, id: string): Promise<string> {
  return page.evaluate(
    (itemId) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('triada');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const idb = open.result;
          const get = idb.transaction('agendaItems').objectStore('agendaItems').get(itemId);
          get.onsuccess = () => {
            idb.close();
            resolve((get.result as { discussion: string }).discussion);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    id,
  );
}

test('two tabs on one item: one edits, the other reads who holds it, takes over, nothing is lost', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await openRoom(page, 'Petra Dvořáková');
  const a = page.getByLabel(EDITOR);
  await a.pressSequentially('Ad 1: Předsedkyně zahájila jednání.', { delay: 10 });

  const other = await context.newPage();
  await other.goto(page.url());
  const b = other.getByLabel(EDITOR);
  const notice = other.getByTestId('discussion-lock');
  await expect(notice).toHaveText(
    'Tento bod teď upravuje Petra Dvořáková v jiném okně. Zde je text jen pro čtení a průběžně se obnovuje.',
  );
  await expect(b).not.toBeEditable();
  await expect(b).toHaveValue('Ad 1: Předsedkyně zahájila jednání.');

  // Typing into the read-only tab changes nothing.
  await b.click();
  await other.keyboard.type('XYZ');
  await expect(b).toHaveValue('Ad 1: Předsedkyně zahájila jednání.');

  // The editing tab goes on; the other follows.
  await a.press('End');
  await a.pressSequentially(' Program byl schválen.', { delay: 10 });
  await expect(b).toHaveValue('Ad 1: Předsedkyně zahájila jednání. Program byl schválen.');

  // A last burst in the first tab, and the other takes over at once: the burst is handed over.
  await a.pressSequentially(' Ověřovatelkou je M. Horáková.', { delay: 0 });
  await other.getByRole('button', { name: 'Převzít úpravy' }).click();
  const handedOver =
    'Ad 1: Předsedkyně zahájila jednání. Program byl schválen. Ověřovatelkou je M. Horáková.';
  await expect(b).toBeEditable();
  await expect(b).toHaveValue(handedOver);
  await expect(notice).toBeHidden();
  await expect(a).not.toBeEditable();
  await expect(page.getByTestId('discussion-lock')).toContainText(
    'Úpravy tohoto bodu převzalo jiné okno (Petra Dvořáková). Všechno, co jste zde napsali, je uloženo. Zde je text jen pro čtení a průběžně se obnovuje.',
  );
  await expect(page.getByRole('button', { name: 'Převzít úpravy' })).toBeVisible();

  await b.press('End');
  await b.pressSequentially(' Bez připomínek.', { delay: 10 });
  await expect(other.getByTestId('save-state')).toHaveText('Uloženo');
  const final = `${handedOver} Bez připomínek.`;
  await expect(a).toHaveValue(final);
  expect(await stored(other, b)).toBe(final);

  // Taken back by the first tab; a reload of the second still shows the same text, read-only.
  await page.getByRole('button', { name: 'Převzít úpravy' }).click();
  await expect(a).toBeEditable();
  await expect(b).not.toBeEditable();
  await other.reload();
  await expect(other.getByLabel(EDITOR)).toHaveValue(final);
  await expect(other.getByLabel(EDITOR)).not.toBeEditable();
  expect(await stored(page, a)).toBe(final);

  // The editing tab is closed: the item is free and the waiting tab becomes the editor.
  // (Moving to another item would not do as a test: the room's tabs follow the live item.)
  await page.close();
  await expect(other.getByLabel(EDITOR)).toBeEditable();
  await expect(other.getByTestId('discussion-lock')).toBeHidden();
});

/** Reports every input of the editor (the page's clock, the length typed past `base`). */
async function recordTyping(page: Page, editor: Locator, base: number) {
  const typedAt: { at: number; length: number }[] = [];
  await page.exposeFunction('reportTyped', (at: number, length: number) => {
    typedAt.push({ at, length });
  });
  await editor.evaluate(
    (el: HTMLTextAreaElement, base: number) =>
      el.addEventListener('input', () =>
        (window as unknown as { reportTyped: (a: number, l: number) => void }).reportTyped(
          Date.now(),
          el.value.length - base,
        ),
      ),
    base,
  );
  return typedAt;
}

/** Init script: notes when each save of an agenda item begins (its put into IndexedDB). */
function recordItemPuts() {
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args) {
    const w = window as unknown as { __itemPuts?: number[] };
    if (this.name === 'agendaItems') (w.__itemPuts ??= []).push(Date.now());
    return put.apply(this, args);
  };
}

/**
 * Waits until 110–150 ms have passed since the last save of the discussion began: for a save
 * capped at five a second the worst moment to lose the page, so a test that kills or reloads
 * then catches a saver that relies on its rate alone.
 */
async function untilLateInSaveInterval(page: Page) {
  await expect
    .poll(
      async () => {
        const ms = await page.evaluate(() => {
          const puts = (window as unknown as { __itemPuts?: number[] }).__itemPuts ?? [];
          return Date.now() - (puts.at(-1) ?? 0);
        });
        return ms >= 110 && ms <= 150;
      },
      { timeout: 10_000, intervals: [5] },
    )
    .toBe(true);
}

const BURST =
  'Členové se shodli na rozšíření odlehčovací služby o víkendy a svátky. Zazněly i obavy.';

test('typing at 25 characters a second, the browser killed: everything typed until 50 ms before comes back and is saved', async ({
  baseURL,
}, testInfo) => {
  test.setTimeout(120_000);
  // A browser of its own, on a profile folder, so it can be killed outright (SIGKILL: no
  // pagehide, no unload, no flush) and started again on the same IndexedDB.
  const profile = mkdtempSync(path.join(tmpdir(), 'triada-crash-'));
  const options = {
    baseURL,
    locale: 'cs-CZ',
    timezoneId: 'Europe/Prague',
    ...testInfo.project.use.launchOptions,
  };
  try {
    const context = await chromium.launchPersistentContext(profile, options);
    await context.addInitScript(recordItemPuts);
    const page = context.pages()[0] ?? (await context.newPage());
    await openRoom(page);
    const editor = page.getByLabel(EDITOR);
    const url = page.url();
    const itemId = (await editor.getAttribute('id'))!.replace(/^discussion-/, '');
    // Minutes of some length already stored (about ten pages) make every write heavier.
    const earlier = 'Předchozí diskuse k bodu. '.repeat(800);
    await editor.fill(earlier);
    await expect(page.getByTestId('save-state')).toHaveText('Uloženo');
    await editor.press('End');
    // The page reports each input as it happens, so the moment of every character is known.
    const typedAt = await recordTyping(page, editor, earlier.length);
    // Killed while someone types at a steady 25 characters a second, keys still coming.
    const typing = page.keyboard.type(BURST, { delay: 40 }).catch(() => undefined);
    await expect.poll(() => typedAt.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(40);
    const pids = execFileSync('pgrep', ['-f', `user-data-dir=${profile}`], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
    await untilLateInSaveInterval(page);
    const killedAt = Date.now();
    for (const pid of pids) process.kill(pid, 'SIGKILL');
    await context.close().catch(() => undefined);
    await typing;
    const due = typedAt.filter((t) => t.at <= killedAt - 50).at(-1)?.length ?? 0;
    const last = typedAt.filter((t) => t.at <= killedAt).at(-1)!;

    const again = await chromium.launchPersistentContext(profile, options);
    const page2 = again.pages()[0] ?? (await again.newPage());
    // What the capped-rate save had written before the kill (read before the room opens).
    await page2.goto('/');
    await expect(page2.getByRole('heading', { level: 1 }).first()).toBeVisible();
    const saved = (await storedOf(page2, itemId)).slice(earlier.length);
    await page2.goto(url);
    const after = page2.getByLabel(EDITOR);
    await expect(after).toBeEditable();
    const all = await after.inputValue();
    expect(all.startsWith(earlier)).toBe(true);
    const kept = all.slice(earlier.length);
    console.log(
      `kill: ${last.length} chars typed, due ${due} (typed until 50 ms before); saved ${saved.length}, back in the editor ${kept.length}`,
    );
    expect(BURST.startsWith(kept)).toBe(true);
    // Everything typed until 50 ms before the kill is back in the editor…
    expect(kept.length).toBeGreaterThanOrEqual(due);
    if (kept.length > saved.length)
      await expect(page2.getByTestId('discussion-recovered')).toHaveText(
        new RegExp(`^Obnoven[oy]? ${kept.length - saved.length} znak`),
      );
    // …and saved through the normal path.
    await expect(page2.getByTestId('save-state')).toHaveText('Uloženo');
    await expect.poll(() => stored(page2, after)).toBe(all);
    await again.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('a reload in the middle of typing loses nothing: the text comes back and is saved', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.addInitScript(recordItemPuts);
  await openRoom(page);
  const editor = page.getByLabel(EDITOR);
  await editor.pressSequentially('Ad 1: ', { delay: 5 });
  await expect(page.getByTestId('save-state')).toHaveText('Uloženo');
  await editor.press('End');
  const typedAt = await recordTyping(page, editor, 6);
  // Keys at 25 a second, still coming when the page reloads (then they reach no editor).
  const typing = page.keyboard.type(BURST, { delay: 40 }).catch(() => undefined);
  await expect.poll(() => typedAt.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(30);
  await untilLateInSaveInterval(page);
  await page.reload();
  const typedBefore = typedAt.at(-1)!.length;
  // A key sent while the page reloads may never be answered (seen once in CI: the test hung
  // here until its timeout, the page long ready). Nothing below types.
  await Promise.race([typing, new Promise((r) => setTimeout(r, 10_000))]);
  const after = page.getByLabel(EDITOR);
  await expect(after).toBeEditable();
  const back = await after.inputValue();
  const notice = await page
    .getByTestId('discussion-recovered')
    .textContent({ timeout: 1000 })
    .catch(() => null);
  console.log(
    `reload: ${typedBefore} chars typed before, ${back.length - 6} back after; notice: ${notice}`,
  );
  expect(`Ad 1: ${BURST}`.startsWith(back)).toBe(true);
  expect(back.length - 6).toBeGreaterThanOrEqual(typedBefore);
  await expect(page.getByTestId('save-state')).toHaveText('Uloženo');
  await expect.poll(() => stored(page, after)).toBe(back);
});

test('approved minutes take nothing back from the journal, and say so', async ({ page }) => {
  test.setTimeout(120_000);
  await openRoom(page);
  const editor = page.getByLabel(EDITOR);
  await editor.pressSequentially('Ad 1: Zahájeno.', { delay: 5 });
  await expect(page.getByTestId('save-state')).toHaveText('Uloženo');
  const id = (await editor.getAttribute('id'))!.replace(/^discussion-/, '');
  // Text left in the journal by an editor that is gone, and the minutes approved meanwhile
  // (written beside the app, as an older window or another laptop's sync would leave them).
  await page.evaluate(
    (itemId) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('triada');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['agendaItems', 'meetings'], 'readwrite');
          const get = tx.objectStore('agendaItems').get(itemId);
          get.onsuccess = () => {
            const meetings = tx.objectStore('meetings');
            const m = meetings.get(get.result.meetingId);
            m.onsuccess = () => meetings.put({ ...m.result, minutesStatus: 'approved' });
          };
          tx.oncomplete = () => {
            open.result.close();
            const j = indexedDB.open('triada-journal');
            j.onsuccess = () => {
              const jt = j.result.transaction('drafts', 'readwrite');
              jt.objectStore('drafts').put({
                itemId,
                meetingId: 'x',
                text: 'Ad 1: Zahájeno. Dopsáno před pádem.',
                base: '',
                saving: null,
                writer: 'gone',
                at: Date.now(),
                seq: 1,
              });
              jt.oncomplete = () => {
                j.result.close();
                resolve();
              };
            };
          };
        };
      }),
    id,
  );
  await page.reload();
  const notice = page.getByTestId('discussion-recovered');
  await expect(notice).toContainText(
    'Zápis je schválený, a tak se do něj nevložilo 20 znaků napsaných před zavřením nebo pádem aplikace',
  );
  await expect(page.getByLabel(EDITOR)).toHaveValue('Ad 1: Zahájeno.');
  await expect(page.getByLabel(EDITOR)).not.toBeEditable();
  await notice.getByText('Zobrazit neuložený text').click();
  await expect(notice.getByLabel('Zobrazit neuložený text')).toHaveValue(
    'Ad 1: Zahájeno. Dopsáno před pádem.',
  );
  // Dropped: the next visit says nothing.
  await page.reload();
  await expect(page.getByLabel(EDITOR)).toHaveValue('Ad 1: Zahájeno.');
  await expect(page.getByTestId('discussion-recovered')).toBeHidden();
  expect(await stored(page, page.getByLabel(EDITOR))).toBe('Ad 1: Zahájeno.');
});

test('text left from before a crash over a stored text that changed since: both shown, the user chooses', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openRoom(page);
  const editor = page.getByLabel(EDITOR);
  await editor.pressSequentially('Ad 1: Zahájeno.', { delay: 5 });
  await expect(page.getByTestId('save-state')).toHaveText('Uloženo');
  const id = (await editor.getAttribute('id'))!.replace(/^discussion-/, '');
  // An editor that is gone typed over 'Ad 1:'; the stored text has moved on since.
  const left = 'Ad 1: Zahájeno. Moje verze.';
  await page.evaluate(
    ({ itemId, text, base }) =>
      new Promise<void>((resolve, reject) => {
        const j = indexedDB.open('triada-journal');
        j.onerror = () => reject(j.error);
        j.onsuccess = () => {
          const tx = j.result.transaction('drafts', 'readwrite');
          tx.objectStore('drafts').put({
            itemId,
            meetingId: 'x',
            text,
            base,
            saving: null,
            writer: 'gone',
            at: Date.now(),
            seq: 1,
          });
          tx.oncomplete = () => {
            j.result.close();
            resolve();
          };
        };
      }),
    { itemId: id, text: left, base: textStamp('Ad 1:') },
  );
  await page.reload();
  const after = page.getByLabel(EDITOR);
  await expect(page.getByTestId('discussion-recovered')).toContainText(
    'Obnoveno 12 znaků, které se před zavřením nebo pádem aplikace nestihly uložit.',
  );
  const conflict = page.getByRole('alert');
  await expect(conflict).toContainText('Text tohoto bodu mezitím změnil někdo jiný.');
  await expect(conflict.getByLabel('Uložený text')).toHaveValue('Ad 1: Zahájeno.');
  await expect(after).toHaveValue(left);
  expect(await stored(page, after)).toBe('Ad 1: Zahájeno.');
  await conflict.getByRole('button', { name: 'Uložit můj text' }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Uloženo');
  expect(await stored(page, after)).toBe(left);
});

test('649k characters pasted: refused visibly, kept in the editor, the stored text is not cut', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openRoom(page);
  const editor = page.getByLabel(EDITOR);
  await editor.pressSequentially('Začátek zápisu.', { delay: 5 });
  await expect(page.getByTestId('save-state')).toHaveText('Uloženo');
  expect(await stored(page, editor)).toBe('Začátek zápisu.');

  const pasted = ' Vložený text.'.repeat(46_358).slice(0, 649_000);
  await editor.press('End');
  await page.keyboard.insertText(pasted);
  const all = `Začátek zápisu.${pasted}`;
  await expect(page.getByTestId('save-state')).toHaveText('Neuloženo');
  await expect(page.getByRole('alert')).toContainText(
    /Text má 649\s015 znaků, uložit lze nejvýše 200\s000\. Zkraťte ho, jinak se neuloží/,
  );
  await expect(editor).toHaveAttribute('aria-invalid', 'true');
  expect(await editor.inputValue()).toBe(all);
  await page.waitForTimeout(1000);
  expect(await stored(page, editor)).toBe('Začátek zápisu.');

  // Leaving the item and coming back: the unsaved text is still there, still refused.
  await page.getByRole('row', { name: /Kontrola zápisu/ }).click();
  await expect(page.getByRole('heading', { name: /Ad 2 Kontrola/ })).toBeVisible();
  await page.getByRole('row', { name: /Zahájení/ }).click();
  await expect(page.getByRole('heading', { name: /Ad 1 Zahájení/ })).toBeVisible();
  expect(await page.getByLabel(EDITOR).inputValue()).toBe(all);
  await expect(page.getByTestId('save-state')).toHaveText('Neuloženo');
  expect(await stored(page, editor)).toBe('Začátek zápisu.');

  // Shortened to fit, it is saved whole.
  const fits = all.slice(0, 200_000);
  await page.getByLabel(EDITOR).fill(fits);
  await expect(page.getByTestId('save-state')).toHaveText('Uloženo');
  await expect(page.getByTestId('discussion-count')).toHaveText(/200\s000 \/ 200\s000 znaků/);
  expect(await stored(page, editor)).toBe(fits);
});

test('a save never overwrites a newer stored text: both texts are shown and the user chooses', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openRoom(page);
  const editor = page.getByLabel(EDITOR);
  await editor.pressSequentially('Ad 1: Zahájeno.', { delay: 5 });
  await expect(page.getByTestId('save-state')).toHaveText('Uloženo');
  // Text that cannot be saved yet stays here while the stored text changes beside the app
  // (as a restore or an older copy of Triáda would do).
  await editor.press('End');
  await page.keyboard.insertText(' x'.repeat(100_001));
  await expect(page.getByTestId('save-state')).toHaveText('Neuloženo');
  const id = (await editor.getAttribute('id'))!.replace(/^discussion-/, '');
  await page.evaluate(
    (itemId) =>
      new Promise<void>((resolve) => {
        const open = indexedDB.open('triada');
        open.onsuccess = () => {
          const tx = open.result.transaction('agendaItems', 'readwrite');
          const items = tx.objectStore('agendaItems');
          const get = items.get(itemId);
          get.onsuccess = () =>
            items.put({ ...get.result, discussion: 'Ad 1: Zahájeno. Doplněno jinde.' });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      }),
    id,
  );
  // Shortened, the text would save, but what it was based on is no longer stored.
  await editor.fill('Ad 1: Zahájeno. Moje verze.');
  const conflict = page.getByRole('alert');
  await expect(conflict).toContainText('Text tohoto bodu mezitím změnil někdo jiný.');
  await expect(conflict.getByLabel('Uložený text')).toHaveValue('Ad 1: Zahájeno. Doplněno jinde.');
  await expect(editor).toHaveValue('Ad 1: Zahájeno. Moje verze.');
  await expect(page.getByTestId('save-state')).toHaveText('Neuloženo');
  expect(await stored(page, editor)).toBe('Ad 1: Zahájeno. Doplněno jinde.');

  await conflict.getByRole('button', { name: 'Uložit můj text' }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Uloženo');
  await expect(page.getByRole('alert')).toBeHidden();
  expect(await stored(page, editor)).toBe('Ad 1: Zahájeno. Moje verze.');
});

test('typing in the minutes renders the editor alone: not the programme, the item panel or the minutes panel', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.addInitScript(installRenderCounter);
  await openRoom(page);
  const editor = page.getByLabel(EDITOR);
  await editor.pressSequentially('Ad 1: ', { delay: 40 });
  await expect(page.getByTestId('save-state')).toHaveText('Uloženo');
  await page.evaluate(takeRenderCounts);
  const typed = 'Předsedkyně zahájila jednání a přivítala přítomné členy skupiny.';
  await editor.pressSequentially(typed, { delay: 40 });
  await expect(page.getByTestId('save-state')).toHaveText('Uloženo');
  await expect.poll(() => stored(page, editor)).toBe(`Ad 1: ${typed}`);
  const counts = await page.evaluate(takeRenderCounts);
  console.log(`renders while typing ${typed.length} characters: ${JSON.stringify(counts)}`);
  expect(counts.byName.DiscussionEditor ?? 0).toBeGreaterThanOrEqual(typed.length);
  expect(counts.byName.AgendaPanel ?? 0).toBe(0);
  expect(counts.byName.ItemPanel ?? 0).toBe(0);
  expect(counts.byName.MinutesPanel ?? 0).toBe(0);

  // The counter does see the panels render: moving to the next item renders them.
  await page.getByRole('row', { name: /Kontrola zápisu/ }).click();
  await expect(page.getByRole('heading', { name: /Ad 2 Kontrola/ })).toBeVisible();
  const moved = await page.evaluate(takeRenderCounts);
  expect(moved.byName.AgendaPanel ?? 0).toBeGreaterThan(0);
  expect(moved.byName.ItemPanel ?? 0).toBeGreaterThan(0);

  // The attendance in the side column renders when it is opened, and works there.
  await page.getByText(/^Prezence: přítomno \d+ z \d+ člen/).click();
  const present = page
    .locator('.room-attendance')
    .getByRole('button', { name: statusWord('přítomen') })
    .first();
  await present.click();
  await expect(present).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText(/^Prezence: přítomno 1 z \d+ člen/)).toBeVisible();
});
