import { describe, expect, it } from 'vitest';
import { countPoll, InvalidPollError, type ResolutionPoll } from './index';
import { snapshotOf, votes } from './test-helpers';

const absolutePresent: ResolutionPoll = {
  method: 'resolution',
  base: 'presentVoting',
  majority: 'absolute',
  tieRule: 'rejected',
};
const res = (overrides: Partial<ResolutionPoll>): ResolutionPoll => ({
  ...absolutePresent,
  ...overrides,
});

describe('resolution: majorities (hand-checked)', () => {
  it('7:1:1 passes an absolute majority of 9 present (needs 5)', () => {
    const r = countPoll(absolutePresent, votes(7, 1, 1), snapshotOf(12, 9));
    expect(r.status).toBe('passed');
    expect(r.counts).toEqual({ yes: 7, no: 1, abstain: 1 });
    expect(r.evaluation.baseCount).toBe(9);
    expect(r.evaluation.minYes).toBe(5); // ⌊9·1/2⌋ + 1
    expect(r.decidedBy).toBe('votes');
    expect(r.shares.yes).toEqual({ numerator: 7, denominator: 9, decimal: 0.7778 });
  });

  it('the same 7:1:1 typed in as a hand count gives the same outcome', () => {
    const r = countPoll(
      { ...absolutePresent, triadBreakdown: true },
      [{ kind: 'aggregate', yes: 7, no: 1, abstain: 1 }],
      snapshotOf(12, 9),
    );
    expect(r.status).toBe('passed');
    expect(r.participation.aggregateVoters).toBe(9);
    expect(r.byRole?.unattributed).toEqual({ voters: 9, yes: 7, no: 1, abstain: 1 });
  });

  it('4:1:4 fails an absolute majority of 9 present (4 < 5) but passes a simple majority', () => {
    expect(countPoll(absolutePresent, votes(4, 1, 4), snapshotOf(12, 9)).status).toBe('rejected');
    const simple = countPoll(res({ majority: 'simple', base: 'votesCast' }), votes(4, 1, 4));
    expect(simple.status).toBe('passed');
    expect(simple.evaluation.minYes).toBe(2); // no + 1
  });

  it('absolute majority of all 15 members needs 8, so 7:1:1 fails', () => {
    const r = countPoll(res({ base: 'allVoting' }), votes(7, 1, 1), snapshotOf(15, 9));
    expect(r.evaluation.baseCount).toBe(15);
    expect(r.evaluation.minYes).toBe(8);
    expect(r.status).toBe('rejected');
  });

  it('two thirds of 12 present needs 8: 8:4 passes, 7:5 fails', () => {
    const poll: ResolutionPoll = res({ majority: 'twoThirds' });
    const pass = countPoll(poll, votes(8, 4, 0), snapshotOf(12, 12));
    expect(pass.evaluation.minYes).toBe(8);
    expect(pass.status).toBe('passed');
    expect(countPoll(poll, votes(7, 5, 0), snapshotOf(12, 12)).status).toBe('rejected');
  });

  it('three fifths of 10 present needs 6; of 11 present needs 7 (6.6 rounded up)', () => {
    const poll: ResolutionPoll = res({ majority: 'threeFifths' });
    expect(countPoll(poll, votes(6, 4, 0), snapshotOf(10, 10)).status).toBe('passed');
    const r = countPoll(poll, votes(6, 4, 1), snapshotOf(11, 11));
    expect(r.evaluation.minYes).toBe(7);
    expect(r.status).toBe('rejected');
  });

  it('base votes cast without abstentions: 3:2:10 passes absolute (3 of 5), abstain share is null', () => {
    const r = countPoll(res({ base: 'votesCastExclAbstain' }), votes(3, 2, 10));
    expect(r.evaluation.baseCount).toBe(5);
    expect(r.status).toBe('passed');
    expect(r.shares.abstain).toBeNull();
    expect(r.shares.yes?.decimal).toBe(0.6);
  });

  it('base votes cast: 3:2:10 fails absolute (3 of 15)', () => {
    const r = countPoll(res({ base: 'votesCast' }), votes(3, 2, 10));
    expect(r.evaluation.minYes).toBe(8);
    expect(r.status).toBe('rejected');
  });

  it('all abstain (0:0:5) is rejected, not a tie', () => {
    const r = countPoll(
      res({ majority: 'simple', tieRule: 'chairDecides' }),
      votes(0, 0, 5),
      snapshotOf(5, 5),
    );
    expect(r.evaluation.tie).toBe(false);
    expect(r.status).toBe('rejected');
  });
});

describe('resolution: ties', () => {
  const snap = snapshotOf(10, 10);
  it('5:5:0 with tie rule "rejected" is rejected by the tie rule', () => {
    const r = countPoll(absolutePresent, votes(5, 5, 0), snap);
    expect(r.evaluation.tie).toBe(true);
    expect(r.status).toBe('rejected');
    expect(r.decidedBy).toBe('tieRule');
  });

  it('5:5:0 with chairDecides and casting vote yes passes by the casting vote', () => {
    const r = countPoll(
      res({ tieRule: 'chairDecides', chairCastingVote: 'yes' }),
      votes(5, 5, 0),
      snap,
    );
    expect(r.status).toBe('passed');
    expect(r.decidedBy).toBe('chairCastingVote');
    expect(r.castingVote).toBe('yes');
  });

  it('5:5:0 with chairDecides and casting vote no is rejected by the casting vote', () => {
    const r = countPoll(
      res({ tieRule: 'chairDecides', chairCastingVote: 'no' }),
      votes(5, 5, 0),
      snap,
    );
    expect(r.status).toBe('rejected');
    expect(r.decidedBy).toBe('chairCastingVote');
    expect(r.castingVote).toBe('no');
  });

  it('5:5:0 with chairDecides and no casting vote waits as a tie', () => {
    const r = countPoll(res({ tieRule: 'chairDecides' }), votes(5, 5, 0), snap);
    expect(r.status).toBe('tie');
    expect(r.decidedBy).toBeNull();
  });

  it('a casting vote is ignored when there is no tie', () => {
    const r = countPoll(
      res({ tieRule: 'chairDecides', chairCastingVote: 'no' }),
      votes(6, 4, 0),
      snap,
    );
    expect(r.status).toBe('passed');
    expect(r.castingVote).toBeNull();
  });

  it('simple majority 4:4:2 is a tie', () => {
    const r = countPoll(
      res({ majority: 'simple', base: 'votesCast', tieRule: 'chairDecides' }),
      votes(4, 4, 2),
    );
    expect(r.status).toBe('tie');
  });
});

describe('resolution: quorum', () => {
  const rule = { numerator: 1, denominator: 2, strict: true };
  it('12 members, 6 present: strict half needs 7 → no quorum (outcome still reported)', () => {
    const r = countPoll(res({ quorum: rule }), votes(6, 0, 0), snapshotOf(12, 6));
    expect(r.quorum).toMatchObject({ votingMembers: 12, present: 6, required: 7, met: false });
    expect(r.status).toBe('noQuorum');
    expect(r.outcome).toBe('passed');
  });

  it('non-strict half of 12 needs 6 → quorum met', () => {
    const r = countPoll(
      res({ quorum: { ...rule, strict: false } }),
      votes(6, 0, 0),
      snapshotOf(12, 6),
    );
    expect(r.quorum?.required).toBe(6);
    expect(r.status).toBe('passed');
  });

  it('guests (no vote) do not count toward the quorum', () => {
    const snap = snapshotOf(4, 2);
    snap.members.push(
      { voterId: 'g1', entitled: false, present: true },
      { voterId: 'g2', entitled: false, present: true },
    );
    const r = countPoll(res({ quorum: rule }), votes(2, 0, 0), snap);
    expect(r.quorum).toMatchObject({ votingMembers: 4, present: 2, required: 3, met: false });
  });

  it('needs a snapshot for a quorum or a snapshot-based base', () => {
    expect(() => countPoll(absolutePresent, votes(1, 0, 0))).toThrow(InvalidPollError);
  });
});

describe('resolution: entitlement, breakdown, agreement', () => {
  it('rejects a non-member and a second ballot of the same voter, with indexes', () => {
    const ballots = [
      ...votes(3, 1, 0),
      { kind: 'individual' as const, voterId: 'stranger', vote: 'yes' as const },
      { kind: 'individual' as const, voterId: 'm1', vote: 'no' as const },
    ];
    const r = countPoll(absolutePresent, ballots, snapshotOf(5, 5));
    expect(r.counts).toEqual({ yes: 3, no: 1, abstain: 0 });
    expect(r.rejected).toEqual([
      { index: 4, issues: [{ code: 'VOTER_NOT_ENTITLED' }] },
      { index: 5, issues: [{ code: 'DUPLICATE_VOTER' }] },
    ]);
    expect(r.participation).toMatchObject({
      ballotsSubmitted: 6,
      validBallots: 4,
      rejectedBallots: 2,
      votersRepresented: 4,
    });
  });

  it('breaks down by triad role (snapshot role wins) and checks agreement across the triad', () => {
    const snap = snapshotOf(6, 6, [
      'commissioner',
      'commissioner',
      'provider',
      'provider',
      'user',
      'user',
    ]);
    const ballots = [
      { kind: 'individual' as const, voterId: 'm1', vote: 'yes' as const, role: 'public' as const },
      { kind: 'individual' as const, voterId: 'm2', vote: 'yes' as const },
      { kind: 'individual' as const, voterId: 'm3', vote: 'yes' as const },
      { kind: 'individual' as const, voterId: 'm4', vote: 'no' as const },
      { kind: 'individual' as const, voterId: 'm5', vote: 'yes' as const },
      { kind: 'individual' as const, voterId: 'm6', vote: 'yes' as const },
      { kind: 'aggregate' as const, yes: 1, no: 0, abstain: 0 },
    ];
    const poll: ResolutionPoll = {
      method: 'resolution',
      base: 'votesCast',
      majority: 'simple',
      tieRule: 'rejected',
      triadAgreement: true,
    };
    const r = countPoll(poll, ballots, snap);
    expect(r.status).toBe('passed');
    expect(r.byRole?.commissioner).toEqual({ voters: 2, yes: 2, no: 0, abstain: 0 });
    expect(r.byRole?.provider).toEqual({ voters: 2, yes: 1, no: 1, abstain: 0 });
    expect(r.byRole?.public.voters).toBe(0);
    expect(r.byRole?.unattributed.voters).toBe(1);
    // providers are split 1:1 → no agreement across the triad
    expect(r.triadAgreement?.reached).toBe(false);
    expect(r.triadAgreement?.roles.provider?.agrees).toBe(false);
    expect(r.triadAgreement?.roles.user?.agrees).toBe(true);
    expect(r.triadAgreement?.roles.public).toBeUndefined();
  });
});
