import { addDays, type Meeting, type TaskInput } from '@shared/domain';
import { NEXT, PERSON, PREVIOUS, RICH, type ScriptItem } from '@shared/sample/vizovickoMeeting';
import { addAgendaItems, saveDiscussion } from '../meetings/agenda';
import { markAttendance } from '../meetings/attendance';
import { saveMeetingDocuments } from '../meetings/meetingDocuments';
import { approveMinutes, setMinutesStatus } from '../meetings/minutes';
import { castBallot, closePoll, createPoll, openPoll } from '../polls/polls';
import { addResolution, addTask } from '../meetings/resolutions';
import type { AppDb } from '../schema';
import { reviewTask, setTaskStatus } from '../meetings/tasks';

// Plays the script of shared/sample/vizovickoMeeting.ts through the repository functions:
// the PS1 meeting before the last one, the last one (rich, approved and sealed) and its draft
// successor. The room's rules decide every outcome, exactly as in a real meeting.

type PersonIds = readonly string[];

async function agenda(db: AppDb, meetingId: string, items: readonly ScriptItem[]) {
  await addAgendaItems(
    db,
    meetingId,
    items.map(({ title, kind, presenter }) => ({
      title,
      kind,
      ...(presenter ? { presenter } : {}),
    })),
  );
  const stored = (await db.agendaItems.where('meetingId').equals(meetingId).toArray()).sort(
    (a, b) => a.order - b.order,
  );
  for (const [i, item] of items.entries())
    if (item.discussion) await saveDiscussion(db, stored[i]!.id, item.discussion);
  return stored;
}

/** Minutes through their lifecycle with dates of the meeting's own time; approval seals them. */
async function approve(db: AppDb, meeting: Meeting, after: typeof RICH | null) {
  const d = (n: number) => addDays(meeting.date, n);
  await setMinutesStatus(db, meeting.id, 'toVerify');
  await setMinutesStatus(db, meeting.id, 'verified');
  await db.meetings.update(meeting.id, {
    writtenOn: d(after?.writtenAfter ?? 2),
    verifiedOn: d(after?.verifiedAfter ?? 4),
  });
  await approveMinutes(db, meeting.id, { by: 'tacit', on: d(after?.approvedAfter ?? 14) });
}

async function setAttendance(db: AppDb, meeting: Meeting, people: PersonIds) {
  const mark = (i: number, status: 'present' | 'excused' | 'absent', extra = {}) =>
    markAttendance(db, {
      meetingId: meeting.id,
      personId: people[i]!,
      status,
      ...(status === 'present' ? { arrivedAt: RICH.startedAt } : {}),
      ...extra,
    });
  for (const i of RICH.present) await mark(i, 'present');
  await markAttendance(db, {
    meetingId: meeting.id,
    personId: people[RICH.substituted.member]!,
    status: 'substituted',
    substituteId: people[RICH.substituted.by]!,
    arrivedAt: RICH.startedAt,
  });
  for (const i of RICH.excused) await mark(i, 'excused');
  for (const i of RICH.absent) await mark(i, 'absent');
  for (const i of RICH.guests)
    await markAttendance(db, {
      meetingId: meeting.id,
      personId: people[i]!,
      status: 'guest',
      arrivedAt: RICH.startedAt,
    });
}

export async function playSampleMeetings(
  db: AppDb,
  people: PersonIds,
  ps1BodyId: string,
  today: string,
): Promise<void> {
  const ps1 = (await db.meetings.where('bodyId').equals(ps1BodyId).toArray()).sort((a, b) =>
    (a.date + a.timeFrom).localeCompare(b.date + b.timeFrom),
  );
  const past = ps1.filter((m) => m.date < today);
  const previous = past[past.length - 2];
  const rich = past[past.length - 1];
  const next = ps1.find((m) => m.date >= today);
  if (!previous || !rich || !next) return;
  const task = (t: { text: string; owner: number; deadlineDays: number }, from: string) =>
    ({
      text: t.text,
      ownerId: people[t.owner],
      deadline: addDays(from, t.deadlineDays),
    }) satisfies TaskInput;

  // The meeting before: two tasks the rich meeting reviews.
  const prevItems = await agenda(db, previous.id, PREVIOUS.items);
  const prevTasks = [];
  for (const t of PREVIOUS.tasks)
    prevTasks.push(await addTask(db, previous.id, task(t, previous.date), prevItems[1]!.id));
  await approve(db, previous, null);

  // The rich meeting: the room as it went, in order.
  await db.attendance.where('meetingId').equals(rich.id).delete();
  await setAttendance(db, rich, people);
  const items = await agenda(db, rich.id, RICH.items);
  const [opening, review, evaluation, priorities, proposal] = items;
  await addResolution(db, opening!.id, {
    ...RICH.programmeResolution,
    result: { kind: 'vote', yes: 9, no: 0, abstain: 0 },
  });
  const late = RICH.lateArrival;
  await markAttendance(db, {
    meetingId: rich.id,
    personId: people[late.person]!,
    status: 'present',
    arrivedAt: late.at,
  });
  for (const [i, t] of prevTasks.entries()) {
    const r = RICH.reviews[i]!;
    await reviewTask(db, t.id, rich.id, r.status, r.comment);
  }
  void review;
  await addResolution(db, evaluation!.id, {
    ...RICH.evaluationResolution,
    result: { kind: 'consensus' },
  });

  const poll = await createPoll(db, priorities!.id, {
    title: RICH.poll.title,
    method: 'points',
    secret: false,
    options: RICH.poll.options,
    pointsPerVoter: 3,
    maxPerOption: 2,
  });
  await openPoll(db, poll.id);
  const voters = [
    ...RICH.present.filter((i) => i !== PERSON.dvorakova),
    RICH.substituted.member,
    late.person,
  ];
  for (const [n, voter] of voters.entries()) {
    const row = RICH.poll.ballots[n]!;
    const points = Object.fromEntries(
      poll.options.map((o, k) => [o.id, row[k] ?? 0]).filter(([, v]) => v !== 0),
    );
    await castBallot(db, poll.id, people[voter]!, { points }, 'rollCall');
  }
  await closePoll(db, poll.id, { verb: RICH.poll.verb, text: RICH.poll.text });
  await addTask(db, rich.id, task(RICH.poll.task, rich.date), priorities!.id);

  const leaver = RICH.earlyLeaver;
  await markAttendance(db, {
    meetingId: rich.id,
    personId: people[leaver.person]!,
    status: 'present',
    arrivedAt: RICH.startedAt,
    leftAt: leaver.at,
  });
  await addResolution(db, proposal!.id, {
    verb: RICH.rejectedResolution.verb,
    text: RICH.rejectedResolution.text,
    result: { kind: 'vote', ...RICH.rejectedResolution.vote },
  });
  await addTask(db, rich.id, task(RICH.task, rich.date), proposal!.id);
  // The opening resolution elected the verifier.
  await db.meetings.update(rich.id, {
    nextMeetingId: next.id,
    verifierId: people[PERSON.horakova]!,
  });
  await saveMeetingDocuments(db, rich.id, {
    startedAt: RICH.startedAt,
    endedAt: RICH.endedAt,
    attachments: [...RICH.attachments],
    distributedTo: RICH.distributedTo,
    distributedOn: addDays(rich.date, RICH.distributedAfter),
    commentsBy: addDays(rich.date, RICH.commentsAfter),
  });
  await approve(db, (await db.meetings.get(rich.id))!, RICH);

  // Tasks of the rich meeting were done before the next one (the task list, not a meeting).
  for (const t of await db.tasks.where('meetingId').equals(rich.id).toArray())
    await setTaskStatus(db, t.id, 'done');

  // The draft successor: materials and the invitation's details.
  const earliest = (n: number) => {
    const d = addDays(next.date, -n);
    return d < today ? d : today;
  };
  await db.meetings.update(next.id, { materials: [...NEXT.materials] });
  await saveMeetingDocuments(db, next.id, {
    invitationContact: NEXT.invitationContact,
    issuePlace: NEXT.issuePlace,
    invitationIssuedOn: earliest(NEXT.issuedBefore),
    invitationSentOn: earliest(NEXT.sentBefore),
    invitationSentTo: NEXT.sentTo,
  });
}

/** The draft successor's programme (used by `npm run documents`; the app leaves it empty). */
export async function addSuccessorAgenda(db: AppDb, meetingId: string): Promise<void> {
  await agenda(db, meetingId, NEXT.items);
}
