import { describe, expect, it } from 'vitest';
import type { ResolutionInput, RulesOfProcedure } from '@shared/domain';
import { DEFAULT_RULES } from '@shared/domain';
import { addAgendaItem } from './agenda';
import { markAttendance } from './attendance';
import { addMembership, createBody } from '../people/bodies';
import { ValidationError } from '../errors';
import { createMeeting } from './meetings';
import { approveMinutes, setMinutesStatus } from './minutes';
import { createPerson } from '../people/people';
import { attendanceView } from '../queries';
import { addResolution, addTask, entitlementSnapshot, removeResolution } from './resolutions';
import { db, domainCode, domainError, rejection } from '../testDb';

/** A working group of 9 voting members and a non-voting secretary, with one meeting. */
async function group(rules: Partial<RulesOfProcedure> = {}, pattern?: string) {
  const body = await createBody(db, {
    kind: 'working',
    code: 'PS 1',
    name: 'Senioři',
    rules: { ...DEFAULT_RULES, ...rules },
    resolutionPattern: pattern,
  });
  const members: string[] = [];
  for (let i = 0; i < 9; i++) {
    const p = await createPerson(db, {
      firstName: 'Člen',
      lastName: `Člen${i + 1}`,
      triadRole: 'provider',
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
  const meeting = await newMeeting(body.id, '2026-03-10');
  const item = await addAgendaItem(db, meeting.id, { title: 'Plán' });
  return { body, members, secretary, meeting, item };
}
async function newMeeting(bodyId: string, date: string) {
  return (
    await createMeeting(
      db,
      { bodyId, date, timeFrom: '09:00', timeTo: '11:00', place: 'MÚ' },
      '2026-01-01',
    )
  ).meeting;
}
async function present(meetingId: string, ids: string[]) {
  for (const personId of ids) await markAttendance(db, { meetingId, personId, status: 'present' });
}
const vote = (yes: number, no: number, abstain: number): ResolutionInput => ({
  verb: 'approves',
  text: 'Schvaluje plán',
  result: { kind: 'vote', yes, no, abstain },
});
async function guest(meetingId: string, lastName: string) {
  const p = await createPerson(db, { firstName: 'Host', lastName, triadRole: 'public' });
  await markAttendance(db, { meetingId, personId: p.id, status: 'guest' });
  return p.id;
}

describe('entitlementSnapshot', () => {
  it('voting members with their presence; the secretary has no vote; substitutes bring the vote', async () => {
    const g = await group();
    const sub = await createPerson(db, {
      firstName: 'Marie',
      lastName: 'Horáková',
      triadRole: 'user',
    });
    await present(g.meeting.id, [g.members[0]!, g.secretary]);
    await markAttendance(db, {
      meetingId: g.meeting.id,
      personId: g.members[1]!,
      status: 'substituted',
      substituteId: sub.id,
    });
    await markAttendance(db, {
      meetingId: g.meeting.id,
      personId: g.members[2]!,
      status: 'excused',
    });
    await markAttendance(db, {
      meetingId: g.meeting.id,
      personId: g.members[3]!,
      status: 'present',
      leftAt: '10:00',
    });
    await guest(g.meeting.id, 'Trčka');
    const s = await entitlementSnapshot(db, g.meeting.id);
    expect(s.members).toHaveLength(10);
    const byId = new Map(s.members.map((m) => [m.voterId, m]));
    expect(byId.get(g.members[0]!)).toMatchObject({
      entitled: true,
      present: true,
      role: 'provider',
    });
    expect(byId.get(g.members[1]!)).toMatchObject({ entitled: true, present: true, role: 'user' });
    expect(byId.get(g.members[2]!)).toMatchObject({ entitled: true, present: false });
    expect(byId.get(g.members[3]!)).toMatchObject({ entitled: true, present: false });
    expect(byId.get(g.members[4]!)).toMatchObject({ entitled: true, present: false });
    expect(byId.get(g.secretary)).toMatchObject({ entitled: false, present: true });
    expect(await domainCode(entitlementSnapshot(db, 'nope'))).toBe('errors.notFound');
  });

  it('guests are in the snapshot, entitled, only when the rules give them a vote', async () => {
    const g = await group({ guestsVote: true });
    const id = await guest(g.meeting.id, 'Trčka');
    const s = await entitlementSnapshot(db, g.meeting.id);
    expect(s.members.find((m) => m.voterId === id)).toMatchObject({
      entitled: true,
      present: true,
      role: 'public',
    });
  });
});

describe('addResolution', () => {
  it('numbers 1, 2 within a meeting by the body pattern and restarts at the next meeting', async () => {
    const g = await group();
    await present(g.meeting.id, g.members.slice(0, 5));
    const r1 = await addResolution(db, g.item.id, vote(5, 0, 0));
    const r2 = await addResolution(db, g.item.id, {
      verb: 'takesNote',
      text: 'Bere na vědomí',
      result: { kind: 'consensus' },
    });
    expect([r1.seq, r1.number]).toEqual([1, 'PS1/1/2026/1']);
    expect([r2.seq, r2.number]).toEqual([2, 'PS1/1/2026/2']);
    expect(r1).toMatchObject({
      meetingId: g.meeting.id,
      bodyId: g.body.id,
      agendaItemId: g.item.id,
      outcome: 'passed',
    });
    const m2 = await newMeeting(g.body.id, '2026-04-14');
    const i2 = await addAgendaItem(db, m2.id, { title: 'Bod' });
    const r3 = await addResolution(db, i2.id, {
      verb: 'takesNote',
      text: 'X',
      result: { kind: 'noVote' },
    });
    expect([r3.seq, r3.number, r3.outcome]).toEqual([1, 'PS1/2/2026/1', 'noVote']);
    expect(await db.resolutions.count()).toBe(3);
  });

  it('uses a custom numbering pattern', async () => {
    const g = await group({}, '{seq}/{meeting}/{year}');
    await present(g.meeting.id, g.members.slice(0, 5));
    expect((await addResolution(db, g.item.id, vote(5, 0, 0))).number).toBe('1/1/2026');
  });

  it('is decided by the live attendance and the body rules, and the decision is stored', async () => {
    const g = await group();
    await present(g.meeting.id, [...g.members.slice(0, 4), g.secretary]);
    const r1 = await addResolution(db, g.item.id, vote(4, 0, 0));
    expect(r1.outcome).toBe('noQuorum');
    expect(r1.decision).toMatchObject({
      votingMembers: 9,
      presentVoting: 4,
      quorumRequired: 5,
      quorate: false,
    });
    await present(g.meeting.id, [g.members[4]!]);
    const r2 = await addResolution(db, g.item.id, vote(3, 2, 0));
    expect(r2.outcome).toBe('passed');
    expect(r2.decision).toMatchObject({
      presentVoting: 5,
      baseCount: 5,
      minYes: 3,
      majority: 'present',
    });
    const r3 = await addResolution(db, g.item.id, vote(2, 2, 1));
    expect(r3.outcome).toBe('tie');
    expect((await db.resolutions.get(r2.id))!.decision).toEqual(r2.decision);
  });

  it("under the 'all' majority 3:2:0 of 5 present is rejected (5 of 9 needed)", async () => {
    const g = await group({ majority: 'all', tieRule: 'rejected' });
    await present(g.meeting.id, g.members.slice(0, 5));
    expect((await addResolution(db, g.item.id, vote(3, 2, 0))).outcome).toBe('rejected');
    expect((await addResolution(db, g.item.id, vote(5, 0, 0))).outcome).toBe('passed');
  });

  it('more votes than present voting members is errors.votesExceedPresent and writes nothing', async () => {
    const g = await group();
    await present(g.meeting.id, [...g.members.slice(0, 5), g.secretary]);
    const e = await domainError(addResolution(db, g.item.id, vote(4, 1, 1)));
    expect(e.code).toBe('errors.votesExceedPresent');
    expect(e.params).toEqual({ votes: 6, present: 5 });
    expect(await db.resolutions.count()).toBe(0);
  });

  it('bad input is a ValidationError; an unknown item is errors.notFound', async () => {
    const g = await group();
    const e = await rejection(addResolution(db, g.item.id, { ...vote(1, 0, 0), text: '' }));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).fields).toEqual({ text: 'errors.required' });
    expect(await domainCode(addResolution(db, 'nope', vote(0, 0, 0)))).toBe('errors.notFound');
    expect(await db.resolutions.count()).toBe(0);
  });

  it("an 'instructs' resolution and its task are written together and linked", async () => {
    const g = await group();
    await present(g.meeting.id, g.members.slice(0, 5));
    const r = await addResolution(
      db,
      g.item.id,
      { verb: 'instructs', text: 'Ukládá zjistit kapacity', result: { kind: 'consensus' } },
      { text: 'Zjistit kapacity', ownerId: g.members[1], deadline: '2026-04-30' },
    );
    const tasks = await db.tasks.toArray();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      bodyId: g.body.id,
      meetingId: g.meeting.id,
      agendaItemId: g.item.id,
      resolutionId: r.id,
      seq: 1,
      number: 'U-1/2026-1',
      status: 'open',
      reviews: [],
      ownerId: g.members[1],
      deadline: '2026-04-30',
    });
  });

  it('a bad task writes neither the resolution nor the task', async () => {
    const g = await group();
    await present(g.meeting.id, g.members.slice(0, 5));
    const input: ResolutionInput = {
      verb: 'instructs',
      text: 'Ukládá',
      result: { kind: 'consensus' },
    };
    const e = await rejection(
      addResolution(db, g.item.id, input, { text: 'Úkol', deadline: '2026-13-01' }),
    );
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).fields).toEqual({ deadline: 'errors.date' });
    // an unknown owner is found inside the transaction: the resolution is rolled back too
    expect(
      await domainCode(addResolution(db, g.item.id, input, { text: 'Úkol', ownerId: 'nope' })),
    ).toBe('errors.unknownPerson');
    expect(await db.resolutions.count()).toBe(0);
    expect(await db.tasks.count()).toBe(0);
  });

  it('guests with a vote do not make a meeting quorate that the room shows as not quorate', async () => {
    // 4 of 9 members present: the room (computeQuorum, "guests never count") says no quorum.
    const g = await group({ guestsVote: true });
    await present(g.meeting.id, g.members.slice(0, 4));
    await guest(g.meeting.id, 'Trčka');
    await guest(g.meeting.id, 'Vávra');
    const view = (await attendanceView(db, g.meeting.id))!;
    expect(view.quorum).toMatchObject({ votingMembers: 9, presentVoting: 4, quorate: false });
    const r = await addResolution(db, g.item.id, vote(6, 0, 0));
    expect(r.decision).toMatchObject({ quorumRequired: 5, quorate: false });
    expect(r.outcome).toBe('noQuorum');
  });
});

describe('removeResolution', () => {
  it('renumbers the later resolutions of the meeting and unlinks its task', async () => {
    const g = await group();
    await present(g.meeting.id, g.members.slice(0, 5));
    const consensus = { kind: 'consensus' } as const;
    const r1 = await addResolution(
      db,
      g.item.id,
      { verb: 'instructs', text: 'A', result: consensus },
      { text: 'Úkol A' },
    );
    const r2 = await addResolution(db, g.item.id, {
      verb: 'approves',
      text: 'B',
      result: consensus,
    });
    const r3 = await addResolution(db, g.item.id, {
      verb: 'approves',
      text: 'C',
      result: consensus,
    });
    await removeResolution(db, r1.id);
    const rest = (await db.resolutions.toArray()).sort((a, b) => a.seq - b.seq);
    expect(rest.map((r) => [r.id, r.seq, r.number])).toEqual([
      [r2.id, 1, 'PS1/1/2026/1'],
      [r3.id, 2, 'PS1/1/2026/2'],
    ]);
    const task = (await db.tasks.toArray())[0]!;
    expect('resolutionId' in task).toBe(false);
    expect(task.agendaItemId).toBe(g.item.id);
    // the next resolution continues after the last one
    expect(
      (await addResolution(db, g.item.id, { verb: 'approves', text: 'D', result: consensus }))
        .number,
    ).toBe('PS1/1/2026/3');
    await removeResolution(db, 'nope');
    expect(await db.resolutions.count()).toBe(3);
  });

  it('refuses to remove a resolution that approved the minutes of an earlier meeting', async () => {
    const g = await group();
    await setMinutesStatus(db, g.meeting.id, 'toVerify');
    await setMinutesStatus(db, g.meeting.id, 'verified');
    const m2 = await newMeeting(g.body.id, '2026-04-14');
    const i2 = await addAgendaItem(db, m2.id, { title: 'Schválení zápisu' });
    await present(m2.id, g.members.slice(0, 5));
    const approving = await addResolution(db, i2.id, vote(5, 0, 0));
    await approveMinutes(db, g.meeting.id, { by: 'resolution', resolutionId: approving.id });
    await rejection(removeResolution(db, approving.id));
    expect(await db.resolutions.get(approving.id)).toBeDefined();
  });

  it('refuses a removal that would renumber the resolution that approved earlier minutes', async () => {
    const g = await group();
    await setMinutesStatus(db, g.meeting.id, 'toVerify');
    await setMinutesStatus(db, g.meeting.id, 'verified');
    const m2 = await newMeeting(g.body.id, '2026-04-14');
    const i2 = await addAgendaItem(db, m2.id, { title: 'Schválení zápisu' });
    await present(m2.id, g.members.slice(0, 5));
    const first = await addResolution(db, i2.id, {
      verb: 'takesNote',
      text: 'Bere na vědomí',
      result: { kind: 'consensus' },
    });
    const approving = await addResolution(db, i2.id, vote(5, 0, 0));
    await approveMinutes(db, g.meeting.id, { by: 'resolution', resolutionId: approving.id });
    expect(await domainCode(removeResolution(db, first.id))).toBe(
      'errors.resolutionApprovesMinutes',
    );
    expect((await db.resolutions.get(approving.id))!.number).toBe('PS1/2/2026/2');
    expect(await db.resolutions.get(first.id)).toBeDefined();
  });
});

describe('addTask', () => {
  it('numbers tasks per meeting, shared with tasks of resolutions', async () => {
    const g = await group();
    await present(g.meeting.id, g.members.slice(0, 5));
    await addResolution(
      db,
      g.item.id,
      { verb: 'instructs', text: 'A', result: { kind: 'consensus' } },
      { text: 'A' },
    );
    const t = await addTask(db, g.meeting.id, { text: 'B', ownerId: '', deadline: '' }, g.item.id);
    expect(t).toMatchObject({ seq: 2, number: 'U-1/2026-2', agendaItemId: g.item.id });
    expect('ownerId' in t || 'deadline' in t || 'resolutionId' in t).toBe(false);
    expect(await domainCode(addTask(db, 'nope', { text: 'X' }))).toBe('errors.notFound');
    expect(await domainCode(addTask(db, g.meeting.id, { text: 'X', ownerId: 'nope' }))).toBe(
      'errors.unknownPerson',
    );
    expect(await db.tasks.count()).toBe(2);
  });
});
