// A closed, named roll-call poll of a generated meeting (tests/bench/fixtures.ts): every member
// in the room with a vote casts one ballot, the result is counted by the voting engine and stored
// as closePoll (renderer/src/db/polls/polls.ts) stores it, so a restore's consistency check
// (shared/backup/pollConsistency.ts) recounts the same result.
import type {
  AgendaItem,
  Attendance,
  BallotRecord,
  Body,
  Meeting,
  Membership,
  PollRecord,
  Resolution,
  TriadRole,
} from '@shared/domain';
import { pollDefinition, pollInput } from '@shared/domain';
import type { Ballot, EntitlementSnapshot } from '@shared/voting';
import { checkQuorum, countPoll, summarizeSnapshot } from '@shared/voting';

const IN_ROOM = new Set(['present', 'substituted']);

export function rollCallPoll(input: {
  rnd: () => number;
  newId: () => string;
  meeting: Meeting;
  body: Body;
  item: AgendaItem;
  resolution: Resolution;
  active: readonly Membership[];
  attendance: readonly Attendance[];
  triadOf: ReadonlyMap<string, TriadRole>;
}): { poll: PollRecord; ballots: BallotRecord[] } {
  const { rnd, newId, meeting, body, item, resolution } = input;
  const at = `${meeting.date}T${meeting.timeFrom}:00.000Z`;
  const stamp = { createdAt: at, updatedAt: at };
  const statusOf = new Map(input.attendance.map((a) => [a.personId, a]));
  const definition = pollDefinition(
    pollInput.parse({ title: resolution.text.slice(0, 120), method: 'resolution', secret: false }),
    [],
    body.rules,
  );

  const members = input.active.map((m) => {
    const a = statusOf.get(m.personId);
    const role =
      a?.status === 'substituted' && a.substituteId
        ? input.triadOf.get(a.substituteId)
        : input.triadOf.get(m.personId);
    return {
      voterId: m.personId,
      ...(role ? { role } : {}),
      entitled: m.votingRight,
      present: !!a && IN_ROOM.has(a.status),
    };
  });
  const voters = members.filter((m) => m.entitled && m.present).map((m) => m.voterId);
  const pollId = newId();
  const ballots: BallotRecord[] = voters.map((voterId) => {
    const r = rnd();
    const ballot: Ballot = {
      kind: 'individual',
      voterId,
      vote: r < 0.8 ? 'yes' : r < 0.9 ? 'no' : 'abstain',
    };
    return { id: newId(), pollId, source: 'rollCall', ballot, ...stamp };
  });
  const voted = new Set(voters);
  const snapshot: EntitlementSnapshot = {
    takenAt: at,
    members: members.map((m) => ({ ...m, voted: voted.has(m.voterId) })),
  };
  const result = countPoll(
    { ...definition, quorum: undefined },
    ballots.map((b) => b.ballot),
    snapshot,
  );
  const quorum = definition.quorum
    ? checkQuorum(definition.quorum, summarizeSnapshot(snapshot))
    : null;
  if (result.method === 'resolution') {
    const { yes, no, abstain } = result.counts;
    resolution.result = { kind: 'vote', yes, no, abstain };
    resolution.outcome = yes > no ? 'passed' : 'rejected';
  }
  resolution.pollId = pollId;
  const poll: PollRecord = {
    id: pollId,
    meetingId: meeting.id,
    bodyId: body.id,
    agendaItemId: item.id,
    title: resolution.text.slice(0, 120),
    secret: false,
    status: 'closed',
    options: [],
    definition,
    voters: [...voters].sort(),
    openedAt: at,
    closedAt: at,
    snapshot,
    result: { ...result, quorum } as PollRecord['result'],
    resolutionId: resolution.id,
    ...stamp,
  };
  return { poll, ballots };
}
