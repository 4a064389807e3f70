import { expect, test } from '@playwright/test';
import { App } from './app';

// Issue 11: a woman's role in a body is worded in the feminine ("členka", "koordinátorka").
test('members table words roles for the member\u2019s gender', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSample();
  await app.nav('Skupiny').click();
  await page
    .getByRole('link', { name: /Řídící skupina KPSS Vizovicko/ })
    .first()
    .click();
  const row = (name: string) => page.getByRole('row').filter({ hasText: name });
  await expect(row('Petra Dvořáková')).toContainText('koordinátorka / zapisovatelka');
  await expect(row('Eva Černá')).toContainText('členka');
  await expect(row('Zdeněk Čech')).toContainText('člen');
  await expect(row('Zdeněk Čech')).not.toContainText('členka');
});
