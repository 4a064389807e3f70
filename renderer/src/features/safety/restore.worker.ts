// The restore worker: a same-origin module script (allowed by the CSP's script-src 'self'), so
// reading, parsing, hashing and validating a big backup never freezes the page. It runs the
// one validation pass (shared/backup inspectBackup) and sends back the checked rows.
import { BackupError, inspectBackup, issue } from '@shared/backup';
import {
  readBlob,
  TRANSFER_ROWS,
  type CheckStatus,
  type RestoreReply,
  type RestoreRequest,
} from './restoreProtocol';

const post = (message: RestoreReply) =>
  (globalThis as unknown as { postMessage(m: RestoreReply): void }).postMessage(message);

/** Progress at most every 50 ms (and at every new step): the page re-renders on each. */
let last: { step: string; at: number } = { step: '', at: 0 };
function progress(status: CheckStatus) {
  const now = performance.now();
  if (status.step === last.step && now - last.at < 50 && status.done < status.total) return;
  last = { step: status.step, at: now };
  post({ type: 'progress', ...status });
}

async function check({ file, target }: RestoreRequest): Promise<void> {
  const bytes = await readBlob(file, (done, total) => progress({ step: 'read', done, total }));
  const checked = await inspectBackup(bytes, target, (step, done, total) =>
    progress({ step, done, total }),
  );
  const rows = Object.values(checked.data).reduce((n, r) => n + r.length, 0);
  post({ type: 'checked', meta: checked.meta, kept: checked.kept, rows });
  for (const [table, list] of Object.entries(checked.data)) {
    if (list.length === 0) post({ type: 'rows', table, rows: [] });
    for (let i = 0; i < list.length; i += TRANSFER_ROWS)
      post({ type: 'rows', table, rows: list.slice(i, i + TRANSFER_ROWS) });
  }
  post({ type: 'done' });
}

addEventListener('message', (event: MessageEvent<RestoreRequest>) => {
  check(event.data).catch((e: unknown) =>
    post({
      type: 'error',
      issues: e instanceof BackupError ? e.issues : [issue('safety.errors.checkFailed')],
    }),
  );
});
post({ type: 'ready' });
