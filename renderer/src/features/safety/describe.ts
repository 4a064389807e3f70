import type { TFunction } from 'i18next';
import type { BackupIssue } from '@shared/backup';

/** "lidé" for "people"; unknown tables keep their technical name. */
export function tableLabel(t: TFunction, table: string | number | undefined): string {
  const name = String(table ?? '');
  const key = `safety.tables.${name}`;
  return t(key as 'safety.tables.people', { defaultValue: name });
}

/** One Czech sentence naming exactly what is wrong with a backup file. */
export function describeIssue(t: TFunction, issue: BackupIssue): string {
  const p = issue.params;
  const problem = typeof p.problem === 'string' ? t(p.problem as 'errors.invalid') : '';
  const reason =
    typeof p.reason === 'string'
      ? t(`safety.pollMismatch.${p.reason}` as 'safety.pollMismatch.RESULT_MISMATCH')
      : '';
  return t(issue.code as 'safety.errors.empty', {
    ...p,
    table: tableLabel(t, p.table),
    target: tableLabel(t, p.target),
    problem,
    reason,
  });
}
