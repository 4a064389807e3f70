// A record that arrives from another laptop is checked exactly as a restored one is: the same
// zod record schemas (shared/backup/records.ts) and the same generic walk (sizes, unsafe text,
// non-finite numbers). Returns the first problem in the backup's message style, or null.
import { BAD_VALUE_CODE, findBadValue, MAX_STRING_LENGTH } from '../backup/envelope';
import { issue, type BackupIssue } from '../backup/errors';
import { schemaFor } from '../backup/records';
import type { Rec } from './rules';

export function recordIssue(table: string, rec: unknown, index = 1): BackupIssue | null {
  const where = { table, index };
  if (!rec || typeof rec !== 'object' || Array.isArray(rec))
    return issue('safety.errors.invalidRecord', {
      ...where,
      id: '?',
      field: '—',
      problem: 'errors.invalid',
    });
  const r = rec as Rec;
  const id = typeof r.id === 'string' ? r.id.slice(0, 60) : '?';
  const bad = findBadValue(r);
  if (bad)
    return issue(BAD_VALUE_CODE[bad.kind], {
      ...where,
      id,
      field: bad.path,
      max: MAX_STRING_LENGTH,
    });
  const parsed = schemaFor(table).safeParse(r);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    return issue('safety.errors.invalidRecord', {
      ...where,
      id,
      field: first.path.map(String).join('.') || '—',
      problem: first.message.startsWith('errors.') ? first.message : 'errors.invalid',
    });
  }
  return null;
}
