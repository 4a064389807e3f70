import { describe, expect, it } from 'vitest';
import type { MemberRole } from '@shared/domain';
import { cs } from './cs';
import { en } from './en';
import { memberRoleKey } from './roles';

const label = (key: string, catalog: typeof cs) => {
  const [group, role] = key.split('.') as ['memberRole' | 'memberRoleF', MemberRole];
  return catalog[group][role];
};

describe('memberRoleKey', () => {
  it('words a woman\u2019s role in the feminine in Czech', () => {
    const key = memberRoleKey('deputy', { firstName: 'Jana', lastName: 'Nováková' });
    expect(label(key, cs)).toBe('zástupkyně vedoucího');
    expect(label(memberRoleKey('member', { firstName: 'Jana', lastName: 'Nováková' }), cs)).toBe(
      'členka',
    );
    expect(label(key, en)).toBe('deputy leader');
  });

  it('keeps the masculine form for a man', () => {
    const key = memberRoleKey('deputy', { firstName: 'Petr', lastName: 'Novák' });
    expect(label(key, cs)).toBe('zástupce vedoucího');
  });
});
