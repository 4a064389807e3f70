import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { layoutProblems } from './layoutCheck';
import { prepareSample, tourScreens } from './screens';

// The sizes meetings happen at: projector/office laptop, cheap laptop, external monitor.
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

for (const size of SIZES) {
  test(`no control is covered or cut off and no screen scrolls sideways at ${size.width}×${size.height}`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await page.setViewportSize(size);
    const prepared = await prepareSample(page);
    const shots = process.env.LAYOUT_SHOTS;
    if (shots) mkdirSync(shots, { recursive: true });
    const problems: string[] = [];
    await tourScreens(page, prepared, async (screen) => {
      if (shots)
        await page.screenshot({
          path: `${shots}/${size.width}-${screen.replace(/\W+/g, '-')}.png`,
          fullPage: true,
        });
      for (const p of await layoutProblems(page)) problems.push(`${screen}: ${p}`);
    });
    expect(problems).toEqual([]);
  });
}
