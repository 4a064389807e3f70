import { z } from 'zod';
import type { Archivable, Timestamps, Stored } from './common';
import { isoDate, optionalText, requiredText } from './common';
import { rulesOfProcedure } from './rules';

export const BODY_KINDS = ['steering', 'working', 'realization', 'other'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export const bodyInput = z.object({
  kind: z.enum(BODY_KINDS, 'errors.required'),
  code: z
    .string('errors.required')
    .trim()
    .min(1, 'errors.required')
    .max(16, 'errors.tooLong')
    .regex(/^[\p{L}\d][\p{L}\d .-]*$/u, 'errors.code'),
  name: requiredText(200),
  targetGroup: optionalText(200),
  rules: rulesOfProcedure,
  /** Resolution numbering pattern; tokens {body} {meeting} {year} {seq}. */
  resolutionPattern: z
    .string()
    .trim()
    .max(60, 'errors.tooLong')
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || v.includes('{seq}'), 'errors.patternSeq'),
});
export type BodyInput = z.input<typeof bodyInput>;

export interface Body extends Stored<z.output<typeof bodyInput>>, Timestamps, Archivable {
  id: string;
}

export const MEMBER_ROLES = ['chair', 'deputy', 'member', 'secretary'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const membershipInput = z
  .object({
    bodyId: z.string().min(1, 'errors.required'),
    personId: z.string('errors.required').min(1, 'errors.required'),
    role: z.enum(MEMBER_ROLES),
    votingRight: z.boolean(),
    substituteId: z
      .string()
      .optional()
      .transform((v) => (v ? v : undefined)),
    from: isoDate,
    to: z
      .string()
      .optional()
      .transform((v) => (v ? v : undefined))
      .pipe(isoDate.optional()),
  })
  .refine((m) => m.to === undefined || m.to >= m.from, {
    message: 'errors.membershipEndsBeforeStart',
    path: ['to'],
  })
  .refine((m) => m.substituteId !== m.personId, {
    message: 'errors.substituteSelf',
    path: ['substituteId'],
  });
export type MembershipInput = z.input<typeof membershipInput>;

export interface Membership extends Stored<z.output<typeof membershipInput>>, Timestamps {
  id: string;
}

/** Membership is valid on `date` (ISO day) when from ≤ date ≤ to. */
export function isActiveOn(m: Pick<Membership, 'from' | 'to'>, date: string): boolean {
  return m.from <= date && (m.to === undefined || date <= m.to);
}
