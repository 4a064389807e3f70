import { describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET } from '@shared/hub/rules';
import { ackFor, assignJoinCodes, browserRandom } from './session';

const voters = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ voterId: `v${i}`, name: `Člen ${i}` }));

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
