import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeJsonParse } from './canonical';
import { isRealInstant } from './records';

const span = (text: string) => {
  const r = safeJsonParse(text);
  return r.ok && r.dataSpan ? text.slice(...r.dataSpan) : null;
};

describe('the pre-scan finds the data section the checksum covers', () => {
  it('whatever the key order, spacing and escapes around it', () => {
    expect(span('{"a":1,"data":{"x":[1,{"y":"}"}]},"b":2}')).toBe('{"x":[1,{"y":"}"}]}');
    expect(span('{ "data" :\n {"q":"\\"}{\\\\"} , "z":{"data":{}}}')).toBe('{"q":"\\"}{\\\\"}');
    expect(span('{"d\\u0061ta":{"k":1}}')).toBe('{"k":1}');
    expect(span('{"nested":{"data":{"k":1}}}')).toBeNull();
    expect(span('{"data":[1,2]}')).toBeNull();
    expect(span('[{"data":{}}]')).toBeNull();
  });

  it('matches JSON.parse on generated objects', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue()), (before, data) => {
        const text = `{"before":${JSON.stringify(before)},"data":${JSON.stringify(data)}}`;
        const found = span(text);
        // Objects with a key twice or a forbidden key are refused before there is a span.
        if (found === null) return;
        expect(JSON.parse(found)).toEqual(JSON.parse(JSON.stringify(data)));
      }),
    );
  });
});

describe('isRealInstant (the timestamp check without Date objects)', () => {
  const old = (s: string) =>
    !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().slice(0, 10) === s.slice(0, 10);
  it('agrees with the Date-based check on every well-formed timestamp', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }).map((n) => String(n).padStart(4, '0')),
        two(13),
        two(32),
        two(25),
        two(60),
        two(61),
        (y, mo, d, h, mi, s) => {
          const ts = `${y}-${mo}-${d}T${h}:${mi}:${s}.000Z`;
          expect(isRealInstant(ts)).toBe(old(ts));
        },
      ),
      { numRuns: 5000 },
    );
    expect(isRealInstant('2024-02-29T23:59:59Z')).toBe(true);
    expect(isRealInstant('2026-02-29T10:00:00Z')).toBe(false);
    expect(isRealInstant('2026-04-31T10:00:00Z')).toBe(false);
    expect(isRealInstant('2026-04-30T24:00:00Z')).toBe(false);
  });
});
