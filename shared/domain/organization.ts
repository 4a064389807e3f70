import { z } from 'zod';
import type { Archivable, Timestamps, Stored } from './common';
import { requiredText } from './common';
import { isValidIco, normalizeIco } from './ico';

export const ORGANIZATION_KINDS = [
  'municipality',
  'region',
  'provider',
  'ngo',
  'school',
  'other',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const organizationInput = z.object({
  name: requiredText(200),
  ico: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? normalizeIco(v) : undefined))
    .refine((v) => v === undefined || isValidIco(v), 'errors.ico'),
  kind: z.enum(ORGANIZATION_KINDS, 'errors.required'),
});
export type OrganizationInput = z.input<typeof organizationInput>;

export interface Organization
  extends Stored<z.output<typeof organizationInput>>, Timestamps, Archivable {
  id: string;
}
