import type { z } from 'zod';
import { projectSettings } from '@shared/domain';

export type { ProjectSettings } from '@shared/domain';
import type { AppDb } from './schema';
import { parseOrThrow } from './errors';

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
