import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMeetingHeld, numberMeetings, type NumberingEntry } from './numbering';

const entry = (id: string, date: string, seq: number, fixed = false): NumberingEntry => ({
  id,
  date,
  timeFrom: '09:00',
  createdAt: '2026-01-01T00:00:00.000Z',
  seq,
  fixed,
});

describe('numberMeetings', () => {
  it('numbers a year of planned meetings 1…n in date order, whatever their old numbers', () => {
    const out = numberMeetings([
      entry('a', '2026-12-29', 4),
      entry('b', '2026-12-02', 5),
      entry('c', '2026-03-01', 1, true),
    ]);
    expect(Object.fromEntries(out)).toEqual({ c: 1, b: 2, a: 3 });
  });

  it('same day: the earlier start first', () => {
    const out = numberMeetings([
      { ...entry('late', '2026-05-05', 1), timeFrom: '15:00' },
      { ...entry('early', '2026-05-05', 2), timeFrom: '08:00' },
    ]);
    expect(Object.fromEntries(out)).toEqual({ early: 1, late: 2 });
  });

  it('held meetings keep their number; numbers stay unique; planned ones follow the date order', () => {
    const day = fc
      .integer({ min: 1, max: 365 })
      .map((n) => new Date(Date.UTC(2026, 0, n)).toISOString().slice(0, 10));
    const meetings = fc
      .array(fc.record({ date: day, fixed: fc.boolean(), seq: fc.integer({ min: 1, max: 40 }) }), {
        maxLength: 25,
      })
      .map((list) => {
        const seen = new Set<number>();
        // Held meetings have distinct numbers, as stored data does.
        return list.map((m, i) => {
          const fixed = m.fixed && !seen.has(m.seq);
          if (fixed) seen.add(m.seq);
          return entry(`m${i}`, m.date, m.seq, fixed);
        });
      });
    fc.assert(
      fc.property(meetings, (list) => {
        const out = numberMeetings(list);
        expect(out.size).toBe(list.length);
        expect(new Set(out.values()).size).toBe(list.length);
        for (const m of list) if (m.fixed) expect(out.get(m.id)).toBe(m.seq);
        const planned = list
          .filter((m) => !m.fixed)
          .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
        for (let i = 1; i < planned.length; i++)
          expect(out.get(planned[i]!.id)!).toBeGreaterThan(out.get(planned[i - 1]!.id)!);
        // Without held meetings the year reads 1…n.
        if (list.every((m) => !m.fixed))
          expect([...out.values()].sort((a, b) => a - b)).toEqual(list.map((_, i) => i + 1));
      }),
    );
  });
});

describe('isMeetingHeld', () => {
  it('a past day, minutes beyond a draft, or something recorded at it', () => {
    expect(isMeetingHeld({ date: '2026-05-04' }, '2026-05-05', false)).toBe(true);
    expect(isMeetingHeld({ date: '2026-05-05' }, '2026-05-05', false)).toBe(false);
    expect(isMeetingHeld({ date: '2026-06-01', minutesStatus: 'draft' }, '2026-05-05', false)).toBe(
      false,
    );
    expect(
      isMeetingHeld({ date: '2026-06-01', minutesStatus: 'toVerify' }, '2026-05-05', false),
    ).toBe(true);
    expect(isMeetingHeld({ date: '2026-06-01' }, '2026-05-05', true)).toBe(true);
  });
});
