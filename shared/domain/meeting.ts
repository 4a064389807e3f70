import { z } from 'zod';
import type { Timestamps, Stored } from './common';
import { clockTime, isoDate, optionalText, requiredText } from './common';
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
      .array(z.string().trim().max(300, 'errors.tooLong'))
      .max(30, 'errors.tooMany')
      .optional()
      .transform((list) => {
        const kept = (list ?? []).filter((m) => m.length > 0);
        return kept.length ? kept : undefined;
      }),
  })
  .refine((m) => m.timeTo > m.timeFrom, { message: 'errors.endsBeforeStart', path: ['timeTo'] });
export type MeetingInput = z.input<typeof meetingInput>;

export interface Meeting extends Stored<z.output<typeof meetingInput>>, Timestamps {
  id: string;
  /** Sequence within the body and calendar year: the "3" of "3/2026". */
  seq: number;
  year: number;
  /** Meeting-room state and minutes lifecycle (schema v2; absent on older records = draft). */
  minutesStatus?: MinutesStatus;
  minutesApproval?: MinutesApproval;
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
