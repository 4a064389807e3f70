import { describe, expect, it } from 'vitest';
import type { PollInput, PollRecord } from '@shared/domain';
import { ballotRecordSchema, ballotTime, pollRecordSchema } from '@shared/domain';
import { RECORD_SCHEMAS } from '@shared/backup/records';
import { checkBallotsAgainstPoll } from '@shared/voting';
import { addAgendaItem } from '../meetings/agenda';
import { markAttendance } from '../meetings/attendance';
import { verifyAuditChain, type AuditEntry } from '../safety/audit';
import { ValidationError } from '../errors';
import { createMeeting } from '../meetings/meetings';
import {
  addHandCount,
  castBallot,
  closePoll,
  createPoll,
  openPoll,
  storeHubBallot,
  storeHubBallots,
} from './polls';
import { db, domainCode, groupOfMembers, rejection } from '../testDb';

// Storage rules of phone ballots (issue 13): stored, then acknowledged; a resend is idempotent;
// secret ballots carry no voter, role or time and are stored in no particular order.

async function room(size = 8) {
  const { body, members } = await groupOfMembers('PS1', size);
  const { meeting } = await createMeeting(
    db,
    { bodyId: body.id, date: '2026-03-10', timeFrom: '09:00', timeTo: '11:00', place: 'MÚ' },
    '2026-01-01',
  );
  for (const personId of members)
    await markAttendance(db, { meetingId: meeting.id, personId, status: 'present' });
  const item = await addAgendaItem(db, meeting.id, { title: 'Priority' });
  return { members, meeting, item };
}

async function opened(itemId: string, over: Partial<PollInput> = {}): Promise<PollRecord> {
  const poll = await createPoll(db, itemId, {
    title: 'Priorita',
    method: 'singleChoice',
    secret: false,
    options: ['Taxi', 'Stacionář', 'Poradna'],
    ...over,
  });
  await openPoll(db, poll.id);
  return (await db.polls.get(poll.id))!;
}

const pollOf = async (id: string) => (await db.polls.get(id))!;
const ballotsOf = (pollId: string) => db.ballots.where('pollId').equals(pollId).toArray();
const choose = (poll: PollRecord, i: number) => ({ choices: [poll.options[i]!.id] });
const close = { verb: 'approves', text: 'Schvaluje pořadí' } as const;

describe('storeHubBallot', () => {
  it('stores a named phone ballot before it answers; a resend of the same id is the same answer and no second ballot', async () => {
    const r = await room();
    const poll = await opened(r.item.id);
    const hub = { id: 'hub-1', pollId: poll.id, voterId: r.members[0]!, choice: choose(poll, 1) };
    const first = await storeHubBallot(db, hub);
    expect(first).toEqual({ ok: true, duplicate: false });
    // Resolved = committed: a fresh read sees the ballot and the voter.
    expect(await ballotsOf(poll.id)).toHaveLength(1);
    expect((await pollOf(poll.id)).voters).toEqual([r.members[0]]);
    expect(await storeHubBallot(db, hub)).toEqual({ ok: true, duplicate: true });
    expect(await storeHubBallot(db, { ...hub, choice: choose(poll, 2) })).toEqual({
      ok: true,
      duplicate: true,
    });
    const ballots = await ballotsOf(poll.id);
    expect(ballots).toHaveLength(1);
    expect(ballots[0]).toMatchObject({ source: 'phone', ballot: { voterId: r.members[0] } });
    expect((await pollOf(poll.id)).receipts).toEqual(['hub-1']);
  });

  it('a batch of phone ballots is one transaction with one answer each; a refusal does not stop the others', async () => {
    const r = await room();
    const poll = await opened(r.item.id, { secret: true });
    await storeHubBallot(db, {
      id: 'early',
      pollId: poll.id,
      voterId: r.members[0]!,
      choice: choose(poll, 0),
    });
    const batch = [
      { id: 'early', pollId: poll.id, voterId: r.members[0]!, choice: choose(poll, 0) },
      { id: 'b1', pollId: poll.id, voterId: r.members[1]!, choice: choose(poll, 1) },
      { id: 'b2', pollId: poll.id, voterId: r.members[1]!, choice: choose(poll, 2) },
      { id: 'b3', pollId: poll.id, voterId: 'stranger', choice: choose(poll, 2) },
      { id: 'b4', pollId: poll.id, voterId: r.members[2]!, choice: { choices: ['nope'] } },
      { id: 'b5', pollId: 'no-such-poll', voterId: r.members[3]!, choice: choose(poll, 0) },
      { id: 'b6', pollId: poll.id, voterId: r.members[4]!, choice: choose(poll, 2) },
    ];
    const outcomes = await storeHubBallots(db, batch);
    expect(outcomes.map((o) => (o.ok ? (o.duplicate ? 'dup' : 'ok') : 'refused'))).toEqual([
      'dup',
      'ok',
      'refused',
      'refused',
      'refused',
      'refused',
      'ok',
    ]);
    expect(outcomes[2]).toEqual({ ok: false, code: 'errors.alreadyVoted' });
    expect(await ballotsOf(poll.id)).toHaveLength(3);
    expect((await pollOf(poll.id)).voters).toEqual(
      [r.members[0], r.members[1], r.members[4]].sort(),
    );
    expect((await pollOf(poll.id)).receipts).toEqual(['b1', 'b6', 'early']);
  });

  it('a member votes once across the kiosk and the phone, in either order', async () => {
    const r = await room();
    const poll = await opened(r.item.id, { secret: true });
    await castBallot(db, poll.id, r.members[0]!, choose(poll, 0), 'kiosk');
    expect(
      await storeHubBallot(db, {
        id: 'h1',
        pollId: poll.id,
        voterId: r.members[0]!,
        choice: choose(poll, 1),
      }),
    ).toEqual({ ok: false, code: 'errors.alreadyVoted' });
    const ok = await storeHubBallot(db, {
      id: 'h2',
      pollId: poll.id,
      voterId: r.members[1]!,
      choice: choose(poll, 1),
    });
    expect(ok.ok).toBe(true);
    expect(await domainCode(castBallot(db, poll.id, r.members[1]!, choose(poll, 0), 'kiosk'))).toBe(
      'errors.alreadyVoted',
    );
    // A second phone ballot of a member with a new hub id is refused too.
    expect(
      await storeHubBallot(db, {
        id: 'h3',
        pollId: poll.id,
        voterId: r.members[1]!,
        choice: choose(poll, 2),
      }),
    ).toEqual({ ok: false, code: 'errors.alreadyVoted' });
    expect(await ballotsOf(poll.id)).toHaveLength(2);
    expect((await pollOf(poll.id)).voters).toEqual([r.members[0], r.members[1]].sort());
  });

  it('refuses a closed or unknown poll, a guest without a vote and a ballot the engine refuses, writing nothing', async () => {
    const r = await room();
    const poll = await opened(r.item.id);
    const bad = await storeHubBallot(db, {
      id: 'x',
      pollId: poll.id,
      voterId: r.members[0]!,
      choice: { choices: ['nonsense'] },
    });
    expect(bad).toEqual({ ok: false, code: 'errors.ballot.UNKNOWN_OPTION' });
    expect(
      await storeHubBallot(db, {
        id: 'y',
        pollId: poll.id,
        voterId: 'stranger',
        choice: choose(poll, 0),
      }),
    ).toEqual({ ok: false, code: 'errors.notEntitled' });
    expect(
      await storeHubBallot(db, { id: 'z', pollId: 'ghost', voterId: 'a', choice: {} }),
    ).toEqual({ ok: false, code: 'errors.notFound' });
    const after = await pollOf(poll.id);
    expect(after.voters).toEqual([]);
    expect(after.receipts ?? []).toEqual([]);
    expect(await ballotsOf(poll.id)).toHaveLength(0);
    await closePoll(db, poll.id, close);
    expect(
      await storeHubBallot(db, {
        id: 'w',
        pollId: poll.id,
        voterId: r.members[0]!,
        choice: choose(poll, 0),
      }),
    ).toEqual({ ok: false, code: 'errors.pollNotOpen' });
  });
});

describe('secret ballots', () => {
  it('carry no voter, no role and no time; they count as cast when the poll closed', async () => {
    const r = await room();
    const poll = await opened(r.item.id, { secret: true });
    for (const [i, voterId] of r.members.slice(0, 4).entries()) {
      if (i % 2) await castBallot(db, poll.id, voterId, choose(poll, i % 3), 'kiosk');
      else
        await storeHubBallot(db, {
          id: `h${i}`,
          pollId: poll.id,
          voterId,
          choice: choose(poll, 0),
        });
    }
    await closePoll(db, poll.id, close);
    const closed = await pollOf(poll.id);
    for (const b of await ballotsOf(poll.id)) {
      expect(b).not.toHaveProperty('createdAt');
      expect(b).not.toHaveProperty('updatedAt');
      expect(b.ballot).not.toHaveProperty('voterId');
      expect(b.ballot).not.toHaveProperty('role');
      expect(JSON.stringify(b)).not.toMatch(new RegExp(r.members.join('|')));
      expect(ballotTime(b, closed)).toBe(closed.closedAt);
      expect(ballotRecordSchema.safeParse(b).success).toBe(true);
      expect(RECORD_SCHEMAS.ballots!.schema.safeParse(b).success).toBe(true);
    }
    expect(pollRecordSchema.safeParse(closed).success).toBe(true);
    expect(checkBallotsAgainstPoll(closed, await ballotsOf(poll.id))).toEqual([]);
  });

  it('are stored under random ids, so their stored order is not the order of voting', async () => {
    const r = await room(10);
    const poll = await opened(r.item.id, { secret: true });
    // Each voter picks a different option pattern: the stored order shows if it follows voting.
    const cast: string[] = [];
    for (const [i, voterId] of r.members.entries()) {
      await castBallot(db, poll.id, voterId, choose(poll, i % 3), 'kiosk');
      cast.push(poll.options[i % 3]!.id);
    }
    const stored = await db.ballots.where('pollId').equals(poll.id).toArray();
    for (const b of stored)
      expect(b.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const ids = stored.map((b) => b.id);
    expect([...ids].sort()).toEqual(ids);
    // 10 votes in a row: the chance that random ids keep the voting order is 1 in 10!.
    expect(stored.map((b) => (b.ballot as { choices: string[] }).choices[0])).not.toEqual(cast);
  });

  it('the marking and the ballot are one transaction: a refused ballot leaves the voter unmarked', async () => {
    const r = await room();
    const poll = await opened(r.item.id, { secret: true });
    await rejection(castBallot(db, poll.id, r.members[0]!, { choices: ['x'] }, 'kiosk'));
    expect((await pollOf(poll.id)).voters).toEqual([]);
    expect(await ballotsOf(poll.id)).toEqual([]);
  });

  it("the audit keeps the hub's receipts as a count: entries do not grow with every phone ballot", async () => {
    const r = await room(30);
    const poll = await opened(r.item.id, { secret: true });
    for (const [i, voterId] of r.members.entries())
      await storeHubBallot(db, {
        id: `hub-${i}`,
        pollId: poll.id,
        voterId,
        choice: choose(poll, i % 3),
      });
    expect((await pollOf(poll.id)).receipts).toHaveLength(30);
    const entries = ((await db.table('audit').toArray()) as AuditEntry[]).filter(
      (e) => e.table === 'polls' && e.recordId === poll.id,
    );
    expect(
      entries.some((e) => 'receipts' in (e.after ?? {}) || 'receipts' in (e.before ?? {})),
    ).toBe(false);
    const counts = entries.map((e) => Number(e.after?.receiptsCount ?? 0));
    expect(Math.max(...counts)).toBe(30);
  });

  it('a batch writes its poll once: one audit entry for the poll, one chained link, every ballot stored', async () => {
    const r = await room(30);
    const poll = await opened(r.item.id, { secret: true });
    const auditOf = async () =>
      ((await db.table('audit').toArray()) as AuditEntry[]).filter(
        (e) => e.table === 'polls' && e.recordId === poll.id,
      );
    const before = new Set((await auditOf()).map((e) => e.id));
    const batch = r.members.map((voterId, i) => ({
      id: `hub-${i}`,
      pollId: poll.id,
      voterId,
      choice: choose(poll, i % 3),
    }));
    // Delivered again after a reconnect, inside the same batch: stored once.
    batch.push({ ...batch[0]! });
    const outcomes = await storeHubBallots(db, batch);
    expect(outcomes.filter((o) => o.ok && !o.duplicate)).toHaveLength(30);
    expect(outcomes.at(-1)).toEqual({ ok: true, duplicate: true });
    expect(await ballotsOf(poll.id)).toHaveLength(30);
    const polled = await pollOf(poll.id);
    expect(polled.voters).toEqual([...r.members].sort());
    expect(polled.receipts).toHaveLength(30);
    const added = (await auditOf()).filter((e) => !before.has(e.id));
    expect(added).toHaveLength(1);
    expect(added[0]!.after).toMatchObject({ votersCount: 30, receiptsCount: 30 });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it("the audit dates a secret ballot with the poll's opening, not with the moment it was cast", async () => {
    const r = await room();
    const poll = await opened(r.item.id, { secret: true });
    await new Promise((res) => setTimeout(res, 20));
    await storeHubBallot(db, {
      id: 'h',
      pollId: poll.id,
      voterId: r.members[0]!,
      choice: choose(poll, 0),
    });
    const entries = (await db.table('audit').toArray()) as AuditEntry[];
    const ballot = entries.find((e) => e.table === 'ballots')!;
    expect(ballot.side).toBe(true);
    expect(ballot.at).toBe(
      entries.find((e) => e.table === 'polls' && e.after?.status === 'open')!.at,
    );
    expect(JSON.stringify(ballot)).not.toContain(r.members[0]);
  });

  it("the sync outbox row of a secret ballot carries no time either; a named ballot's does", async () => {
    const r = await room();
    const secret = await opened(r.item.id, { secret: true });
    await storeHubBallot(db, {
      id: 'h',
      pollId: secret.id,
      voterId: r.members[0]!,
      choice: choose(secret, 0),
    });
    const named = await opened(r.item.id);
    await castBallot(db, named.id, r.members[0]!, choose(named, 0), 'kiosk');
    const rows = (await db
      .table('outbox')
      .filter((x: { table: string }) => x.table === 'ballots')
      .toArray()) as {
      id: string;
      at: string;
    }[];
    const [s] = await ballotsOf(secret.id);
    const [n] = await ballotsOf(named.id);
    expect(rows.find((x) => x.id === s!.id)!.at).toBe('1970-01-01T00:00:00.000Z');
    expect(rows.find((x) => x.id === n!.id)!.at >= n!.createdAt!).toBe(true);
  });

  it('old secret ballots, stored with the time the poll opened, stay readable', () => {
    const old = {
      id: crypto.randomUUID(),
      pollId: 'p',
      source: 'kiosk',
      ballot: { kind: 'individual', choices: ['a'] },
      createdAt: '2026-03-10T09:30:00.000Z',
      updatedAt: '2026-03-10T09:30:00.000Z',
    };
    expect(ballotRecordSchema.safeParse(old).success).toBe(true);
    expect(RECORD_SCHEMAS.ballots!.schema.safeParse(old).success).toBe(true);
    expect(ballotTime(old, { closedAt: '2026-03-10T10:00:00.000Z' })).toBe(old.createdAt);
    // A named ballot must keep its time.
    const named = { ...old, ballot: { ...old.ballot, voterId: 'v' } } as Record<string, unknown>;
    delete named.createdAt;
    expect(ballotRecordSchema.safeParse(named).success).toBe(false);
    expect(RECORD_SCHEMAS.ballots!.schema.safeParse(named).success).toBe(false);
  });
});

describe('anonymous polls (a public meeting)', () => {
  it('take one ballot per hub id from devices, name nobody, list no voters and close without a quorum', async () => {
    const r = await room(3);
    const poll = await opened(r.item.id, { anonymous: true });
    expect(poll).toMatchObject({ anonymous: true, secret: true });
    expect(poll.definition.quorum).toBeUndefined();
    // 12 people of the public: more than the 3 members present.
    for (let i = 0; i < 12; i++) {
      const out = await storeHubBallot(db, {
        id: `dev-${i}`,
        pollId: poll.id,
        choice: choose(poll, i % 2),
      });
      expect(out.ok).toBe(true);
    }
    expect(await storeHubBallot(db, { id: 'dev-3', pollId: poll.id, choice: {} })).toEqual({
      ok: true,
      duplicate: true,
    });
    await addHandCount(db, poll.id, { counts: { [poll.options[2]!.id]: 20 } });
    // Members vote in the body's polls, not in the public's.
    expect(
      await storeHubBallot(db, {
        id: 'm',
        pollId: poll.id,
        voterId: r.members[0]!,
        choice: choose(poll, 0),
      }),
    ).toEqual({ ok: false, code: 'errors.anonymousPoll' });
    expect(await domainCode(castBallot(db, poll.id, r.members[0]!, choose(poll, 0), 'kiosk'))).toBe(
      'errors.anonymousPoll',
    );
    const resolution = await closePoll(db, poll.id, close);
    const closed = await pollOf(poll.id);
    expect(closed.voters).toEqual([]);
    expect(closed.result?.participation.votersRepresented).toBe(32);
    expect(closed.result?.quorum).toBeNull();
    expect(resolution.outcome).toBe('publicResult');
    const ballots = await ballotsOf(poll.id);
    expect(ballots).toHaveLength(13);
    expect(checkBallotsAgainstPoll(closed, ballots)).toEqual([]);
    expect(pollRecordSchema.safeParse(closed).success).toBe(true);
    // A voter smuggled into an anonymous poll's list is caught by the backup check.
    expect(
      checkBallotsAgainstPoll({ ...closed, voters: [r.members[0]!] }, ballots).map((p) => p.code),
    ).toContain('VOTER_LIST_MISMATCH');
  });

  it('record the public’s result, never a passed resolution of the group, even with too few members present', async () => {
    const { body, members } = await groupOfMembers('PS1', 9);
    const { meeting } = await createMeeting(
      db,
      { bodyId: body.id, date: '2026-03-11', timeFrom: '09:00', timeTo: '11:00', place: 'MÚ' },
      '2026-01-01',
    );
    // One member of nine in the room: the group could decide nothing.
    await markAttendance(db, { meetingId: meeting.id, personId: members[0]!, status: 'present' });
    const item = await addAgendaItem(db, meeting.id, { title: 'Logo' });
    const poll = await opened(item.id, { anonymous: true });
    await storeHubBallot(db, { id: 'dev-1', pollId: poll.id, choice: choose(poll, 1) });
    const resolution = await closePoll(db, poll.id, close);
    expect(resolution.outcome).toBe('publicResult');
    expect(resolution.outcome).not.toBe('passed');
    expect(resolution.decision).toBeUndefined();
    const closed = await pollOf(poll.id);
    expect(closed.result?.quorum).toBeNull();
    expect(closed.result?.participation.votersRepresented).toBe(1);
    expect(RECORD_SCHEMAS.resolutions!.schema.safeParse(resolution).success).toBe(true);
  });

  it('cannot pass a resolution: the public is not the body', async () => {
    const r = await room(3);
    const e = await rejection(
      createPoll(db, r.item.id, {
        title: 'Souhlasíte?',
        method: 'resolution',
        secret: false,
        anonymous: true,
      }),
    );
    expect(e).toBeInstanceOf(ValidationError);
  });
});
