// Consistency of a stored poll with its stored ballots, for backup validation: the app writes
// both in one transaction, so any disagreement means the record was edited or damaged.
// Pure: takes plain objects shaped like the stored records (shared/domain/poll.ts PollRecord,
// BallotRecord) without importing them, because shared/domain depends on this module.
import { countPoll } from './count';
import { PollSchema } from './poll-config';
import { EntitlementSnapshotSchema, type EntitlementSnapshot, type Poll } from './schema';
import { validateBallot, type BallotIssue } from './validate';

/** The fields of a stored poll (PollRecord) the check reads. */
export interface StoredPollLike {
  id: string;
  secret: boolean;
  /** A public meeting's vote, one per device: ballots name nobody and `voters` stays empty. */
  anonymous?: boolean;
  status: 'draft' | 'open' | 'closed';
  options?: readonly { id: string }[];
  definition: unknown;
  /** Who has voted, sorted; for a secret poll only that they did. */
  voters: readonly string[];
  snapshot?: unknown;
  result?: unknown;
}

/** The fields of a stored ballot (BallotRecord) the check reads. */
export interface StoredBallotLike {
  id: string;
  pollId: string;
  /** 'hand' for a hand-count block, otherwise one person's ballot (kiosk, roll call, phone). */
  source: string;
  ballot: unknown;
}

export type StoredPollProblemCode =
  /** The poll definition fails PollSchema. */
  | 'INVALID_DEFINITION'
  /** The poll's option list differs from the definition's option ids. */
  | 'OPTIONS_MISMATCH'
  /** A ballot belongs to another poll. */
  | 'BALLOT_OTHER_POLL'
  /** A draft poll holds ballots or voters. */
  | 'BALLOTS_ON_DRAFT'
  /** A hand count stored as one person's ballot, or the reverse. */
  | 'SOURCE_MISMATCH'
  /** The ballot is not valid for the poll's method (see `issues`). */
  | 'INVALID_BALLOT'
  /** A secret ballot names its voter or the voter's role. */
  | 'SECRET_BALLOT_NAMES_VOTER'
  /** A named poll's personal ballot without a voter. */
  | 'NAMED_BALLOT_WITHOUT_VOTER'
  /** The same voter twice, in the voter list or in the ballots. */
  | 'DUPLICATE_VOTER'
  /** The poll's voter list and its personal ballots disagree (who, or how many). */
  | 'VOTER_LIST_MISMATCH'
  /** A closed poll without its result or entitlement snapshot, or an unclosed poll with a result. */
  | 'RESULT_STATE'
  /** Recounting the stored ballots does not give the stored result. */
  | 'RESULT_MISMATCH';

export interface StoredPollProblem {
  code: StoredPollProblemCode;
  ballotId?: string;
  voterId?: string;
  /** For INVALID_BALLOT: the engine's reasons. */
  issues?: BallotIssue[];
  /** For RESULT_MISMATCH: the first differing field, e.g. 'counts' or 'finalRanking'. */
  field?: string;
}

/**
 * Every problem of one stored poll with its ballots; empty when they agree. Checks the
 * definition, that each ballot is valid for the method (validate.ts), that hand counts and
 * personal ballots are stored as such, that secret ballots carry no voter, that the voter list
 * matches the personal ballots, and for a closed poll that a recount equals the stored result.
 * `ballots` may include other polls' ballots; those are reported, not counted.
 */
export function checkBallotsAgainstPoll(
  poll: StoredPollLike,
  ballots: readonly StoredBallotLike[],
): StoredPollProblem[] {
  const problems: StoredPollProblem[] = [];
  const parsed = PollSchema.safeParse(poll.definition);
  if (!parsed.success) return [{ code: 'INVALID_DEFINITION' }];
  const definition = parsed.data;
  if (poll.options && definition.method !== 'resolution') {
    const ids = poll.options.map((o) => o.id);
    if (!sameList(ids, definition.options)) problems.push({ code: 'OPTIONS_MISMATCH' });
  }

  const own: StoredBallotLike[] = [];
  for (const b of ballots) {
    if (b.pollId !== poll.id) problems.push({ code: 'BALLOT_OTHER_POLL', ballotId: b.id });
    else own.push(b);
  }
  // The app reads ballots by poll index, i.e. in id order: the same order gives the same count.
  own.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (poll.status === 'draft' && (own.length > 0 || poll.voters.length > 0)) {
    problems.push({ code: 'BALLOTS_ON_DRAFT' });
  }

  const named: string[] = [];
  let personal = 0;
  for (const b of own) {
    const check = validateBallot(definition, b.ballot);
    if (!check.valid) {
      problems.push({ code: 'INVALID_BALLOT', ballotId: b.id, issues: check.issues });
      continue;
    }
    const ballot = check.ballot;
    if ((b.source === 'hand') !== (ballot.kind === 'aggregate')) {
      problems.push({ code: 'SOURCE_MISMATCH', ballotId: b.id });
    }
    if (ballot.kind !== 'individual') continue;
    personal += 1;
    if (poll.secret || poll.anonymous) {
      if (ballot.voterId !== undefined || ballot.role !== undefined)
        problems.push({ code: 'SECRET_BALLOT_NAMES_VOTER', ballotId: b.id });
    } else if (ballot.voterId === undefined) {
      problems.push({ code: 'NAMED_BALLOT_WITHOUT_VOTER', ballotId: b.id });
    } else {
      named.push(ballot.voterId);
    }
  }

  const listed = new Set<string>();
  for (const v of poll.voters) {
    if (listed.has(v)) problems.push({ code: 'DUPLICATE_VOTER', voterId: v });
    listed.add(v);
  }
  if (poll.anonymous) {
    // Nobody is listed: the hub allows one vote per device, members are not involved.
    if (!poll.secret || poll.voters.length > 0) problems.push({ code: 'VOTER_LIST_MISMATCH' });
  } else if (poll.secret) {
    if (personal !== poll.voters.length) problems.push({ code: 'VOTER_LIST_MISMATCH' });
  } else {
    const seen = new Set<string>();
    for (const v of named) {
      if (seen.has(v)) problems.push({ code: 'DUPLICATE_VOTER', voterId: v });
      else if (!listed.has(v)) problems.push({ code: 'VOTER_LIST_MISMATCH', voterId: v });
      seen.add(v);
    }
    for (const v of listed) {
      if (!seen.has(v)) problems.push({ code: 'VOTER_LIST_MISMATCH', voterId: v });
    }
  }

  problems.push(...resultProblems(poll, definition, own));
  return problems;
}

function resultProblems(
  poll: StoredPollLike,
  definition: Poll,
  own: readonly StoredBallotLike[],
): StoredPollProblem[] {
  if (poll.status !== 'closed') {
    return poll.result === undefined ? [] : [{ code: 'RESULT_STATE', field: 'result' }];
  }
  const stored = poll.result;
  const snapshot = EntitlementSnapshotSchema.safeParse(poll.snapshot);
  if (!isRecord(stored)) return [{ code: 'RESULT_STATE', field: 'result' }];
  if (!snapshot.success) return [{ code: 'RESULT_STATE', field: 'snapshot' }];
  if (stored.method !== definition.method) return [{ code: 'RESULT_MISMATCH', field: 'method' }];

  // The quorum is checked on members only when the poll closes (guests are not in the
  // snapshot's member list apart), so it is left out of the recount and of the comparison.
  let recountPoll: Poll = { ...definition, quorum: undefined };
  // Polls closed before the casting vote was kept on the definition keep it on the result only.
  const casting = stored.castingVote;
  if (
    recountPoll.method === 'resolution' &&
    recountPoll.chairCastingVote === undefined &&
    (casting === 'yes' || casting === 'no')
  ) {
    recountPoll = { ...recountPoll, chairCastingVote: casting as 'yes' | 'no' };
  }
  let recount: Record<string, unknown>;
  try {
    recount = countPoll(
      recountPoll,
      own.map((b) => b.ballot),
      asVoted(snapshot.data),
    ) as unknown as Record<string, unknown>;
  } catch {
    return [{ code: 'RESULT_MISMATCH', field: 'definition' }];
  }
  const fields =
    definition.method === 'resolution'
      ? ['outcome', 'counts', 'decidedBy', 'castingVote']
      : ['outcome', 'finalRanking', 'winner', 'ties'];
  for (const field of fields) {
    if (!deepEqual(recount[field], stored[field])) return [{ code: 'RESULT_MISMATCH', field }];
  }
  const a = recount.participation as Record<string, unknown>;
  const b = stored.participation;
  if (!isRecord(b)) return [{ code: 'RESULT_MISMATCH', field: 'participation' }];
  for (const key of ['ballotsSubmitted', 'validBallots', 'votersRepresented', 'blank']) {
    if (a[key] !== b[key]) return [{ code: 'RESULT_MISMATCH', field: `participation.${key}` }];
  }
  return [];
}

/**
 * Who voted was in the room when they voted. Polls closed by earlier versions stored a member
 * who voted and then left as not present; the engine now refuses a named ballot of an absent
 * member, so without this their backups would stop restoring after an update.
 */
function asVoted(snapshot: EntitlementSnapshot): EntitlementSnapshot {
  return {
    ...snapshot,
    members: snapshot.members.map((m) => (m.voted && !m.present ? { ...m, present: true } : m)),
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Structural equality of JSON values; key order does not matter. */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}
