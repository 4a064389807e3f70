import { describe, expect, it, vi } from 'vitest';
import type { AuditEntry } from '../safety/audit';
import type { PollInput, PollRecord, RulesOfProcedure } from '@shared/domain';
import {
  ballotRecordSchema,
  DEFAULT_RULES,
  firstPlaceTie,
  pollRecordSchema,
  rankedOptions,
} from '@shared/domain';
import { checkBallotsAgainstPoll } from '@shared/voting';
import { addAgendaItem } from '../meetings/agenda';
import { markAttendance } from '../meetings/attendance';
import { addMembership, createBody } from '../people/bodies';
import { ValidationError } from '../errors';
import { createMeeting } from '../meetings/meetings';
import { approveMinutes, setMinutesStatus } from '../meetings/minutes';
import { createPerson } from '../people/people';
import {
  addHandCount,
  castBallot,
  closePoll,
  createPoll,
  createRunOff,
  decideTie,
  eligibleVoters,
  openPoll,
  removeHandCount,
  removePoll,
} from './polls';
import { addResolution, entitlementSnapshot } from '../meetings/resolutions';
import { db, domainCode, domainError, rejection } from '../testDb';

const tick = () => new Promise((r) => setTimeout(r, 5));

/** A working group of `n` voting members (the first is the chair) and a non-voting secretary, with one meeting. */
async function group(rules: Partial<RulesOfProcedure> = {}, n = 9) {
  const body = await createBody(db, {
    kind: 'working',
    code: 'PS 1',
    name: 'Senioři',
    rules: { ...DEFAULT_RULES, ...rules },
  });
  const members: string[] = [];
  for (let i = 0; i < n; i++) {
    const p = await createPerson(db, {
      firstName: 'Člen',
      lastName: `Člen${String(i + 1).padStart(2, '0')}`,
      triadRole: i % 3 === 0 ? 'provider' : i % 3 === 1 ? 'user' : 'commissioner',
    });
    members.push(p.id);
    await addMembership(db, {
      bodyId: body.id,
      personId: p.id,
      role: i === 0 ? 'chair' : 'member',
      votingRight: true,
      from: '2025-01-01',
    });
  }
  const secretary = (
    await createPerson(db, { firstName: 'Petra', lastName: 'Dvořáková', triadRole: 'commissioner' })
  ).id;
  await addMembership(db, {
    bodyId: body.id,
    personId: secretary,
    role: 'secretary',
    votingRight: false,
    from: '2025-01-01',
  });
  const meeting = (
    await createMeeting(
      db,
      { bodyId: body.id, date: '2026-03-10', timeFrom: '09:00', timeTo: '11:00', place: 'MÚ' },
      '2026-01-01',
    )
  ).meeting;
  const item = await addAgendaItem(db, meeting.id, { title: 'Výběr priorit' });
  return { body, members, secretary, meeting, item };
}
async function present(meetingId: string, ids: string[]) {
  for (const personId of ids) await markAttendance(db, { meetingId, personId, status: 'present' });
}
async function leave(meetingId: string, ids: string[]) {
  for (const personId of ids) {
    await markAttendance(db, { meetingId, personId, status: 'present', leftAt: '10:00' });
  }
}
const input = (over: Partial<PollInput> = {}): PollInput => ({
  title: 'Priority',
  method: 'points',
  secret: false,
  options: ['A', 'B', 'C'],
  pointsPerVoter: 3,
  maxPerOption: 2,
  ...over,
});
async function openedPoll(itemId: string, over: Partial<PollInput> = {}): Promise<PollRecord> {
  const poll = await createPoll(db, itemId, input(over));
  await openPoll(db, poll.id);
  return (await db.polls.get(poll.id))!;
}
const pollOf = async (id: string) => (await db.polls.get(id))!;
const ballotsOf = (pollId: string) => db.ballots.where('pollId').equals(pollId).toArray();
/** Points by option label. */
const points = (poll: PollRecord, byLabel: Record<string, number>) =>
  Object.fromEntries(
    Object.entries(byLabel).map(([label, v]) => [
      poll.options.find((o) => o.label === label)!.id,
      v,
    ]),
  );
const close = { verb: 'approves', text: 'Schvaluje pořadí priorit' } as const;

describe('createPoll and openPoll', () => {
  it('a draft with option ids and the definition under the body rules; opening puts it on the projector', async () => {
    const g = await group({ majority: 'all' });
    const poll = await createPoll(
      db,
      g.item.id,
      input({ options: ['  Senior taxi', '', 'Denní stacionář'] }),
    );
    expect(poll).toMatchObject({
      meetingId: g.meeting.id,
      bodyId: g.body.id,
      agendaItemId: g.item.id,
      status: 'draft',
      secret: false,
      voters: [],
    });
    expect(poll.options.map((o) => o.label)).toEqual(['Senior taxi', 'Denní stacionář']);
    expect(poll.definition).toEqual({
      method: 'points',
      quorum: DEFAULT_RULES.quorum,
      options: poll.options.map((o) => o.id),
      pointsPerVoter: 3,
      maxPerOption: 2,
    });
    expect(poll.openedAt).toBeUndefined();
    const resolution = await createPoll(db, g.item.id, input({ method: 'resolution' }));
    expect(resolution.definition).toMatchObject({
      method: 'resolution',
      base: 'allVoting',
      tieRule: 'chairDecides',
    });
    expect(resolution.options).toEqual([]);

    await openPoll(db, poll.id);
    const opened = await pollOf(poll.id);
    expect(opened.status).toBe('open');
    expect(opened.openedAt).toEqual(expect.any(String));
    expect((await db.meetings.get(g.meeting.id))!.currentPollId).toBe(poll.id);
    expect(await domainCode(openPoll(db, poll.id))).toBe('errors.pollNotDraft');
    expect(await domainCode(openPoll(db, 'nope'))).toBe('errors.notFound');
  });

  it('bad input is a ValidationError; an unknown item is errors.notFound; nothing is written', async () => {
    const g = await group();
    const e = await rejection(createPoll(db, g.item.id, input({ options: ['A', 'a'] })));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).fields).toEqual({ options: 'errors.pollOptionsDuplicate' });
    expect(await domainCode(createPoll(db, 'nope', input()))).toBe('errors.notFound');
    expect(await db.polls.count()).toBe(0);
  });
});

describe('eligibleVoters', () => {
  it('present members with a vote who have not voted yet', async () => {
    const g = await group();
    await present(g.meeting.id, [...g.members.slice(0, 4), g.secretary]);
    await leave(g.meeting.id, [g.members[3]!]);
    const poll = await openedPoll(g.item.id);
    await castBallot(db, poll.id, g.members[1]!, { points: {} }, 'kiosk');
    const snapshot = await entitlementSnapshot(db, g.meeting.id);
    expect(eligibleVoters(snapshot, await pollOf(poll.id)).sort()).toEqual(
      [g.members[0]!, g.members[2]!].sort(),
    );
  });
});

describe('castBallot', () => {
  it('only a present member with a vote, once, into an open poll', async () => {
    const g = await group();
    await present(g.meeting.id, [...g.members.slice(0, 5), g.secretary]);
    await leave(g.meeting.id, [g.members[4]!]);
    const draft = await createPoll(db, g.item.id, input({ method: 'resolution' }));
    const poll = await openedPoll(g.item.id, { method: 'resolution' });
    const yes = { vote: 'yes' };
    expect(await domainCode(castBallot(db, poll.id, g.members[5]!, yes, 'kiosk'))).toBe(
      'errors.notPresent',
    );
    expect(await domainCode(castBallot(db, poll.id, g.members[4]!, yes, 'kiosk'))).toBe(
      'errors.notPresent',
    );
    expect(await domainCode(castBallot(db, poll.id, g.secretary, yes, 'kiosk'))).toBe(
      'errors.notEntitled',
    );
    expect(await domainCode(castBallot(db, poll.id, 'stranger', yes, 'kiosk'))).toBe(
      'errors.notEntitled',
    );
    expect(await domainCode(castBallot(db, draft.id, g.members[0]!, yes, 'kiosk'))).toBe(
      'errors.pollNotOpen',
    );
    expect(await domainCode(castBallot(db, 'nope', g.members[0]!, yes, 'kiosk'))).toBe(
      'errors.notFound',
    );
    await castBallot(db, poll.id, g.members[0]!, yes, 'rollCall');
    expect(await domainCode(castBallot(db, poll.id, g.members[0]!, { vote: 'no' }, 'kiosk'))).toBe(
      'errors.alreadyVoted',
    );
    expect(await ballotsOf(poll.id)).toHaveLength(1);
    expect((await pollOf(poll.id)).voters).toEqual([g.members[0]]);
    await closePoll(db, poll.id, close);
    expect(await domainCode(castBallot(db, poll.id, g.members[1]!, yes, 'kiosk'))).toBe(
      'errors.pollNotOpen',
    );
  });

  it('a ballot the engine refuses is errors.ballot.<CODE> and writes nothing', async () => {
    const g = await group();
    await present(g.meeting.id, g.members.slice(0, 5));
    const poll = await openedPoll(g.item.id);
    const voter = g.members[0]!;
    expect(
      await domainCode(
        castBallot(db, poll.id, voter, { points: points(poll, { A: 2, B: 2 }) }, 'kiosk'),
      ),
    ).toBe('errors.ballot.TOO_MANY_POINTS');
    expect(
      await domainCode(castBallot(db, poll.id, voter, { points: points(poll, { A: 3 }) }, 'kiosk')),
    ).toBe('errors.ballot.OVER_OPTION_CAP');
    expect(await domainCode(castBallot(db, poll.id, voter, { points: { nope: 1 } }, 'kiosk'))).toBe(
      'errors.ballot.UNKNOWN_OPTION',
    );
    expect(await domainCode(castBallot(db, poll.id, voter, { vote: 'yes' }, 'kiosk'))).toBe(
      'errors.ballot.MALFORMED',
    );
    expect(await db.ballots.count()).toBe(0);
    expect((await pollOf(poll.id)).voters).toEqual([]);
    // the voter can still vote properly afterwards
    await castBallot(db, poll.id, voter, { points: points(poll, { A: 2, B: 1 }) }, 'kiosk');
    expect(await db.ballots.count()).toBe(1);
  });

  it('a named ballot stores the voter, the triad role and the source', async () => {
    const g = await group();
    await present(g.meeting.id, g.members.slice(0, 5));
    const poll = await openedPoll(g.item.id, { method: 'resolution' });
    await castBallot(db, poll.id, g.members[1]!, { vote: 'no' }, 'rollCall');
    const [b] = await ballotsOf(poll.id);
    expect(b).toMatchObject({ pollId: poll.id, source: 'rollCall' });
    expect(b!.ballot).toEqual({
      kind: 'individual',
      voterId: g.members[1],
      role: 'user',
      vote: 'no',
    });
  });

  it('a secret ballot has no voter, no role and no time; only the sorted voter list says who voted', async () => {
    const g = await group();
    await present(g.meeting.id, g.members.slice(0, 6));
    const poll = await openedPoll(g.item.id, { secret: true });
    const voters = [...g.members.slice(0, 6)].sort().reverse();
    for (const [i, voter] of voters.entries()) {
      await tick();
      await castBallot(
        db,
        poll.id,
        voter,
        { points: points(poll, { A: 1, B: i % 2 ? 2 : 1 }) },
        'kiosk',
      );
    }
    const ballots = await ballotsOf(poll.id);
    expect(ballots).toHaveLength(6);
    for (const b of ballots) {
      expect(b.ballot).not.toHaveProperty('voterId');
      expect(b.ballot).not.toHaveProperty('role');
      expect(b).not.toHaveProperty('createdAt');
      expect(b).not.toHaveProperty('updatedAt');
      expect(JSON.stringify(b)).not.toMatch(new RegExp(g.members.join('|')));
    }
    const after = await pollOf(poll.id);
    expect(after.voters).toEqual([...voters].sort());
    expect(after.voters).not.toEqual(voters);
  });

  it('the audit trail does not pair a secret ballot with its voter, even with minutes between votes', async () => {
    const g = await group();
    await present(g.meeting.id, g.members.slice(0, 5));
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-03-10T09:30:00Z'));
      const poll = await openedPoll(g.item.id, { method: 'resolution', secret: true });
      const votes = ['yes', 'no', 'abstain'];
      for (const [i, vote] of votes.entries()) {
        // a discussion, or a slow kiosk queue: each vote 6 minutes after the previous one
        vi.setSystemTime(new Date(Date.parse('2026-03-10T09:30:00Z') + (i + 1) * 6 * 60_000));
        await castBallot(db, poll.id, g.members[i]!, { vote }, 'kiosk');
      }
      const audit = (await db.table('audit').toArray()) as AuditEntry[];
      const ballotAt = new Map<string, unknown>();
      for (const e of audit.filter((a) => a.table === 'ballots' && a.op === 'create')) {
        ballotAt.set(e.at, (e.after?.ballot as { vote?: string } | undefined)?.vote);
      }
      const pairs: [string, unknown][] = [];
      for (const e of audit.filter(
        (a) => a.table === 'polls' && a.recordId === poll.id && a.op === 'update',
      )) {
        const before = new Set((e.before?.voters as string[] | undefined) ?? []);
        const added = ((e.after?.voters as string[] | undefined) ?? []).filter(
          (v) => !before.has(v),
        );
        if (added.length === 1 && ballotAt.has(e.at)) pairs.push([added[0]!, ballotAt.get(e.at)]);
      }
      expect(pairs).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a secret poll cannot be voted by roll call', async () => {
    const g = await group();
    await present(g.meeting.id, g.members.slice(0, 5));
    const poll = await openedPoll(g.item.id, { method: 'resolution', secret: true });
    expect(
      await domainCode(castBallot(db, poll.id, g.members[0]!, { vote: 'yes' }, 'rollCall')),
    ).toBe('errors.rollCallSecret');
    expect(await db.ballots.count()).toBe(0);
    await castBallot(db, poll.id, g.members[0]!, { vote: 'yes' }, 'kiosk');
    expect(await db.ballots.count()).toBe(1);
  });

  it("a substituted member's seat votes under the member's id with the substitute's role", async () => {
    const g = await group();
    const sub = await createPerson(db, {
      firstName: 'Marie',
      lastName: 'Horáková',
      triadRole: 'public',
    });
    await present(g.meeting.id, g.members.slice(0, 4));
    await markAttendance(db, {
      meetingId: g.meeting.id,
      personId: g.members[4]!,
      status: 'substituted',
      substituteId: sub.id,
    });
    const poll = await openedPoll(g.item.id, { method: 'resolution' });
    // the substitute is not a member: the vote is the seat's
    expect(await domainCode(castBallot(db, poll.id, sub.id, { vote: 'yes' }, 'kiosk'))).toBe(
      'errors.notEntitled',
    );
    await castBallot(db, poll.id, g.members[4]!, { vote: 'yes' }, 'kiosk');
    const [b] = await ballotsOf(poll.id);
    expect(b!.ballot).toEqual({
      kind: 'individual',
      voterId: g.members[4],
      role: 'public',
      vote: 'yes',
    });
    expect((await pollOf(poll.id)).voters).toEqual([g.members[4]]);
  });

  it('the choice cannot turn one person into a hand count of five', async () => {
    const g = await group();
    await present(g.meeting.id, g.members.slice(0, 5));
    const poll = await openedPoll(g.item.id, { method: 'resolution' });
    const forged = { kind: 'aggregate', yes: 5, no: 0, abstain: 0 };
    await castBallot(db, poll.id, g.members[0]!, forged, 'phone').catch(() => undefined);
    for (const b of await ballotsOf(poll.id)) expect(b.ballot.kind).toBe('individual');
  });

  it('the choice cannot name another voter', async () => {
    const g = await group();
    await present(g.meeting.id, g.members.slice(0, 5));
    const poll = await openedPoll(g.item.id, { method: 'resolution' });
    const choice = { vote: 'yes', voterId: g.members[2] };
    await castBallot(db, poll.id, g.members[1]!, choice, 'phone').catch(() => undefined);
    for (const b of await ballotsOf(poll.id)) {
      expect(b.ballot.kind === 'individual' && b.ballot.voterId).toBe(g.members[1]);
    }
  });

  it('a secret ballot stays without a voter even when the choice carries one', async () => {
    const g = await group();
    await present(g.meeting.id, g.members.slice(0, 5));
    const poll = await openedPoll(g.item.id, { method: 'resolution', secret: true });
    const choice = { vote: 'yes', voterId: g.members[0], role: 'provider' };
    await castBallot(db, poll.id, g.members[0]!, choice, 'phone').catch(() => undefined);
    for (const b of await ballotsOf(poll.id)) {
      expect(b.ballot).not.toHaveProperty('voterId');
      expect(b.ballot).not.toHaveProperty('role');
    }
  });
});

describe('addHandCount and removeHandCount', () => {
  it('a block is counted with the individual ballots and may not exceed the present voting members', async () => {
    const g = await group();
    await present(g.meeting.id, [...g.members.slice(0, 6), g.secretary]);
    const poll = await openedPoll(g.item.id, { method: 'resolution' });
    await castBallot(db, poll.id, g.members[0]!, { vote: 'yes' }, 'rollCall');
    const e = await domainError(addHandCount(db, poll.id, { yes: 4, no: 1, abstain: 1 }));
    expect(e.code).toBe('errors.votesExceedPresent');
    expect(e.params).toEqual({ votes: 7, present: 6 });
    expect(await domainCode(addHandCount(db, poll.id, { yes: 1.5, no: 0, abstain: 0 }))).toBe(
      'errors.ballot.NON_INTEGER',
    );
    expect(await db.ballots.count()).toBe(1);

    await addHandCount(db, poll.id, { yes: 3, no: 1, abstain: 1 });
    const hand = (await ballotsOf(poll.id)).find((b) => b.source === 'hand')!;
    expect(hand.ballot).toEqual({ kind: 'aggregate', yes: 3, no: 1, abstain: 1 });
    // the room is full now
    expect(await domainCode(addHandCount(db, poll.id, { yes: 0, no: 0, abstain: 1 }))).toBe(
      'errors.votesExceedPresent',
    );

    // an individual ballot is not a hand count; a hand count can be taken back while open
    const individual = (await ballotsOf(poll.id)).find((b) => b.source !== 'hand')!;
    await removeHandCount(db, individual.id);
    expect(await db.ballots.count()).toBe(2);
    await removeHandCount(db, hand.id);
    await removeHandCount(db, 'nope');
    expect(await db.ballots.count()).toBe(1);
    await addHandCount(db, poll.id, { yes: 3, no: 1, abstain: 1 });
    const r = await closePoll(db, poll.id, close);
    expect(r.result).toEqual({ kind: 'vote', yes: 4, no: 1, abstain: 1 });
    expect(r.outcome).toBe('passed');
  });

  it('option poll blocks count their voters: points by `voters`, single choice by counts and blanks', async () => {
    const g = await group();
    await present(g.meeting.id, g.members.slice(0, 5));
    const dots = await openedPoll(g.item.id);
    expect(
      await domainCode(addHandCount(db, dots.id, { voters: 6, points: points(dots, { A: 12 }) })),
    ).toBe('errors.votesExceedPresent');
    expect(
      await domainCode(addHandCount(db, dots.id, { voters: 2, points: points(dots, { A: 7 }) })),
    ).toBe('errors.ballot.OVER_OPTION_CAP');
    await addHandCount(db, dots.id, { voters: 5, points: points(dots, { A: 10, B: 5 }) });
    const single = await openedPoll(g.item.id, { method: 'singleChoice' });
    const counts = points(single, { A: 3, B: 2 });
    expect(await domainCode(addHandCount(db, single.id, { counts, blank: 1 }))).toBe(
      'errors.votesExceedPresent',
    );
    await addHandCount(db, single.id, { counts });
    const r = await closePoll(db, dots.id, close);
    expect(rankedOptions(await pollOf(dots.id))).toEqual([
      { rank: 1, label: 'A', value: 10 },
      { rank: 2, label: 'B', value: 5 },
      { rank: 3, label: 'C', value: 0 },
    ]);
    expect(r.outcome).toBe('passed');
    // a closed poll's hand counts stay
    const block = (await ballotsOf(dots.id))[0]!;
    expect(await domainCode(removeHandCount(db, block.id))).toBe('errors.pollNotOpen');
  });
});

// The e2e dot-voting pattern: 3 points each, at most 2 on one option; totals 12, 11, 5, 4, 3, 1.
const SIX = [
  'Odlehčovací služba',
  'Pečovatelská služba o víkendech',
  'Aktivizační služby',
  'Denní stacionář',
  'Informovanost',
  'Senior taxi',
];
const DOTS: Record<string, number>[] = [
  ...Array.from({ length: 5 }, () => ({
    'Odlehčovací služba': 2,
    'Pečovatelská služba o víkendech': 1,
  })),
  ...Array.from({ length: 3 }, () => ({
    'Pečovatelská služba o víkendech': 2,
    'Aktivizační služby': 1,
  })),
  { 'Denní stacionář': 2, Informovanost: 1 },
  { 'Denní stacionář': 2, 'Senior taxi': 1 },
  { 'Odlehčovací služba': 1, 'Senior taxi': 2 },
  { 'Aktivizační služby': 2, 'Odlehčovací služba': 1 },
];

describe('closePoll', () => {
  it('dot voting of 12: the ranking, the frozen snapshot and a poll resolution numbered with the others', async () => {
    const g = await group({}, 14);
    const twelve = g.members.slice(0, 12);
    await present(g.meeting.id, [...twelve, g.secretary]);
    await addResolution(db, g.item.id, {
      verb: 'takesNote',
      text: 'Bere na vědomí',
      result: { kind: 'consensus' },
    });
    const poll = await openedPoll(g.item.id, { options: SIX, secret: true });
    for (const [i, voter] of twelve.entries())
      await castBallot(db, poll.id, voter, { points: points(poll, DOTS[i]!) }, 'kiosk');
    const r = await closePoll(db, poll.id, {
      verb: 'approves',
      text: '  Schvaluje pořadí priorit  ',
    });
    expect(r).toMatchObject({
      meetingId: g.meeting.id,
      bodyId: g.body.id,
      agendaItemId: g.item.id,
      seq: 2,
      number: 'PS1/1/2026/2',
      verb: 'approves',
      text: 'Schvaluje pořadí priorit',
      result: { kind: 'poll' },
      outcome: 'passed',
      pollId: poll.id,
    });
    expect(await db.resolutions.get(r.id)).toEqual(r);

    const closed = await pollOf(poll.id);
    expect(closed).toMatchObject({
      status: 'closed',
      resolutionId: r.id,
      closedAt: expect.any(String),
    });
    expect(rankedOptions(closed)).toEqual([
      { rank: 1, label: 'Odlehčovací služba', value: 12 },
      { rank: 2, label: 'Pečovatelská služba o víkendech', value: 11 },
      { rank: 3, label: 'Aktivizační služby', value: 5 },
      { rank: 4, label: 'Denní stacionář', value: 4 },
      { rank: 5, label: 'Senior taxi', value: 3 },
      { rank: 6, label: 'Informovanost', value: 1 },
    ]);
    expect(closed.result).toMatchObject({ method: 'points', outcome: 'decided', rejected: [] });
    expect(closed.result!.quorum).toMatchObject({ met: true });

    const byId = new Map(closed.snapshot!.members.map((m) => [m.voterId, m]));
    expect(closed.snapshot!.members).toHaveLength(15);
    for (const id of twelve)
      expect(byId.get(id)).toMatchObject({ entitled: true, present: true, voted: true });
    for (const id of g.members.slice(12))
      expect(byId.get(id)).toMatchObject({ entitled: true, present: false, voted: false });
    expect(byId.get(g.secretary)).toMatchObject({ entitled: false, present: true, voted: false });

    expect(await domainCode(closePoll(db, poll.id, close))).toBe('errors.pollNotOpen');
    expect(await domainCode(removePoll(db, poll.id))).toBe('errors.pollClosed');
    expect(await db.polls.get(poll.id)).toBeDefined();
    expect(await db.resolutions.count()).toBe(2);
  });

  async function tiedResolution(rules: Partial<RulesOfProcedure>) {
    const g = await group(rules, 12);
    await present(g.meeting.id, g.members);
    const poll = await openedPoll(g.item.id, { method: 'resolution' });
    const votes = [
      ...Array(5).fill('yes'),
      ...Array(5).fill('no'),
      'abstain',
      'abstain',
    ] as string[];
    for (const [i, vote] of votes.entries())
      await castBallot(db, poll.id, g.members[i]!, { vote }, 'rollCall');
    return poll;
  }

  it("a 5:5:2 tie is decided by the chair's casting vote", async () => {
    const poll = await tiedResolution({});
    const r = await closePoll(db, poll.id, { ...close, chairCastingVote: 'yes' });
    expect(r.result).toEqual({ kind: 'vote', yes: 5, no: 5, abstain: 2, chairCastingVote: 'yes' });
    expect(r.outcome).toBe('passed');
    expect(r.decision).toMatchObject({
      decidedBy: 'chairCastingVote',
      castingVote: 'yes',
      presentVoting: 12,
      quorate: true,
    });
    expect(r.pollId).toBe(poll.id);
    const closed = await pollOf(poll.id);
    expect(closed.result).toMatchObject({
      method: 'resolution',
      outcome: 'passed',
      decidedBy: 'chairCastingVote',
    });
    expect(closed.snapshot!.members.filter((m) => m.voted)).toHaveLength(12);
  });

  it('a 5:5:2 tie without a casting vote stays a tie', async () => {
    const poll = await tiedResolution({});
    const r = await closePoll(db, poll.id, close);
    expect(r.result).toEqual({ kind: 'vote', yes: 5, no: 5, abstain: 2 });
    expect(r.outcome).toBe('tie');
  });

  it("a 5:5:2 tie is rejected under the tie rule 'rejected', whatever the chair says", async () => {
    const poll = await tiedResolution({ tieRule: 'rejected' });
    const r = await closePoll(db, poll.id, { ...close, chairCastingVote: 'yes' });
    expect(r.outcome).toBe('rejected');
    expect(r.decision).toMatchObject({ decidedBy: 'tieRule', castingVote: null });
  });

  it('an option poll whose room fell below the quorum before closing is noQuorum', async () => {
    const g = await group();
    await present(g.meeting.id, g.members.slice(0, 5));
    const poll = await openedPoll(g.item.id);
    for (const voter of g.members.slice(0, 5))
      await castBallot(db, poll.id, voter, { points: points(poll, { A: 2, B: 1 }) }, 'kiosk');
    await leave(g.meeting.id, g.members.slice(3, 5));
    const r = await closePoll(db, poll.id, close);
    expect(r).toMatchObject({ result: { kind: 'poll' }, outcome: 'noQuorum' });
    const closed = await pollOf(poll.id);
    expect(closed.result!.quorum).toMatchObject({ met: false });
    // those who left still voted
    expect(closed.snapshot!.members.filter((m) => m.voted)).toHaveLength(5);
    expect(rankedOptions(closed)[0]).toEqual({ rank: 1, label: 'A', value: 10 });
  });

  it('guests with a vote vote, but never make an option poll quorate', async () => {
    const g = await group({ guestsVote: true });
    await present(g.meeting.id, g.members.slice(0, 4));
    const guests: string[] = [];
    for (const lastName of ['Trčka', 'Vávra']) {
      const p = await createPerson(db, { firstName: 'Host', lastName, triadRole: 'public' });
      await markAttendance(db, { meetingId: g.meeting.id, personId: p.id, status: 'guest' });
      guests.push(p.id);
    }
    const poll = await openedPoll(g.item.id);
    for (const voter of [...g.members.slice(0, 4), ...guests])
      await castBallot(db, poll.id, voter, { points: points(poll, { B: 1 }) }, 'kiosk');
    const r = await closePoll(db, poll.id, close);
    expect(r.outcome).toBe('noQuorum');
    expect(rankedOptions(await pollOf(poll.id))[0]).toEqual({ rank: 1, label: 'B', value: 6 });
  });

  it('a member who voted and then left does not make a resolution poll impossible to close', async () => {
    const g = await group();
    await present(g.meeting.id, g.members.slice(0, 6));
    const poll = await openedPoll(g.item.id, { method: 'resolution' });
    const votes = ['yes', 'yes', 'yes', 'yes', 'no', 'no'];
    for (const [i, vote] of votes.entries())
      await castBallot(db, poll.id, g.members[i]!, { vote }, 'kiosk');
    await leave(g.meeting.id, [g.members[5]!]);
    const r = await closePoll(db, poll.id, close);
    expect(r.result).toEqual({ kind: 'vote', yes: 4, no: 2, abstain: 0 });
    expect((await pollOf(poll.id)).status).toBe('closed');
  });

  it('needs the text of the resolution; an unknown poll is errors.notFound', async () => {
    const g = await group();
    await present(g.meeting.id, g.members.slice(0, 5));
    const poll = await openedPoll(g.item.id, { method: 'resolution' });
    expect(await domainCode(closePoll(db, poll.id, { verb: 'approves', text: '  ' }))).toBe(
      'errors.required',
    );
    expect(await domainCode(closePoll(db, 'nope', close))).toBe('errors.notFound');
    const draft = await createPoll(db, g.item.id, input());
    expect(await domainCode(closePoll(db, draft.id, close))).toBe('errors.pollNotOpen');
    expect((await pollOf(poll.id)).status).toBe('open');
    expect(await db.resolutions.count()).toBe(0);
  });
});

describe('a tie at first place in a dot vote', () => {
  /** A, B 4 points each, C 1: five members, three points each, at most two per option. */
  async function tiedDots() {
    const g = await group();
    await present(g.meeting.id, g.members.slice(0, 5));
    const poll = await openedPoll(g.item.id);
    const dots: Record<string, number>[] = [
      { A: 2, B: 1 },
      { B: 2, A: 1 },
      { A: 1, C: 1 },
      { B: 1 },
      {},
    ];
    for (const [i, d] of dots.entries())
      await castBallot(db, poll.id, g.members[i]!, { points: points(poll, d) }, 'kiosk');
    const r = await closePoll(db, poll.id, close);
    return { g, poll: await pollOf(poll.id), resolution: r };
  }
  const label = (poll: PollRecord, id: string) => poll.options.find((o) => o.id === id)!.label;

  it('is flagged on the poll and on its resolution when the poll closes', async () => {
    const { poll, resolution } = await tiedDots();
    expect(poll.result).toMatchObject({ outcome: 'tie', winner: null });
    expect(firstPlaceTie(poll).map((id) => label(poll, id))).toEqual(['A', 'B']);
    expect(resolution.outcome).toBe('tie');
  });

  it("the chair's decision is recorded with who decided; the counted tie stays in the result", async () => {
    const { poll, resolution } = await tiedDots();
    const [a, b] = firstPlaceTie(poll);
    expect(await domainCode(decideTie(db, poll.id, { order: [b!], by: 'Jana' }))).toBe(
      'errors.invalid',
    );
    expect(await domainCode(decideTie(db, poll.id, { order: [b!, a!], by: '  ' }))).toBe(
      'errors.required',
    );
    await decideTie(db, poll.id, { order: [b!, a!], by: 'Jana Nováková' });
    const decided = await pollOf(poll.id);
    expect(decided.tieDecision).toMatchObject({ by: 'Jana Nováková', order: [b, a] });
    expect(decided.result).toMatchObject({ outcome: 'tieResolvedByChair', winner: b });
    expect(decided.result).toMatchObject({ ties: [{ rank: 1, optionIds: [a, b] }] });
    expect(rankedOptions(decided).map((r) => [r.rank, r.label])).toEqual([
      [1, 'B'],
      [2, 'A'],
      [3, 'C'],
    ]);
    expect((await db.resolutions.get(resolution.id))!.outcome).toBe('passed');
    expect(await domainCode(createRunOff(db, poll.id, 'Rozstřel'))).toBe('errors.tieSettled');
    const ballots = await ballotsOf(poll.id);
    expect(checkBallotsAgainstPoll(decided, ballots)).toEqual([]);
  });

  it('one call creates the run-off: a draft between the tied options, counted the same way', async () => {
    const { poll } = await tiedDots();
    const runOff = await createRunOff(db, poll.id, 'Rozstřel: Priority');
    expect(runOff).toMatchObject({
      status: 'draft',
      title: 'Rozstřel: Priority',
      agendaItemId: poll.agendaItemId,
      runOffOf: poll.id,
      secret: poll.secret,
    });
    expect(runOff.options.map((o) => o.label)).toEqual(['A', 'B']);
    expect(runOff.definition).toMatchObject({
      method: 'points',
      options: runOff.options.map((o) => o.id),
      pointsPerVoter: 3,
      maxPerOption: 2,
    });
    expect((await pollOf(poll.id)).runOffPollId).toBe(runOff.id);
    expect(await domainCode(createRunOff(db, poll.id, 'again'))).toBe('errors.tieSettled');
    expect(
      await domainCode(decideTie(db, poll.id, { order: firstPlaceTie(poll), by: 'Jana' })),
    ).toBe('errors.tieSettled');
    // Discarding the run-off opens the tie again.
    await removePoll(db, runOff.id);
    expect((await pollOf(poll.id)).runOffPollId).toBeUndefined();
  });

  it('a poll without a tie offers neither', async () => {
    const g = await group();
    await present(g.meeting.id, g.members.slice(0, 5));
    const poll = await openedPoll(g.item.id);
    await castBallot(db, poll.id, g.members[0]!, { points: points(poll, { A: 2 }) }, 'kiosk');
    const r = await closePoll(db, poll.id, close);
    expect(r.outcome).toBe('passed');
    expect(await domainCode(createRunOff(db, poll.id, 'x'))).toBe('errors.pollNoTie');
  });
});

describe('stored polls and ballots agree (backup checks)', () => {
  it('every closed poll passes the record schemas and the recount, even when a voter left before closing', async () => {
    const g = await group();
    await present(g.meeting.id, g.members.slice(0, 6));
    const named = await openedPoll(g.item.id, { method: 'resolution' });
    const secret = await openedPoll(g.item.id, { secret: true });
    for (const [i, vote] of ['yes', 'yes', 'no', 'abstain'].entries()) {
      await castBallot(db, named.id, g.members[i]!, { vote }, 'kiosk');
      await castBallot(
        db,
        secret.id,
        g.members[i]!,
        { points: points(secret, { A: i % 3 }) },
        'kiosk',
      );
    }
    await addHandCount(db, secret.id, { voters: 1, points: points(secret, { C: 2 }) });
    await leave(g.meeting.id, [g.members[0]!]);
    await closePoll(db, named.id, close);
    await closePoll(db, secret.id, close);
    for (const id of [named.id, secret.id]) {
      const poll = await pollOf(id);
      const ballots = await ballotsOf(id);
      expect(pollRecordSchema.safeParse(poll).error).toBeUndefined();
      for (const b of ballots) expect(ballotRecordSchema.safeParse(b).error).toBeUndefined();
      expect(checkBallotsAgainstPoll(poll, ballots)).toEqual([]);
    }
    // The member who left was present when voting: the stored snapshot says so.
    const snap = (await pollOf(named.id)).snapshot!;
    expect(snap.members.find((m) => m.voterId === g.members[0])).toMatchObject({
      present: true,
      voted: true,
    });
  });

  it('a changed vote or a voter added to the list is caught', async () => {
    const g = await group();
    await present(g.meeting.id, g.members.slice(0, 4));
    const poll = await openedPoll(g.item.id, { method: 'resolution' });
    for (const [i, vote] of ['yes', 'yes', 'no'].entries())
      await castBallot(db, poll.id, g.members[i]!, { vote }, 'kiosk');
    await closePoll(db, poll.id, close);
    const stored = await pollOf(poll.id);
    const ballots = await ballotsOf(poll.id);
    const flipped = ballots.map((b, i) =>
      i === 0
        ? {
            ...b,
            ballot: {
              ...b.ballot,
              vote:
                b.ballot.kind === 'individual' && 'vote' in b.ballot && b.ballot.vote === 'yes'
                  ? 'no'
                  : 'yes',
            },
          }
        : b,
    );
    expect(checkBallotsAgainstPoll(stored, flipped as typeof ballots).map((p) => p.code)).toContain(
      'RESULT_MISMATCH',
    );
    expect(
      checkBallotsAgainstPoll({ ...stored, voters: [...stored.voters, g.members[3]!] }, ballots),
    ).toContainEqual({ code: 'VOTER_LIST_MISMATCH', voterId: g.members[3] });
  });
});

describe('removePoll', () => {
  it('throws away a draft or open poll with its ballots', async () => {
    const g = await group();
    await present(g.meeting.id, g.members.slice(0, 5));
    const draft = await createPoll(db, g.item.id, input());
    const open = await openedPoll(g.item.id, { method: 'resolution' });
    const other = await openedPoll(g.item.id, { method: 'resolution' });
    await castBallot(db, open.id, g.members[0]!, { vote: 'yes' }, 'kiosk');
    await castBallot(db, other.id, g.members[0]!, { vote: 'yes' }, 'kiosk');
    await removePoll(db, draft.id);
    await removePoll(db, open.id);
    await removePoll(db, 'nope');
    expect((await db.polls.toArray()).map((p) => p.id)).toEqual([other.id]);
    expect((await db.ballots.toArray()).map((b) => b.pollId)).toEqual([other.id]);
  });
});

describe('approved minutes are locked', () => {
  it('polls of the meeting can be neither created, opened, voted, counted, closed nor removed', async () => {
    const g = await group();
    await present(g.meeting.id, g.members.slice(0, 5));
    const draft = await createPoll(db, g.item.id, input({ method: 'resolution' }));
    const open = await openedPoll(g.item.id, { method: 'resolution' });
    await addHandCount(db, open.id, { yes: 1, no: 0, abstain: 0 });
    await setMinutesStatus(db, g.meeting.id, 'toVerify');
    await setMinutesStatus(db, g.meeting.id, 'verified');
    await approveMinutes(db, g.meeting.id, { by: 'tacit', on: '2026-03-20' });
    const edits: Record<string, () => Promise<unknown>> = {
      createPoll: () => createPoll(db, g.item.id, input()),
      openPoll: () => openPoll(db, draft.id),
      castBallot: () => castBallot(db, open.id, g.members[0]!, { vote: 'yes' }, 'kiosk'),
      addHandCount: () => addHandCount(db, open.id, { yes: 1, no: 0, abstain: 0 }),
      closePoll: () => closePoll(db, open.id, close),
      removePoll: () => removePoll(db, open.id),
    };
    for (const [name, edit] of Object.entries(edits))
      expect(await domainCode(edit()), name).toBe('errors.minutesLocked');
    expect(await db.polls.count()).toBe(2);
    expect((await pollOf(draft.id)).status).toBe('draft');
    expect((await pollOf(open.id)).status).toBe('open');
    expect(await db.ballots.count()).toBe(1);
    expect(await db.resolutions.count()).toBe(0);
  });

  it('a hand count of a poll left open cannot be taken back either', async () => {
    const g = await group();
    await present(g.meeting.id, g.members.slice(0, 5));
    const open = await openedPoll(g.item.id, { method: 'resolution' });
    await addHandCount(db, open.id, { yes: 1, no: 0, abstain: 0 });
    await setMinutesStatus(db, g.meeting.id, 'toVerify');
    await setMinutesStatus(db, g.meeting.id, 'verified');
    await approveMinutes(db, g.meeting.id, { by: 'tacit', on: '2026-03-20' });
    const [block] = await ballotsOf(open.id);
    expect(await domainCode(removeHandCount(db, block!.id))).toBe('errors.minutesLocked');
    expect(await db.ballots.count()).toBe(1);
  });
});
