// The page side of checking a backup: the size limit before anything is read, the restore
// worker, cancelling, and the checked rows put back together. The page then only writes them
// (db/safety/backup.ts restoreBackup). Where a worker cannot start, the same check runs in the page.
import {
  BackupError,
  inspectBackup,
  issue,
  MAX_BACKUP_BYTES,
  type BackupData,
  type BackupMeta,
  type InspectedBackup,
  type RestoreTarget,
} from '@shared/backup';
import { readBlob, type CheckStatus, type RestoreReply } from './restoreProtocol';

export interface CheckOptions {
  onProgress?: (status: CheckStatus) => void;
  signal?: AbortSignal;
}

const toMb = (n: number) => Math.max(1, Math.round(n / 1024 / 1024));

/** Reads and checks a backup file in the restore worker. Rejects with BackupError or AbortError. */
export function checkBackupFile(
  file: Blob,
  target: RestoreTarget,
  options: CheckOptions = {},
): Promise<InspectedBackup> {
  const { onProgress = () => undefined, signal } = options;
  // Refused from its size alone: a huge file is never read into memory.
  if (file.size === 0) return Promise.reject(new BackupError([issue('safety.errors.empty')]));
  if (file.size > MAX_BACKUP_BYTES)
    return Promise.reject(
      new BackupError([
        issue('safety.errors.tooLarge', { size: toMb(file.size), max: toMb(MAX_BACKUP_BYTES) }),
      ]),
    );

  return new Promise<InspectedBackup>((resolve, reject) => {
    let worker: Worker | null = null;
    let settled = false;
    const finish = (then: () => void) => {
      if (settled) return;
      settled = true;
      worker?.terminate();
      signal?.removeEventListener('abort', onAbort);
      then();
    };
    const onAbort = () => finish(() => reject(new DOMException('Check cancelled', 'AbortError')));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort);
    const progress = (status: CheckStatus) => {
      if (!settled) onProgress(status);
    };
    const failed = (e: unknown) =>
      finish(() =>
        reject(
          e instanceof BackupError ? e : new BackupError([issue('safety.errors.checkFailed')]),
        ),
      );

    // The same check in the page (an engine without module workers): slower to the eye, same result.
    const inPage = () => {
      worker = null;
      readBlob(file, (done, total) => progress({ step: 'read', done, total }))
        .then((bytes) =>
          inspectBackup(bytes, target, (step, done, total) => progress({ step, done, total })),
        )
        .then((checked) => finish(() => resolve(checked)), failed);
    };

    let ready = false;
    try {
      worker = new Worker(new URL('./restore.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      inPage();
      return;
    }
    let header: { meta: BackupMeta; kept: string[]; rows: number } | null = null;
    const data: BackupData = {};
    let received = 0;
    worker.onmessage = (event: MessageEvent<RestoreReply>) => {
      const m = event.data;
      if (m.type === 'ready') {
        ready = true;
        worker?.postMessage({ file, target });
      } else if (m.type === 'progress') progress(m);
      else if (m.type === 'checked') {
        header = { meta: m.meta, kept: m.kept, rows: m.rows };
        progress({ step: 'transfer', done: 0, total: m.rows });
      } else if (m.type === 'rows') {
        const list = (data[m.table] ??= []);
        for (const row of m.rows) list.push(row);
        received += m.rows.length;
        progress({ step: 'transfer', done: received, total: header?.rows ?? received });
      } else if (m.type === 'done') {
        const h = header;
        if (!h) return failed(null);
        finish(() => resolve({ meta: h.meta, kept: h.kept, data }));
      } else failed(new BackupError(m.issues));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      if (ready) return failed(null);
      worker?.terminate();
      if (!settled) inPage();
    };
  });
}
