import { describe, expect, it } from 'vitest';
import type { Attendance } from './attendance';
import { isInRoom } from './attendance';
import type { QuorumMember } from './quorum';
import { computeQuorum, unexcusedAbsenceStreak } from './quorum';
import { DEFAULT_RULES } from './rules';
import type { TriadRole } from './triad';

type Mark = Pick<Attendance, 'personId' | 'status' | 'substituteId' | 'leftAt'>;

const voting = (n: number, prefix = 'm'): QuorumMember[] =>
  Array.from({ length: n }, (_, i) => ({ personId: `${prefix}${i + 1}`, votingRight: true }));
const present = (...ids: string[]): Mark[] =>
  ids.map((personId) => ({ personId, status: 'present' }));
const roles: Record<string, TriadRole> = {};
const roleOf = (id: string): TriadRole | undefined => roles[id] ?? 'public';

describe('computeQuorum', () => {
  const nine = voting(9);

  it('9 voting members: 4 present is not quorate, 5 is', () => {
    const four = computeQuorum(nine, present('m1', 'm2', 'm3', 'm4'), DEFAULT_RULES, roleOf);
    expect(four).toMatchObject({
      votingMembers: 9,
      presentVoting: 4,
      required: 5,
      quorate: false,
      presentMembers: 4,
      guests: 0,
    });
    const five = computeQuorum(nine, present('m1', 'm2', 'm3', 'm4', 'm5'), DEFAULT_RULES, roleOf);
    expect(five).toMatchObject({ votingMembers: 9, presentVoting: 5, required: 5, quorate: true });
  });

  it('no records at all: nobody present', () => {
    expect(computeQuorum(nine, [], DEFAULT_RULES, roleOf)).toMatchObject({
      presentVoting: 0,
      quorate: false,
      presentMembers: 0,
      guests: 0,
    });
  });

  it('excused and absent members do not count', () => {
    const marks: Mark[] = [
      ...present('m1', 'm2', 'm3', 'm4'),
      { personId: 'm5', status: 'excused' },
      { personId: 'm6', status: 'absent' },
    ];
    expect(computeQuorum(nine, marks, DEFAULT_RULES, roleOf)).toMatchObject({
      presentVoting: 4,
      quorate: false,
      presentMembers: 4,
    });
  });

  it('non-voting members count neither toward the base nor toward presence', () => {
    const members: QuorumMember[] = [
      ...voting(9),
      { personId: 'sec', votingRight: false },
      { personId: 'adv', votingRight: false },
    ];
    const q = computeQuorum(
      members,
      present('m1', 'm2', 'm3', 'm4', 'sec', 'adv'),
      DEFAULT_RULES,
      roleOf,
    );
    expect(q).toMatchObject({
      votingMembers: 9,
      required: 5,
      presentVoting: 4,
      quorate: false,
      presentMembers: 6,
    });
  });

  it('a substituted member counts when the substitute is in the room', () => {
    const marks: Mark[] = [
      ...present('m1', 'm2', 'm3', 'm4'),
      { personId: 'm5', status: 'substituted', substituteId: 's5' },
    ];
    const q = computeQuorum(nine, marks, DEFAULT_RULES, roleOf);
    expect(q).toMatchObject({ presentVoting: 5, quorate: true, presentMembers: 5, guests: 0 });
  });

  it('a substituted member whose substitute has left does not count', () => {
    const marks: Mark[] = [
      ...present('m1', 'm2', 'm3', 'm4'),
      { personId: 'm5', status: 'substituted', substituteId: 's5', leftAt: '10:15' },
    ];
    expect(computeQuorum(nine, marks, DEFAULT_RULES, roleOf)).toMatchObject({
      presentVoting: 4,
      quorate: false,
    });
  });

  it('a member who left is not counted', () => {
    const marks: Mark[] = [
      ...present('m1', 'm2', 'm3', 'm4'),
      { personId: 'm5', status: 'present', leftAt: '10:30' },
    ];
    const q = computeQuorum(nine, marks, DEFAULT_RULES, roleOf);
    expect(q).toMatchObject({ presentVoting: 4, quorate: false, presentMembers: 4 });
    expect(q.triad.public).toBe(4);
  });

  it('guests never count toward the quorum but appear in the triad counts', () => {
    const localRoles: Record<string, TriadRole> = {
      g1: 'user',
      g2: 'provider',
      g3: 'commissioner',
    };
    const marks: Mark[] = [
      ...present('m1', 'm2', 'm3', 'm4'),
      { personId: 'g1', status: 'guest' },
      { personId: 'g2', status: 'guest' },
      { personId: 'g3', status: 'guest', leftAt: '10:00' },
    ];
    const q = computeQuorum(nine, marks, DEFAULT_RULES, (id) => localRoles[id] ?? 'public');
    expect(q).toMatchObject({ presentVoting: 4, quorate: false, guests: 2, presentMembers: 4 });
    expect(q.triad).toEqual({ commissioner: 0, provider: 1, user: 1, public: 4 });
  });

  it('triad counts use the substitute’s own role, not the member’s', () => {
    const localRoles: Record<string, TriadRole> = {
      m1: 'commissioner',
      m2: 'provider',
      s2: 'user',
      m3: 'provider',
    };
    const members = voting(3);
    const marks: Mark[] = [
      ...present('m1'),
      { personId: 'm2', status: 'substituted', substituteId: 's2' },
      { personId: 'm3', status: 'excused' },
    ];
    const q = computeQuorum(members, marks, DEFAULT_RULES, (id) => localRoles[id]);
    expect(q.triad).toEqual({ commissioner: 1, provider: 0, user: 1, public: 0 });
    expect(q).toMatchObject({ votingMembers: 3, required: 2, presentVoting: 2, quorate: true });
  });

  it('people with an unknown role are counted in the room but not in the triad', () => {
    const q = computeQuorum(voting(2), present('m1', 'm2'), DEFAULT_RULES, () => undefined);
    expect(q.presentVoting).toBe(2);
    expect(q.triad).toEqual({ commissioner: 0, provider: 0, user: 0, public: 0 });
  });

  it('attendance of people who are not members (and not guests) is ignored', () => {
    const q = computeQuorum(voting(3), present('x1', 'x2', 'm1'), DEFAULT_RULES, roleOf);
    expect(q).toMatchObject({ presentVoting: 1, presentMembers: 1, guests: 0 });
    expect(q.triad.public).toBe(1);
  });

  it('zero voting members is never quorate', () => {
    const q = computeQuorum(
      [{ personId: 'a', votingRight: false }],
      present('a'),
      DEFAULT_RULES,
      roleOf,
    );
    expect(q).toMatchObject({
      votingMembers: 0,
      required: 0,
      presentVoting: 0,
      quorate: false,
      presentMembers: 1,
    });
    expect(computeQuorum([], [], DEFAULT_RULES, roleOf).quorate).toBe(false);
  });

  it('uses the body’s own share: at least 2/3 of 12 needs 8', () => {
    const rules = { quorum: { numerator: 2, denominator: 3, strict: false } };
    const twelve = voting(12);
    expect(
      computeQuorum(twelve, present('m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'), rules, roleOf),
    ).toMatchObject({ required: 8, quorate: false });
    expect(
      computeQuorum(twelve, present('m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8'), rules, roleOf),
    ).toMatchObject({ required: 8, quorate: true });
  });
});

describe('isInRoom', () => {
  it('present, substituted and guest are in the room until they leave', () => {
    expect(isInRoom({ status: 'present' })).toBe(true);
    expect(isInRoom({ status: 'substituted' })).toBe(true);
    expect(isInRoom({ status: 'guest' })).toBe(true);
    expect(isInRoom({ status: 'present', leftAt: '10:00' })).toBe(false);
    expect(isInRoom({ status: 'excused' })).toBe(false);
    expect(isInRoom({ status: 'absent' })).toBe(false);
  });
});

describe('unexcusedAbsenceStreak', () => {
  it('counts absences from the newest meeting back', () => {
    expect(unexcusedAbsenceStreak([])).toBe(0);
    expect(unexcusedAbsenceStreak(['absent', 'absent', 'absent'])).toBe(3);
    expect(unexcusedAbsenceStreak(['absent', 'absent', 'present', 'absent'])).toBe(2);
    expect(unexcusedAbsenceStreak(['present', 'absent', 'absent', 'absent'])).toBe(0);
  });
  it('meetings without a record are skipped, neither counted nor breaking', () => {
    expect(unexcusedAbsenceStreak([undefined, 'absent', undefined, 'absent', 'absent'])).toBe(3);
    expect(unexcusedAbsenceStreak([undefined, undefined])).toBe(0);
  });
  it('an excused absence breaks the streak', () => {
    expect(unexcusedAbsenceStreak(['absent', 'excused', 'absent', 'absent'])).toBe(1);
    expect(unexcusedAbsenceStreak(['excused', 'absent', 'absent'])).toBe(0);
  });
  it('being substituted or a guest also breaks it', () => {
    expect(unexcusedAbsenceStreak(['absent', 'substituted', 'absent'])).toBe(1);
    expect(unexcusedAbsenceStreak(['absent', 'absent', 'guest', 'absent'])).toBe(2);
  });
});
