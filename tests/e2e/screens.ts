import { expect, type Page } from '@playwright/test';
import { App, fillDate, isoInDays } from './app';

/** What the sample region needs so that every main screen has something real on it. */
export interface Prepared {
  /** Meeting page of the upcoming PS1 meeting. */
  meetingUrl: string;
  /** Room of the next meeting, at "Kontrola zápisu…", whose review table lists a task. */
  roomUrl: string;
  meetingId: string;
}

const PS1 = 'PS1 – Senioři a osoby se zdravotním postižením';

async function addTask(page: Page, text: string, days: number) {
  const form = page.getByRole('form', { name: 'Přidat úkol' });
  await form.getByLabel('Úkol').fill(text);
  await form.getByLabel('Odpovídá').selectOption({ label: 'Mgr. Jana Nováková' });
  await fillDate(form, 'Termín', isoInDays(days));
  await page.getByRole('button', { name: 'Přidat úkol' }).click();
  await expect(page.getByTestId('task-row').filter({ hasText: text })).toBeVisible();
}

/**
 * Loads the sample region and runs two PS1 meetings far enough that the second one reviews a
 * task of the first under "Kontrola zápisu a plnění úkolů" and records one of its own there.
 */
export async function prepareSample(page: Page): Promise<Prepared> {
  const app = new App(page);
  await app.open();
  await app.loadSample();
  await app.nav('Jednání').click();
  await page.getByLabel('Skupina').selectOption({ label: PS1 });
  await page.getByRole('tabpanel').getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: /PS1 – jednání č\./ })).toBeVisible();
  const meetingUrl = page.url();
  await page.getByRole('link', { name: 'Zasedací místnost' }).click();
  await page.getByRole('button', { name: 'Vložit standardní body' }).click();
  await addTask(page, 'Zaslat návrh dotazníku pro seniory členům PS', 20);
  await page.getByRole('row', { name: /Termín příštího jednání/ }).click();
  await page.getByRole('button', { name: 'Stanovit příští jednání' }).click();
  await fillDate(page.getByRole('dialog'), 'Datum', isoInDays(70));
  await page.getByRole('dialog').getByRole('button', { name: 'Uložit' }).click();
  await page.getByRole('link', { name: 'Otevřít příští jednání' }).click();
  await page.getByRole('button', { name: 'Vložit standardní body' }).click();
  await page.getByRole('row', { name: /2\. Kontrola zápisu/ }).click();
  await expect(page.getByTestId('review-row')).toContainText('Zaslat návrh dotazníku');
  await addTask(page, 'Doplnit přehled služeb pro seniory o kontakty', 40);
  const roomUrl = page.url();
  const meetingId = /meetings\/([^/]+)\/room/.exec(roomUrl)![1]!;
  return { meetingUrl, roomUrl, meetingId };
}

/**
 * Visits every main screen and calls `check` on each (with a short name for reports). Plan
 * tabs, the group detail, a meeting, the room at an item with tasks and the projector included.
 */
export async function tourScreens(
  page: Page,
  prepared: Prepared,
  check: (screen: string) => Promise<void>,
  lang: 'cs' | 'en' = 'cs',
) {
  const app = new App(page);
  const name = (cs: string, en: string) => (lang === 'cs' ? cs : en);
  const heading = (text: string | RegExp) =>
    expect(page.getByRole('heading', { level: 1, name: text })).toBeVisible();
  const go = async (hash: string, h1: string | RegExp) => {
    await page.goto(`/#${hash}`);
    await heading(h1);
  };

  await go('/', name('Přehled', 'Overview'));
  await check('overview');
  await app.nav(name('Skupiny', 'Groups')).click();
  await heading(name('Skupiny', 'Groups'));
  await check('groups');
  await page.getByRole('link', { name: /^PS1/ }).first().click();
  await heading(/Senioři a osoby/);
  await check('group detail');
  await app.nav(name('Lidé', 'People')).click();
  await heading(name('Lidé', 'People'));
  await check('people');
  await app.nav(name('Organizace', 'Organizations')).click();
  await heading(name('Organizace', 'Organizations'));
  await expect(page.getByRole('table')).toBeVisible();
  await check('organizations');
  await app.nav(name('Jednání', 'Meetings')).click();
  await expect(page.getByRole('tabpanel').getByRole('link').first()).toBeVisible();
  await check('meetings');
  await page.goto(prepared.meetingUrl.replace(/^.*#/, '/#'));
  await heading(/PS1 –/);
  await check('meeting');
  await page.goto(prepared.roomUrl.replace(/^.*#/, '/#'));
  await expect(page.getByTestId('review-row')).toBeVisible();
  await expect(page.getByTestId('task-row')).toBeVisible();
  await check('room (review with tasks)');
  await app.nav(name('Úkoly', 'Tasks')).click();
  await heading(name('Úkoly všech skupin', 'Tasks of all groups'));
  await expect(page.getByRole('table')).toBeVisible();
  await check('tasks');
  await app.nav(name('Komunitní plán', 'Community plan')).click();
  await expect(page.getByRole('link', { name: /ORP Vizovice/ })).toBeVisible();
  await check('plans');
  await page.getByRole('link', { name: /ORP Vizovice/ }).click();
  await page
    .getByRole('group', { name: name('Rok', 'Year') })
    .getByRole('button', { name: '2026' })
    .click();
  for (const tab of [
    ['Struktura', 'Structure', 'plan tree'],
    ['Tabulka', 'Table', 'plan table'],
    ['Monitoring', 'Monitoring', 'plan monitoring'],
    ['Přehled plnění', 'Fulfilment', 'plan dashboard'],
    ['Vyhodnocení', 'Evaluation', 'plan evaluation'],
  ] as const) {
    await page.getByRole('tab', { name: name(tab[0], tab[1]), exact: true }).click();
    await expect(page.getByRole('tabpanel')).toBeVisible();
    await page.waitForTimeout(150);
    await check(tab[2]);
  }
  await app.nav(name('Nastavení', 'Settings')).click();
  await heading(name('Nastavení', 'Settings'));
  await check('settings');
  await app.nav(name('Záloha a data', 'Backup and data')).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await check('data safety');
  await page.goto(`/#/projector/${prepared.meetingId}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await check('projector');
}
