import { describe, expect, it } from 'vitest';
import { meetingInput, meetingNumber, nextMeetingSeq, yearOf } from './meeting';

const valid = {
  bodyId: 'b1',
  date: '2026-06-17',
  timeFrom: '09:00',
  timeTo: '11:30',
  place: 'MÚ Vizovice',
};

function issues(input: unknown): Record<string, string> {
  const r = meetingInput.safeParse(input);
  return r.success
    ? {}
    : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('meetingNumber and nextMeetingSeq', () => {
  it('formats seq/year', () => {
    expect(meetingNumber({ seq: 3, year: 2026 })).toBe('3/2026');
    expect(meetingNumber({ seq: 12, year: 2027 })).toBe('12/2027');
  });
  it('starts at 1 in an empty year', () => {
    expect(nextMeetingSeq([], 2026)).toBe(1);
  });
  it('counts per year, ignoring other years', () => {
    const existing = [
      { seq: 1, year: 2025 },
      { seq: 2, year: 2025 },
      { seq: 3, year: 2025 },
      { seq: 4, year: 2025 },
      { seq: 1, year: 2026 },
    ];
    expect(nextMeetingSeq(existing, 2026)).toBe(2);
    expect(nextMeetingSeq(existing, 2025)).toBe(5);
    expect(nextMeetingSeq(existing, 2027)).toBe(1);
  });
  it('keeps max+1 when numbers have gaps (a deleted meeting keeps its number unused)', () => {
    expect(
      nextMeetingSeq(
        [
          { seq: 1, year: 2026 },
          { seq: 4, year: 2026 },
        ],
        2026,
      ),
    ).toBe(5);
    expect(
      nextMeetingSeq(
        [
          { seq: 4, year: 2026 },
          { seq: 1, year: 2026 },
        ],
        2026,
      ),
    ).toBe(5);
  });
  it('yearOf', () => {
    expect(yearOf('2026-12-31')).toBe(2026);
    expect(yearOf('2027-01-01')).toBe(2027);
  });
});

describe('meetingInput', () => {
  it('accepts a valid meeting and drops empty optional ids', () => {
    const out = meetingInput.parse({ ...valid, chairId: '', note: '  ' });
    expect(out.chairId).toBeUndefined();
    expect(out.note).toBeUndefined();
    expect(out.place).toBe('MÚ Vizovice');
  });
  it('rejects an end before or equal to the start', () => {
    expect(issues({ ...valid, timeFrom: '11:00', timeTo: '10:59' })).toEqual({
      timeTo: 'errors.endsBeforeStart',
    });
    expect(issues({ ...valid, timeFrom: '11:00', timeTo: '11:00' })).toEqual({
      timeTo: 'errors.endsBeforeStart',
    });
    expect(issues({ ...valid, timeFrom: '09:59', timeTo: '10:00' })).toEqual({});
  });
  it('rejects malformed times', () => {
    expect(issues({ ...valid, timeFrom: '9:00' })).toMatchObject({ timeFrom: 'errors.time' });
    expect(issues({ ...valid, timeTo: '24:00' })).toMatchObject({ timeTo: 'errors.time' });
    expect(issues({ ...valid, timeTo: '12:60' })).toMatchObject({ timeTo: 'errors.time' });
  });
  it('requires a body, a date and a place', () => {
    expect(issues({ ...valid, bodyId: '' })).toEqual({ bodyId: 'errors.required' });
    expect(issues({ ...valid, place: '   ' })).toEqual({ place: 'errors.required' });
    expect(issues({ ...valid, date: '17. 6. 2026' })).toEqual({ date: 'errors.date' });
    expect(issues({ ...valid, date: '2026-13-01' })).toEqual({ date: 'errors.date' });
  });
  it('rejects days that do not exist in the calendar', () => {
    expect(issues({ ...valid, date: '2026-02-30' })).toEqual({ date: 'errors.date' });
    expect(issues({ ...valid, date: '2026-04-31' })).toEqual({ date: 'errors.date' });
    expect(issues({ ...valid, date: '2026-02-29' })).toEqual({ date: 'errors.date' });
    expect(issues({ ...valid, date: '2028-02-29' })).toEqual({});
  });
  it('limits the place length', () => {
    expect(issues({ ...valid, place: 'x'.repeat(201) })).toEqual({ place: 'errors.tooLong' });
  });
});
