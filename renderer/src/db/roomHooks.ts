// The meeting room's live data, in pieces that re-run and re-render apart: typing in the
// minutes writes one agenda item, which re-runs only the programme (whose answer, without the
// minutes text, stays the same) and the editor's own text.
import { useMemo } from 'react';
import { useLiveValue } from './liveValue';
import { attendanceView } from './queries';
import { itemDiscussion, roomAgenda, roomContext, roomRecords, type RoomData } from './room';
import { db } from './schema';

/** The room of a meeting: undefined while loading, null when the meeting is not there. */
export function useRoom(meetingId: string | undefined): RoomData | null | undefined {
  const base = useLiveValue(() => (meetingId ? attendanceView(db, meetingId) : null), [meetingId]);
  const items = useLiveValue(() => (meetingId ? roomAgenda(db, meetingId) : []), [meetingId]);
  const records = useLiveValue(() => (meetingId ? roomRecords(db, meetingId) : null), [meetingId]);
  const context = useLiveValue(() => (meetingId ? roomContext(db, meetingId) : null), [meetingId]);
  return useMemo(() => {
    if (base === undefined || items === undefined || records === undefined) return undefined;
    if (context === undefined) return undefined;
    if (!base || !records || !context) return null;
    return { ...base, ...records, ...context, items };
  }, [base, items, records, context]);
}

/** The stored minutes text of one agenda item, live. */
export const useItemDiscussion = (itemId: string) =>
  useLiveValue(() => itemDiscussion(db, itemId), [itemId]);
