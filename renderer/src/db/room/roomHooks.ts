// The meeting room's live data, in pieces that re-run and re-render apart: typing in the
// minutes writes one agenda item, which re-runs only the programme (whose answer, without the
// minutes text, stays the same) and the editor's own text.
import { useMemo } from 'react';
import type { Body, Meeting } from '@shared/domain';
import { useLiveValue } from '../liveValue';
import { attendanceView } from '../queries';
import {
  itemDiscussion,
  roomAgenda,
  roomContext,
  roomHead,
  roomRecords,
  type RoomData,
  type RoomItem,
  type RoomRecords,
} from './room';
import { db } from '../schema';

function useRoomPieces(meetingId: string | undefined) {
  const base = useLiveValue(() => (meetingId ? attendanceView(db, meetingId) : null), [meetingId]);
  const items = useLiveValue(() => (meetingId ? roomAgenda(db, meetingId) : []), [meetingId]);
  const records = useLiveValue(() => (meetingId ? roomRecords(db, meetingId) : null), [meetingId]);
  const context = useLiveValue(() => (meetingId ? roomContext(db, meetingId) : null), [meetingId]);
  const room = useMemo(() => {
    if (base === undefined || items === undefined || records === undefined) return undefined;
    if (context === undefined) return undefined;
    if (!base || !records || !context) return null;
    return { ...base, ...records, ...context, items };
  }, [base, items, records, context]);
  return { items, records, room };
}

/** The room of a meeting: undefined while loading, null when the meeting is not there. */
export function useRoom(meetingId: string | undefined): RoomData | null | undefined {
  return useRoomPieces(meetingId).room;
}

/** What the room's first frame shows: the header and the programme. */
export interface RoomShell {
  meeting: Meeting;
  body: Body;
  items: RoomItem[];
  resolutions: RoomRecords['resolutions'];
  templates: RoomRecords['templates'];
}

/**
 * The room in two steps: `shell` (the meeting, its body, the programme and its resolutions) as
 * soon as those quick reads are in, `room` once the slower ones (the attendance with its absence
 * history, the body's tasks) are in too. The room's first frame waits for the shell alone.
 */
export function useRoomParts(meetingId: string | undefined): {
  shell: RoomShell | null | undefined;
  room: RoomData | null | undefined;
} {
  const head = useLiveValue(() => (meetingId ? roomHead(db, meetingId) : null), [meetingId]);
  const { items, records, room } = useRoomPieces(meetingId);
  const shell = useMemo(() => {
    if (head === undefined || items === undefined || records === undefined) return undefined;
    if (!head || !records) return null;
    const { resolutions, templates } = records;
    return { ...head, items, resolutions, templates };
  }, [head, items, records]);
  return { shell, room };
}

/** The stored minutes text of one agenda item, live. */
export const useItemDiscussion = (itemId: string) =>
  useLiveValue(() => itemDiscussion(db, itemId), [itemId]);
