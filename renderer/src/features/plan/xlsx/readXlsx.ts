// XLSX bytes → rows of strings, inside the import worker (or, failing that, the page).
//
// Why not read-excel-file/browser as is: for sheets over 512 KB its unzipper (fflate) starts a
// Worker from a blob: URL, which the app's Content-Security-Policy (script-src 'self') forbids,
// and the import waited for ever. Here the ZIP is checked and unpacked by zipGuard, then handed
// to the library re-packed *stored* (uncompressed), which it reads in the calling thread
// without any worker. The CSP stays strict; the heavy work runs in our own same-origin worker.
import { zipSync } from 'fflate';
import { readSheet } from 'read-excel-file/universal';
import {
  XlsxError,
  checkDeclaredSizes,
  isSheetPart,
  readZipDirectory,
  unpackEntry,
} from './zipGuard';

/** More rows than any plan (or list of people) has; a bigger sheet is refused, not truncated. */
export const MAX_XLSX_ROWS = 50_000;

export type ProgressFn = (fraction: number) => void;

function cellText(c: unknown): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c);
}

/** The first sheet of an XLSX as rows of strings. Reports progress from 0.3 to 1. */
export async function rowsFromXlsxBytes(
  bytes: Uint8Array,
  onProgress: ProgressFn = () => undefined,
): Promise<string[][]> {
  const entries = readZipDirectory(bytes);
  checkDeclaredSizes(entries);
  const parts = entries.filter((e) => isSheetPart(e.name));
  if (!parts.some((e) => e.name === '[Content_Types].xml' || e.name.startsWith('xl/')))
    throw new XlsxError('plan.import.xlsx.notXlsx');
  const total = parts.reduce((n, e) => n + e.uncompressedSize, 0) || 1;
  const files: Record<string, Uint8Array> = {};
  let unpacked = 0;
  for (const e of parts) {
    files[e.name] = unpackEntry(bytes, e);
    unpacked += e.uncompressedSize;
    onProgress(0.3 + 0.3 * (unpacked / total));
  }
  const stored = zipSync(files, { level: 0 });
  onProgress(0.65);
  let sheet: unknown[][];
  try {
    sheet = await readSheet(stored.buffer as ArrayBuffer);
  } catch {
    throw new XlsxError('plan.import.xlsx.damaged');
  }
  if (sheet.length > MAX_XLSX_ROWS)
    throw new XlsxError('plan.import.xlsx.tooManyRows', {
      count: sheet.length,
      max: MAX_XLSX_ROWS,
    });
  onProgress(0.95);
  return sheet.map((row) => row.map(cellText));
}
