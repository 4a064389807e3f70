import { z } from 'zod';
import type { Timestamps, Stored } from './common';
import { clockTime, optionalText } from './common';

export const ATTENDANCE_STATUSES = [
  'present',
  'excused',
  'absent',
  'substituted',
  'guest',
] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

const optionalTime = z
  .string()
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(clockTime.optional());

export const attendanceInput = z
  .object({
    meetingId: z.string().min(1, 'errors.required'),
    personId: z.string().min(1, 'errors.required'),
    status: z.enum(ATTENDANCE_STATUSES),
    /** For status "substituted": the person who came instead. */
    substituteId: z
      .string()
      .optional()
      .transform((v) => (v ? v : undefined)),
    arrivedAt: optionalTime,
    leftAt: optionalTime,
    note: optionalText(500),
  })
  .refine((a) => a.status !== 'substituted' || a.substituteId !== undefined, {
    message: 'errors.substituteRequired',
    path: ['substituteId'],
  })
  .refine((a) => a.substituteId === undefined || a.substituteId !== a.personId, {
    message: 'errors.substituteSelf',
    path: ['substituteId'],
  })
  .refine((a) => !a.arrivedAt || !a.leftAt || a.leftAt >= a.arrivedAt, {
    message: 'errors.leftBeforeArrival',
    path: ['leftAt'],
  });
export type AttendanceInput = z.input<typeof attendanceInput>;

export interface Attendance extends Stored<z.output<typeof attendanceInput>>, Timestamps {
  id: string;
}

/** Is the person (or their substitute) in the room now? Leaving ends presence. */
export function isInRoom(a: Pick<Attendance, 'status' | 'leftAt'>): boolean {
  return (
    (a.status === 'present' || a.status === 'substituted' || a.status === 'guest') && !a.leftAt
  );
}
