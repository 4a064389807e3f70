// The XLSX import worker: a same-origin module script (allowed by the CSP's script-src 'self'),
// so unpacking and parsing a big sheet never freezes the page, and the page can stop it.
import { rowsFromXlsxBytes } from './readXlsx';
import { XlsxError } from './zipGuard';
import { readWithProgress, type WorkerReply } from './protocol';

const post = (message: WorkerReply) =>
  (globalThis as unknown as { postMessage(m: WorkerReply): void }).postMessage(message);

addEventListener('message', (event: MessageEvent<{ file: File }>) => {
  const progress = (fraction: number) => post({ type: 'progress', fraction });
  readWithProgress(event.data.file, progress)
    .then((bytes) => rowsFromXlsxBytes(bytes, progress))
    .then((rows) => post({ type: 'done', rows }))
    .catch((e: unknown) =>
      post(
        e instanceof XlsxError
          ? { type: 'error', code: e.code, params: e.params }
          : { type: 'error', code: 'plan.import.xlsx.failed', params: {} },
      ),
    );
});
post({ type: 'ready' });
