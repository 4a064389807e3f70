import { useLiveQuery } from 'dexie-react-hooks';
import { todayIso } from './clock';
import {
  attendanceView,
  bodyMembers,
  bodyStats,
  homeCounts,
  listBodies,
  listMeetings,
  listOrganizations,
  listPeople,
} from './queries';
import { approvalCandidates, roomView } from './room/room';
import { listTasks, PENDING_STATUSES } from './meetings/tasks';
import { db } from './schema';
import { checkIntegrity, checkSeal } from './safety/seal';
import { readSetting, type SettingKey } from './settings';

// Live queries: every window (main and projector) re-renders when the data changes.
export const useOrganizations = (includeArchived = false) =>
  useLiveQuery(() => listOrganizations(db, includeArchived), [includeArchived]);
export const usePeople = (includeArchived = false) =>
  useLiveQuery(() => listPeople(db, includeArchived), [includeArchived]);
export const useBodies = (includeArchived = false) =>
  useLiveQuery(() => listBodies(db, includeArchived), [includeArchived]);
export const useBody = (id: string | undefined) =>
  useLiveQuery(async () => (id ? ((await db.bodies.get(id)) ?? null) : null), [id]);
export const useBodyMembers = (bodyId: string | undefined) =>
  useLiveQuery(async () => (bodyId ? bodyMembers(db, bodyId) : []), [bodyId]);
export const useMeetings = (bodyId?: string) =>
  useLiveQuery(() => listMeetings(db, bodyId), [bodyId]);
export const useAttendanceView = (meetingId: string | undefined) =>
  useLiveQuery(async () => (meetingId ? attendanceView(db, meetingId) : null), [meetingId]);
export const useIsEmpty = () =>
  useLiveQuery(async () => (await db.bodies.count()) === 0 && (await db.people.count()) === 0);
/** A setting checked against its schema: invalid stored values read as absent. */
export const useSetting = <K extends SettingKey>(key: K) =>
  useLiveQuery(() => readSetting(db, key), [key]);
export const useBodyStats = () => useLiveQuery(() => bodyStats(db, todayIso()));
export const useHomeCounts = () => useLiveQuery(() => homeCounts(db));
export const useRoomView = (meetingId: string | undefined) =>
  useLiveQuery(async () => (meetingId ? roomView(db, meetingId) : null), [meetingId]);
/** The task list; `pendingOnly` reads open and ongoing tasks only (the status index). */
export const useTasks = (pendingOnly = false) =>
  useLiveQuery(() => listTasks(db, pendingOnly ? PENDING_STATUSES : undefined), [pendingOnly]);
export const useApprovalCandidates = (meetingId: string) =>
  useLiveQuery(() => approvalCandidates(db, meetingId), [meetingId]);
export const useProjectSettings = () => useSetting('project');
/** Audit chain and every seal, with a label per meeting that has a problem ("Záloha a data"). */
export const useIntegrity = () =>
  useLiveQuery(async () => {
    const report = await checkIntegrity(db);
    const meetings = await db.meetings.bulkGet(report.seals.map((s) => s.meetingId));
    const bodies = new Map((await db.bodies.toArray()).map((b) => [b.id, b.code]));
    const labels = meetings.map((m) =>
      m ? `${bodies.get(m.bodyId) ?? ''} ${m.seq}/${m.year}` : '?',
    );
    return { ...report, labels };
  });

/** The seal check of a meeting's minutes, live: re-run whenever the minutes or the audit change. */
export const useSealCheck = (meetingId: string | undefined) =>
  useLiveQuery(async () => (meetingId ? checkSeal(db, meetingId) : null), [meetingId]);
export const usePoll = (pollId: string | undefined) =>
  useLiveQuery(async () => (pollId ? ((await db.polls.get(pollId)) ?? null) : null), [pollId]);
