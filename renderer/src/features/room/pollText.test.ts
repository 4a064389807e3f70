import { beforeAll, describe, expect, it } from 'vitest';
import type { PollRecord } from '@shared/domain';
import { i18n } from '../../i18n';
import { castText, valueText } from './pollText';

// Issue 13 review: "1 votes" in the result bars, and the public counted against the members.

const choice = { definition: { method: 'singleChoice' } } as Pick<PollRecord, 'definition'>;
const points = { definition: { method: 'points' } } as Pick<PollRecord, 'definition'>;

describe('poll texts', () => {
  beforeAll(() => i18n.loadLanguages('en'));
  const tEn = i18n.getFixedT('en');
  const tCs = i18n.getFixedT('cs');

  it('say "1 vote" and "2 votes", "1 pt" and "3 pts" in English; Czech abbreviates', () => {
    expect(valueText(tEn, choice, 1)).toBe('1 vote');
    expect(valueText(tEn, choice, 0)).toBe('0 votes');
    expect(valueText(tEn, choice, 2)).toBe('2 votes');
    expect(valueText(tEn, points, 1)).toBe('1 pt');
    expect(valueText(tEn, points, 3)).toBe('3 pts');
    expect(valueText(tCs, choice, 1)).toBe('1 hl.');
    expect(valueText(tCs, points, 5)).toBe('5 b.');
  });

  it('count an anonymous vote as the public’s ballots, not "of the members present"', () => {
    expect(castText(tCs, { anonymous: true }, 1, 5)).toBe('1 hlas veřejnosti');
    expect(castText(tCs, { anonymous: true }, 3, 5)).toBe('3 hlasy veřejnosti');
    expect(castText(tCs, { anonymous: true }, 12, 5)).toBe('12 hlasů veřejnosti');
    expect(castText(tEn, { anonymous: true }, 1, 5)).toBe('1 public ballot');
    expect(castText(tEn, {}, 1, 5)).toBe('1 of 5 ballots cast');
    expect(castText(tCs, {}, 2, 5)).toBe('Odevzdáno 2 z 5');
  });
});
