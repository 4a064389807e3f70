// What the XLSX worker and the page say to each other, and the one reading step both use.
import type { XlsxErrorCode } from './zipGuard';

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'progress'; fraction: number }
  | { type: 'done'; rows: string[][] }
  | { type: 'error'; code: XlsxErrorCode; params: Record<string, string | number> };

/** Reads a File into memory in chunks, reporting progress from 0 to 0.3. */
export async function readWithProgress(
  file: Blob,
  onProgress: (fraction: number) => void,
): Promise<Uint8Array> {
  const out = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let at = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (at + value.length > out.length) throw new Error('file grew while reading');
    out.set(value, at);
    at += value.length;
    onProgress(0.3 * (at / Math.max(1, out.length)));
  }
  return at === out.length ? out : out.subarray(0, at);
}
