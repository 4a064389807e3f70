// What the restore worker and the page say to each other. The worker reads and checks the
// file (shared/backup inspectBackup, one pass) and sends the checked rows back in chunks, so
// no single message takes the page long to unpack; the page only writes them.
import type { BackupIssue, BackupMeta, CheckPhase, RestoreTarget } from '@shared/backup';

/** Steps of the check as the progress bar names them: reading, the checks, handing over. */
export type CheckStep = 'read' | CheckPhase | 'transfer';

export interface CheckStatus {
  step: CheckStep;
  done: number;
  total: number;
}

export interface RestoreRequest {
  file: Blob;
  target: RestoreTarget;
}

export type RestoreReply =
  | { type: 'ready' }
  | ({ type: 'progress' } & CheckStatus)
  | { type: 'checked'; meta: BackupMeta; kept: string[]; rows: number }
  | { type: 'rows'; table: string; rows: Record<string, unknown>[] }
  | { type: 'done' }
  | { type: 'error'; issues: BackupIssue[] };

/** Rows per message from the worker: unpacking one takes the page a few milliseconds. */
export const TRANSFER_ROWS = 500;

/**
 * Where each step sits on the one progress bar (fractions of the whole check, in order): the
 * record check is most of the work; reading and handing over the rows come next.
 */
const WEIGHTS: Record<CheckStep, number> = {
  read: 0.1,
  parse: 0.12,
  checksum: 0.04,
  records: 0.5,
  references: 0.04,
  polls: 0.05,
  transfer: 0.15,
};
const ORDER: CheckStep[] = [
  'read',
  'parse',
  'checksum',
  'records',
  'references',
  'polls',
  'transfer',
];

/** The whole check's progress from 0 to 1, for the bar. */
export function checkFraction({ step, done, total }: CheckStatus): number {
  let before = 0;
  for (const s of ORDER) {
    if (s === step) break;
    before += WEIGHTS[s];
  }
  const within = total > 0 ? Math.min(1, done / total) : 0;
  return Math.min(1, before + WEIGHTS[step] * within);
}

/** Reads a Blob into memory in chunks, reporting bytes read. */
export async function readBlob(
  file: Blob,
  onProgress: (done: number, total: number) => void,
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
    onProgress(at, out.length);
  }
  return at === out.length ? out : out.subarray(0, at);
}
