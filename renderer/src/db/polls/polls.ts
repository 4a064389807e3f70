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
  firstPlaceTie,
  isSafeText,
  pollDefinition,
  pollInput,
  RESOLUTION_VERBS,
} from '@shared/domain';
import type { Ballot, EntitlementSnapshot, OptionsPoll, Poll } from '@shared/voting';
import {
  checkQuorum,
  countPoll,
  PollSchema,
  summarizeSnapshot,
  validateBallot,
} from '@shared/voting';
import { newId, nowIso } from '../clock';
import { DomainError, parseOrThrow } from '../errors';
import { editableMeeting } from '../guard';
import { entitlementSnapshot, newResolutionStub, type RoomSnapshot } from '../meetings/resolutions';
import type { AppDb } from '../schema';

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
      ...(data.anonymous ? { anonymous: true } : {}),
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
 * Stores one person's ballot inside the caller's transaction. A named ballot carries its voter,
 * role and time. A secret ballot carries none of them: marking the voter as having voted (the
 * poll's sorted voter list) and the ballot are written together, the ballot's id is random and
 * it has no time (its time is the poll's closing), so neither its place nor its fields tell
 * who cast it or when. An anonymous ballot (public meeting, no member) names nobody either.
 */
/**
 * The checks and the record of one person's ballot, without writing anything: `voted` is the
 * poll's voters as the caller knows them (a batch adds each voter it accepts).
 */
function prepareIndividual(
  poll: PollRecord,
  voted: ReadonlySet<string>,
  voterId: string | undefined,
  choice: Record<string, unknown>,
  source: BallotSource,
  snapshot: RoomSnapshot,
): { record: BallotRecord; voterId?: string } {
  let member: (typeof snapshot.members)[number] | undefined;
  if (poll.anonymous) {
    // Members vote in the body's polls; the public's poll takes only the hub's device ballots.
    if (voterId !== undefined || source !== 'phone') throw new DomainError('errors.anonymousPoll');
  } else {
    member = snapshot.members.find((m) => m.voterId === voterId);
    if (!member || !member.entitled) throw new DomainError('errors.notEntitled');
    if (!member.present) throw new DomainError('errors.notPresent');
    if (voted.has(member.voterId)) throw new DomainError('errors.alreadyVoted');
  }
  if (poll.secret && source === 'rollCall') throw new DomainError('errors.rollCallSecret');
  // Only the method's own field is taken from the choice: it can't name a voter or pose as a hand count.
  const field = CHOICE_FIELD[poll.definition.method];
  const own = { [field]: choice[field] };
  const ballot = (
    poll.secret || !member
      ? { ...own, kind: 'individual' }
      : {
          ...own,
          kind: 'individual',
          voterId: member.voterId,
          ...(member.role ? { role: member.role } : {}),
        }
  ) as Ballot;
  // The engine checks presence and entitlement too, not only the lines above.
  const check = validateBallot(poll.definition, ballot, { snapshot });
  if (!check.valid) throw new DomainError(`errors.ballot.${check.issues[0]!.code}`);
  const now = nowIso();
  return {
    record: {
      id: newId(),
      pollId: poll.id,
      source,
      ballot,
      ...(poll.secret ? {} : { createdAt: now, updatedAt: now }),
    },
    ...(member ? { voterId: member.voterId } : {}),
  };
}

/**
 * Stores one person's ballot inside the caller's transaction. A named ballot carries its voter,
 * role and time. A secret ballot carries none of them: marking the voter as having voted (the
 * poll's sorted voter list) and the ballot are written together, the ballot's id is random and
 * it has no time (its time is the poll's closing), so neither its place nor its fields tell
 * who cast it or when. An anonymous ballot (public meeting, no member) names nobody either.
 */
async function storeIndividual(
  db: AppDb,
  poll: PollRecord,
  voterId: string | undefined,
  choice: Record<string, unknown>,
  source: BallotSource,
): Promise<void> {
  const snapshot = await entitlementSnapshot(db, poll.meetingId);
  const { record, voterId: voter } = prepareIndividual(
    poll,
    new Set(poll.voters),
    voterId,
    choice,
    source,
    snapshot,
  );
  await db.ballots.add(record);
  const update: Partial<PollRecord> = { updatedAt: nowIso() };
  if (voter) update.voters = [...poll.voters, voter].sort();
  await db.polls.update(poll.id, update);
}

/**
 * One person's ballot (roll call or the kiosk). The voter must be present with a vote and not
 * have voted yet (from a phone either); the ballot must pass the engine's checks.
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
    await storeIndividual(db, poll, voterId, choice, source);
  });
}

/** A phone ballot as the voting hub hands it over: its own id, whose it is, what it says. */
export interface HubBallot {
  /** The hub's id of this ballot: a resend carries the same id. */
  id: string;
  pollId: string;
  /** The member behind the join code; absent in an anonymous poll. */
  voterId?: string;
  choice: Record<string, unknown>;
}

/** What the phone is told: stored (also for a resend of a stored ballot) or why not (an i18n key). */
export type HubBallotOutcome = { ok: true; duplicate: boolean } | { ok: false; code: string };

/**
 * Stores a ballot from a phone and says what to acknowledge. Resolves only after the
 * transaction has committed, so the hub is told "stored" only for a ballot that is on disk.
 * A resend of a stored ballot (same hub id) gets the same answer and writes nothing; a second
 * ballot of the same member (from the phone or the kiosk) is refused.
 */
export async function storeHubBallot(db: AppDb, hub: HubBallot): Promise<HubBallotOutcome> {
  return (await storeHubBallots(db, [hub]))[0]!;
}

/**
 * Phone ballots that arrived together, stored in ONE transaction with one answer each, in
 * order: 200 phones voting at once are a few transactions (and a few re-runs of the room's live
 * queries), not 200. A refused ballot (voted already, poll closed…) does not stop the others;
 * nothing of the batch is stored unless the transaction commits.
 */
export async function storeHubBallots(
  db: AppDb,
  hubs: readonly HubBallot[],
): Promise<HubBallotOutcome[]> {
  return db.transaction('rw', ROOM(db), async () => {
    const out: HubBallotOutcome[] = new Array<HubBallotOutcome>(hubs.length);
    const byPoll = new Map<string, number[]>();
    hubs.forEach((hub, i) => {
      const list = byPoll.get(hub.pollId);
      if (list) list.push(i);
      else byPoll.set(hub.pollId, [i]);
    });
    // Per poll of the batch: the poll, the meeting and the room read once, every ballot checked
    // against them (and against the ones accepted before it), then ONE bulk write of the
    // ballots and one of the poll's voters and receipts. The audit then chains the poll's
    // change once, not once per ballot.
    for (const [pollId, indexes] of byPoll) {
      const refuse = (e: unknown) => {
        if (!(e instanceof DomainError)) throw e;
        for (const i of indexes) out[i] ??= { ok: false, code: e.code };
      };
      const poll = await db.polls.get(pollId);
      // A resend of a stored ballot is answered as before, even once the poll has closed.
      const receipts = new Set(poll?.receipts ?? []);
      for (const i of indexes)
        if (receipts.has(hubs[i]!.id)) out[i] = { ok: true, duplicate: true };
      if (indexes.every((i) => out[i])) continue;
      let open: PollRecord;
      let snapshot: RoomSnapshot;
      try {
        open = await openPollOf(db, pollId);
        await editableMeeting(db, open.meetingId);
        snapshot = await entitlementSnapshot(db, open.meetingId);
      } catch (e) {
        refuse(e);
        continue;
      }
      const voted = new Set(open.voters);
      const records: BallotRecord[] = [];
      for (const i of indexes) {
        const hub = hubs[i]!;
        if (out[i]) continue;
        // The same id twice in one batch (delivered again after a reconnect): stored once.
        if (receipts.has(hub.id)) {
          out[i] = { ok: true, duplicate: true };
          continue;
        }
        try {
          const r = prepareIndividual(open, voted, hub.voterId, hub.choice, 'phone', snapshot);
          records.push(r.record);
          if (r.voterId) voted.add(r.voterId);
          receipts.add(hub.id);
          out[i] = { ok: true, duplicate: false };
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          out[i] = { ok: false, code: e.code };
        }
      }
      if (!records.length) continue;
      await db.ballots.bulkAdd(records);
      const update: Partial<PollRecord> = { updatedAt: nowIso(), receipts: [...receipts].sort() };
      if (voted.size !== open.voters.length) update.voters = [...voted].sort();
      await db.polls.update(pollId, update);
    }
    return out;
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
    // The public at a public meeting is not counted at the door: no cap by members present.
    if (!poll.anonymous) {
      const snapshot = await entitlementSnapshot(db, poll.meetingId);
      const present = snapshot.members.filter((m) => m.entitled && m.present).length;
      const existing = await db.ballots.where('pollId').equals(pollId).toArray();
      const counted =
        existing.reduce((n, b) => n + ballotVoters(b.ballot), 0) + ballotVoters(ballot);
      if (counted > present)
        throw new DomainError('errors.votesExceedPresent', { votes: counted, present });
    }
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
  if (close.text.trim().length > 4000) throw new DomainError('errors.tooLong');
  if (!isSafeText(close.text)) throw new DomainError('errors.unsafeText');
  if (!RESOLUTION_VERBS.includes(close.verb)) throw new DomainError('errors.invalid');
  return db.transaction('rw', ROOM(db), async () => {
    const poll = await openPollOf(db, pollId);
    const meeting = await editableMeeting(db, poll.meetingId);
    const body = await db.bodies.get(poll.bodyId);
    if (!body) throw new DomainError('errors.unknownBody');
    const live = await entitlementSnapshot(db, poll.meetingId);
    const voted = new Set(poll.voters);
    const takenAt = nowIso();
    // The quorum is of members present now; guests with a vote count only as votes.
    const memberSnapshot: EntitlementSnapshot = {
      takenAt,
      members: live.members.filter((m) => !live.guestIds.has(m.voterId)),
    };
    // Who voted was in the room when voting, even if they have left since: the count (and the
    // stored snapshot a recount uses) treats them as present, so their ballots stay valid.
    const snapshot: EntitlementSnapshot = {
      takenAt,
      members: live.members.map((m) => {
        const v = voted.has(m.voterId);
        return { ...m, present: m.present || v, voted: v };
      }),
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
    const quorum =
      definition.quorum && !poll.anonymous
        ? checkQuorum(definition.quorum, summarizeSnapshot(memberSnapshot))
        : null;
    const now = nowIso();
    const base = {
      ...(await newResolutionStub(db, meeting, body, poll.agendaItemId)),
      verb: close.verb,
      text: close.text.trim(),
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
      const evaluated = evaluateResolution(voteResult, body.rules, snapshot, live.guestIds);
      resolution = {
        ...base,
        result: voteResult,
        outcome: evaluated.outcome,
        decision: evaluated.decision,
      };
    } else if (poll.anonymous) {
      // The public's result, not the group's: no quorum or majority of members decides it.
      resolution = { ...base, result: { kind: 'poll' }, outcome: 'publicResult' };
    } else {
      const quorate = quorum?.met ?? true;
      // A tie at first place is flagged on the resolution until the chair or a run-off settles it.
      const tie = firstPlaceTie({ result }).length > 0;
      resolution = {
        ...base,
        result: { kind: 'poll' },
        outcome: !quorate ? 'noQuorum' : tie ? 'tie' : 'passed',
      };
    }
    await db.resolutions.add(resolution);
    await db.polls.update(pollId, {
      status: 'closed',
      closedAt: now,
      // Kept with the casting vote, so a recount of the stored ballots gives the stored result.
      definition,
      snapshot,
      result: { ...result, quorum },
      resolutionId: resolution.id,
      updatedAt: now,
    });
    return resolution;
  });
}

async function tiedPoll(db: AppDb, pollId: string) {
  const poll = await db.polls.get(pollId);
  if (!poll) throw new DomainError('errors.notFound');
  const meeting = await editableMeeting(db, poll.meetingId);
  const tied = firstPlaceTie(poll);
  if (poll.status !== 'closed' || poll.definition.method === 'resolution' || tied.length === 0)
    throw new DomainError('errors.pollNoTie');
  if (poll.tieDecision || poll.runOffPollId) throw new DomainError('errors.tieSettled');
  return { poll, meeting, tied, definition: poll.definition as OptionsPoll };
}

/**
 * The chair settles a tie at first place: `order` is the tied options, best first. The poll is
 * recounted with the chair's order (the counted tie stays visible in the result), the decision
 * is recorded with who made it, and the item's resolution is no longer flagged as a tie.
 */
export async function decideTie(
  db: AppDb,
  pollId: string,
  decision: { order: string[]; by: string; personId?: string },
): Promise<void> {
  const by = decision.by.trim();
  if (!by) throw new DomainError('errors.required');
  await db.transaction('rw', ROOM(db), async () => {
    const { poll, tied, definition } = await tiedPoll(db, pollId);
    const order = decision.order;
    if (order.length !== tied.length || new Set(order).size !== order.length)
      throw new DomainError('errors.invalid');
    if (!order.every((id) => tied.includes(id))) throw new DomainError('errors.invalid');
    const decided: Poll = { ...definition, tieRule: 'chairDecides', chairTieBreak: order };
    const ballots = (await db.ballots.where('pollId').equals(pollId).toArray()).map(
      (b) => b.ballot,
    );
    const result = countPoll({ ...decided, quorum: undefined }, ballots, poll.snapshot);
    const now = nowIso();
    await db.polls.update(pollId, {
      definition: decided,
      result: { ...result, quorum: poll.result?.quorum ?? null },
      tieDecision: {
        by: by.slice(0, 200),
        ...(decision.personId ? { personId: decision.personId } : {}),
        order,
        decidedAt: now,
      },
      updatedAt: now,
    });
    if (poll.resolutionId) {
      const r = await db.resolutions.get(poll.resolutionId);
      if (r && r.outcome === 'tie')
        await db.resolutions.update(r.id, { outcome: 'passed', updatedAt: now });
    }
  });
}

/**
 * One click from a tie to a run-off: a new draft poll on the same item between the tied
 * options only, counted the same way. `title` is the question as the room should see it.
 */
export async function createRunOff(db: AppDb, pollId: string, title: string): Promise<PollRecord> {
  return db.transaction('rw', ROOM(db), async () => {
    const { poll, tied, definition } = await tiedPoll(db, pollId);
    const options = poll.options
      .filter((o) => tied.includes(o.id))
      .map((o) => ({ id: newId(), label: o.label }));
    const ids = options.map((o) => o.id);
    const { chairTieBreak: _c, tieRule: _t, ...rest } = definition;
    const runOff = { ...rest, options: ids } as OptionsPoll;
    if (runOff.method === 'approval' && runOff.maxChoices !== undefined)
      runOff.maxChoices = Math.min(runOff.maxChoices, ids.length);
    if ((runOff.method === 'borda' || runOff.method === 'schulze') && runOff.maxRanks !== undefined)
      runOff.maxRanks = Math.min(runOff.maxRanks, ids.length);
    const parsed = PollSchema.safeParse(runOff);
    if (!parsed.success) throw new DomainError('errors.invalid');
    const now = nowIso();
    const record: PollRecord = {
      id: newId(),
      meetingId: poll.meetingId,
      bodyId: poll.bodyId,
      agendaItemId: poll.agendaItemId,
      title: title.trim().slice(0, 300) || poll.title,
      secret: poll.secret,
      ...(poll.anonymous ? { anonymous: true } : {}),
      status: 'draft',
      options,
      definition: parsed.data,
      voters: [],
      runOffOf: poll.id,
      createdAt: now,
      updatedAt: now,
    };
    await db.polls.add(record);
    await db.polls.update(poll.id, { runOffPollId: record.id, updatedAt: now });
    return record;
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
    // Discarding a run-off leaves the tie open again (for the chair, or a new run-off).
    if (poll.runOffOf)
      await db.polls
        .where('id')
        .equals(poll.runOffOf)
        .modify((p) => {
          if (p.runOffPollId === pollId) delete p.runOffPollId;
        });
    await db.meetings
      .where('id')
      .equals(poll.meetingId)
      .modify((m) => {
        if (m.currentPollId === pollId) delete m.currentPollId;
      });
  });
}

export type { BallotRecord };

/**
 * The ballots of the closed named polls among `polls` (not secret, not the public's), by poll:
 * what the minutes list person by person. Secret and anonymous ballots name nobody and are not
 * read.
 */
export async function namedBallots(
  db: AppDb,
  polls: readonly PollRecord[],
): Promise<Map<string, BallotRecord[]>> {
  const named = polls.filter((p) => p.status === 'closed' && !p.secret && !p.anonymous);
  const out = new Map<string, BallotRecord[]>();
  if (!named.length) return out;
  for (const b of await db.ballots
    .where('pollId')
    .anyOf(named.map((p) => p.id))
    .toArray())
    out.set(b.pollId, [...(out.get(b.pollId) ?? []), b]);
  return out;
}
