import { z } from 'zod';
import { minimumCount } from '../voting/arithmetic';

// Rules of procedure (jednací řád) of one body, stored as configuration (DOMAIN.md §3.2).
// Defaults are the usual Czech ones: quorum = more than half of voting members, majority of
// present voting members, the chair decides a tie, 7 calendar days' notice.

/** 'simple': more votes for than against (prostá většina); abstentions do not count. */
export const MAJORITY_RULES = ['present', 'all', 'cast', 'simple'] as const;
export type MajorityRule = (typeof MAJORITY_RULES)[number];
export const TIE_RULES = ['chairDecides', 'rejected'] as const;
export type TieRule = (typeof TIE_RULES)[number];
export const LEAD_TIME_UNITS = ['calendar', 'working'] as const;

/** A share such as "more than 1/2" (strict) or "at least 2/3". */
export const fraction = z
  .object({
    numerator: z.number().int('errors.integer').min(1, 'errors.fraction'),
    denominator: z.number().int('errors.integer').min(1, 'errors.fraction'),
    strict: z.boolean(),
  })
  .refine((f) => f.numerator <= f.denominator && !(f.strict && f.numerator === f.denominator), {
    message: 'errors.fraction',
    path: ['numerator'],
  });
export type Fraction = z.infer<typeof fraction>;

export const rulesOfProcedure = z.object({
  quorum: fraction,
  majority: z.enum(MAJORITY_RULES),
  tieRule: z.enum(TIE_RULES),
  leadTime: z.object({
    days: z.number().int('errors.integer').min(0, 'errors.nonNegative').max(60, 'errors.tooLarge'),
    unit: z.enum(LEAD_TIME_UNITS),
  }),
  /** Days before the meeting by which an absence must be excused (Jablonec PS: 3). */
  excuseDeadlineDays: z
    .number()
    .int('errors.integer')
    .min(0, 'errors.nonNegative')
    .max(30, 'errors.tooLarge'),
  guestsVote: z.boolean(),
  substituteFromOtherOrganization: z.boolean(),
  absenceWarningAfter: z
    .number()
    .int('errors.integer')
    .min(0, 'errors.nonNegative')
    .max(20, 'errors.tooLarge'),
});
export type RulesOfProcedure = z.infer<typeof rulesOfProcedure>;

export const DEFAULT_RULES: RulesOfProcedure = {
  quorum: { numerator: 1, denominator: 2, strict: true },
  majority: 'present',
  tieRule: 'chairDecides',
  leadTime: { days: 7, unit: 'calendar' },
  excuseDeadlineDays: 3,
  guestsVote: false,
  substituteFromOtherOrganization: false,
  absenceWarningAfter: 3,
};

/** Smallest head count that satisfies the share of `base`: the counting engine's exact rule. */
export function requiredCount(share: Fraction, base: number): number {
  return minimumCount(base, share);
}
