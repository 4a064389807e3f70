import { describe, expect, it } from 'vitest';
import { issue } from '@shared/backup';
import { i18n } from '../../i18n/index';
import { describeIssue } from './describe';

describe('restore messages a secretary can read', () => {
  const bad = issue('safety.errors.unsafeText', {
    table: 'people',
    index: 4,
    id: 'abc',
    field: 'lastName',
  });

  it('names the table and the field in words, in the current language', async () => {
    await i18n.changeLanguage('cs');
    expect(describeIssue(i18n.t, bad)).toContain(
      'Tabulka „lidé“, záznam č. 4 (id abc), pole „příjmení“',
    );
    await i18n.changeLanguage('en');
    expect(describeIssue(i18n.t, bad)).toContain('field “last name”');
    await i18n.changeLanguage('cs');
  });

  it('keeps a field it has no word for as it is, so the message still says where', async () => {
    await i18n.changeLanguage('cs');
    const odd = issue('safety.errors.invalidRecord', {
      table: 'settings',
      index: 1,
      id: 'x',
      field: 'value.logo.bytes',
      problem: 'errors.invalid',
    });
    expect(describeIssue(i18n.t, odd)).toContain('pole „value.logo.bytes“');
  });
});
