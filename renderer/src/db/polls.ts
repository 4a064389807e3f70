import type {
  BallotRecord,
  BallotSource,
  PollInput,
  PollRecord,
  Resolution,
  ResolutionVerb,
} from '@shared/domain';
import {
  ballotVoters,
  evaluateResolution,
  pollDefinition,
  pollInput,
  RESOLUTION_VERBS,
} from '@shared/domain';
import type { Ballot, EntitlementSnapshot } from '@shared/voting';
import { checkQuorum, countPoll, summarizeSnapshot, validateBallot } from '@shared/voting';
import { newId, nowIso } from './clock';
import { DomainError, parseOrThrow } from './errors';
import { editableMeeting } from './guard';
import { entitlementSnapshot, newResolutionStub } from './resolutions';
import type { AppDb } from './schema';

const ROOM = (db: AppDb) => [
  db.polls,
  db.ballots,
  db.meetings,
  db.bodies,
  db.agendaItems,
  db.attendance,
  db.memberships,
  db.people,
  db.organizations,
  db.resolutions,
];

async function openPollOf(db: AppDb, pollId: string): Promise<PollRecord> {
  const poll = await db.polls.get(pollId);
  if (!poll) throw new DomainError('errors.notFound');
  if (poll.status !== 'open') throw new DomainError('errors.pollNotOpen');
  return poll;
}

export async function createPoll(
  db: AppDb,
  agendaItemId: string,
  input: PollInput,
): Promise<PollRecord> {
  const data = parseOrThrow(pollInput, input);
  return db.transaction('rw', [db.polls, db.agendaItems, db.meetings, db.bodies], async () => {
    const item = await db.agendaItems.get(agendaItemId);
    if (!item) throw new DomainError('errors.notFound');
    const meeting = await editableMeeting(db, item.meetingId);
    const body = await db.bodies.get(meeting.bodyId);
    if (!body) throw new DomainError('errors.unknownBody');
    const options = data.options.map((label) => ({ id: newId(), label }));
    const definition = pollDefinition(data, options, body.rules);
    const now = nowIso();
    const poll: PollRecord = {
      id: newId(),
      meetingId: meeting.id,
      bodyId: body.id,
      agendaItemId,
      title: data.title,
      secret: data.secret,
      status: 'draft',
      options,
      definition,
      voters: [],
      createdAt: now,
      updatedAt: now,
    };
    await db.polls.add(poll);
    return poll;
  });
}

/** Opens the poll and puts it on the projector. */
export async function openPoll(db: AppDb, pollId: string): Promise<void> {
  await db.transaction('rw', db.polls, db.meetings, async () => {
    const poll = await db.polls.get(pollId);
    if (!poll) throw new DomainError('errors.notFound');
    await editableMeeting(db, poll.meetingId);
    if (poll.status !== 'draft') throw new DomainError('errors.pollNotDraft');
    const now = nowIso();
    await db.polls.update(pollId, { status: 'open', openedAt: now, updatedAt: now });
    await db.meetings.update(poll.meetingId, { currentPollId: pollId });
  });
}

/** Voters who may still cast a ballot now: present, entitled, not yet voted. */
export function eligibleVoters(
  snapshot: EntitlementSnapshot,
  poll: Pick<PollRecord, 'voters'>,
): string[] {
  const voted = new Set(poll.voters);
  return snapshot.members
    .filter((m) => m.entitled && m.present && !voted.has(m.voterId))
    .map((m) => m.voterId);
}

const CHOICE_FIELD: Record<PollRecord['definition']['method'], string> = {
  resolution: 'vote',
  singleChoice: 'choices',
  approval: 'choices',
  points: 'points',
  borda: 'ranking',
  schulze: 'ranking',
  score: 'scores',
};

/**
 * One person's ballot (roll call, the kiosk or a phone). The voter must be present with a
 * vote and not have voted yet; the ballot must pass the engine's checks. A secret ballot is
 * stored without voter, role or time of casting: only the poll's sorted voter list changes.
 */
export async function castBallot(
  db: AppDb,
  pollId: string,
  voterId: string,
  choice: Record<string, unknown>,
  source: BallotSource,
): Promise<void> {
  await db.transaction('rw', ROOM(db), async () => {
    const poll = await openPollOf(db, pollId);
    await editableMeeting(db, poll.meetingId);
    const snapshot = await entitlementSnapshot(db, poll.meetingId);
    const member = snapshot.members.find((m) => m.voterId === voterId);
    if (!member || !member.entitled) throw new DomainError('errors.notEntitled');
    if (!member.present) throw new DomainError('errors.notPresent');
    if (poll.voters.includes(voterId)) throw new DomainError('errors.alreadyVoted');
    if (poll.secret && source === 'rollCall') throw new DomainError('errors.rollCallSecret');
    // Only the method's own field is taken from the choice: it can't name a voter or pose as a hand count.
    const field = CHOICE_FIELD[poll.definition.method];
    const own = { [field]: choice[field] };
    const ballot = (
      poll.secret
        ? { ...own, kind: 'individual' }
        : { ...own, kind: 'individual', voterId, ...(member.role ? { role: member.role } : {}) }
    ) as Ballot;
    const check = validateBallot(poll.definition, ballot);
    if (!check.valid) throw new DomainError(`errors.ballot.${check.issues[0]!.code}`);
    const now = nowIso();
    const stamp = poll.secret ? (poll.openedAt ?? now) : now;
    await db.ballots.add({
      id: newId(),
      pollId,
      source,
      ballot,
      createdAt: stamp,
      updatedAt: stamp,
    });
    await db.polls.update(pollId, { voters: [...poll.voters, voterId].sort(), updatedAt: now });
  });
}

/** Counts the chair typed for the whole room or the rest of it (a hand-count block). */
export async function addHandCount(
  db: AppDb,
  pollId: string,
  aggregate: Record<string, unknown>,
): Promise<void> {
  await db.transaction('rw', ROOM(db), async () => {
    const poll = await openPollOf(db, pollId);
    await editableMeeting(db, poll.meetingId);
    const ballot = { kind: 'aggregate', ...aggregate } as Ballot;
    const check = validateBallot(poll.definition, ballot);
    if (!check.valid) throw new DomainError(`errors.ballot.${check.issues[0]!.code}`);
    const snapshot = await entitlementSnapshot(db, poll.meetingId);
    const present = snapshot.members.filter((m) => m.entitled && m.present).length;
    const existing = await db.ballots.where('pollId').equals(pollId).toArray();
    const counted = existing.reduce((n, b) => n + ballotVoters(b.ballot), 0) + ballotVoters(ballot);
    if (counted > present)
      throw new DomainError('errors.votesExceedPresent', { votes: counted, present });
    const now = nowIso();
    await db.ballots.add({
      id: newId(),
      pollId,
      source: 'hand',
      ballot,
      createdAt: now,
      updatedAt: now,
    });
  });
}

export async function removeHandCount(db: AppDb, ballotId: string): Promise<void> {
  await db.transaction('rw', db.ballots, db.polls, db.meetings, async () => {
    const b = await db.ballots.get(ballotId);
    if (!b || b.source !== 'hand') return;
    const poll = await openPollOf(db, b.pollId);
    await editableMeeting(db, poll.meetingId);
    await db.ballots.delete(ballotId);
  });
}

export interface CloseOptions {
  verb: ResolutionVerb;
  text: string;
  chairCastingVote?: 'yes' | 'no';
}

/**
 * Closes the poll: freezes who was entitled and present, counts, stores the result with the
 * rule applied, and writes the item's resolution (vote counts, or the ranked list for option polls).
 */
export async function closePoll(
  db: AppDb,
  pollId: string,
  close: CloseOptions,
): Promise<Resolution> {
  if (!close.text.trim()) throw new DomainError('errors.required');
  if (!RESOLUTION_VERBS.includes(close.verb)) throw new DomainError('errors.invalid');
  return db.transaction('rw', ROOM(db), async () => {
    const poll = await openPollOf(db, pollId);
    const meeting = await editableMeeting(db, poll.meetingId);
    const body = await db.bodies.get(poll.bodyId);
    if (!body) throw new DomainError('errors.unknownBody');
    const live = await entitlementSnapshot(db, poll.meetingId);
    const voted = new Set(poll.voters);
    const snapshot: EntitlementSnapshot = {
      takenAt: nowIso(),
      members: live.members.map((m) => ({ ...m, voted: voted.has(m.voterId) })),
    };
    const memberSnapshot: EntitlementSnapshot = {
      takenAt: snapshot.takenAt,
      members: snapshot.members.filter((m) => !live.guestIds.has(m.voterId)),
    };
    const ballots = (await db.ballots.where('pollId').equals(pollId).toArray()).map(
      (b) => b.ballot,
    );
    const definition =
      poll.definition.method === 'resolution' && close.chairCastingVote
        ? { ...poll.definition, chairCastingVote: close.chairCastingVote }
        : poll.definition;
    // The engine checks the quorum on members only; guests with a vote are in `snapshot` for the count.
    const result = countPoll({ ...definition, quorum: undefined }, ballots, snapshot);
    const quorum = definition.quorum
      ? checkQuorum(definition.quorum, summarizeSnapshot(memberSnapshot))
      : null;
    const now = nowIso();
    const base = {
      ...(await newResolutionStub(db, meeting, body, poll.agendaItemId)),
      verb: close.verb,
      text: close.text.trim().slice(0, 4000),
      pollId,
    };
    let resolution: Resolution;
    if (result.method === 'resolution') {
      const { yes, no, abstain } = result.counts;
      const voteResult = {
        kind: 'vote' as const,
        yes,
        no,
        abstain,
        ...(close.chairCastingVote ? { chairCastingVote: close.chairCastingVote } : {}),
      };
      // Who voted was in the room when voting, even if they have left since.
      const asVoted: EntitlementSnapshot = {
        ...snapshot,
        members: snapshot.members.map((m) => ({ ...m, present: m.present || !!m.voted })),
      };
      const evaluated = evaluateResolution(voteResult, body.rules, asVoted, live.guestIds);
      resolution = {
        ...base,
        result: voteResult,
        outcome: evaluated.outcome,
        decision: evaluated.decision,
      };
    } else {
      const quorate = quorum?.met ?? true;
      resolution = { ...base, result: { kind: 'poll' }, outcome: quorate ? 'passed' : 'noQuorum' };
    }
    await db.resolutions.add(resolution);
    await db.polls.update(pollId, {
      status: 'closed',
      closedAt: now,
      snapshot,
      result: { ...result, quorum },
      resolutionId: resolution.id,
      updatedAt: now,
    });
    return resolution;
  });
}

/** A poll that has not been closed can be thrown away with its ballots. */
export async function removePoll(db: AppDb, pollId: string): Promise<void> {
  await db.transaction('rw', db.polls, db.ballots, db.meetings, async () => {
    const poll = await db.polls.get(pollId);
    if (!poll) return;
    if (poll.status === 'closed') throw new DomainError('errors.pollClosed');
    await editableMeeting(db, poll.meetingId);
    await db.ballots.where('pollId').equals(pollId).delete();
    await db.polls.delete(pollId);
    await db.meetings
      .where('id')
      .equals(poll.meetingId)
      .modify((m) => {
        if (m.currentPollId === pollId) delete m.currentPollId;
      });
  });
}

export type { BallotRecord };
