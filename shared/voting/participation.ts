// Participation: ballots received vs people entitled / present / recorded as voting.
import { ratio, type Ratio } from './arithmetic';
import type { SnapshotSummary } from './snapshot';
import type { Unit } from './units';

export type ParticipationWarning =
  /** More people in the counted ballots than voting members present. */
  | 'MORE_VOTERS_THAN_PRESENT'
  /** More people in the counted ballots than voting members at all. */
  | 'MORE_VOTERS_THAN_ENTITLED'
  /** More people in the counted ballots than the snapshot marks as having voted. */
  | 'MORE_VOTERS_THAN_RECORDED';

export interface Participation {
  /** Ballot objects received (individual ballots and hand-count blocks). */
  ballotsSubmitted: number;
  validBallots: number;
  rejectedBallots: number;
  /** People represented by the valid ballots (a hand count adds its voters). */
  votersRepresented: number;
  /** Of those, blank ballots / abstentions. */
  blank: number;
  /** Valid individual ballots. */
  individualBallots: number;
  /** People counted through hand-count blocks. */
  aggregateVoters: number;
  /** From the snapshot (null without a snapshot). */
  votingMembers: number | null;
  presentVoting: number | null;
  votedMembers: number | null;
  /** votersRepresented / votingMembers. */
  turnout: Ratio | null;
  /** votersRepresented / presentVoting. */
  turnoutOfPresent: Ratio | null;
  warnings: ParticipationWarning[];
}

export function participation(
  submitted: number,
  accepted: readonly { kind: 'individual' | 'aggregate'; units: readonly Unit[] }[],
  snapshot: SnapshotSummary | undefined,
): Participation {
  let votersRepresented = 0;
  let blank = 0;
  let individualBallots = 0;
  let aggregateVoters = 0;
  for (const a of accepted) {
    const voters = a.units.reduce((s, u) => s + u.voters, 0);
    votersRepresented += voters;
    blank += a.units.reduce((s, u) => s + u.blank, 0);
    if (a.kind === 'individual') individualBallots += 1;
    else aggregateVoters += voters;
  }
  const warnings: ParticipationWarning[] = [];
  if (snapshot) {
    if (votersRepresented > snapshot.presentVoting) warnings.push('MORE_VOTERS_THAN_PRESENT');
    if (votersRepresented > snapshot.votingMembers) warnings.push('MORE_VOTERS_THAN_ENTITLED');
    if (snapshot.votedMembers !== null && votersRepresented > snapshot.votedMembers) {
      warnings.push('MORE_VOTERS_THAN_RECORDED');
    }
  }
  return {
    ballotsSubmitted: submitted,
    validBallots: accepted.length,
    rejectedBallots: submitted - accepted.length,
    votersRepresented,
    blank,
    individualBallots,
    aggregateVoters,
    votingMembers: snapshot?.votingMembers ?? null,
    presentVoting: snapshot?.presentVoting ?? null,
    votedMembers: snapshot?.votedMembers ?? null,
    turnout: snapshot ? ratio(votersRepresented, snapshot.votingMembers) : null,
    turnoutOfPresent: snapshot ? ratio(votersRepresented, snapshot.presentVoting) : null,
    warnings,
  };
}
