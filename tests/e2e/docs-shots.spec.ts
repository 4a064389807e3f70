import { expect, test } from '@playwright/test';
import { prepareSample } from './screens';

// Regenerates the README's pictures: DOCS_SHOTS=1 npx playwright test docs-shots.spec.ts
test.skip(!process.env.DOCS_SHOTS, 'only when the README pictures are regenerated');
test.use({ viewport: { width: 1280, height: 720 } });

test('the room at 1280×720 on "Kontrola zápisu a plnění úkolů" with its tasks', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await prepareSample(page);
  await page.getByLabel('Vaše jméno').fill('Mgr. Jana Nováková');
  await page.getByRole('button', { name: 'Pokračovat' }).click();
  await page.getByRole('button', { name: 'Připomenout později' }).click();
  await page
    .getByLabel('Průběh projednávání')
    .fill(
      'Zápis z minulého jednání byl ověřen bez připomínek. Dotazník pro seniory byl rozeslán; ' +
        'přehled služeb doplní koordinátorka do příštího jednání.',
    );
  await page.getByTestId('review-row').getByRole('combobox').selectOption({ label: 'splněný' });
  await expect(page.getByText('Uloženo')).toBeVisible();
  await expect(page.getByTestId('review-row').getByRole('combobox')).toHaveValue('done');
  await page.mouse.move(0, 0);
  await page.screenshot({ path: 'docs/room-1280x720.png' });
});
