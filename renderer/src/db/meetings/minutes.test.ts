import { describe, expect, it } from 'vitest';
import type { ResolutionInput } from '@shared/domain';

import {
  addAgendaItem,
  addAgendaItems,
  moveAgendaItem,
  removeAgendaItem,
  saveDiscussion,
  updateAgendaItem,
} from './agenda';
import { markAttendance } from './attendance';

import { ValidationError } from '../errors';
import { createMeeting } from './meetings';
import { addAmendment, approveMinutes, setMinutesStatus } from './minutes';

import { addResolution, addTask, removeResolution } from './resolutions';
import { removeTask, reviewTask, updateTask } from './tasks';
import { db, domainCode, groupOfMembers, rejection } from '../testDb';

const group = (code = 'PS1') => groupOfMembers(code, 5);
async function meeting(bodyId: string, date: string) {
  return (
    await createMeeting(
      db,
      { bodyId, date, timeFrom: '09:00', timeTo: '11:00', place: 'MÚ' },
      '2026-01-01',
    )
  ).meeting;
}
async function verify(meetingId: string) {
  await setMinutesStatus(db, meetingId, 'toVerify');
  await setMinutesStatus(db, meetingId, 'verified');
}
/** A resolution at `meetingId` with all 5 members present: 5:0:0 passes, 0:5:0 is rejected. */
async function resolution(meetingId: string, members: string[], passed = true) {
  for (const personId of members)
    await markAttendance(db, { meetingId, personId, status: 'present' });
  const item = await addAgendaItem(db, meetingId, { title: 'Schválení zápisu' });
  const input: ResolutionInput = {
    verb: 'approves',
    text: 'Schvaluje zápis z minulého jednání',
    result: passed
      ? { kind: 'vote', yes: 5, no: 0, abstain: 0 }
      : { kind: 'vote', yes: 0, no: 5, abstain: 0 },
  };
  return addResolution(db, item.id, input);
}

describe('setMinutesStatus', () => {
  it('draft → toVerify → verified, recording the days; back to draft is allowed', async () => {
    const g = await group();
    const m = await meeting(g.body.id, '2026-03-10');
    expect(m.minutesStatus).toBeUndefined();
    await setMinutesStatus(db, m.id, 'toVerify');
    let stored = (await db.meetings.get(m.id))!;
    expect(stored.minutesStatus).toBe('toVerify');
    expect(stored.writtenOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await setMinutesStatus(db, m.id, 'verified');
    stored = (await db.meetings.get(m.id))!;
    expect(stored.minutesStatus).toBe('verified');
    expect(stored.verifiedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await setMinutesStatus(db, m.id, 'draft');
    expect((await db.meetings.get(m.id))!.minutesStatus).toBe('draft');
  });

  it('refuses skipping a step and unknown meetings', async () => {
    const g = await group();
    const m = await meeting(g.body.id, '2026-03-10');
    expect(await domainCode(setMinutesStatus(db, m.id, 'verified'))).toBe(
      'errors.minutesTransition',
    );
    expect(await domainCode(setMinutesStatus(db, m.id, 'draft'))).toBe('errors.minutesTransition');
    expect(await domainCode(approveMinutes(db, m.id, { by: 'tacit', on: '2026-03-31' }))).toBe(
      'errors.minutesTransition',
    );
    await setMinutesStatus(db, m.id, 'toVerify');
    expect(await domainCode(approveMinutes(db, m.id, { by: 'tacit', on: '2026-03-31' }))).toBe(
      'errors.minutesTransition',
    );
    expect(await domainCode(setMinutesStatus(db, 'nope', 'toVerify'))).toBe('errors.notFound');
    expect((await db.meetings.get(m.id))!.minutesStatus).toBe('toVerify');
  });
});

describe('approveMinutes', () => {
  it('by a passed resolution of a later meeting of the same body', async () => {
    const g = await group();
    const m1 = await meeting(g.body.id, '2026-03-10');
    const m2 = await meeting(g.body.id, '2026-04-14');
    await verify(m1.id);
    const r = await resolution(m2.id, g.members);
    await approveMinutes(db, m1.id, { by: 'resolution', resolutionId: r.id });
    const stored = (await db.meetings.get(m1.id))!;
    expect(stored.minutesStatus).toBe('approved');
    expect(stored.minutesApproval).toEqual({
      by: 'resolution',
      resolutionId: r.id,
      resolutionNumber: 'PS1/2/2026/1',
      on: '2026-04-14',
    });
    // approved minutes cannot be approved again nor moved back
    expect(
      await domainCode(approveMinutes(db, m1.id, { by: 'resolution', resolutionId: r.id })),
    ).toBe('errors.minutesTransition');
    expect(await domainCode(setMinutesStatus(db, m1.id, 'draft'))).toBe('errors.minutesTransition');
  });

  it('refuses a resolution of another body, of an earlier meeting, of the same meeting, a rejected one, an unknown one', async () => {
    const g = await group();
    const other = await group('PS2');
    const m0 = await meeting(g.body.id, '2026-02-10');
    const m1 = await meeting(g.body.id, '2026-03-10');
    const m2 = await meeting(g.body.id, '2026-04-14');
    const foreign = await meeting(other.body.id, '2026-04-20');
    const earlier = await resolution(m0.id, g.members);
    const same = await resolution(m1.id, g.members);
    const rejected = await resolution(m2.id, g.members, false);
    const otherBody = await resolution(foreign.id, other.members);
    expect(rejected.outcome).toBe('rejected');
    await verify(m1.id);
    for (const resolutionId of [otherBody.id, earlier.id, same.id, rejected.id, 'nope']) {
      expect(
        await domainCode(approveMinutes(db, m1.id, { by: 'resolution', resolutionId })),
        resolutionId,
      ).toBe('errors.approvalResolution');
    }
    const stored = (await db.meetings.get(m1.id))!;
    expect(stored.minutesStatus).toBe('verified');
    expect(stored.minutesApproval).toBeUndefined();
  });

  it('tacitly on a day not before the meeting', async () => {
    const g = await group();
    const m = await meeting(g.body.id, '2026-03-10');
    await verify(m.id);
    expect(await domainCode(approveMinutes(db, m.id, { by: 'tacit', on: '2026-03-09' }))).toBe(
      'errors.date',
    );
    expect(await domainCode(approveMinutes(db, m.id, { by: 'tacit', on: '31.3.2026' }))).toBe(
      'errors.date',
    );
    await approveMinutes(db, m.id, { by: 'tacit', on: '2026-03-31' });
    expect(await db.meetings.get(m.id)).toMatchObject({
      minutesStatus: 'approved',
      minutesApproval: { by: 'tacit', on: '2026-03-31' },
    });
  });
});

describe('approved minutes are locked', () => {
  it('every edit at that meeting throws errors.minutesLocked and nothing changes', async () => {
    const g = await group();
    const m1 = await meeting(g.body.id, '2026-02-10');
    const m2 = await meeting(g.body.id, '2026-03-10');
    const earlierTask = await addTask(db, m1.id, { text: 'Úkol z minula' });
    await addAgendaItems(db, m2.id, [{ title: 'A' }, { title: 'B' }]);
    const r = await resolution(m2.id, g.members);
    const item = (await db.agendaItems.get(r.agendaItemId))!;
    const plain = (await db.agendaItems.where('meetingId').equals(m2.id).toArray()).find(
      (i) => i.title === 'A',
    )!;
    const task = await addTask(db, m2.id, { text: 'Úkol' }, item.id);
    await verify(m2.id);
    await approveMinutes(db, m2.id, { by: 'tacit', on: '2026-03-31' });

    const dump = async () => ({
      items: (await db.agendaItems.toArray()).sort((a, b) => a.id.localeCompare(b.id)),
      resolutions: (await db.resolutions.toArray()).sort((a, b) => a.id.localeCompare(b.id)),
      tasks: (await db.tasks.toArray()).sort((a, b) => a.id.localeCompare(b.id)),
    });
    const before = await dump();
    const edits: [string, () => Promise<unknown>][] = [
      ['addAgendaItem', () => addAgendaItem(db, m2.id, { title: 'C' })],
      ['addAgendaItems', () => addAgendaItems(db, m2.id, [{ title: 'C' }])],
      ['updateAgendaItem', () => updateAgendaItem(db, plain.id, { title: 'Jinak' })],
      ['moveAgendaItem', () => moveAgendaItem(db, m2.id, 0, 1)],
      ['removeAgendaItem', () => removeAgendaItem(db, plain.id)],
      ['saveDiscussion', () => saveDiscussion(db, item.id, 'Dodatečně')],
      [
        'addResolution',
        () =>
          addResolution(db, item.id, {
            verb: 'takesNote',
            text: 'X',
            result: { kind: 'consensus' },
          }),
      ],
      ['removeResolution', () => removeResolution(db, r.id)],
      ['addTask', () => addTask(db, m2.id, { text: 'X' })],
      ['updateTask', () => updateTask(db, task.id, { text: 'X' })],
      ['removeTask', () => removeTask(db, task.id)],
      ['reviewTask', () => reviewTask(db, earlierTask.id, m2.id, 'done')],
    ];
    for (const [name, edit] of edits)
      expect(await domainCode(edit()), name).toBe('errors.minutesLocked');
    expect(await dump()).toEqual(before);
  });
});

describe('addAmendment', () => {
  it('only on approved minutes; kept with reason, author and time', async () => {
    const g = await group();
    const m = await meeting(g.body.id, '2026-03-10');
    const input = { reason: 'Překlep ve jménu', text: 'Správně: Horáková' };
    expect(await domainCode(addAmendment(db, m.id, input, 'Petra'))).toBe('errors.amendDraft');
    await verify(m.id);
    expect(await domainCode(addAmendment(db, m.id, input, 'Petra'))).toBe('errors.amendDraft');
    await approveMinutes(db, m.id, { by: 'tacit', on: '2026-03-31' });
    await addAmendment(db, m.id, input, '  ');
    await addAmendment(db, m.id, { reason: 'Doplnění', text: 'Příloha 2' }, 'Petra Dvořáková');
    const list = await db.amendments.where('meetingId').equals(m.id).toArray();
    expect(list).toHaveLength(2);
    expect(list.find((a) => a.reason === 'Překlep ve jménu')).toMatchObject({
      text: 'Správně: Horáková',
      author: '—',
    });
    expect(list.find((a) => a.reason === 'Doplnění')).toMatchObject({ author: 'Petra Dvořáková' });
    expect(await rejection(addAmendment(db, m.id, { reason: '', text: 'X' }, 'P'))).toBeInstanceOf(
      ValidationError,
    );
    expect(await domainCode(addAmendment(db, 'nope', input, 'P'))).toBe('errors.notFound');
    expect((await db.meetings.get(m.id))!.minutesStatus).toBe('approved');
  });
});
