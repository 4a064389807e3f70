import type { AmendmentInput, Meeting, MinutesApproval, MinutesStatus } from '@shared/domain';
import { amendmentInput, canMoveMinutes, isLocked } from '@shared/domain';
import { newId, nowIso, todayIso } from './clock';
import { DomainError, parseOrThrow } from './errors';
import type { AppDb } from './schema';

/** Moves the minutes along koncept → k ověření → ověřeno; approval has its own function. */
export async function setMinutesStatus(
  db: AppDb,
  meetingId: string,
  to: Exclude<MinutesStatus, 'approved'>,
): Promise<void> {
  await db.transaction('rw', db.meetings, async () => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting) throw new DomainError('errors.notFound');
    const from = meeting.minutesStatus ?? 'draft';
    if (!canMoveMinutes(from, to)) throw new DomainError('errors.minutesTransition');
    const patch: Partial<Meeting> = { minutesStatus: to, updatedAt: nowIso() };
    if (to === 'toVerify') patch.writtenOn = todayIso();
    if (to === 'verified') patch.verifiedOn = todayIso();
    await db.meetings.update(meetingId, patch);
  });
}

/**
 * Approves verified minutes and locks them: either by a resolution of a later meeting of the
 * same body, or tacitly when the body's comment period passed without comments.
 */
export async function approveMinutes(
  db: AppDb,
  meetingId: string,
  approval: { by: 'resolution'; resolutionId: string } | { by: 'tacit'; on: string },
): Promise<void> {
  await db.transaction('rw', db.meetings, db.resolutions, async () => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting) throw new DomainError('errors.notFound');
    if (!canMoveMinutes(meeting.minutesStatus ?? 'draft', 'approved'))
      throw new DomainError('errors.minutesTransition');
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
    await db.meetings.update(meetingId, {
      minutesStatus: 'approved',
      minutesApproval: record,
      updatedAt: nowIso(),
    });
  });
}

/** A correction of approved minutes: kept with reason, author and time; the minutes stay locked. */
export async function addAmendment(
  db: AppDb,
  meetingId: string,
  input: AmendmentInput,
  author: string,
): Promise<void> {
  const data = parseOrThrow(amendmentInput, input);
  await db.transaction('rw', db.meetings, db.amendments, async () => {
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
  });
}
