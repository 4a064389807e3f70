// List and room queries over ten years of a region (docs/performance.md). Every group pairs the
// measured query with a baseline from the same run — the plain indexed read the query cannot
// avoid — so the printed "x times faster than" compares like with like on any machine.
// Never assert times here: the numbers are read by people, not by CI.
import { afterAll, bench, describe } from 'vitest';
import { attendanceView, listMeetings, listPeople } from '../../renderer/src/db/queries';
import { listTasks, roomView } from '../../renderer/src/db/room/room';
import { openRegionDb, SIZES } from './fixtures';

const region = await openRegionDb();
const { db, longMeetingId, latestMeetingId } = region;
afterAll(() => db.delete());

const latest = region.meetings.find((m) => m.id === latestMeetingId)!;
const bodyMeetings = region.meetings
  .filter((m) => m.bodyId === latest.bodyId)
  .sort((a, b) => a.date.localeCompare(b.date));
const firstOfBody = bodyMeetings[0]!;
const threeBefore = bodyMeetings.slice(-4, -1).map((m) => m.id);

// Guard against measuring an early `return null`: the views must be the full ones.
{
  const view = await attendanceView(db, latestMeetingId);
  const room = await roomView(db, longMeetingId);
  if (
    !view ||
    view.members.length !== SIZES.seatsPerBody ||
    view.attendance.size < SIZES.seatsPerBody
  )
    throw new Error('attendanceView of the latest meeting is not the full view');
  if (
    !room ||
    room.items.length !== 30 ||
    room.resolutions.length !== 40 ||
    room.tasks.length !== 30 ||
    room.review.length === 0
  )
    throw new Error('roomView of the long meeting is not the full view');
  console.log(
    `[bench] region: ${region.people.length} people, ${region.meetings.length} meetings, ${region.attendance.length} attendance, ` +
      `${region.agendaItems.length} agenda items, ${region.resolutions.length} resolutions, ${region.tasks.length} tasks; ` +
      `generated and written in ${Math.round(region.buildMs)} ms`,
  );
}

// Short runs: the machine is shared, a few seconds per file is enough for stable means.
const opts = { time: 400, warmupTime: 100, warmupIterations: 3 };
// Operations that take seconds here (see docs/performance.md): three runs, no warm-up (the
// guard above already ran them once), so the file stays within a minute on a busy machine.
const slow = { time: 1, iterations: 3, warmupTime: 0, warmupIterations: 0 };

describe(`people list (${region.people.length} people, ${region.organizations.length} organizations)`, () => {
  bench(
    'listPeople',
    async () => {
      await listPeople(db);
    },
    opts,
  );
  bench(
    'baseline: db.people.toArray()',
    async () => {
      await db.people.toArray();
    },
    opts,
  );
});

describe(`meetings list, all bodies (${region.meetings.length} meetings)`, () => {
  bench(
    'listMeetings()',
    async () => {
      await listMeetings(db);
    },
    opts,
  );
  bench(
    'baseline: db.meetings.toArray()',
    async () => {
      await db.meetings.toArray();
    },
    opts,
  );
});

describe('attendance of the latest meeting (body with 99 earlier meetings)', () => {
  bench(
    'attendanceView(latest meeting)',
    async () => {
      await attendanceView(db, latestMeetingId);
    },
    slow,
  );
  bench(
    'attendanceView(first meeting, no history)',
    async () => {
      await attendanceView(db, firstOfBody.id);
    },
    opts,
  );
  bench(
    'part: absence history read (meetings of body + attendance anyOf)',
    async () => {
      const earlier = await db.meetings.where('bodyId').equals(latest.bodyId).toArray();
      await db.attendance
        .where('meetingId')
        .anyOf(earlier.map((m) => m.id))
        .toArray();
    },
    slow,
  );
  bench(
    'reference: the same history as 100 where(meetingId) reads (getAll, no cursor)',
    async () => {
      const earlier = await db.meetings.where('bodyId').equals(latest.bodyId).toArray();
      await Promise.all(
        earlier.map((m) => db.attendance.where('meetingId').equals(m.id).toArray()),
      );
    },
    opts,
  );
  bench(
    'reference: attendance of the 3 previous meetings (where(meetingId) each)',
    async () => {
      await Promise.all(
        threeBefore.map((id) => db.attendance.where('meetingId').equals(id).toArray()),
      );
    },
    opts,
  );
  bench(
    'baseline: attendance.where(meetingId)',
    async () => {
      await db.attendance.where('meetingId').equals(latestMeetingId).toArray();
    },
    opts,
  );
});

describe('room of a long meeting (30 items, 40 resolutions, 30 tasks)', () => {
  bench(
    'roomView(long meeting)',
    async () => {
      await roomView(db, longMeetingId);
    },
    slow,
  );
  bench(
    'baseline: attendance.where(meetingId)',
    async () => {
      await db.attendance.where('meetingId').equals(longMeetingId).toArray();
    },
    opts,
  );
});

describe(`task list (${region.tasks.length} tasks)`, () => {
  bench(
    'listTasks',
    async () => {
      await listTasks(db);
    },
    opts,
  );
  bench(
    'part: the four table reads of listTasks (tasks, meetings, bodies, people)',
    async () => {
      await Promise.all([
        db.tasks.toArray(),
        db.meetings.toArray(),
        db.bodies.toArray(),
        db.people.toArray(),
      ]);
    },
    opts,
  );
  bench(
    'baseline: db.tasks.toArray()',
    async () => {
      await db.tasks.toArray();
    },
    opts,
  );
});
