import { z } from 'zod';
import type { Timestamps, Stored } from './common';
import { clockTime, isoDate, isSafeText, optionalText, requiredText } from './common';
import type { MinutesApproval, MinutesStatus } from './minutes';

const optionalId = z
  .string()
  .optional()
  .transform((v) => (v ? v : undefined));

export const meetingInput = z
  .object({
    bodyId: z.string('errors.required').min(1, 'errors.required'),
    date: isoDate,
    timeFrom: clockTime,
    timeTo: clockTime,
    place: requiredText(200),
    chairId: optionalId,
    minuteTakerId: optionalId,
    verifierId: optionalId,
    note: optionalText(2000),
    /** Materials sent with the invitation, one per line in the form. */
    materials: z
      .array(z.string().trim().max(300, 'errors.tooLong').refine(isSafeText, 'errors.unsafeText'))
      .max(30, 'errors.tooMany')
      .optional()
      .transform((list) => {
        const kept = (list ?? []).filter((m) => m.length > 0);
        return kept.length ? kept : undefined;
      }),
  })
  .refine((m) => m.timeTo > m.timeFrom, { message: 'errors.endsBeforeStart', path: ['timeTo'] });
export type MeetingInput = z.input<typeof meetingInput>;

const optionalDay = z
  .string()
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(isoDate.optional());
const optionalClock = z
  .string()
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(clockTime.optional());

/**
 * What the documents print beyond the schedule (issue 10): actual times, attachments,
 * distribution of the minutes, and the invitation's contact, signer and dates. All optional,
 * stored on the meeting, so records and backups written before them stay valid.
 */
export const meetingDocumentsInput = z
  .object({
    /** Actual opening / closing time ("Jednání zahájil … v 9:05"). */
    startedAt: optionalClock,
    endedAt: optionalClock,
    /** Attachments of the minutes beyond the attendance sheet, one per line in the form. */
    attachments: z
      .array(z.string().trim().max(300, 'errors.tooLong'))
      .max(30, 'errors.tooMany')
      .optional()
      .transform((list) => {
        const kept = (list ?? []).filter((m) => m.length > 0);
        return kept.length ? kept : undefined;
      }),
    /** Whom the minutes went to, in the dative: "členům PS1 a odboru sociálních věcí". */
    distributedTo: optionalText(300),
    distributedOn: optionalDay,
    commentsBy: optionalDay,
    /** Contact person of the invitation: name, phone, e-mail. */
    invitationContact: optionalText(300),
    /** Who signs the invitation (default: the chair) and in what role. */
    signerId: optionalId,
    signerRole: optionalText(200),
    /** Place and date of issue of the invitation, and when and to whom it was sent. */
    issuePlace: optionalText(100),
    invitationIssuedOn: optionalDay,
    invitationSentOn: optionalDay,
    invitationSentTo: optionalText(300),
  })
  .refine((m) => !m.startedAt || !m.endedAt || m.endedAt > m.startedAt, {
    message: 'errors.endsBeforeStart',
    path: ['endedAt'],
  })
  .refine((m) => !m.distributedOn || !m.commentsBy || m.commentsBy >= m.distributedOn, {
    message: 'errors.commentsBeforeDistribution',
    path: ['commentsBy'],
  });
export type MeetingDocumentsInput = z.input<typeof meetingDocumentsInput>;
export type MeetingDocuments = Stored<z.output<typeof meetingDocumentsInput>>;
export const MEETING_DOCUMENT_FIELDS = [
  'startedAt',
  'endedAt',
  'attachments',
  'distributedTo',
  'distributedOn',
  'commentsBy',
  'invitationContact',
  'signerId',
  'signerRole',
  'issuePlace',
  'invitationIssuedOn',
  'invitationSentOn',
  'invitationSentTo',
] as const satisfies readonly (keyof MeetingDocuments)[];

export interface Meeting
  extends Stored<z.output<typeof meetingInput>>, MeetingDocuments, Timestamps {
  id: string;
  /** Sequence within the body and calendar year: the "3" of "3/2026". */
  seq: number;
  year: number;
  /** Meeting-room state and minutes lifecycle (schema v2; absent on older records = draft). */
  minutesStatus?: MinutesStatus;
  minutesApproval?: MinutesApproval;
  /** SHA-256 of the approved minutes content, written with the approval (renderer/src/db/safety/seal.ts). */
  minutesSeal?: { hash: string; at: string };
  /** When verified minutes were changed and went back to "k ověření" (cleared on the next verification). */
  changedAfterVerification?: string;
  currentItemId?: string;
  /** The poll on the projector. */
  currentPollId?: string;
  writtenOn?: string;
  verifiedOn?: string;
  nextMeetingId?: string;
}

/** "3/2026" – how Czech minutes number meetings of a body within a year. */
export function meetingNumber(m: Pick<Meeting, 'seq' | 'year'>): string {
  return `${m.seq}/${m.year}`;
}

/** Next free sequence number for a body in a year, given the meetings it already has. */
export function nextMeetingSeq(
  existing: readonly Pick<Meeting, 'seq' | 'year'>[],
  year: number,
): number {
  return existing.filter((m) => m.year === year).reduce((max, m) => Math.max(max, m.seq), 0) + 1;
}

export function yearOf(isoDay: string): number {
  return Number(isoDay.slice(0, 4));
}
