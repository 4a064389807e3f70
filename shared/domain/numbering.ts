import type { Meeting } from './meeting';
import type { MinutesStatus } from './minutes';

// Meeting numbers ("3/2026") follow the date order of a body's year. A meeting that has been
// held keeps its number for ever: it is printed in its minutes, resolutions ("PS1/3/2026/2")
// and tasks ("U-3/2026-1"). Meetings not yet held are renumbered whenever the year changes
// (one scheduled earlier, one moved or deleted), so the numbers read in date order.

/**
 * Held: the meeting's day is over, its minutes went beyond a draft, or something only a held
 * meeting has was recorded at it (someone present, a substitute or a guest, a resolution or a
 * task). An excuse sent in advance does not make a meeting held.
 */
export function isMeetingHeld(
  meeting: { date: string; minutesStatus?: MinutesStatus },
  today: string,
  recordedAtIt: boolean,
): boolean {
  return (
    meeting.date < today ||
    (meeting.minutesStatus !== undefined && meeting.minutesStatus !== 'draft') ||
    recordedAtIt
  );
}

export interface NumberingEntry extends Pick<
  Meeting,
  'id' | 'date' | 'timeFrom' | 'createdAt' | 'seq'
> {
  /** A held meeting keeps `seq`; the others get their number from the date order. */
  fixed: boolean;
}

const byDate = (a: NumberingEntry, b: NumberingEntry) =>
  a.date.localeCompare(b.date) ||
  a.timeFrom.localeCompare(b.timeFrom) ||
  a.createdAt.localeCompare(b.createdAt) ||
  a.id.localeCompare(b.id);

/**
 * The numbers of one body's year. Fixed meetings keep theirs; every other meeting, in date
 * order, takes the first number after all meetings before it that no fixed meeting holds.
 * Returns the number of every meeting (id → seq).
 */
export function numberMeetings(meetings: readonly NumberingEntry[]): Map<string, number> {
  const taken = new Set(meetings.filter((m) => m.fixed).map((m) => m.seq));
  const out = new Map<string, number>();
  let last = 0;
  for (const m of [...meetings].sort(byDate)) {
    if (m.fixed) {
      out.set(m.id, m.seq);
      last = Math.max(last, m.seq);
      continue;
    }
    let seq = last + 1;
    while (taken.has(seq)) seq++;
    taken.add(seq);
    out.set(m.id, seq);
    last = seq;
  }
  return out;
}
