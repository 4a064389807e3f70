// The counting engine's edges (issue 11): a role that only abstains, an unreachable quorum,
// a named ballot of an absent member.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countPoll,
  InvalidPollError,
  PollSchema,
  validateBallot,
  type PointsPoll,
  type ResolutionPoll,
} from './index';
import { snapshotOf } from './test-helpers';

const yesNo = (
  vote: 'yes' | 'no' | 'abstain',
  role: 'commissioner' | 'provider' | 'user',
): { kind: 'individual'; vote: typeof vote; role: typeof role } => ({
  kind: 'individual',
  vote,
  role,
});
const dots = (
  points: Record<string, number>,
  role: 'commissioner' | 'provider' | 'user',
): { kind: 'individual'; points: Record<string, number>; role: typeof role } => ({
  kind: 'individual',
  points,
  role,
});

describe('a role whose members all abstain', () => {
  const resolution: ResolutionPoll = {
    method: 'resolution',
    base: 'votesCast',
    majority: 'simple',
    tieRule: 'rejected',
    triadAgreement: true,
  };
  const points: PointsPoll = {
    method: 'points',
    options: ['a', 'b'],
    pointsPerVoter: 3,
    triadAgreement: true,
  };

  it('takes part and does not agree, in a yes/no poll', () => {
    const r = countPoll(resolution, [
      yesNo('yes', 'commissioner'),
      yesNo('yes', 'provider'),
      yesNo('abstain', 'user'),
      yesNo('abstain', 'user'),
    ]);
    expect(r.status).toBe('passed');
    expect(r.triadAgreement?.roles.user?.agrees).toBe(false);
    expect(r.triadAgreement?.reached).toBe(false);
  });

  it('takes part and does not agree, in an option poll (same rule)', () => {
    const r = countPoll(points, [
      dots({ a: 3 }, 'commissioner'),
      dots({ a: 2, b: 1 }, 'provider'),
      dots({}, 'user'),
      dots({}, 'user'),
    ]);
    expect(r.winner).toBe('a');
    expect(r.triadAgreement?.roles.user).toMatchObject({ voters: 2, blank: 2, agrees: false });
    expect(r.triadAgreement?.roles.user?.winners).toEqual([]);
    expect(r.triadAgreement?.reached).toBe(false);
  });

  it('with a single option, blank ballots do not make the role "agree"', () => {
    const r = countPoll({ method: 'approval', options: ['a'], triadAgreement: true }, [
      { kind: 'individual', choices: ['a'], role: 'provider' },
      { kind: 'individual', choices: [], role: 'user' },
    ]);
    expect(r.triadAgreement?.roles.user?.agrees).toBe(false);
  });

  it('property: both kinds of poll list the same roles and neither lets an all-abstaining role agree', () => {
    const roleArb = fc.constantFrom('commissioner' as const, 'provider' as const, 'user' as const);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(roleArb, fc.boolean()), { minLength: 1, maxLength: 12 }),
        (voters) => {
          // The same people vote in both polls: "yes"/3 dots on a, or abstain/blank.
          const res = countPoll(
            resolution,
            voters.map(([role, yes]) => yesNo(yes ? 'yes' : 'abstain', role)),
          );
          const opt = countPoll(
            points,
            voters.map(([role, yes]) => dots(yes ? { a: 3 } : {}, role)),
          );
          const resRoles = Object.keys(res.triadAgreement?.roles ?? {}).sort();
          const optRoles = Object.keys(opt.triadAgreement?.roles ?? {}).sort();
          expect(optRoles).toEqual(resRoles);
          for (const role of resRoles as ('commissioner' | 'provider' | 'user')[]) {
            const abstainedOnly = voters.every(([r, yes]) => r !== role || !yes);
            expect(res.triadAgreement?.roles[role]?.agrees).toBe(!abstainedOnly);
            expect(opt.triadAgreement?.roles[role]?.agrees).toBe(!abstainedOnly);
          }
          expect(opt.triadAgreement?.reached).toBe(res.triadAgreement?.reached);
        },
      ),
    );
  });
});

describe('a quorum that can never be met', () => {
  const poll = {
    method: 'points' as const,
    options: ['a', 'b'],
    pointsPerVoter: 3,
    quorum: { numerator: 1, denominator: 1, strict: true },
  };

  it('is refused by PollSchema, as the rules of procedure refuse it', () => {
    const r = PollSchema.safeParse(poll);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual(['QUORUM_ABOVE_ALL_MEMBERS']);
  });

  it('makes countPoll throw instead of reporting "no quorum" forever', () => {
    expect(() => countPoll(poll, [], snapshotOf(3, 3))).toThrow(InvalidPollError);
  });

  it('"all members" (non-strict 1/1) is still allowed', () => {
    const r = countPoll(
      { ...poll, quorum: { ...poll.quorum, strict: false } },
      [],
      snapshotOf(3, 3),
    );
    expect(r.quorum?.met).toBe(true);
  });
});

describe('a named ballot of a member who is not present', () => {
  const poll: ResolutionPoll = {
    method: 'resolution',
    base: 'votesCast',
    majority: 'simple',
    tieRule: 'rejected',
  };
  const snapshot = snapshotOf(4, 2); // m1, m2 present; m3, m4 absent

  it('is refused by validateBallot with a snapshot', () => {
    expect(
      validateBallot(poll, { kind: 'individual', voterId: 'm3', vote: 'yes' }, { snapshot }),
    ).toEqual({ valid: false, issues: [{ code: 'VOTER_NOT_PRESENT' }] });
    expect(
      validateBallot(poll, { kind: 'individual', voterId: 'm1', vote: 'yes' }, { snapshot }).valid,
    ).toBe(true);
  });

  it('is not counted by countPoll', () => {
    const r = countPoll(
      poll,
      [
        { kind: 'individual', voterId: 'm1', vote: 'no' },
        { kind: 'individual', voterId: 'm3', vote: 'yes' },
        { kind: 'individual', voterId: 'm4', vote: 'yes' },
      ],
      snapshot,
    );
    expect(r.counts).toEqual({ yes: 0, no: 1, abstain: 0 });
    expect(r.status).toBe('rejected');
    expect(r.rejected.map((x) => x.issues[0]?.code)).toEqual([
      'VOTER_NOT_PRESENT',
      'VOTER_NOT_PRESENT',
    ]);
  });
});
