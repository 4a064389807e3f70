import type { TFunction } from 'i18next';
import type { PollRecord } from '@shared/domain';
import { isInRoom } from '@shared/domain';
import type { MemberRow, RoomData } from '../../db';
import { i18n } from '../../i18n';

/** The members who may cast a ballot now: in the room (not left), with a vote. */
export function presentVoting(room: Pick<RoomData, 'members' | 'attendance'>): MemberRow[] {
  return room.members.filter((m) => {
    const a = room.attendance.get(m.personId);
    return m.votingRight && a !== undefined && isInRoom(a);
  });
}

/** "bodování (každý člen 3 b., nejvýše 2 b. na položku)" – how the poll counted. */
export function methodText(t: TFunction, poll: Pick<PollRecord, 'definition' | 'options'>): string {
  const d = poll.definition;
  const name = t(`polls.methods.${d.method}`);
  switch (d.method) {
    case 'points':
      return `${name} – ${t('polls.methodNote.points', { points: d.pointsPerVoter, cap: d.maxPerOption ?? d.pointsPerVoter })}`;
    case 'borda':
      return `${name} – ${t('polls.methodNote.borda', { k: d.maxRanks ?? poll.options.length })}`;
    case 'score':
      return `${name} – ${t('polls.methodNote.score', { max: d.scaleMax ?? 5 })}`;
    default:
      return name;
  }
}

/** Unit of the ranked value: points for point and Borda polls, votes for choices. */
export function valueText(
  t: TFunction,
  poll: Pick<PollRecord, 'definition'>,
  value: number,
): string {
  const m = poll.definition.method;
  const shown = Number.isInteger(value)
    ? String(value)
    : value.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'cs-CZ', {
        maximumFractionDigits: 2,
      });
  // count picks "1 vote" / "2 votes"; a fraction reads as plural ("2.5 pts").
  const count = Number.isInteger(value) ? value : 2;
  if (m === 'points' || m === 'borda') return t('polls.points', { value: shown, count });
  if (m === 'singleChoice' || m === 'approval') return t('polls.votes', { value: shown, count });
  return shown;
}

/**
 * "3 z 5 odevzdáno" for the members; an anonymous public vote counts the public's ballots only,
 * never against the members present ("1 hlas veřejnosti").
 */
export function castText(
  t: TFunction,
  poll: Pick<PollRecord, 'anonymous'>,
  cast: number,
  entitled: number,
): string {
  if (poll.anonymous) return t('polls.publicCast', { count: cast });
  return t('polls.cast', { cast, entitled });
}
