import type { TFunction } from 'i18next';
import type {
  AttendeeRow,
  AttendanceSheetDoc,
  Gender,
  InvitationDoc,
  Lang,
  MeetingHeader,
  MinutesDoc,
  PollSummary,
  ProjectBlock,
  ResolutionView,
} from '@shared/docx/model';
import { guessGender } from '@shared/docx/gender';
import { labelsFor } from '@shared/docx/labels';
import type { Attendance, BallotRecord, Person, PollRecord, Resolution } from '@shared/domain';
import { comparePeople, fullName, meetingNumber, rankedOptions } from '@shared/domain';
import { excuseDeadline } from '@shared/docx/deadlines';
import { eligibleVoters, type RoomView } from '../../db';
import { methodText } from '../room/pollText';

// Maps a meeting (the room view) to the view models of the pure DOCX builders (shared/docx).
// Every document of a meeting comes from here, for the app and for `npm run documents` alike.

export type ProjectInfo = ProjectBlock & { organizationName?: string };

/** What the documents need beyond the room view. */
export interface DocContext {
  lang: Lang;
  /** Translations in the document's language (verbs, poll methods). */
  t: TFunction;
  project?: ProjectInfo;
  /** The previous meeting of the body whose minutes this one reviewed. */
  previousMinutes?: { number: string; fingerprint?: string };
  /** SHA-256 of this meeting's sealed minutes (approved minutes only). */
  sealFingerprint?: string;
  /** The ballots of the meeting's closed named polls, by poll (see namedBallots). */
  namedBallots?: ReadonlyMap<string, readonly BallotRecord[]>;
}

const genderOf = (p: Person): Gender => guessGender(p.firstName, p.lastName);

function personById(room: RoomView, id?: string): Person | undefined {
  return id ? (room.allPeople.get(id) ?? room.people.get(id)) : undefined;
}

function orgName(room: RoomView, p: Person): string | undefined {
  return (
    room.members.find((m) => m.personId === p.id)?.organizationName ??
    room.guests.find((g) => g.person.id === p.id)?.organizationName
  );
}

function header(room: RoomView, ctx: DocContext): MeetingHeader {
  const { meeting, body } = room;
  const h: MeetingHeader = {
    bodyName: body.name,
    bodyCode: body.code,
    bodyKind: body.kind,
    meetingNumber: meetingNumber(meeting),
    date: meeting.date,
    timeFrom: meeting.timeFrom,
    timeTo: meeting.timeTo,
    place: meeting.place,
  };
  if (ctx.project?.organizationName) h.organizationName = ctx.project.organizationName;
  if (meeting.startedAt) h.startedAt = meeting.startedAt;
  if (meeting.endedAt) h.endedAt = meeting.endedAt;
  const genders: NonNullable<MeetingHeader['genders']> = {};
  const chair = personById(room, meeting.chairId);
  const minuteTaker = personById(room, meeting.minuteTakerId);
  const verifier = personById(room, meeting.verifierId);
  if (chair) {
    h.chair = fullName(chair);
    genders.chair = genderOf(chair);
  }
  if (minuteTaker) {
    h.minuteTaker = fullName(minuteTaker);
    genders.minuteTaker = genderOf(minuteTaker);
  }
  if (verifier) {
    h.verifier = fullName(verifier);
    genders.verifier = genderOf(verifier);
  }
  h.genders = genders;
  return h;
}

function row(p: Person, extra: Partial<AttendeeRow> = {}): AttendeeRow {
  const r: AttendeeRow = { name: fullName(p), triadRole: p.triadRole, gender: genderOf(p) };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) Object.assign(r, { [k]: v });
  return r;
}

/** Arrival/departure as recorded; a departure keeps the member among the present. */
const times = (a: Attendance) => ({ arrivedAt: a.arrivedAt, leftAt: a.leftAt });

/** Attended at some point of the meeting (a departure does not undo it). */
const attended = (a: Attendance | undefined) =>
  !!a && (a.status === 'present' || a.status === 'substituted');

export function minutesAttendance(room: RoomView): MinutesDoc['attendance'] {
  const present: AttendeeRow[] = [];
  const excused: AttendeeRow[] = [];
  const absent: AttendeeRow[] = [];
  const unrecorded: AttendeeRow[] = [];
  for (const m of room.members) {
    const a = room.attendance.get(m.personId);
    const org = m.organizationName;
    if (attended(a) && a!.status === 'substituted' && a!.substituteId) {
      const sub = personById(room, a!.substituteId);
      if (sub)
        present.push(
          row(sub, {
            organization: orgName(room, sub) ?? org,
            substituteFor: fullName(m.person),
            votingRight: m.votingRight,
            ...times(a!),
          }),
        );
    } else if (attended(a))
      present.push(
        row(m.person, {
          organization: org,
          memberRole: m.role,
          votingRight: m.votingRight,
          ...times(a!),
        }),
      );
    else if (a?.status === 'excused') excused.push(row(m.person, { organization: org }));
    else if (a) absent.push(row(m.person, { organization: org }));
    else unrecorded.push(row(m.person, { organization: org }));
  }
  return {
    present,
    excused,
    absent,
    guests: room.guests
      .filter((g) => g.attendance.status === 'guest')
      .map((g) => row(g.person, { organization: g.organizationName, ...times(g.attendance) })),
    unrecorded,
    votingMembers: room.quorum.votingMembers,
    required: room.quorum.required,
  };
}

function pollSummary(ctx: DocContext, poll: PollRecord | undefined): PollSummary | undefined {
  if (!poll || poll.definition.method === 'resolution' || !poll.result) return undefined;
  const result = poll.result;
  const p = result.participation;
  const label = new Map(poll.options.map((o) => [o.id, o.label]));
  const m = poll.definition.method;
  const summary: PollSummary = {
    method: poll.secret
      ? `${methodText(ctx.t, poll)}; ${labelsFor(ctx.lang).secretBallot}`
      : methodText(ctx.t, poll),
    ranked: rankedOptions(poll).map((r) => ({ rank: r.rank, label: r.label, points: r.value })),
    ballotsCast: p.votersRepresented + (p.rejectedBallots ?? 0),
    validBallots: p.votersRepresented,
    unit:
      m === 'points' || m === 'borda'
        ? 'points'
        : m === 'score' || m === 'schulze'
          ? 'value'
          : 'votes',
  };
  if (p.presentVoting !== null) summary.presentVoting = p.presentVoting;
  if (p.votingMembers !== null) summary.votingMembers = p.votingMembers;
  if (poll.anonymous) summary.anonymous = true;
  if (result.method !== 'resolution') {
    if (result.winners.length > 1)
      summary.tiedAtTop = result.winners.map((id) => label.get(id) ?? id);
    if (result.outcome === 'tieResolvedByChair' && result.winner)
      summary.tieBrokenFor = label.get(result.winner) ?? result.winner;
  }
  return summary;
}

/**
 * Who chose what in a named poll (not secret, not the public's), for a yes/no/abstain or a
 * choice poll: the groups in the poll's order, each person by surname; a substitute under
 * their own name. Point, ranking and score ballots are not worded person by person.
 */
function byName(
  room: RoomView,
  ctx: DocContext,
  poll: PollRecord | undefined,
): ResolutionView['byName'] {
  if (!poll || poll.secret || poll.anonymous || poll.status !== 'closed') return undefined;
  const m = poll.definition.method;
  if (m !== 'resolution' && m !== 'singleChoice' && m !== 'approval') return undefined;
  const ballots = ctx.namedBallots?.get(poll.id) ?? [];
  // Counts entered by hand name nobody: a list of the rest would read as everyone's votes.
  if (ballots.some(({ ballot: b }) => b.kind !== 'individual' || !b.voterId)) return undefined;
  const L = labelsFor(ctx.lang);
  const groups = new Map<string, Person[]>();
  const add = (key: string, p: Person) => groups.set(key, [...(groups.get(key) ?? []), p]);
  /** Who sat in the seat: the substitute when there was one. */
  const seat = (voterId: string) => {
    const a = room.attendance.get(voterId);
    return (
      personById(room, a?.status === 'substituted' ? a.substituteId : undefined) ??
      personById(room, voterId)
    );
  };
  for (const { ballot: b } of ballots) {
    if (b.kind !== 'individual' || !b.voterId) continue;
    const voter = seat(b.voterId);
    if (!voter) continue;
    if ('vote' in b) add(b.vote, voter);
    else if ('choices' in b) {
      if (b.choices.length === 0) add('', voter);
      for (const id of b.choices) add(id, voter);
    }
  }
  // Present with a vote when the poll closed (its frozen snapshot), and no ballot.
  for (const id of poll.snapshot ? eligibleVoters(poll.snapshot, poll) : []) {
    const who = seat(id);
    if (who) add('\u0000notVoted', who);
  }
  const keys =
    m === 'resolution'
      ? [
          ['yes', L.byNameYes],
          ['no', L.byNameNo],
          ['abstain', L.byNameAbstain],
        ]
      : [...poll.options.map((o) => [o.id, o.label]), ['', L.byNameBlank]];
  keys.push(['\u0000notVoted', L.byNameNotVoted]);
  const out = keys.flatMap(([key, choice]) => {
    const people = groups.get(key!) ?? [];
    return people.length
      ? [{ choice: choice!, names: [...people].sort(comparePeople).map(fullName) }]
      : [];
  });
  return out.length ? out : undefined;
}

function resolutionView(room: RoomView, ctx: DocContext, r: Resolution): ResolutionView {
  const view: ResolutionView = {
    number: r.number,
    verb: ctx.t(`verbs.${r.verb}`),
    text: r.text,
    outcome:
      r.outcome === 'passed' || r.outcome === 'noVote' || r.outcome === 'publicResult'
        ? r.outcome
        : 'rejected',
  };
  if (r.outcome === 'noQuorum') view.outcomeNote = 'noQuorum';
  if (r.outcome === 'tie') view.outcomeNote = 'tie';
  if (r.result.kind === 'vote')
    view.vote = { yes: r.result.yes, no: r.result.no, abstain: r.result.abstain };
  if (r.result.kind === 'consensus') view.consensus = true;
  if (r.decision && r.result.kind !== 'poll') {
    const d = r.decision;
    view.decision = {
      majority: d.majority,
      minYes: d.minYes,
      baseCount: d.baseCount,
      presentVoting: d.presentVoting,
      votingMembers: d.votingMembers,
      quorumRequired: d.quorumRequired,
      decidedBy: d.decidedBy,
      castingVote: d.castingVote,
    };
  }
  const record = room.polls.find((p) => p.id === r.pollId);
  const poll = pollSummary(ctx, record);
  if (poll) view.pollSummary = poll;
  const named = byName(room, ctx, record);
  if (named) view.byName = named;
  return view;
}

/** Attachments: those typed on the meeting, then every poll result the resolutions cite. */
function attachments(room: RoomView, lang: Lang): string[] {
  const list = [...(room.meeting.attachments ?? [])];
  const prefix = lang === 'cs' ? 'Výsledky hlasování' : 'Poll results';
  for (const r of room.resolutions) {
    const poll = room.polls.find((p) => p.id === r.pollId && p.result);
    if (poll) list.push(`${prefix}: ${poll.title}`);
  }
  return list;
}

export function minutesDoc(room: RoomView, ctx: DocContext): MinutesDoc {
  const { t, lang } = ctx;
  const owner = (id?: string) => {
    const p = personById(room, id);
    return p ? fullName(p) : t('tasks.noOwner');
  };
  const reviewed = room.review.map((task) => {
    const review = task.reviews.find((r) => r.meetingId === room.meeting.id);
    return {
      number: task.number,
      text: task.text,
      owner: owner(task.ownerId),
      status: review?.status ?? task.status,
      ...(task.deadline ? { deadline: task.deadline } : {}),
      ...(review?.comment ? { comment: review.comment } : {}),
    };
  });
  const meeting = room.meeting;
  const doc: MinutesDoc = {
    lang,
    header: header(room, ctx),
    attendance: minutesAttendance(room),
    agenda: room.items.map((item) => ({
      order: item.order,
      title: item.title,
      ...(item.presenter ? { presenter: item.presenter } : {}),
      ...(item.discussion.trim() ? { discussion: item.discussion } : {}),
      resolutions: room.resolutions
        .filter((r) => r.agendaItemId === item.id)
        .map((r) => resolutionView(room, ctx, r)),
    })),
    tasks: room.tasks.map((task) => ({
      number: task.number,
      text: task.text,
      owner: owner(task.ownerId),
      ...(task.deadline ? { deadline: task.deadline } : {}),
    })),
    reviewedTasks: reviewed,
    attachments: attachments(room, lang),
    minutesStatus: meeting.minutesStatus ?? 'draft',
  };
  if (ctx.project) doc.project = ctx.project;
  if (room.nextMeeting)
    doc.nextMeeting = {
      date: room.nextMeeting.date,
      timeFrom: room.nextMeeting.timeFrom,
      place: room.nextMeeting.place,
    };
  if (meeting.writtenOn) doc.writtenOn = meeting.writtenOn;
  if (meeting.verifiedOn) doc.verifiedOn = meeting.verifiedOn;
  if (meeting.distributedOn) doc.distributedOn = meeting.distributedOn;
  if (meeting.distributedTo) doc.distributedTo = meeting.distributedTo;
  if (meeting.commentsBy) doc.commentsBy = meeting.commentsBy;
  if (meeting.minutesApproval) {
    const a = meeting.minutesApproval;
    doc.approval =
      a.by === 'resolution'
        ? { by: 'resolution', on: a.on, resolutionNumber: a.resolutionNumber }
        : { by: 'tacit', on: a.on };
  }
  if (ctx.sealFingerprint) doc.sealFingerprint = ctx.sealFingerprint;
  if (ctx.previousMinutes) doc.previousMinutes = ctx.previousMinutes;
  if (room.amendments.length)
    doc.amendments = room.amendments.map((a) => ({
      at: a.at.slice(0, 10),
      author: a.author,
      reason: `${a.reason}: ${a.text}`,
    }));
  return doc;
}

export function attendanceSheetDoc(room: RoomView, ctx: DocContext): AttendanceSheetDoc {
  const doc: AttendanceSheetDoc = {
    lang: ctx.lang,
    header: header(room, ctx),
    members: room.members.map((m) =>
      row(m.person, {
        organization: m.organizationName,
        memberRole: m.role,
        votingRight: m.votingRight,
      }),
    ),
    // Guests already recorded or invited are pre-printed; a few blank rows for walk-ins.
    guests: room.guests.map((g) => row(g.person, { organization: g.organizationName })),
    blankGuestRows: 4,
    blankSubstituteRows: 2,
    votingMembers: room.quorum.votingMembers,
    required: room.quorum.required,
  };
  if (ctx.project) doc.project = ctx.project;
  return doc;
}

export function invitationDoc(room: RoomView, ctx: DocContext): InvitationDoc {
  const { meeting, body } = room;
  const L = labelsFor(ctx.lang);
  const signer = personById(room, meeting.signerId ?? meeting.chairId);
  const doc: InvitationDoc = {
    lang: ctx.lang,
    header: header(room, ctx),
    agenda: room.items.map((i) => ({
      order: i.order,
      title: i.title,
      ...(i.presenter ? { presenter: i.presenter } : {}),
    })),
    materials: meeting.materials ?? [],
    excuseBy: excuseDeadline(meeting.date, body.rules.excuseDeadlineDays),
  };
  if (ctx.project) doc.project = ctx.project;
  if (signer) {
    doc.invitedBy = fullName(signer);
    doc.invitedByGender = genderOf(signer);
    const membership = room.members.find((m) => m.personId === signer.id);
    if (meeting.signerRole) doc.invitedByRole = meeting.signerRole;
    else if (membership && membership.role !== 'member')
      doc.invitedByRole =
        `${L.memberRole[genderOf(signer)][membership.role]} ${L.bodyGenitive[body.kind]}`.trim();
  }
  if (meeting.invitationContact) doc.contact = meeting.invitationContact;
  if (meeting.issuePlace) doc.issuePlace = meeting.issuePlace;
  if (meeting.invitationIssuedOn) doc.issuedOn = meeting.invitationIssuedOn;
  if (meeting.invitationSentOn) doc.sentOn = meeting.invitationSentOn;
  if (meeting.invitationSentTo) doc.sentTo = meeting.invitationSentTo;
  return doc;
}
