// DOCX minutes of a long meeting (docs/performance.md): build the docx.Document from the view
// model and pack it to bytes, against the same for a one-item minutes document from the same
// run. The baseline carries the fixed cost (styles, header with logo, zip); the difference is
// what the long content adds.
import { bench, describe } from 'vitest';
import { buildMinutes, packDocx } from '@shared/docx';
import { longMinutes, oneItemMinutes } from './fixtures';

const long = longMinutes();
const short = oneItemMinutes();

// Guard: both documents must pack to a real DOCX (zip) before we time them.
for (const doc of [long, short]) {
  const bytes = await packDocx(buildMinutes(doc));
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new Error('packDocx did not return a zip');
}
{
  const discussion = long.agenda.reduce((n, a) => n + (a.discussion?.length ?? 0), 0);
  const resolutions = long.agenda.reduce((n, a) => n + a.resolutions.length, 0);
  const size = (await packDocx(buildMinutes(long))).length;
  console.log(
    `[bench] long minutes: ${long.agenda.length} items, ${discussion} discussion chars, ${resolutions} resolutions, ` +
      `${long.tasks.length} tasks, ${long.attendance.present.length} present → ${Math.round(size / 1024)} kB DOCX`,
  );
}

const opts = { time: 1000, warmupTime: 200, warmupIterations: 2, iterations: 5 };

describe('minutes export: build + pack DOCX', () => {
  bench(
    'long meeting (30 items, 40 resolutions, 30 tasks, 40 present)',
    async () => {
      await packDocx(buildMinutes(long));
    },
    opts,
  );
  bench(
    'part: buildMinutes only (long meeting)',
    () => {
      buildMinutes(long);
    },
    opts,
  );
  bench(
    'baseline: one-item minutes',
    async () => {
      await packDocx(buildMinutes(short));
    },
    opts,
  );
});
