// The page side of the XLSX import: the size limit before anything is read, the worker, the
// time-out, cancelling, and Czech errors (DomainError with an i18n key, see describeError).
import { DomainError } from '../../../db';
import { readWithProgress, type WorkerReply } from './protocol';
import { rowsFromXlsxBytes } from './readXlsx';
import { MAX_XLSX_FILE_BYTES, XlsxError, type XlsxErrorCode } from './zipGuard';

/** A 20 MB sheet takes a few seconds; anything near this is stuck or hostile. */
export const XLSX_TIMEOUT_MS = 90_000;

export interface ReadXlsxOptions {
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  timeoutMs?: number;
}

const toMb = (n: number) => Math.max(1, Math.round(n / 1024 / 1024));

/** Rows of the first sheet of an XLSX file, read in a worker. Rejects with DomainError. */
export function readXlsxFile(file: File, options: ReadXlsxOptions = {}): Promise<string[][]> {
  const { onProgress = () => undefined, signal, timeoutMs = XLSX_TIMEOUT_MS } = options;
  // Refused from its size alone: a 200 MB file is never read into memory.
  if (file.size > MAX_XLSX_FILE_BYTES)
    return Promise.reject(
      new DomainError('plan.import.xlsx.tooLarge', {
        size: toMb(file.size),
        max: toMb(MAX_XLSX_FILE_BYTES),
      }),
    );

  return new Promise<string[][]>((resolve, reject) => {
    let worker: Worker | null = null;
    let settled = false;
    const finish = (then: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker?.terminate();
      signal?.removeEventListener('abort', onAbort);
      then();
    };
    const fail = (code: XlsxErrorCode, params: Record<string, string | number> = {}) =>
      finish(() => reject(new DomainError(code, params)));
    const timer = setTimeout(
      () => fail('plan.import.xlsx.timeout', { seconds: Math.round(timeoutMs / 1000) }),
      timeoutMs,
    );
    const onAbort = () => finish(() => reject(new DOMException('Import cancelled', 'AbortError')));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort);
    const progress = (f: number) => {
      if (!settled) onProgress(f);
    };

    // Where workers cannot start (a very old engine, a blocked script), read in the page:
    // the same code, still without blob: workers; the time-out still answers the user.
    const inPage = () => {
      worker = null;
      readWithProgress(file, progress)
        .then((bytes) => rowsFromXlsxBytes(bytes, progress))
        .then(
          (rows) => finish(() => resolve(rows)),
          (e: unknown) =>
            e instanceof XlsxError ? fail(e.code, e.params) : fail('plan.import.xlsx.failed'),
        );
    };

    let ready = false;
    try {
      worker = new Worker(new URL('./xlsx.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      inPage();
      return;
    }
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const m = event.data;
      if (m.type === 'ready') {
        ready = true;
        worker?.postMessage({ file });
      } else if (m.type === 'progress') progress(m.fraction);
      else if (m.type === 'done') finish(() => resolve(m.rows));
      else fail(m.code, m.params);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      if (ready) return fail('plan.import.xlsx.failed');
      worker?.terminate();
      if (!settled) inPage();
    };
  });
}
