import { expect, test } from '@playwright/test';
import { App } from './app';

// Issue 11: the overview says what needs doing today, each item linking to where it is done.
test('the overview lists what needs doing today and links to it', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSample();
  const today = page.getByRole('region', { name: 'Co je dnes potřeba udělat' });
  await expect(today).toBeVisible();
  // The sample's next meetings have no invitation sent yet, one activity lacks this year's
  // monitoring (the clock is past June in the sample's year) and nothing was ever backed up.
  const invitation = today.getByRole('link', {
    name: /^Rozeslat pozvánku na jednání ŘS \d+\/\d{4}/,
  });
  await expect(invitation).toBeVisible();
  await expect(
    today.getByRole('link', { name: /^Monitoring \d{4}: chybí u \d+ aktivit/ }),
  ).toBeVisible();
  await expect(
    today.getByRole('link', { name: 'Data ještě nikdy nebyla zálohována — zálohujte je' }),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/overview-today.png' });

  await invitation.click();
  await expect(page).toHaveURL(/#?\/meetings\/[\w-]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('ŘS');

  await page.goBack();
  await today.getByRole('link', { name: /^Data ještě nikdy/ }).click();
  await expect(page).toHaveURL(/\/safety$/);
});
