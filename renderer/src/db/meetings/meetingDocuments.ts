import { MEETING_DOCUMENT_FIELDS, meetingDocumentsInput, type Meeting } from '@shared/domain';
import type { MeetingDocumentsInput } from '@shared/domain';
import { nowIso } from '../clock';
import { DomainError, parseOrThrow } from '../errors';
import { editableMeeting } from '../guard';
import type { AppDb } from '../schema';

/**
 * Saves what the documents print beyond the schedule (actual times, attachments, distribution,
 * the invitation's contact, signer and dates). Fields left empty are removed.
 */
export async function saveMeetingDocuments(
  db: AppDb,
  meetingId: string,
  input: MeetingDocumentsInput,
): Promise<Meeting> {
  const data = parseOrThrow(meetingDocumentsInput, input);
  return db.transaction('rw', [db.meetings, db.people], async () => {
    const current = await editableMeeting(db, meetingId);
    if (data.signerId && !(await db.people.get(data.signerId)))
      throw new DomainError('errors.unknownPerson');
    const next: Meeting = { ...current, updatedAt: nowIso() };
    for (const key of MEETING_DOCUMENT_FIELDS) delete next[key];
    for (const [key, value] of Object.entries(data))
      if (value !== undefined) Object.assign(next, { [key]: value });
    await db.meetings.put(next);
    return next;
  });
}
