// CSV text → rows of strings for the plan import. Its own module (not in shared/plan's index):
// papaparse then loads with the import dialog, not with every screen that reads the plan.
import Papa from 'papaparse';

/** Czech Excel writes ';', others ','; Papa detects which. */
export function parseCsv(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  return parsed.data.map((row) => row.map((c) => (c ?? '').toString()));
}
