import { describe, expect, it } from 'vitest';
import { comparePeople, fullName } from './person';

const p = (lastName: string, firstName = 'Jan') => ({ firstName, lastName });

describe('fullName', () => {
  it('joins title, first and last name and skips a missing title', () => {
    expect(fullName({ title: 'Mgr.', firstName: 'Jana', lastName: 'Nováková' })).toBe(
      'Mgr. Jana Nováková',
    );
    expect(fullName({ firstName: 'Jana', lastName: 'Nováková' })).toBe('Jana Nováková');
    expect(fullName({ title: '', firstName: 'Jana', lastName: 'Nováková' })).toBe('Jana Nováková');
  });
});

describe('comparePeople', () => {
  const before = (a: string, b: string) => expect(comparePeople(p(a), p(b))).toBeLessThan(0);

  it('Č after C', () => {
    before('Cibulka', 'Čech');
    before('Čech', 'Dvořák');
  });
  it('Ch after H (and before I)', () => {
    before('Hájek', 'Chmelař');
    before('Chmelař', 'Ihnát');
    before('Cibulka', 'Hájek');
  });
  it('Ř after R, Š after S, Ž after Z', () => {
    before('Rybář', 'Řeháková');
    before('Řeháková', 'Svoboda');
    before('Svoboda', 'Šimková');
    before('Šimková', 'Tomšů');
    before('Zedník', 'Žák');
  });
  it('a surname sorts before its longer forms; á does not jump ahead of o', () => {
    before('Dvořák', 'Dvořáková');
    before('Nováková', 'Novotný');
  });
  it('sorts a whole list', () => {
    const names = [
      'Šimková',
      'Čech',
      'Svoboda',
      'Chmelař',
      'Řeháková',
      'Cibulka',
      'Hájek',
      'Rybář',
      'Adámek',
    ];
    expect(
      names
        .map((n) => p(n))
        .sort(comparePeople)
        .map((x) => x.lastName),
    ).toEqual([
      'Adámek',
      'Cibulka',
      'Čech',
      'Hájek',
      'Chmelař',
      'Rybář',
      'Řeháková',
      'Svoboda',
      'Šimková',
    ]);
  });
  it('same surname: by first name', () => {
    expect(comparePeople(p('Novák', 'Šimon'), p('Novák', 'Stanislav'))).toBeGreaterThan(0);
    expect(comparePeople(p('Novák', 'Adam'), p('Novák', 'Adam'))).toBe(0);
  });
});
