import { beforeAll, describe, expect, it } from 'vitest';
import { cs } from './cs';
import { en } from './en';
import { i18n } from './index';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string'
      ? [[`${prefix}${k}`, v] as [string, string]]
      : flatten(v, `${prefix}${k}.`),
  );
}

const PLURAL = /_(one|few|many|other)$/;
const csEntries = flatten(cs as unknown as Tree);

describe('Czech plurals', () => {
  it('every counted phrase has all four Czech forms (one, few, many, other)', () => {
    const bases = new Set(
      csEntries.filter(([k]) => PLURAL.test(k)).map(([k]) => k.replace(PLURAL, '')),
    );
    const keys = new Set(csEntries.map(([k]) => k));
    const missing = [...bases].flatMap((b) =>
      ['one', 'few', 'many', 'other'].filter((f) => !keys.has(`${b}_${f}`)).map((f) => `${b}_${f}`),
    );
    expect(missing).toEqual([]);
  });

  // Abbreviations ("3 b.") read the same for every number.
  it('no sentence puts a noun after {{count}} without plural forms ("5 let", never "3 let")', () => {
    const offenders = csEntries
      .filter(([k, v]) => !PLURAL.test(k) && /\{\{count\}\}\s+\p{L}{2,}/u.test(v))
      .map(([k, v]) => `${k}: ${v}`);
    expect(offenders).toEqual([]);
  });

  it('the English catalog has the same counted phrases', () => {
    const enKeys = new Set(flatten(en as unknown as Tree).map(([k]) => k));
    expect(csEntries.map(([k]) => k).filter((k) => !enKeys.has(k))).toEqual([]);
  });

  beforeAll(() => i18n.loadLanguages('en')); // English loads on first use
  const tCs = i18n.getFixedT('cs');
  const tEn = i18n.getFixedT('en');

  it.each([
    [1, '1 rok'],
    [3, '3 roky'],
    [4, '4 roky'],
    [5, '5 let'],
    [22, '22 let'],
    [25, '25 let'],
  ])('retention: %i → "%s"', (count, expected) => {
    expect(tCs('safety.retention.none', { count })).toContain(` ${expected}.`);
  });

  it('a seal mismatch counts "1 změna", "3 změny", "7 změn"', () => {
    expect(tCs('minutes.seal.mismatch', { count: 1 })).toContain('(1 změna)');
    expect(tCs('minutes.seal.mismatch', { count: 3 })).toContain('(3 změny)');
    expect(tCs('minutes.seal.mismatch', { count: 7 })).toContain('(7 změn)');
  });

  it('restore, audit trail, import errors and the room agree with their number', () => {
    expect(tCs('safety.restore.confirmText', { count: 1, date: 'x' })).toContain('(1 záznam)');
    expect(tCs('safety.restore.confirmText', { count: 2, date: 'x' })).toContain('(2 záznamy)');
    expect(tCs('safety.restore.confirmText', { count: 120, date: 'x' })).toContain('(120 záznamů)');
    expect(tCs('safety.audit.trailSubtitle', { count: 3 })).toMatch(/^Poslední 3 záznamy/);
    expect(tCs('safety.audit.trailSubtitle', { count: 200 })).toMatch(/^Posledních 200 záznamů/);
    expect(tCs('plan.importErrors.tooManyCells', { count: 3, expected: 2 })).toMatch(
      /^Řádek má 3 buňky/,
    );
    expect(tCs('room.attendanceInRoom', { present: 0, count: 1 })).toBe(
      'Prezence: přítomno 0 z 1 člena',
    );
    expect(tCs('room.attendanceInRoom', { present: 9, count: 15 })).toBe(
      'Prezence: přítomno 9 z 15 členů',
    );
  });

  it('English uses one and other', () => {
    expect(tEn('safety.retention.none', { count: 1 })).toContain('1 year.');
    expect(tEn('safety.retention.none', { count: 3 })).toContain('3 years.');
  });
});
