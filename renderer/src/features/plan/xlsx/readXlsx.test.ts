import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  makeLyingZipBomb,
  makeXlsx,
  makeZipBomb,
  planRows,
} from '../../../../../tests/fixtures/xlsx';
import { MAX_XLSX_ROWS, rowsFromXlsxBytes } from './readXlsx';
import { MAX_XLSX_UNPACKED_BYTES, XlsxError, readZipDirectory } from './zipGuard';

async function refusal(p: Promise<unknown>): Promise<XlsxError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof XlsxError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('reading an XLSX without the blob: worker', () => {
  it('reads a legitimate 20,000-row sheet (several MB of XML) with progress', async () => {
    const rows = planRows(20_000);
    const bytes = makeXlsx(rows);
    const sheet = readZipDirectory(bytes).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    // far over fflate's 512 kB threshold, which is where the old import hung
    expect(sheet.uncompressedSize).toBeGreaterThan(4 * 1024 * 1024);
    const progress: number[] = [];
    const read = await rowsFromXlsxBytes(bytes, (f) => progress.push(f));
    expect(read).toHaveLength(rows.length);
    expect(read[0]).toEqual(['Kód', 'Název', 'Cílové skupiny', 'Termín']);
    expect(read.at(-1)).toEqual(rows.at(-1));
    expect(progress.length).toBeGreaterThan(2);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('keeps Czech text, empty cells and the column order', async () => {
    const rows = [
      ['Kód', 'Název', 'Realizátor'],
      ['1', 'Senioři & "rodiny" <zdraví>', ''],
      ['1.1', '', 'Charita Vizovice'],
    ];
    expect(await rowsFromXlsxBytes(makeXlsx(rows))).toEqual([
      ['Kód', 'Název', 'Realizátor'],
      ['1', 'Senioři & "rodiny" <zdraví>', ''],
      ['1.1', '', 'Charita Vizovice'],
    ]);
  });

  it('refuses a zip bomb from its central directory, before unpacking it', async () => {
    const bomb = makeZipBomb(200);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const e = await refusal(rowsFromXlsxBytes(bomb));
    expect(e.code).toBe('plan.import.xlsx.zipBomb');
    expect(e.params.max).toBe(MAX_XLSX_UNPACKED_BYTES / 1024 / 1024);
  });

  it('refuses a bomb whose directory lies about the size, as soon as it unpacks more', async () => {
    const e = await refusal(rowsFromXlsxBytes(makeLyingZipBomb()));
    expect(e.code).toBe('plan.import.xlsx.forged');
  });

  it('refuses a sheet with more rows than any plan has', async () => {
    const rows = Array.from({ length: MAX_XLSX_ROWS + 1 }, (_, i) => [String(i)]);
    const e = await refusal(rowsFromXlsxBytes(makeXlsx(rows)));
    expect(e.code).toBe('plan.import.xlsx.tooManyRows');
  });

  it('tells a file that is not an XLSX, a damaged one and an encrypted one apart', async () => {
    expect((await refusal(rowsFromXlsxBytes(new TextEncoder().encode('Kód;Název')))).code).toBe(
      'plan.import.xlsx.notXlsx',
    );
    const good = makeXlsx([['a']]);
    expect((await refusal(rowsFromXlsxBytes(good.subarray(0, good.length - 30)))).code).toBe(
      'plan.import.xlsx.damaged',
    );
    const zipOfOther = zipSync({ 'readme.txt': new TextEncoder().encode('x') });
    expect((await refusal(rowsFromXlsxBytes(zipOfOther))).code).toBe('plan.import.xlsx.notXlsx');
    const encrypted = good.slice();
    const view = new DataView(encrypted.buffer);
    for (let o = 0; o + 4 < encrypted.length; o++)
      if (view.getUint32(o, true) === 0x02014b50) view.setUint16(o + 8, 1, true);
    expect((await refusal(rowsFromXlsxBytes(encrypted))).code).toBe('plan.import.xlsx.encrypted');
  });
});
