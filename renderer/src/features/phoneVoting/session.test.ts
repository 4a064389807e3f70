import { describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET } from '@shared/hub/rules';
import type { Attendance, Person } from '@shared/domain';
import type { AttendanceView } from '../../db';
import { ackFor, assignJoinCodes, browserRandom, phoneVoters, reissueJoinCode } from './session';

const voters = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ voterId: `v${i}`, name: `Člen ${i}` }));

describe('phoneVoters', () => {
  const person = (id: string, title: string, firstName: string, lastName: string) =>
    ({ id, title, firstName, lastName }) as Person;
  const seat = (personId: string, status: Attendance['status'], extra: Partial<Attendance> = {}) =>
    [personId, { personId, status, ...extra } as Attendance] as const;

  it('lists the present voters by surname in Czech order, a substitute under their own name', () => {
    const members = [
      person('a', 'Mgr.', 'Adam', 'Zeman'),
      person('b', 'Bc.', 'Čeněk', 'Chalupa'),
      person('c', '', 'Hana', 'Horáková'),
      person('d', 'Ing.', 'Eva', 'Černá'),
      person('e', '', 'Jan', 'Cibulka'),
      person('f', '', 'Bez', 'Hlasu'),
      person('g', '', 'Odešel', 'Dříve'),
    ].map((p) => ({ personId: p.id, person: p, votingRight: p.id !== 'f' }));
    const sub = person('s', 'PhDr.', 'Alena', 'Alexová');
    const room = {
      members,
      attendance: new Map([
        seat('a', 'present'),
        seat('b', 'present'),
        seat('c', 'present'),
        seat('d', 'substituted', { substituteId: 's' }),
        seat('e', 'present'),
        seat('f', 'present'),
        seat('g', 'present', { leftAt: '2026-04-12T16:00:00Z' }),
      ]),
      people: new Map([[sub.id, sub]]),
      guests: [],
      body: { rules: { guestsVote: false } },
    } as unknown as AttendanceView;
    // Titles do not sort; C < Č < H < Ch (Czech), a substitute by her own surname.
    expect(phoneVoters(room)).toEqual([
      { voterId: 'd', name: 'PhDr. Alena Alexová', forName: 'Ing. Eva Černá' },
      { voterId: 'e', name: 'Jan Cibulka' },
      { voterId: 'c', name: 'Hana Horáková' },
      { voterId: 'b', name: 'Bc. Čeněk Chalupa' },
      { voterId: 'a', name: 'Mgr. Adam Zeman' },
    ]);
  });
});

describe('assignJoinCodes', () => {
  it('gives every voter a distinct 6-character code from the unambiguous alphabet', () => {
    const codes = assignJoinCodes(voters(200), {}, browserRandom);
    const all = Object.values(codes);
    expect(all).toHaveLength(200);
    expect(new Set(all).size).toBe(200);
    for (const c of all) {
      expect(c).toHaveLength(6);
      for (const ch of c) expect(JOIN_CODE_ALPHABET).toContain(ch);
    }
  });

  it('keeps the codes already read out, drops those of voters who left, adds new ones', () => {
    const first = assignJoinCodes(voters(3), {}, browserRandom);
    const next = assignJoinCodes(
      [...voters(3).slice(1), { voterId: 'new', name: 'N' }],
      first,
      browserRandom,
    );
    expect(next.v1).toBe(first.v1);
    expect(next.v2).toBe(first.v2);
    expect(next).not.toHaveProperty('v0');
    expect(next.new).toMatch(/^[A-Z0-9]{6}$/);
  });
});

describe('reissueJoinCode', () => {
  it('gives one member a fresh code unlike every other and withdraws the old one; nobody else changes', () => {
    const codes = assignJoinCodes(voters(50), {}, browserRandom);
    const { codes: next, retired } = reissueJoinCode(codes, 'v7', browserRandom);
    expect(next.v7).toMatch(/^[A-Z0-9]{6}$/);
    expect(next.v7).not.toBe(codes.v7);
    expect(new Set(Object.values(next)).size).toBe(50);
    for (const [id, code] of Object.entries(codes)) if (id !== 'v7') expect(next[id]).toBe(code);
    expect(Object.keys(next).sort()).toEqual(Object.keys(codes).sort());
    expect(retired).toEqual([codes.v7]);
    // The input is not changed (the store's state is replaced, never mutated).
    expect(codes.v7).not.toBe(next.v7);
  });

  it('never hands out a withdrawn code again, to that member or to a newcomer', () => {
    // A "random" source that offers the given codes in turn (pick() reads bytes as indexes).
    let queue: string[] = [];
    const scripted = (n: number) => {
      const code = queue.shift() ?? 'EEEEEE';
      return Uint8Array.from({ length: n }, (_, i) =>
        JOIN_CODE_ALPHABET.indexOf(code[i % code.length]!),
      );
    };
    queue = ['AAAAAA', 'CCCCCC', 'DDDDDD'];
    const first = reissueJoinCode({ a: 'AAAAAA', b: 'CCCCCC' }, 'a', scripted);
    expect(first.codes).toEqual({ a: 'DDDDDD', b: 'CCCCCC' });
    expect(first.retired).toEqual(['AAAAAA']);

    queue = ['AAAAAA', 'DDDDDD', 'FFFFFF'];
    const again = reissueJoinCode(first.codes, 'a', scripted, first.retired);
    expect(again.codes).toEqual({ a: 'FFFFFF', b: 'CCCCCC' });
    expect(again.retired).toEqual(['AAAAAA', 'DDDDDD']);

    queue = ['AAAAAA', 'DDDDDD', 'CCCCCC', 'GGGGGG'];
    const people = ['a', 'b', 'n'].map((voterId) => ({ voterId, name: voterId }));
    const withNew = assignJoinCodes(people, again.codes, scripted, again.retired);
    expect(withNew).toEqual({ a: 'FFFFFF', b: 'CCCCCC', n: 'GGGGGG' });
  });

  it('leaves the codes alone for someone without a code', () => {
    const codes = { a: 'AAAAAA' };
    expect(reissueJoinCode(codes, 'x', browserRandom)).toEqual({ codes, retired: [] });
  });
});

describe('ackFor', () => {
  it('acknowledges a stored ballot and a resend alike, and names why a ballot was refused', () => {
    expect(ackFor({ ok: true, duplicate: false })).toEqual({ ok: true });
    expect(ackFor({ ok: true, duplicate: true })).toEqual({ ok: true });
    expect(ackFor({ ok: false, code: 'errors.alreadyVoted' })).toEqual({
      ok: false,
      code: 'ALREADY_VOTED',
    });
    expect(ackFor({ ok: false, code: 'errors.pollNotOpen' })).toEqual({
      ok: false,
      code: 'POLL_CLOSED',
    });
    expect(ackFor({ ok: false, code: 'errors.notFound' })).toEqual({
      ok: false,
      code: 'UNKNOWN_POLL',
    });
    expect(ackFor({ ok: false, code: 'errors.ballot.TOO_MANY_POINTS' })).toEqual({
      ok: false,
      code: 'INVALID_BALLOT',
    });
    expect(ackFor({ ok: false, code: 'errors.notPresent' })).toEqual({
      ok: false,
      code: 'NOT_ENTITLED',
    });
    expect(ackFor({ ok: false, code: 'errors.something' })).toEqual({
      ok: false,
      code: 'UNAVAILABLE',
    });
  });
});
