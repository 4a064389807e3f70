import { describe, expect, it } from 'vitest';
import type { EntitlementSnapshot, SnapshotMember } from '../voting/schema';
import type { ResolutionResultInput } from './resolution';
import {
  DEFAULT_RESOLUTION_PATTERN,
  evaluateResolution,
  resolutionInput,
  resolutionNumber,
  VoteCountError,
} from './resolution';
import type { RulesOfProcedure } from './rules';
import { DEFAULT_RULES } from './rules';

/** `total` voting members, the first `present` of them in the room, plus extra entries. */
function snapshot(
  total: number,
  present: number,
  extra: SnapshotMember[] = [],
): EntitlementSnapshot {
  const members = Array.from({ length: total }, (_, i) => ({
    voterId: `m${i + 1}`,
    entitled: true,
    present: i < present,
  }));
  return { members: [...members, ...extra] };
}
const rules = (x: Partial<RulesOfProcedure> = {}): RulesOfProcedure => ({ ...DEFAULT_RULES, ...x });
const vote = (
  yes: number,
  no: number,
  abstain: number,
  chairCastingVote?: 'yes' | 'no',
): ResolutionResultInput =>
  chairCastingVote
    ? { kind: 'vote', yes, no, abstain, chairCastingVote }
    : { kind: 'vote', yes, no, abstain };

describe('evaluateResolution: majority rules', () => {
  it('9 of 9 present, 7:1:1 passes under present, all and cast (5 needed each time)', () => {
    for (const majority of ['present', 'all', 'cast'] as const) {
      const r = evaluateResolution(vote(7, 1, 1), rules({ majority }), snapshot(9, 9));
      expect(r.outcome, majority).toBe('passed');
      expect(r.decision, majority).toMatchObject({
        majority,
        votingMembers: 9,
        presentVoting: 9,
        quorumRequired: 5,
        quorate: true,
        minYes: 5,
        baseCount: 9,
        decidedBy: 'votes',
        castingVote: null,
      });
    }
  });

  it('12 members, 7 present, 4:2:1 passes under present (4 of 7) but fails under all (7 of 12)', () => {
    const present = evaluateResolution(
      vote(4, 2, 1),
      rules({ majority: 'present' }),
      snapshot(12, 7),
    );
    expect(present.outcome).toBe('passed');
    expect(present.decision).toMatchObject({
      votingMembers: 12,
      presentVoting: 7,
      quorumRequired: 7,
      quorate: true,
      baseCount: 7,
      minYes: 4,
    });
    const all = evaluateResolution(vote(4, 2, 1), rules({ majority: 'all' }), snapshot(12, 7));
    expect(all.outcome).toBe('rejected');
    expect(all.decision).toMatchObject({ baseCount: 12, minYes: 7, decidedBy: 'votes' });
  });

  it('cast: 3:2:2 has a base of 7 and needs 4, so it fails; 3:2:0 (base 5, needs 3) passes', () => {
    const fail = evaluateResolution(vote(3, 2, 2), rules({ majority: 'cast' }), snapshot(12, 7));
    expect(fail.outcome).toBe('rejected');
    expect(fail.decision).toMatchObject({ baseCount: 7, minYes: 4 });
    const pass = evaluateResolution(vote(3, 2, 0), rules({ majority: 'cast' }), snapshot(12, 7));
    expect(pass.outcome).toBe('passed');
    expect(pass.decision).toMatchObject({ baseCount: 5, minYes: 3 });
  });

  it('present: abstentions count against (3:2:2 of 7 present fails)', () => {
    expect(evaluateResolution(vote(3, 2, 2), rules(), snapshot(12, 7)).outcome).toBe('rejected');
  });

  it('the quorum follows the body fraction: at least 2/3 of 9 is 6', () => {
    const q = { numerator: 2, denominator: 3, strict: false };
    expect(evaluateResolution(vote(5, 0, 0), rules({ quorum: q }), snapshot(9, 5)).outcome).toBe(
      'noQuorum',
    );
    const ok = evaluateResolution(vote(5, 0, 0), rules({ quorum: q }), snapshot(9, 6));
    expect(ok.outcome).toBe('passed');
    expect(ok.decision.quorumRequired).toBe(6);
  });
});

describe('evaluateResolution: ties', () => {
  it("4:4:1 under tieRule 'rejected' is rejected by the tie rule", () => {
    const r = evaluateResolution(vote(4, 4, 1), rules({ tieRule: 'rejected' }), snapshot(9, 9));
    expect(r.outcome).toBe('rejected');
    expect(r.decision).toMatchObject({
      decidedBy: 'tieRule',
      castingVote: null,
      tieRule: 'rejected',
    });
  });

  it("4:4:1 under 'chairDecides' without a casting vote stays a tie", () => {
    const r = evaluateResolution(vote(4, 4, 1), rules({ tieRule: 'chairDecides' }), snapshot(9, 9));
    expect(r.outcome).toBe('tie');
    expect(r.decision).toMatchObject({ decidedBy: null, castingVote: null });
  });

  it("4:4:1 under 'chairDecides': the casting vote decides either way", () => {
    const yes = evaluateResolution(
      vote(4, 4, 1, 'yes'),
      rules({ tieRule: 'chairDecides' }),
      snapshot(9, 9),
    );
    expect(yes.outcome).toBe('passed');
    expect(yes.decision).toMatchObject({ decidedBy: 'chairCastingVote', castingVote: 'yes' });
    const no = evaluateResolution(
      vote(4, 4, 1, 'no'),
      rules({ tieRule: 'chairDecides' }),
      snapshot(9, 9),
    );
    expect(no.outcome).toBe('rejected');
    expect(no.decision).toMatchObject({ decidedBy: 'chairCastingVote', castingVote: 'no' });
  });

  it("a casting vote is ignored under tieRule 'rejected' and when there is no tie", () => {
    const r = evaluateResolution(
      vote(4, 4, 1, 'yes'),
      rules({ tieRule: 'rejected' }),
      snapshot(9, 9),
    );
    expect(r.outcome).toBe('rejected');
    expect(r.decision.decidedBy).toBe('tieRule');
    const noTie = evaluateResolution(vote(3, 4, 2, 'yes'), rules(), snapshot(9, 9));
    expect(noTie.outcome).toBe('rejected');
    expect(noTie.decision).toMatchObject({ decidedBy: 'votes', castingVote: null });
  });
});

describe('evaluateResolution: quorum, consensus, no vote', () => {
  it('3 of 9 present is no quorum even for 3:0:0 and for consensus', () => {
    const r = evaluateResolution(vote(3, 0, 0), rules(), snapshot(9, 3));
    expect(r.outcome).toBe('noQuorum');
    expect(r.decision).toMatchObject({ quorate: false, quorumRequired: 5, presentVoting: 3 });
    expect(evaluateResolution({ kind: 'consensus' }, rules(), snapshot(9, 3)).outcome).toBe(
      'noQuorum',
    );
  });

  it('4 of 9 is no quorum, 5 of 9 is quorate (strict more than half)', () => {
    expect(evaluateResolution(vote(4, 0, 0), rules(), snapshot(9, 4)).outcome).toBe('noQuorum');
    expect(evaluateResolution(vote(5, 0, 0), rules(), snapshot(9, 5)).outcome).toBe('passed');
  });

  it('consensus with quorum passes, decided by consensus', () => {
    const r = evaluateResolution({ kind: 'consensus' }, rules(), snapshot(9, 5));
    expect(r.outcome).toBe('passed');
    expect(r.decision.decidedBy).toBe('consensus');
  });

  it('noVote is noVote, with or without quorum', () => {
    expect(evaluateResolution({ kind: 'noVote' }, rules(), snapshot(9, 9)).outcome).toBe('noVote');
    expect(evaluateResolution({ kind: 'noVote' }, rules(), snapshot(9, 2)).outcome).toBe('noVote');
  });
});

describe('evaluateResolution: who counts', () => {
  it('votes exceeding the present voting members are a VoteCountError', () => {
    let error: unknown;
    try {
      evaluateResolution(vote(5, 1, 1), rules(), snapshot(9, 6));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(VoteCountError);
    expect(error).toMatchObject({
      code: 'errors.votesExceedPresent',
      params: { votes: 7, present: 6 },
    });
    // exactly as many votes as present voting members is fine
    expect(evaluateResolution(vote(5, 1, 0), rules(), snapshot(9, 6)).outcome).toBe('passed');
  });

  it('non-voting members in the room count neither toward quorum nor toward the base', () => {
    const secretaries: SnapshotMember[] = [
      { voterId: 's1', entitled: false, present: true },
      { voterId: 's2', entitled: false, present: true },
    ];
    const r = evaluateResolution(vote(4, 0, 0), rules(), snapshot(9, 4, secretaries));
    expect(r.outcome).toBe('noQuorum');
    expect(r.decision).toMatchObject({ votingMembers: 9, presentVoting: 4 });
    // nor may they add votes
    expect(() => evaluateResolution(vote(5, 0, 0), rules(), snapshot(9, 4, secretaries))).toThrow(
      VoteCountError,
    );
    const all = evaluateResolution(
      vote(5, 0, 0),
      rules({ majority: 'all' }),
      snapshot(9, 5, secretaries),
    );
    expect(all.decision.baseCount).toBe(9);
  });

  it('a guest counts only when the snapshot marks them entitled', () => {
    const guest = (entitled: boolean): SnapshotMember => ({
      voterId: 'g1',
      entitled,
      present: true,
    });
    expect(() =>
      evaluateResolution(vote(6, 0, 0), rules(), snapshot(9, 5, [guest(false)])),
    ).toThrow(VoteCountError);
    const r = evaluateResolution(vote(6, 0, 0), rules(), snapshot(9, 5, [guest(true)]));
    expect(r.outcome).toBe('passed');
    expect(r.decision).toMatchObject({ votingMembers: 10, presentVoting: 6 });
  });
});

describe('resolutionNumber', () => {
  const p = { bodyCode: 'PS1', meetingSeq: 3, year: 2026, seq: 2 };

  it('the default pattern is {body}/{meeting}/{year}/{seq}', () => {
    expect(DEFAULT_RESOLUTION_PATTERN).toBe('{body}/{meeting}/{year}/{seq}');
    expect(resolutionNumber(undefined, p)).toBe('PS1/3/2026/2');
    expect(resolutionNumber('', p)).toBe('PS1/3/2026/2');
  });

  it('custom patterns', () => {
    expect(resolutionNumber('{seq}/{meeting}/{year}', p)).toBe('2/3/2026');
    expect(resolutionNumber('U-{body}-{year}-{seq}', p)).toBe('U-PS1-2026-2');
    expect(resolutionNumber('{seq}/{seq}', p)).toBe('2/2');
  });

  it('spaces are dropped from the body code', () => {
    expect(resolutionNumber(undefined, { ...p, bodyCode: 'PS 1' })).toBe('PS1/3/2026/2');
    expect(resolutionNumber(undefined, { ...p, bodyCode: 'Řídicí  skupina' })).toBe(
      'Řídicískupina/3/2026/2',
    );
  });
});

describe('resolutionInput', () => {
  it('checks the verb, the text and the counts', () => {
    const ok = {
      verb: 'approves',
      text: 'Schvaluje zápis',
      result: { kind: 'vote', yes: 1, no: 0, abstain: 0 },
    };
    expect(resolutionInput.safeParse(ok).success).toBe(true);
    expect(resolutionInput.safeParse({ ...ok, verb: 'likes' }).success).toBe(false);
    expect(resolutionInput.safeParse({ ...ok, text: ' ' }).success).toBe(false);
    expect(
      resolutionInput.safeParse({ ...ok, result: { kind: 'vote', yes: -1, no: 0, abstain: 0 } })
        .success,
    ).toBe(false);
    expect(
      resolutionInput.safeParse({ ...ok, result: { kind: 'vote', yes: 1.5, no: 0, abstain: 0 } })
        .success,
    ).toBe(false);
    expect(resolutionInput.safeParse({ ...ok, result: { kind: 'consensus' } }).success).toBe(true);
  });
});

describe("evaluateResolution: the body's simple majority (issue 11)", () => {
  it('3:2:4 of 9 present passes by simple majority, where "more than half" of present or cast rejects', () => {
    const s = snapshot(9, 9);
    const simple = evaluateResolution(vote(3, 2, 4), rules({ majority: 'simple' }), s);
    expect(simple.outcome).toBe('passed');
    expect(simple.decision).toMatchObject({ majority: 'simple', minYes: 3, baseCount: 5 });
    expect(evaluateResolution(vote(3, 2, 4), rules({ majority: 'present' }), s).outcome).toBe(
      'rejected',
    );
    expect(evaluateResolution(vote(3, 2, 4), rules({ majority: 'cast' }), s).outcome).toBe(
      'rejected',
    );
  });

  it('a simple-majority tie still goes to the tie rule', () => {
    const s = snapshot(9, 9);
    expect(evaluateResolution(vote(3, 3, 3), rules({ majority: 'simple' }), s).outcome).toBe('tie');
    expect(
      evaluateResolution(vote(3, 3, 3), rules({ majority: 'simple', tieRule: 'rejected' }), s)
        .outcome,
    ).toBe('rejected');
  });
});
