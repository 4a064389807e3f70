// What the app tells the voting hub, derived from the meeting's data (pure, unit-tested):
// who may join with a personal code, which polls are open on the phones, and how a stored or
// refused ballot is acknowledged. The hub never decides who votes; the app does.
import type { Person, PollRecord } from '@shared/domain';
import { comparePeople, fullName, isInRoom } from '@shared/domain';
import type { AckResult, HubPollSpec, HubSession } from '../../platform/hub';
import type { AttendanceView, HubBallotOutcome, RoomData } from '../../db';
import { generateJoinCode, type RandomBytes } from '@shared/hub/rules';

/** A member who may vote from a phone now: present, with a vote (a substitute holds the seat). */
export interface PhoneVoter {
  voterId: string;
  name: string;
  /** A substitute holds this member's seat: the member's name (the list says "za …"). */
  forName?: string;
}

/** In the order of the attendance sheet: by surname, then first name (Czech collation). */
export function phoneVoters(room: AttendanceView): PhoneVoter[] {
  const out: { voter: PhoneVoter; person: Person }[] = [];
  const add = (voterId: string, person: Person, forName?: string) =>
    out.push({
      voter: { voterId, name: fullName(person), ...(forName ? { forName } : {}) },
      person,
    });
  for (const m of room.members) {
    const a = room.attendance.get(m.personId);
    if (!m.votingRight || !a || !isInRoom(a)) continue;
    const sub =
      a.status === 'substituted' && a.substituteId ? room.people.get(a.substituteId) : undefined;
    add(m.personId, sub ?? m.person, sub ? fullName(m.person) : undefined);
  }
  if (room.body.rules.guestsVote)
    for (const g of room.guests) if (isInRoom(g.attendance)) add(g.person.id, g.person);
  return out.sort((a, b) => comparePeople(a.person, b.person)).map((x) => x.voter);
}

/**
 * Personal join codes: existing ones are kept (a code read out stays valid), new voters get a
 * new code, voters who left lose theirs. Codes are random (crypto.getRandomValues).
 */
export function assignJoinCodes(
  voters: readonly PhoneVoter[],
  existing: Readonly<Record<string, string>>,
  random: RandomBytes,
  /** Codes withdrawn in this meeting (reissueJoinCode): never handed out again. */
  retired: readonly string[] = [],
): Record<string, string> {
  const out: Record<string, string> = {};
  const taken = new Set<string>(retired);
  for (const v of voters) {
    const code = existing[v.voterId];
    if (code && !taken.has(code)) {
      out[v.voterId] = code;
      taken.add(code);
    }
  }
  for (const v of voters) {
    if (out[v.voterId]) continue;
    const code = generateJoinCode(random, taken);
    out[v.voterId] = code;
    taken.add(code);
  }
  return out;
}

/**
 * A fresh code for one voter whose phone lost its login (its code is bound to a device the
 * member no longer has): only that voter's code changes, the new one is unlike every code of
 * the session and every withdrawn one. The old code leaves the hub's session, which releases
 * its device; the hub's receipts are per voter, so a ballot already cast stays the only one.
 */
export function reissueJoinCode(
  codes: Readonly<Record<string, string>>,
  voterId: string,
  random: RandomBytes,
  retired: readonly string[] = [],
): { codes: Record<string, string>; retired: string[] } {
  const old = codes[voterId];
  if (old === undefined) return { codes: { ...codes }, retired: [...retired] };
  const taken = new Set([...Object.values(codes), ...retired]);
  return {
    codes: { ...codes, [voterId]: generateJoinCode(random, taken) },
    retired: retired.includes(old) ? [...retired] : [...retired, old],
  };
}

export const browserRandom: RandomBytes = (n) => crypto.getRandomValues(new Uint8Array(n));

/** The hub session of a meeting: anonymous while a public poll is open, otherwise members with codes. */
export function hubSession(
  room: RoomData,
  voters: readonly PhoneVoter[],
  codes: Readonly<Record<string, string>>,
  title: string,
): HubSession {
  const anonymous = room.polls.some((p) => p.status === 'open' && p.anonymous);
  return {
    meetingId: room.meeting.id,
    title: title.slice(0, 300),
    mode: anonymous ? 'anonymous' : 'members',
    joinCodes: anonymous
      ? []
      : voters
          .filter((v) => codes[v.voterId])
          .map((v) => ({
            code: codes[v.voterId]!,
            voterId: v.voterId,
            name: v.name.slice(0, 300),
          })),
  };
}

/** The open poll as the phones get it; `voted` lets the hub refuse who voted at the kiosk. */
export function hubPollSpec(poll: PollRecord): HubPollSpec {
  return {
    id: poll.id,
    title: poll.title,
    secret: poll.secret,
    options: poll.options.map((o) => ({ id: o.id, label: o.label })),
    definition: poll.definition,
    ...(poll.anonymous ? {} : { voted: poll.voters }),
  };
}

/** The hub's acknowledgement of what storeHubBallot answered. */
export function ackFor(outcome: HubBallotOutcome): AckResult {
  if (outcome.ok) return { ok: true };
  const code = outcome.code;
  if (code === 'errors.alreadyVoted') return { ok: false, code: 'ALREADY_VOTED' };
  if (code === 'errors.notFound') return { ok: false, code: 'UNKNOWN_POLL' };
  if (code === 'errors.pollNotOpen' || code === 'errors.minutesLocked')
    return { ok: false, code: 'POLL_CLOSED' };
  if (code.startsWith('errors.ballot.')) return { ok: false, code: 'INVALID_BALLOT' };
  if (
    code === 'errors.notEntitled' ||
    code === 'errors.notPresent' ||
    code === 'errors.anonymousPoll' ||
    code === 'errors.rollCallSecret'
  )
    return { ok: false, code: 'NOT_ENTITLED' };
  return { ok: false, code: 'UNAVAILABLE' };
}
