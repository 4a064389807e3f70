// Ballot validation: structural parse with the method's zod schema, then the semantic checks
// that need the poll (and optionally the snapshot). Every problem gets a machine reason code;
// the UI translates codes. A valid ballot is turned into units (units.ts) for counting.
import { TRIAD_ROLES, type TriadRole } from '../domain/triad';
import {
  ballotSchemaFor,
  type ApprovalPoll,
  type Ballot,
  type BallotByMethod,
  type ChoiceBallot,
  type EntitlementSnapshot,
  type PointsBallot,
  type PointsPoll,
  type Poll,
  type RankEntry,
  type RankingBallot,
  type RankingPoll,
  type ResolutionBallot,
  type ScoreBallot,
  type ScorePoll,
  type SingleChoicePoll,
} from './schema';
import { summarizeSnapshot, type SnapshotSummary } from './snapshot';
import type { ChoiceUnit, PointsUnit, RankingUnit, ResolutionUnit, ScoreUnit, Unit } from './units';

export type BallotIssueCode =
  /** Does not match the ballot schema of the poll's method. */
  | 'MALFORMED'
  | 'UNKNOWN_OPTION'
  /** The same option twice in one ballot (choices or ranking). */
  | 'DUPLICATE_OPTION'
  | 'TOO_FEW_CHOICES'
  | 'TOO_MANY_CHOICES'
  /** More than pointsPerVoter in total (aggregate: more than voters × pointsPerVoter). */
  | 'TOO_MANY_POINTS'
  /** More than maxPerOption on one option (aggregate: more than voters × maxPerOption). */
  | 'OVER_OPTION_CAP'
  | 'POINTS_NOT_ALL_SPENT'
  | 'NEGATIVE_VALUE'
  | 'NON_INTEGER'
  /** Above 1 000 000 000; keeps every product of the count exact. */
  | 'VALUE_TOO_LARGE'
  | 'DUPLICATE_RANK'
  /** Rank < 1 or > maxRanks. */
  | 'RANK_OUT_OF_RANGE'
  /** Ranks must be 1, 2, …, m without holes. */
  | 'RANK_GAP'
  | 'SCORE_OUT_OF_SCALE'
  | 'MISSING_SCORE'
  /** Hand-count numbers that cannot all be true at once (e.g. more votes for one option than voters). */
  | 'AGGREGATE_INCONSISTENT'
  /** voterId not in the snapshot, or in it without a vote. */
  | 'VOTER_NOT_ENTITLED'
  /** A named ballot of a member the snapshot lists as not present. */
  | 'VOTER_NOT_PRESENT'
  /** The voter already has a valid ballot in this poll (the first valid ballot counts). */
  | 'DUPLICATE_VOTER';

export interface BallotIssue {
  code: BallotIssueCode;
  optionId?: string;
  rank?: number;
  /** Index of the group inside a ranking aggregate. */
  group?: number;
  /** The limit that was broken (max choices, points per voter, scale bound …). */
  limit?: number;
  /** The offending value. */
  actual?: number;
}

export interface ValidationContext {
  /** When given, individual ballots with a voterId must belong to an entitled, present member. */
  snapshot?: EntitlementSnapshot | SnapshotSummary;
  /** Voter ids that already have a valid ballot in this poll. */
  alreadyVoted?: Iterable<string>;
}

export type BallotValidation<B = Ballot> =
  { valid: true; ballot: B; issues: [] } | { valid: false; issues: BallotIssue[] };

/** Internal result: the parsed ballot, its units and the resolved role. */
export interface CheckedBallot {
  issues: BallotIssue[];
  ballot?: Ballot;
  units: Unit[];
  voterId?: string;
}

const MAX_VALUE = 1_000_000_000;

/**
 * Validates one ballot against a poll before it is stored or counted.
 * Returns every problem found, not only the first one.
 */
export function validateBallot<P extends Poll>(
  poll: P,
  ballot: unknown,
  context: ValidationContext = {},
): BallotValidation<BallotByMethod[P['method']]> {
  const checked = checkBallot(
    poll,
    ballot,
    toSummary(context.snapshot),
    new Set(context.alreadyVoted ?? []),
  );
  if (checked.issues.length > 0) return { valid: false, issues: checked.issues };
  return { valid: true, ballot: checked.ballot as BallotByMethod[P['method']], issues: [] };
}

function toSummary(snapshot: ValidationContext['snapshot']): SnapshotSummary | undefined {
  if (!snapshot) return undefined;
  return 'byRole' in snapshot ? snapshot : summarizeSnapshot(snapshot);
}

export function checkBallot(
  poll: Poll,
  raw: unknown,
  snapshot: SnapshotSummary | undefined,
  alreadyVoted: ReadonlySet<string>,
): CheckedBallot {
  let ballot: Ballot;
  const plain =
    poll.method === 'schulze' || poll.method === 'borda' ? plainRankingBallot(raw) : null;
  if (plain) ballot = plain;
  else {
    const parsed = ballotSchemaFor(poll.method).safeParse(raw);
    if (!parsed.success) return { issues: [{ code: 'MALFORMED' }], units: [] };
    ballot = parsed.data as Ballot;
  }
  return checkParsedBallot(poll, ballot, snapshot, alreadyVoted);
}

/**
 * The poll's rules for a ballot that already has its method's shape (parsed by its schema, or
 * built from parts that were: the hub's phone choices). checkBallot = parse + this.
 */
export function checkParsedBallot(
  poll: Poll,
  ballot: Ballot,
  snapshot: SnapshotSummary | undefined,
  alreadyVoted: ReadonlySet<string>,
): CheckedBallot {
  const issues: BallotIssue[] = [];

  let role: TriadRole | null = null;
  let voterId: string | undefined;
  if (ballot.kind === 'individual') {
    role = ballot.role ?? null;
    voterId = ballot.voterId;
    if (voterId !== undefined) {
      if (snapshot) {
        const member = snapshot.members.get(voterId);
        if (!member || !member.entitled) issues.push({ code: 'VOTER_NOT_ENTITLED' });
        else if (!member.present) issues.push({ code: 'VOTER_NOT_PRESENT' });
        if (member?.role) role = member.role;
      }
      if (alreadyVoted.has(voterId)) issues.push({ code: 'DUPLICATE_VOTER' });
    }
  }

  let units: Unit[];
  switch (poll.method) {
    case 'resolution':
      units = resolutionUnits(ballot as ResolutionBallot, role, issues);
      break;
    case 'singleChoice':
    case 'approval':
      units = choiceUnits(poll, ballot as ChoiceBallot, role, issues);
      break;
    case 'points':
      units = pointsUnits(poll, ballot as PointsBallot, role, issues);
      break;
    case 'borda':
    case 'schulze':
      units = rankingUnits(poll, ballot as RankingBallot, role, issues);
      break;
    case 'score':
      units = scoreUnits(poll, ballot as ScoreBallot, role, issues);
      break;
  }
  return issues.length > 0 ? { issues, units: [] } : { issues, ballot, units, voterId };
}

const ROLES: ReadonlySet<unknown> = new Set(TRIAD_ROLES);
const hasKey = (o: object, key: string) => Object.hasOwn(o, key);

/**
 * The common individual ranking ballot, recognised by hand (issue 12: the zod parse was most of
 * a 10k-ballot count). Only a ballot RankingIndividualBallotSchema accepts as is, with no key
 * to strip, passes; anything else returns null and goes through the schema.
 */
function plainRankingBallot(raw: unknown): RankingBallot | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const b = raw as Record<string, unknown>;
  if (b.kind !== 'individual' || !Array.isArray(b.ranking)) return null;
  let keys = 2;
  if (hasKey(b, 'voterId')) {
    if (typeof b.voterId !== 'string' || b.voterId.length === 0) return null;
    keys += 1;
  }
  if (hasKey(b, 'role')) {
    if (!ROLES.has(b.role)) return null;
    keys += 1;
  }
  if (Object.keys(b).length !== keys) return null;
  for (const e of b.ranking as unknown[]) {
    if (typeof e !== 'object' || e === null) return null;
    const entry = e as Record<string, unknown>;
    if (typeof entry.optionId !== 'string' || typeof entry.rank !== 'number') return null;
    if (!Number.isFinite(entry.rank) || Object.keys(entry).length !== 2) return null;
  }
  return raw as RankingBallot;
}

/** Non-negative safe integer, else pushes NON_INTEGER / NEGATIVE_VALUE / VALUE_TOO_LARGE. */
function isCount(value: number, issues: BallotIssue[], at: Partial<BallotIssue> = {}): boolean {
  if (!Number.isInteger(value)) issues.push({ code: 'NON_INTEGER', actual: value, ...at });
  else if (value < 0) issues.push({ code: 'NEGATIVE_VALUE', actual: value, ...at });
  else if (value > MAX_VALUE) issues.push({ code: 'VALUE_TOO_LARGE', actual: value, ...at });
  else return true;
  return false;
}

/** Checks the keys of a per-option record; returns the entries with known options. */
function optionEntries(
  record: Record<string, number>,
  options: ReadonlySet<string>,
  issues: BallotIssue[],
): [string, number][] {
  const out: [string, number][] = [];
  for (const [optionId, value] of Object.entries(record)) {
    if (!options.has(optionId)) issues.push({ code: 'UNKNOWN_OPTION', optionId });
    else out.push([optionId, value]);
  }
  return out;
}

function resolutionUnits(
  ballot: ResolutionBallot,
  role: TriadRole | null,
  issues: BallotIssue[],
): ResolutionUnit[] {
  if (ballot.kind === 'individual') {
    const v = ballot.vote;
    const one = {
      yes: v === 'yes' ? 1 : 0,
      no: v === 'no' ? 1 : 0,
      abstain: v === 'abstain' ? 1 : 0,
    };
    return [{ role, voters: 1, blank: one.abstain, ...one }];
  }
  const ok = [
    isCount(ballot.yes, issues),
    isCount(ballot.no, issues),
    isCount(ballot.abstain, issues),
  ];
  if (!ok.every(Boolean)) return [];
  const { yes, no, abstain } = ballot;
  return [{ role: null, voters: yes + no + abstain, blank: abstain, yes, no, abstain }];
}

function choiceLimits(poll: SingleChoicePoll | ApprovalPoll): { min: number; max: number } {
  if (poll.method === 'singleChoice') return { min: poll.allowBlank === false ? 1 : 0, max: 1 };
  return { min: poll.minChoices ?? 0, max: poll.maxChoices ?? poll.options.length };
}

function choiceUnits(
  poll: SingleChoicePoll | ApprovalPoll,
  ballot: ChoiceBallot,
  role: TriadRole | null,
  issues: BallotIssue[],
): ChoiceUnit[] {
  const options = new Set(poll.options);
  const { min, max } = choiceLimits(poll);
  if (ballot.kind === 'individual') {
    const chosen = new Set<string>();
    for (const id of ballot.choices) {
      if (!options.has(id)) issues.push({ code: 'UNKNOWN_OPTION', optionId: id });
      else if (chosen.has(id)) issues.push({ code: 'DUPLICATE_OPTION', optionId: id });
      chosen.add(id);
    }
    const n = ballot.choices.length;
    if (n < min) issues.push({ code: 'TOO_FEW_CHOICES', limit: min, actual: n });
    if (n > max) issues.push({ code: 'TOO_MANY_CHOICES', limit: max, actual: n });
    return [
      {
        role,
        voters: 1,
        blank: n === 0 ? 1 : 0,
        counts: new Map([...chosen].map((id) => [id, 1])),
      },
    ];
  }

  const entries = optionEntries(ballot.counts, options, issues);
  const valid = entries.filter(([optionId, v]) => isCount(v, issues, { optionId }));
  const blank = ballot.blank ?? 0;
  if (!isCount(blank, issues) || valid.length !== entries.length || issues.length > 0) return [];
  const sum = valid.reduce((s, [, v]) => s + v, 0);
  let voters: number;
  if (poll.method === 'singleChoice') {
    voters = sum + blank;
    if (ballot.voters !== undefined && ballot.voters !== voters) {
      issues.push({ code: 'AGGREGATE_INCONSISTENT', limit: voters, actual: ballot.voters });
    }
  } else {
    if (ballot.voters === undefined) {
      issues.push({ code: 'AGGREGATE_INCONSISTENT' });
      return [];
    }
    if (!isCount(ballot.voters, issues)) return [];
    voters = ballot.voters;
    const nonBlank = voters - blank;
    if (nonBlank < 0) issues.push({ code: 'AGGREGATE_INCONSISTENT', limit: voters, actual: blank });
    for (const [optionId, v] of valid) {
      if (v > nonBlank)
        issues.push({ code: 'AGGREGATE_INCONSISTENT', optionId, limit: nonBlank, actual: v });
    }
    if (nonBlank >= 0 && sum > nonBlank * max)
      issues.push({ code: 'TOO_MANY_CHOICES', limit: nonBlank * max, actual: sum });
    if (nonBlank >= 0 && sum < nonBlank * Math.max(min, 1)) {
      issues.push({ code: 'TOO_FEW_CHOICES', limit: nonBlank * Math.max(min, 1), actual: sum });
    }
  }
  if (min > 0 && blank > 0) issues.push({ code: 'TOO_FEW_CHOICES', limit: min, actual: 0 });
  return [{ role: null, voters, blank, counts: new Map(valid) }];
}

function pointsUnits(
  poll: PointsPoll,
  ballot: PointsBallot,
  role: TriadRole | null,
  issues: BallotIssue[],
): PointsUnit[] {
  const options = new Set(poll.options);
  const perVoter = poll.pointsPerVoter;
  const cap = poll.maxPerOption ?? perVoter;
  let voters = 1;
  if (ballot.kind === 'aggregate') {
    if (!isCount(ballot.voters, issues)) return [];
    voters = ballot.voters;
  }
  const entries = optionEntries(ballot.points, options, issues);
  let total = 0;
  const points = new Map<string, number>();
  for (const [optionId, v] of entries) {
    if (!isCount(v, issues, { optionId })) continue;
    if (v > cap * voters)
      issues.push({ code: 'OVER_OPTION_CAP', optionId, limit: cap * voters, actual: v });
    total += v;
    if (v > 0) points.set(optionId, v);
  }
  if (total > perVoter * voters)
    issues.push({ code: 'TOO_MANY_POINTS', limit: perVoter * voters, actual: total });
  if (poll.requireAllPoints && total < perVoter * voters) {
    issues.push({ code: 'POINTS_NOT_ALL_SPENT', limit: perVoter * voters, actual: total });
  }
  return [
    {
      role: ballot.kind === 'individual' ? role : null,
      voters,
      blank: total === 0 ? voters : 0,
      points,
    },
  ];
}

/** Option id → position, built once per options list (a count checks thousands of ballots). */
const optionIndexCache = new WeakMap<readonly string[], Map<string, number>>();
function optionIndex(options: readonly string[]): Map<string, number> {
  let index = optionIndexCache.get(options);
  if (!index) {
    index = new Map();
    for (const id of options) if (!index.has(id)) index.set(id, index.size);
    optionIndexCache.set(options, index);
  }
  return index;
}

/** Seen ranks 1..k: a byte per rank for any real poll, a Set for an absurd maxRanks. */
function rankFlags(k: number): { has(rank: number): boolean; add(rank: number): void } {
  if (!(k <= 4096)) return new Set<number>();
  const flags = new Uint8Array(k + 1);
  return {
    has: (rank) => rank <= k && flags[rank] === 1,
    add: (rank) => {
      flags[rank] = 1;
    },
  };
}

/** Checks one ranking; returns the option ids best first. */
function checkRanking(
  poll: RankingPoll,
  ranking: readonly RankEntry[],
  issues: BallotIssue[],
  at: Partial<BallotIssue>,
): string[] {
  const options = optionIndex(poll.options);
  const k = poll.maxRanks ?? poll.options.length;
  const min = poll.minRanks ?? 1;
  // Typed flags instead of Sets: only known options and integer ranks in 1..k are ever looked up.
  const seenOptions = new Uint8Array(options.size);
  const seenRanks = rankFlags(k);
  const before = issues.length;
  let sorted = true;
  for (let e = 0; e < ranking.length; e += 1) {
    const { optionId, rank } = ranking[e] as RankEntry;
    const o = options.get(optionId);
    if (o === undefined) issues.push({ code: 'UNKNOWN_OPTION', optionId, ...at });
    else if (seenOptions[o]) issues.push({ code: 'DUPLICATE_OPTION', optionId, ...at });
    else seenOptions[o] = 1;
    if (!Number.isInteger(rank))
      issues.push({ code: 'NON_INTEGER', optionId, actual: rank, ...at });
    else if (rank < 1 || rank > k)
      issues.push({ code: 'RANK_OUT_OF_RANGE', optionId, rank, limit: k, ...at });
    else if (seenRanks.has(rank)) issues.push({ code: 'DUPLICATE_RANK', optionId, rank, ...at });
    else seenRanks.add(rank);
    if (e > 0 && !((ranking[e - 1] as RankEntry).rank <= rank)) sorted = false;
  }
  const m = ranking.length;
  if (issues.length === before) {
    for (let r = 1; r <= m; r += 1) {
      if (!seenRanks.has(r)) {
        issues.push({ code: 'RANK_GAP', rank: r, ...at });
        break;
      }
    }
  }
  if (m < min) issues.push({ code: 'TOO_FEW_CHOICES', limit: min, actual: m, ...at });
  if (m > k) issues.push({ code: 'TOO_MANY_CHOICES', limit: k, actual: m, ...at });
  const inOrder = sorted ? ranking : [...ranking].sort((a, b) => a.rank - b.rank);
  return inOrder.map((e) => e.optionId);
}

function rankingUnits(
  poll: RankingPoll,
  ballot: RankingBallot,
  role: TriadRole | null,
  issues: BallotIssue[],
): RankingUnit[] {
  if (ballot.kind === 'individual') {
    const order = checkRanking(poll, ballot.ranking, issues, {});
    return [{ role, voters: 1, blank: order.length === 0 ? 1 : 0, order }];
  }
  const units: RankingUnit[] = [];
  ballot.groups.forEach((g, group) => {
    if (!isCount(g.count, issues, { group })) return;
    const order = checkRanking(poll, g.ranking, issues, { group });
    if (g.count > 0)
      units.push({ role: null, voters: g.count, blank: order.length === 0 ? g.count : 0, order });
  });
  return units;
}

function scoreUnits(
  poll: ScorePoll,
  ballot: ScoreBallot,
  role: TriadRole | null,
  issues: BallotIssue[],
): ScoreUnit[] {
  const options = new Set(poll.options);
  const lo = poll.scaleMin ?? 0;
  const hi = poll.scaleMax ?? 5;
  let voters = 1;
  let record: Record<string, number>;
  if (ballot.kind === 'aggregate') {
    if (!isCount(ballot.voters, issues)) return [];
    voters = ballot.voters;
    record = ballot.totals;
  } else {
    record = ballot.scores;
  }
  const totals = new Map<string, number>();
  for (const [optionId, v] of optionEntries(record, options, issues)) {
    if (!Number.isInteger(v)) issues.push({ code: 'NON_INTEGER', optionId, actual: v });
    else if (v < lo * voters)
      issues.push({ code: 'SCORE_OUT_OF_SCALE', optionId, limit: lo * voters, actual: v });
    else if (v > hi * voters)
      issues.push({ code: 'SCORE_OUT_OF_SCALE', optionId, limit: hi * voters, actual: v });
    else totals.set(optionId, v);
  }
  if (poll.requireAllOptions !== false) {
    for (const optionId of poll.options) {
      if (!Object.hasOwn(record, optionId)) issues.push({ code: 'MISSING_SCORE', optionId });
    }
  }
  const raters = new Map([...totals.keys()].map((id) => [id, voters]));
  const blank = totals.size === 0 ? voters : 0;
  return [{ role: ballot.kind === 'individual' ? role : null, voters, blank, totals, raters }];
}
