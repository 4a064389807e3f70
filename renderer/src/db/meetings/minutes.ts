import type { AmendmentInput, Meeting, MinutesApproval, MinutesStatus } from '@shared/domain';
import { amendmentInput, canMoveMinutes, isLocked } from '@shared/domain';
import { flushDrafts } from '../safety/audit';
import { newId, nowIso, todayIso } from '../clock';
import { DomainError, parseOrThrow } from '../errors';
import { editableMeeting } from '../guard';
import type { AppDb } from '../schema';
import { sealInTransaction, sealTables } from '../safety/seal';

/**
 * Moves the minutes along koncept → k ověření → ověřeno (and back to koncept before approval);
 * approval has its own function and nothing ever leaves "approved".
 */
export async function setMinutesStatus(
  db: AppDb,
  meetingId: string,
  to: Exclude<MinutesStatus, 'approved'>,
): Promise<void> {
  await db.transaction('rw', db.meetings, db.agendaItems, async () => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting) throw new DomainError('errors.notFound');
    const from = meeting.minutesStatus ?? 'draft';
    if (!canMoveMinutes(from, to)) throw new DomainError('errors.minutesTransition');
    // A status turned back by hand does not reopen minutes that were approved.
    await editableMeeting(db, meetingId, { reopen: false });
    // The text typed so far goes into the audit before anyone signs it off.
    await flushDrafts(db, meetingId);
    const patch: Partial<Meeting> = { minutesStatus: to, updatedAt: nowIso() };
    if (to === 'toVerify') patch.writtenOn = todayIso();
    if (to === 'verified') {
      patch.verifiedOn = todayIso();
      patch.changedAfterVerification = undefined;
    }
    await db.meetings.update(meetingId, patch);
  });
}

/**
 * Approves verified minutes and locks them: either by a resolution of a later meeting of the
 * same body, or tacitly when the body's comment period passed without comments. The seal is
 * written in the same transaction: approved minutes never exist without it.
 */
export async function approveMinutes(
  db: AppDb,
  meetingId: string,
  approval: { by: 'resolution'; resolutionId: string } | { by: 'tacit'; on: string },
): Promise<void> {
  await db.transaction('rw', sealTables(db), async () => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting) throw new DomainError('errors.notFound');
    if (!canMoveMinutes(meeting.minutesStatus ?? 'draft', 'approved'))
      throw new DomainError('errors.minutesTransition');
    await editableMeeting(db, meetingId, { reopen: false });
    let record: MinutesApproval;
    if (approval.by === 'resolution') {
      const r = await db.resolutions.get(approval.resolutionId);
      const at = r ? await db.meetings.get(r.meetingId) : undefined;
      if (
        !r ||
        !at ||
        at.bodyId !== meeting.bodyId ||
        at.date + at.timeFrom <= meeting.date + meeting.timeFrom ||
        r.outcome !== 'passed'
      )
        throw new DomainError('errors.approvalResolution');
      record = { by: 'resolution', resolutionId: r.id, resolutionNumber: r.number, on: at.date };
    } else {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(approval.on) || approval.on < meeting.date)
        throw new DomainError('errors.date');
      record = { by: 'tacit', on: approval.on };
    }
    await flushDrafts(db, meetingId);
    await db.meetings.update(meetingId, {
      minutesStatus: 'approved',
      minutesApproval: record,
      updatedAt: nowIso(),
    });
    await sealInTransaction(db, meetingId, 'approval');
  });
}

/**
 * A correction of approved minutes: kept with reason, author and time; the minutes stay locked
 * and are sealed again with the amendment, in the same transaction.
 */
export async function addAmendment(
  db: AppDb,
  meetingId: string,
  input: AmendmentInput,
  author: string,
): Promise<void> {
  const data = parseOrThrow(amendmentInput, input);
  await db.transaction('rw', sealTables(db), async () => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting) throw new DomainError('errors.notFound');
    if (!isLocked(meeting.minutesStatus)) throw new DomainError('errors.amendDraft');
    const now = nowIso();
    await db.amendments.add({
      id: newId(),
      meetingId,
      reason: data.reason,
      text: data.text,
      author: author.trim() || '—',
      at: now,
      createdAt: now,
      updatedAt: now,
    });
    await sealInTransaction(db, meetingId, 'amendment');
  });
}
