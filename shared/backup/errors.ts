// What can be wrong with a backup file. Every code is an i18n key (safety.errors.*) and the
// params name the table, record, field or value, so the UI can say exactly what is wrong.

export const BACKUP_ERROR_CODES = [
  'safety.errors.empty',
  'safety.errors.tooLarge',
  'safety.errors.notText',
  'safety.errors.truncated',
  'safety.errors.notJson',
  'safety.errors.forbiddenKey',
  'safety.errors.tooDeep',
  'safety.errors.notBackup',
  'safety.errors.checksum',
  'safety.errors.newerFormat',
  'safety.errors.newerSchema',
  'safety.errors.countMismatch',
  'safety.errors.unknownTable',
  'safety.errors.missingTable',
  'safety.errors.tableNotList',
  'safety.errors.invalidRecord',
  'safety.errors.hugeString',
  'safety.errors.duplicateId',
  'safety.errors.danglingReference',
  'safety.errors.tooManyRecords',
  'safety.errors.duplicateKey',
  'safety.errors.unsafeText',
  'safety.errors.nonFinite',
  'safety.errors.pollMismatch',
  /** The check itself could not finish (out of memory, a browser failure): not the file's fault. */
  'safety.errors.checkFailed',
] as const;
export type BackupErrorCode = (typeof BACKUP_ERROR_CODES)[number];

export interface BackupIssue {
  code: BackupErrorCode;
  params: Record<string, string | number>;
}

/** The file cannot be restored; `issues` lists what is wrong (the first is the main reason). */
export class BackupError extends Error {
  constructor(readonly issues: BackupIssue[]) {
    super(issues[0]?.code ?? 'safety.errors.notBackup');
    this.name = 'BackupError';
  }
  get code(): BackupErrorCode {
    return this.issues[0]?.code ?? 'safety.errors.notBackup';
  }
}

export const issue = (
  code: BackupErrorCode,
  params: Record<string, string | number> = {},
): BackupIssue => ({ code, params });
