import type { TFunction } from 'i18next';
import type {
  AttendeeRow,
  AttendanceSheetDoc,
  InvitationDoc,
  Lang,
  MeetingHeader,
  MinutesDoc,
  ProjectBlock,
} from '@shared/docx/model';
import type { Person } from '@shared/domain';
import { addDays, fullName, isInRoom, meetingNumber, rankedOptions } from '@shared/domain';
import type { RoomView } from '../../db';
import { methodText } from './pollText';
import { ruleText } from './resolutionText';

// Maps the meeting room to the view models of the pure DOCX builders (shared/docx).

const name = (room: RoomView, id?: string) => {
  const p = id ? (room.allPeople.get(id) ?? room.people.get(id)) : undefined;
  return p ? fullName(p) : undefined;
};

function orgName(room: RoomView, p: Person): string | undefined {
  return (
    room.members.find((m) => m.personId === p.id)?.organizationName ??
    room.guests.find((g) => g.person.id === p.id)?.organizationName
  );
}

function header(
  room: RoomView,
  project?: ProjectBlock & { organizationName?: string },
): MeetingHeader {
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
  if (project?.organizationName) h.organizationName = project.organizationName;
  const chair = name(room, meeting.chairId);
  const minuteTaker = name(room, meeting.minuteTakerId);
  const verifier = name(room, meeting.verifierId);
  if (chair) h.chair = chair;
  if (minuteTaker) h.minuteTaker = minuteTaker;
  if (verifier) h.verifier = verifier;
  return h;
}

const row = (
  p: Person,
  organization?: string,
  memberRole?: AttendeeRow['memberRole'],
): AttendeeRow => ({
  name: fullName(p),
  triadRole: p.triadRole,
  ...(organization ? { organization } : {}),
  ...(memberRole ? { memberRole } : {}),
});

export function minutesDoc(
  room: RoomView,
  t: TFunction,
  lang: Lang,
  project?: ProjectBlock & { organizationName?: string },
): MinutesDoc {
  const present: AttendeeRow[] = [];
  const excused: AttendeeRow[] = [];
  const absent: AttendeeRow[] = [];
  const substitutes: MinutesDoc['attendance']['substitutes'] = [];
  for (const m of room.members) {
    const a = room.attendance.get(m.personId);
    const org = m.organizationName;
    if (a?.status === 'substituted' && a.substituteId) {
      const sub = room.people.get(a.substituteId) ?? room.allPeople.get(a.substituteId);
      if (sub) {
        substitutes.push({
          substitute: fullName(sub),
          forMember: fullName(m.person),
          ...((orgName(room, sub) ?? org) ? { organization: orgName(room, sub) ?? org } : {}),
        });
        if (m.votingRight) present.push(row(sub, orgName(room, sub) ?? org));
      }
    } else if (a && isInRoom(a)) present.push(row(m.person, org, m.role));
    else if (a?.status === 'excused') excused.push(row(m.person, org));
    else absent.push(row(m.person, org));
  }
  const reviewed = room.review.flatMap((task) => {
    const review = task.reviews.find((r) => r.meetingId === room.meeting.id);
    return [
      {
        number: task.number,
        text: task.text,
        owner: name(room, task.ownerId) ?? t('tasks.noOwner'),
        status: review?.status ?? task.status,
        ...(task.deadline ? { deadline: task.deadline } : {}),
        ...(review?.comment ? { comment: review.comment } : {}),
      },
    ];
  });
  const doc: MinutesDoc = {
    lang,
    header: header(room, project),
    attendance: {
      present,
      excused,
      absent,
      substitutes,
      guests: room.guests
        .filter((g) => isInRoom(g.attendance))
        .map((g) => row(g.person, g.organizationName)),
      votingMembers: room.quorum.votingMembers,
      presentVoting: room.quorum.presentVoting,
      required: room.quorum.required,
      quorate: room.quorum.quorate,
      triadCounts: room.quorum.triad,
    },
    agenda: room.items.map((item) => ({
      order: item.order,
      title: item.title,
      ...(item.presenter ? { presenter: item.presenter } : {}),
      ...(item.discussion.trim() ? { discussion: item.discussion } : {}),
      resolutions: room.resolutions
        .filter((r) => r.agendaItemId === item.id)
        .map((r) => ({
          number: r.number,
          verb: t(`verbs.${r.verb}`),
          text: r.text,
          outcome:
            r.outcome === 'passed' ? 'passed' : r.outcome === 'noVote' ? 'noVote' : 'rejected',
          ...(r.result.kind === 'vote'
            ? { vote: { yes: r.result.yes, no: r.result.no, abstain: r.result.abstain } }
            : {}),
          ...(r.result.kind === 'consensus' ? { consensus: true } : {}),
          ...(ruleText(t, r) ? { ruleText: ruleText(t, r) } : {}),
          ...pollSummary(room, t, r.pollId),
        })),
    })),
    tasks: room.tasks.map((task) => ({
      number: task.number,
      text: task.text,
      owner: name(room, task.ownerId) ?? t('tasks.noOwner'),
      ...(task.deadline ? { deadline: task.deadline } : {}),
    })),
    reviewedTasks: reviewed,
    attachments: [],
    minutesStatus: room.meeting.minutesStatus ?? 'draft',
  };
  if (project) doc.project = project;
  if (room.nextMeeting)
    doc.nextMeeting = {
      date: room.nextMeeting.date,
      timeFrom: room.nextMeeting.timeFrom,
      place: room.nextMeeting.place,
    };
  if (room.meeting.writtenOn) doc.writtenOn = room.meeting.writtenOn;
  if (room.meeting.verifiedOn) doc.verifiedOn = room.meeting.verifiedOn;
  if (room.amendments.length)
    doc.amendments = room.amendments.map((a) => ({
      at: a.at.slice(0, 10),
      author: a.author,
      reason: `${a.reason}: ${a.text}`,
    }));
  return doc;
}

/** For a resolution decided by an option poll: the method and the ranked options with points. */
function pollSummary(room: RoomView, t: TFunction, pollId?: string) {
  const poll = pollId ? room.polls.find((p) => p.id === pollId) : undefined;
  if (!poll || poll.definition.method === 'resolution' || !poll.result) return {};
  return {
    pollSummary: {
      method: methodText(t, poll),
      ranked: rankedOptions(poll).map((r) => ({ rank: r.rank, label: r.label, points: r.value })),
    },
  };
}

export function attendanceSheetDoc(
  room: RoomView,
  lang: Lang,
  project?: ProjectBlock & { organizationName?: string },
): AttendanceSheetDoc {
  const doc: AttendanceSheetDoc = {
    lang,
    header: header(room, project),
    members: room.members.map((m) => row(m.person, m.organizationName, m.role)),
    blankGuestRows: 6,
  };
  if (project) doc.project = project;
  return doc;
}

export function invitationDoc(
  room: RoomView,
  lang: Lang,
  project?: ProjectBlock & { organizationName?: string },
): InvitationDoc {
  const chair = name(room, room.meeting.chairId);
  const doc: InvitationDoc = {
    lang,
    header: header(room, project),
    agenda: room.items.map((i) => ({
      order: i.order,
      title: i.title,
      ...(i.presenter ? { presenter: i.presenter } : {}),
    })),
    materials: room.meeting.materials ?? [],
    excuseBy: addDays(room.meeting.date, -room.body.rules.excuseDeadlineDays),
  };
  if (project) doc.project = project;
  if (chair) doc.invitedBy = chair;
  return doc;
}
