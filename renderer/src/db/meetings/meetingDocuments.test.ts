import { describe, expect, it } from 'vitest';
import { RECORD_SCHEMAS } from '@shared/backup/records';
import { meetingDocumentsInput } from '@shared/domain';
import { createMeeting, updateMeeting } from './meetings';
import { saveMeetingDocuments } from './meetingDocuments';
import { approveMinutes, setMinutesStatus } from './minutes';
import { db, domainError, groupOfMembers } from '../testDb';

async function meeting() {
  const { body, members } = await groupOfMembers();
  const input = {
    bodyId: body.id,
    date: '2026-04-16',
    timeFrom: '09:00',
    timeTo: '11:30',
    place: 'MěÚ Vizovice',
  };
  const { meeting } = await createMeeting(db, input, '2026-04-01');
  return { meeting, members, input };
}

describe('meeting document fields', () => {
  it('stores what the documents print, and a form save of the meeting keeps it', async () => {
    const { meeting: m, members, input } = await meeting();
    await saveMeetingDocuments(db, m.id, {
      startedAt: '09:05',
      endedAt: '11:20',
      attachments: ['Prezentace KÚ ZK', ' ', 'Výsledky dotazníku'],
      distributedTo: 'členům PS1',
      distributedOn: '2026-04-20',
      commentsBy: '2026-04-27',
      invitationContact: 'Petra Dvořáková, tel. 577 000 111',
      signerId: members[0],
      signerRole: 'vedoucí pracovní skupiny',
      issuePlace: 'Vizovice',
      invitationIssuedOn: '2026-04-06',
      invitationSentOn: '2026-04-07',
      invitationSentTo: 'členům PS1 e-mailem',
    });
    await updateMeeting(db, m.id, { ...input, place: 'MěÚ Vizovice, sál' }, '2026-04-01');
    const saved = (await db.meetings.get(m.id))!;
    expect(saved).toMatchObject({
      place: 'MěÚ Vizovice, sál',
      startedAt: '09:05',
      attachments: ['Prezentace KÚ ZK', 'Výsledky dotazníku'],
      signerId: members[0],
      invitationSentOn: '2026-04-07',
    });
    // Emptied fields go away.
    await saveMeetingDocuments(db, m.id, { attachments: [] });
    const cleared = (await db.meetings.get(m.id))!;
    expect(cleared.startedAt).toBeUndefined();
    expect(cleared.attachments).toBeUndefined();
  });

  it('refuses an end before the start and comments due before the minutes went out', async () => {
    expect(meetingDocumentsInput.safeParse({ startedAt: '10:00', endedAt: '09:00' }).success).toBe(
      false,
    );
    expect(
      meetingDocumentsInput.safeParse({ distributedOn: '2026-04-20', commentsBy: '2026-04-19' })
        .success,
    ).toBe(false);
    const { meeting: m } = await meeting();
    expect((await domainError(saveMeetingDocuments(db, m.id, { signerId: 'nobody' }))).code).toBe(
      'errors.unknownPerson',
    );
  });

  it('old meeting records without the fields stay valid in a backup', () => {
    const old = {
      id: 'm1',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      bodyId: 'b1',
      date: '2026-04-16',
      timeFrom: '09:00',
      timeTo: '11:30',
      place: 'MěÚ',
      seq: 1,
      year: 2026,
    };
    expect(RECORD_SCHEMAS.meetings!.schema.safeParse(old).success).toBe(true);
    expect(RECORD_SCHEMAS.meetings!.schema.safeParse({ ...old, startedAt: '25:00' }).success).toBe(
      false,
    );
  });

  it('approved minutes are locked', async () => {
    const { meeting: m } = await meeting();
    await setMinutesStatus(db, m.id, 'toVerify');
    await setMinutesStatus(db, m.id, 'verified');
    await approveMinutes(db, m.id, { by: 'tacit', on: '2026-05-01' });
    expect((await domainError(saveMeetingDocuments(db, m.id, { startedAt: '09:05' }))).code).toBe(
      'errors.minutesLocked',
    );
  });
});
