// The one place for the rule "approved minutes are locked" (issue 11): every repository
// function that changes what minutes are made of (attendance, programme, discussions,
// resolutions, polls and ballots, tasks created at the meeting, the header) asks here first.
import Dexie from 'dexie';
import { isLocked, type Meeting } from '@shared/domain';
import {
  approvalOrSeal,
  auditInTransaction,
  auditOfTableInTransaction,
  supersededIds,
} from './safety/audit';
import { nowIso } from './clock';
import { DomainError } from './errors';
import type { AppDb } from './schema';

/**
 * Locked: approved, or carrying an approval or a seal. A status turned back by hand does not
 * unlock minutes that were approved.
 */
export const lockedMeeting = (m: Meeting): boolean =>
  isLocked(m.minutesStatus) || !!m.minutesApproval || !!m.minutesSeal;

/** Whether the audit inside the running transaction says the minutes were approved or sealed. */
async function approvedInHistory(db: AppDb, meetingId: string): Promise<boolean> {
  const idb = Dexie.currentTransaction?.idbtrans as IDBTransaction | undefined;
  if (!idb?.objectStoreNames.contains('audit')) return false;
  const own = (await auditInTransaction(db, 'meetings', meetingId)).filter(approvalOrSeal);
  if (own.length === 0) return false;
  const superseded = supersededIds(await auditOfTableInTransaction(db, 'backup'));
  return own.some((e) => !superseded.has(e.id));
}

/**
 * The meeting, if its minutes may still change; throws `errors.minutesLocked` otherwise
 * (changes go through an amendment). Call inside the read-write transaction of the change.
 * A change to verified minutes sends them back to "k ověření": the verifier must see them
 * again (`reopen: false` for what is not minutes content, such as the item timer).
 */
export async function editableMeeting(
  db: AppDb,
  meetingId: string,
  { reopen = true }: { reopen?: boolean } = {},
): Promise<Meeting> {
  const meeting = await db.meetings.get(meetingId);
  if (!meeting) throw new DomainError('errors.notFound');
  if (lockedMeeting(meeting) || (await approvedInHistory(db, meetingId)))
    throw new DomainError('errors.minutesLocked');
  if (reopen && meeting.minutesStatus === 'verified') {
    const at = nowIso();
    await db.meetings.update(meetingId, {
      minutesStatus: 'toVerify',
      changedAfterVerification: at,
      updatedAt: at,
    });
    return { ...meeting, minutesStatus: 'toVerify', changedAfterVerification: at };
  }
  return meeting;
}
