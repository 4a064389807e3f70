import { z } from 'zod';
import type { AppDb } from './schema';
import { parseOrThrow } from './errors';

// Project metadata printed in the header of every exported document (ESF publicity rules).
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'errors.tooLong')
    .optional()
    .transform((v) => (v ? v : undefined));

export const projectSettings = z.object({
  organizationName: text(200),
  recipient: text(200),
  projectName: text(300),
  registrationNumber: text(60).refine(
    (v) => v === undefined || /^CZ\.[0-9A-Za-z./_-]+$/.test(v),
    'errors.registrationNumber',
  ),
  funderLine: text(300),
  /** What the logo shows, for screen readers and Word's alt text ("Loga EU, ESF a OPZ"). */
  logoAltText: text(300),
  logo: z
    .object({
      bytes: z
        .instanceof(Uint8Array)
        .refine((b) => b.byteLength <= 1_000_000, 'errors.logoTooLarge'),
      type: z.enum(['png', 'jpg']),
      widthPx: z.number().int().min(1).max(10_000),
      heightPx: z.number().int().min(1).max(10_000),
    })
    .optional(),
});
export type ProjectSettings = z.output<typeof projectSettings>;

export async function saveProjectSettings(
  db: AppDb,
  input: z.input<typeof projectSettings>,
): Promise<void> {
  const data = parseOrThrow(projectSettings, input);
  await db.settings.put({ key: 'project', value: data });
}

/** PNG or JPEG by magic bytes; anything else is refused whatever its name says. */
export function imageType(bytes: Uint8Array): 'png' | 'jpg' | null {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)
    return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  return null;
}
