// Deterministic ids for records with a natural key: two laptops marking the same person present
// at the same meeting create the SAME record (one document, at worst a conflict of two
// versions), never two records that break the unique index when they meet.
import { sha256HexSync } from '../backup/sha256';

/** A UUID-shaped id (version nibble 8: "custom") derived from the parts of a natural key. */
export function naturalId(kind: string, ...parts: string[]): string {
  const h = sha256HexSync([kind, ...parts].join('\u0000'));
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Attendance: one record per meeting and person. */
export const attendanceId = (meetingId: string, personId: string): string =>
  naturalId('attendance', meetingId, personId);

/** Membership: one record per body, person and first day. */
export const membershipId = (bodyId: string, personId: string, from: string): string =>
  naturalId('membership', bodyId, personId, from);
