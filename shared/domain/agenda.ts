import { z } from 'zod';
import type { Stored, Timestamps } from './common';
import { optionalText, requiredText } from './common';

/** What an item is for: standard items get special behaviour (task review, next meeting). */
export const AGENDA_KINDS = ['opening', 'review', 'regular', 'other', 'next'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

export const agendaItemInput = z.object({
  title: requiredText(300),
  presenter: optionalText(120),
  plannedMinutes: z
    .number('errors.integer')
    .int('errors.integer')
    .min(0, 'errors.nonNegative')
    .max(600, 'errors.tooLarge')
    .optional(),
  note: optionalText(1000),
  kind: z.enum(AGENDA_KINDS).default('regular'),
});
export type AgendaItemInput = z.input<typeof agendaItemInput>;

/**
 * Longest live minutes of one item (about 100 pages). The same number is the backup's limit for
 * any one string (MAX_STRING_LENGTH), so whatever the editor stores also backs up and restores.
 * Longer text is refused before saving, never cut.
 */
export const MAX_DISCUSSION_LENGTH = 200_000;
export const discussionText = z.string().max(MAX_DISCUSSION_LENGTH, 'errors.tooLong');

export interface AgendaItem extends Stored<z.output<typeof agendaItemInput>>, Timestamps {
  id: string;
  meetingId: string;
  /** Position in the programme, 1-based and gap-free after every reorder. */
  order: number;
  /** The live minutes of the item ("Ad 1 …"). */
  discussion: string;
  /** Timer: time already spent, plus the running start when the clock is on. */
  elapsedMs: number;
  runningSince?: string;
}

/** Elapsed time of an item's timer at `now` (ms). */
export function elapsedAt(
  item: Pick<AgendaItem, 'elapsedMs' | 'runningSince'>,
  now: number,
): number {
  return (
    item.elapsedMs + (item.runningSince ? Math.max(0, now - Date.parse(item.runningSince)) : 0)
  );
}

/** Moves the item at `from` to `to` and returns ids in their new order. */
export function reorder<T extends { id: string }>(
  items: readonly T[],
  from: number,
  to: number,
): string[] {
  const ids = items.map((i) => i.id);
  if (from < 0 || from >= ids.length || to < 0 || to >= ids.length) return ids;
  const [moved] = ids.splice(from, 1);
  ids.splice(to, 0, moved!);
  return ids;
}
