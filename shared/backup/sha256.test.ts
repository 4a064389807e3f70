import { describe, expect, it } from 'vitest';
import { sha256Hex } from './canonical';
import { sha256HexSync } from './sha256';

describe('sha256HexSync', () => {
  it('agrees with WebCrypto on known vectors and on lengths around the block edges', async () => {
    expect(sha256HexSync('')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(sha256HexSync('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    for (const n of [1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const text = 'ř'.repeat(n) + 'x'.repeat(n % 7);
      expect(sha256HexSync(text)).toBe(await sha256Hex(text));
    }
    const bytes = new Uint8Array(300).map((_, i) => (i * 37) & 0xff);
    expect(sha256HexSync(bytes)).toBe(await sha256Hex(bytes));
  });
});
