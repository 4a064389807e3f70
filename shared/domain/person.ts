import { z } from 'zod';
import type { Archivable, Timestamps, Stored } from './common';
import { optionalText, requiredText } from './common';
import { TRIAD_ROLES } from './triad';

export const personInput = z.object({
  title: optionalText(40),
  firstName: requiredText(80),
  lastName: requiredText(80),
  organizationId: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined)),
  triadRole: z.enum(TRIAD_ROLES, 'errors.required'),
  email: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || z.email().safeParse(v).success, 'errors.email'),
  phone: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^\+?[\d ()-]{6,20}$/.test(v), 'errors.phone'),
  note: optionalText(2000),
});
export type PersonInput = z.input<typeof personInput>;

export interface Person extends Stored<z.output<typeof personInput>>, Timestamps, Archivable {
  id: string;
  /** Consent to processing personal data (GDPR); set through its own repository function. */
  consent?: { date: string; scope: string; note?: string };
}

const collator = new Intl.Collator('cs');

/** "Mgr. Jana Nováková" – the form used in minutes and attendance sheets. */
export function fullName(p: Pick<Person, 'title' | 'firstName' | 'lastName'>): string {
  return [p.title, p.firstName, p.lastName].filter(Boolean).join(' ');
}

/** Czech alphabetical order by surname, then first name (Č after C, Ch after H). */
export function comparePeople(
  a: Pick<Person, 'firstName' | 'lastName'>,
  b: Pick<Person, 'firstName' | 'lastName'>,
): number {
  return collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName);
}
