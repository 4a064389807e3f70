import type { TFunction } from 'i18next';
import type { BackupIssue } from '@shared/backup';

/** "lidé" for "people"; unknown tables keep their technical name. */
export function tableLabel(t: TFunction, table: string | number | undefined): string {
  const name = String(table ?? '');
  const key = `safety.tables.${name}`;
  return t(key as 'safety.tables.people', { defaultValue: name });
}

/**
 * "příjmení" for "lastName", "příchod" for "attendance.arrivedAt": the last part of a field's
 * path in words where it has a label, else as it is (a technical path still says where).
 */
export function fieldLabel(t: TFunction, field: string | number | undefined): string {
  const path = String(field ?? '');
  const last = path.split('.').pop() ?? path;
  const key = `safety.fields.${last}`;
  return t(key as 'safety.fields.lastName', { defaultValue: path });
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
    field: fieldLabel(t, p.field),
    target: tableLabel(t, p.target),
    problem,
    reason,
  });
}
