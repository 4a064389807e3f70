import { isLocked, type Meeting } from '@shared/domain';
import { DomainError } from './errors';
import type { AppDb } from './schema';

/** Approved minutes are locked: changes go through an amendment (dodatek/oprava). */
export async function editableMeeting(db: AppDb, meetingId: string): Promise<Meeting> {
  const meeting = await db.meetings.get(meetingId);
  if (!meeting) throw new DomainError('errors.notFound');
  if (isLocked(meeting.minutesStatus)) throw new DomainError('errors.minutesLocked');
  return meeting;
}
