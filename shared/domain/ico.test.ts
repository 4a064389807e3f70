import { describe, expect, it } from 'vitest';
import { isValidIco, normalizeIco } from './ico';
import { organizationInput } from './organization';

/** The mod-11 rule written out independently: weights 8..2, check = (11 - sum % 11) % 10. */
function checkDigit(seven: string): number {
  const weights = [8, 7, 6, 5, 4, 3, 2];
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(seven[i]) * weights[i]!;
  return (11 - (sum % 11)) % 10;
}

describe('isValidIco', () => {
  it.each([
    ['00064581', 'Hlavní město Praha (sum 77, remainder 0 → check 1)'],
    ['25596641', 'sum 176, remainder 0 → check 1'],
    ['00283924', 'Vizovice-like: sum 95, remainder 7 → check 4'],
    ['70891303', '7·8+0+8·6+9·5+1·4+3·3+0 = 162, remainder 8 → check 3'],
  ])('hand-checked %s (%s)', (ico) => {
    expect(isValidIco(ico)).toBe(true);
  });

  it('remainder 1 gives check digit 0 and remainder 0 gives 1 (the two special cases)', () => {
    // 0000001: 1·2 = 2 → remainder 2 → 9
    expect(isValidIco('00000019')).toBe(true);
    // 0000060: 6·3 = 18 → remainder 7 → 4
    expect(isValidIco('00000604')).toBe(true);
    // 1000000: 8 → 3
    expect(isValidIco('10000003')).toBe(true);
    // 0000000 → sum 0, remainder 0 → check 1
    expect(isValidIco('00000001')).toBe(true);
    expect(isValidIco('00000000')).toBe(false);
    // 1000001: 8+2 = 10 → remainder 10 → 1
    expect(isValidIco('10000011')).toBe(true);
    // 0000006: 12 → remainder 1 → 0 (not 10)
    expect(isValidIco('00000060')).toBe(true);
  });

  it('agrees with an independent implementation for every last digit', () => {
    for (const seven of [
      '0006458',
      '2559664',
      '0028392',
      '7089130',
      '1234567',
      '9999999',
      '4465958',
    ]) {
      for (let d = 0; d <= 9; d++) {
        expect(isValidIco(seven + d)).toBe(d === checkDigit(seven));
      }
    }
  });

  it('rejects wrong checksums', () => {
    expect(isValidIco('00064582')).toBe(false);
    expect(isValidIco('25596640')).toBe(false);
    expect(isValidIco('12345678')).toBe(false);
  });

  it('rejects wrong length, letters, spaces and empty input', () => {
    expect(isValidIco('')).toBe(false);
    expect(isValidIco('0064581')).toBe(false);
    expect(isValidIco('000064581')).toBe(false);
    expect(isValidIco('0006458a')).toBe(false);
    expect(isValidIco('CZ00064581')).toBe(false);
    expect(isValidIco('000 645 81')).toBe(false);
    expect(isValidIco(' 00064581')).toBe(false);
    expect(isValidIco('0006458١')).toBe(false); // Arabic-Indic digit is not \d in JS
  });
});

describe('normalizeIco', () => {
  it('pads short numbers with leading zeros', () => {
    expect(normalizeIco('64581')).toBe('00064581');
    expect(normalizeIco('1')).toBe('00000001');
    expect(normalizeIco('25596641')).toBe('25596641');
  });
  it('removes spaces as registries print them', () => {
    expect(normalizeIco('000 64 581')).toBe('00064581');
    expect(normalizeIco('255 96 641')).toBe('25596641');
    expect(normalizeIco(' 645 81 ')).toBe('00064581');
    expect(normalizeIco('\t25596641\n')).toBe('25596641');
  });
  it('leaves anything that is not 1–8 digits alone (so validation can reject it)', () => {
    expect(normalizeIco('123456789')).toBe('123456789');
    expect(normalizeIco('12a45')).toBe('12a45');
    expect(normalizeIco('')).toBe('');
  });
});

describe('organizationInput IČO field', () => {
  const base = { name: 'Město Vizovice', kind: 'municipality' as const };
  it('normalizes a valid IČO', () => {
    expect(organizationInput.parse({ ...base, ico: ' 645 81 ' }).ico).toBe('00064581');
  });
  it('treats an empty IČO as none', () => {
    expect(organizationInput.parse({ ...base, ico: '' }).ico).toBeUndefined();
    expect(organizationInput.parse({ ...base, ico: '   ' }).ico).toBeUndefined();
    expect(organizationInput.parse(base).ico).toBeUndefined();
  });
  it('reports errors.ico for a bad checksum', () => {
    const r = organizationInput.safeParse({ ...base, ico: '00064582' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('errors.ico');
    expect(r.error?.issues[0]?.path).toEqual(['ico']);
  });
  it('requires a name and a kind', () => {
    const r = organizationInput.safeParse({ name: '  ', kind: 'nonsense' });
    expect(r.success).toBe(false);
    const messages = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(messages).toEqual({ name: 'errors.required', kind: 'errors.required' });
  });
});
