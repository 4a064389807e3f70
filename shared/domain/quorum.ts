import type { Attendance, AttendanceStatus } from './attendance';
import { isInRoom } from './attendance';
import type { RulesOfProcedure } from './rules';
import { requiredCount } from './rules';
import type { TriadRole } from './triad';
import { emptyTriadCounts } from './triad';

export interface QuorumMember {
  personId: string;
  votingRight: boolean;
}

export interface QuorumState {
  /** Members of the body with a vote on the meeting day: the base of the quorum. */
  votingMembers: number;
  /** Voting members in the room, in person or through a substitute. */
  presentVoting: number;
  required: number;
  quorate: boolean;
  /** Everyone in the room by their own triad role (members, substitutes and guests). */
  triad: Record<TriadRole, number>;
  presentMembers: number;
  guests: number;
}

/**
 * Live quorum of a meeting (usnášeníschopnost). A member counts when marked present and not
 * yet gone, or when substituted by someone who is in the room; guests never count.
 */
export function computeQuorum(
  members: readonly QuorumMember[],
  attendance: readonly Pick<Attendance, 'personId' | 'status' | 'substituteId' | 'leftAt'>[],
  rules: Pick<RulesOfProcedure, 'quorum'>,
  roleOf: (personId: string) => TriadRole | undefined,
): QuorumState {
  const byPerson = new Map(attendance.map((a) => [a.personId, a]));
  const memberIds = new Set(members.map((m) => m.personId));
  let presentVoting = 0;
  let presentMembers = 0;
  let guests = 0;
  const triad = emptyTriadCounts();
  const count = (personId: string) => {
    const role = roleOf(personId);
    if (role) triad[role]++;
  };

  for (const m of members) {
    const a = byPerson.get(m.personId);
    if (!a || !isInRoom(a)) continue;
    presentMembers++;
    if (m.votingRight) presentVoting++;
    count(a.status === 'substituted' && a.substituteId ? a.substituteId : m.personId);
  }
  for (const a of attendance) {
    if (a.status === 'guest' && !memberIds.has(a.personId) && isInRoom(a)) {
      guests++;
      count(a.personId);
    }
  }

  const votingMembers = members.filter((m) => m.votingRight).length;
  const required = votingMembers === 0 ? 0 : requiredCount(rules.quorum, votingMembers);
  return {
    votingMembers,
    presentVoting,
    required,
    quorate: votingMembers > 0 && presentVoting >= required,
    triad,
    presentMembers,
    guests,
  };
}

/**
 * Unexcused absences in a row, most recent first: the streak the absence rule warns about.
 * `history` lists the member's status at the body's earlier meetings, newest first; a
 * meeting without a record breaks nothing and counts nothing.
 */
export function unexcusedAbsenceStreak(history: readonly (AttendanceStatus | undefined)[]): number {
  let streak = 0;
  for (const status of history) {
    if (status === undefined) continue;
    if (status !== 'absent') break;
    streak++;
  }
  return streak;
}
