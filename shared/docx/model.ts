// View models for the DOCX builders (docs/documents.md). Plain data only: ids are already
// resolved to display names, numbers are the stored display fields ("3/2026", "PS1/3/2026/2"),
// dates are ISO days `YYYY-MM-DD`, times `HH:MM`. The builders format everything themselves.
import type { BodyKind, MemberRole } from '../domain/body';
import type { TriadRole } from '../domain/triad';

export type { BodyKind, MemberRole, TriadRole };

export type Lang = 'cs' | 'en';

/** Grammatical gender of a person, for "zapsala" / "zástupkyně vedoucího" (see gender.ts). */
export type Gender = 'f' | 'm';

export interface LogoImage {
  bytes: Uint8Array;
  type: 'png' | 'jpg';
  /** Intrinsic size in pixels; the builder scales the logo to fit the page header. */
  widthPx: number;
  heightPx: number;
  altText?: string;
}

/** Optional project/funder block printed in the page header of every page. */
export interface ProjectBlock {
  /** e.g. "MAS Vizovicko a Slušovicko, z. s." */
  recipient?: string;
  /** e.g. "Podpora procesu komunitního plánování sociálních služeb na Vizovicku" (printed in quotes). */
  projectName?: string;
  /** e.g. "CZ.03.2.63/0.0/0.0/19_106/0015192" */
  registrationNumber?: string;
  /** e.g. "Projekt je spolufinancován Evropskou unií z Evropského sociálního fondu." */
  funderLine?: string;
  logo?: LogoImage;
}

export interface MeetingHeader {
  /** Who runs the process, e.g. "Město Vizovice"; printed above the title. */
  organizationName?: string;
  /** Name without the code, e.g. "Senioři a osoby se zdravotním postižením". */
  bodyName: string;
  /** Short code, e.g. "PS1". */
  bodyCode: string;
  /** Decides the phrase "pracovní skupiny" / "řídící skupiny" / "realizačního týmu"; default 'working'. */
  bodyKind?: BodyKind;
  /** Display number "3/2026" (sequence/year). */
  meetingNumber: string;
  date: string;
  timeFrom: string;
  timeTo?: string;
  place: string;
  chair?: string;
  minuteTaker?: string;
  verifier?: string;
  /** Genders of the people above, for the verb forms ("zahájila", "Zapsala"); default masculine. */
  genders?: { chair?: Gender; minuteTaker?: Gender; verifier?: Gender };
  /** Actual opening and closing time as recorded, e.g. "09:05"; the schedule otherwise. */
  startedAt?: string;
  endedAt?: string;
}

export interface AttendeeRow {
  name: string;
  organization?: string;
  triadRole: TriadRole;
  memberRole?: MemberRole;
  gender?: Gender;
  /** false for a member without a vote (e.g. the coordinator who keeps the minutes); default true. */
  votingRight?: boolean;
  /** For a substitute: the represented member, in the nominative ("zastupuje: Mgr. Lucie Šimková"). */
  substituteFor?: string;
  /** "HH:MM" when recorded; a departure keeps the person among the present ("odešel v 10:50"). */
  arrivedAt?: string;
  leftAt?: string;
}

/**
 * Attendance of the minutes. The head count, the attendance table, the triad line and the
 * quorum line are all derived from these rows (attendanceSummary in minutes.ts).
 */
export interface MinutesAttendance {
  /** Members who attended (also those who left early) and substitutes, one row each. */
  present: AttendeeRow[];
  excused: AttendeeRow[];
  absent: AttendeeRow[];
  /** Guests have no vote. */
  guests: AttendeeRow[];
  /** Members with no attendance recorded yet (a meeting still to be held). */
  unrecorded?: AttendeeRow[];
  /** Members of the body with a vote on the meeting day: the base of the quorum. */
  votingMembers: number;
  /** Present voting members the quorum needs. */
  required: number;
}

export interface PollSummary {
  /** Localized description of the method, e.g. "bodování (každý člen 5 bodů, max. 2 na položku)". */
  method: string;
  ranked: { rank: number; label: string; points: number }[];
  /** Ballots handed in (hand-count blocks count their voters) and of those valid. */
  ballotsCast?: number;
  validBallots?: number;
  /** "points" prints "b.", "votes" prints "hl.", "value" prints the bare number. */
  unit?: 'points' | 'votes' | 'value';
  /** Options sharing the first place when the poll ended in a tie (labels). */
  tiedAtTop?: string[];
  /** The option the chair chose to break the tie, if they did. */
  tieBrokenFor?: string;
  /** Voting members in the room when the poll was taken, and of the body. */
  presentVoting?: number;
  votingMembers?: number;
  /** A public meeting's anonymous vote (one per device): the minutes say it is not a vote of members. */
  anonymous?: boolean;
}

/** How a hand vote was decided, frozen when the resolution was recorded. */
export interface DecisionView {
  majority: 'present' | 'all' | 'cast' | 'simple';
  minYes: number;
  baseCount: number;
  /** Voting members in the room at the moment of the vote. */
  presentVoting: number;
  votingMembers: number;
  quorumRequired: number;
  decidedBy?: 'votes' | 'tieRule' | 'chairCastingVote' | 'consensus' | null;
  castingVote?: 'yes' | 'no' | null;
}

/** 'publicResult': an anonymous public vote set the order; members did not vote, nothing "passed". */
export type ResolutionOutcome = 'passed' | 'rejected' | 'noVote' | 'publicResult';

export interface ResolutionView {
  /** "PS1/3/2026/2" */
  number: string;
  /** Already localized verb: "schvaluje", "bere na vědomí", "doporučuje ŘS". */
  verb: string;
  text: string;
  outcome: ResolutionOutcome;
  vote?: { yes: number; no: number; abstain: number };
  consensus?: boolean;
  /** Outcome in words when it is not plain passed/rejected (e.g. no quorum). */
  outcomeNote?: 'noQuorum' | 'tie';
  /** The frozen decision: the builder words the rule and the head count at the moment of the vote. */
  decision?: DecisionView;
  /** Legacy: a ready sentence of the rule; printed only when `decision` is absent. */
  ruleText?: string;
  pollSummary?: PollSummary;
  /**
   * A named poll (not secret) voted member by member: who chose what ("pro", an option's
   * label), each group's names as they are to be printed. Absent for secret and public votes.
   */
  byName?: { choice: string; names: string[] }[];
}

export interface AgendaItemView {
  order: number;
  title: string;
  presenter?: string;
  /** Plain text; a blank line (\n\n) separates paragraphs, a single \n is a line break. */
  discussion?: string;
  resolutions: ResolutionView[];
}

export interface TaskView {
  /** "U-3/2026-1" */
  number: string;
  text: string;
  owner: string;
  deadline?: string;
}

export type TaskStatus = 'open' | 'done' | 'ongoing' | 'cancelled';

export interface ReviewedTaskView extends TaskView {
  status: TaskStatus;
  comment?: string;
}

export type MinutesStatus = 'draft' | 'toVerify' | 'verified' | 'approved';

export interface Amendment {
  /** ISO day */
  at: string;
  author: string;
  reason: string;
}

export interface MinutesDoc {
  lang: Lang;
  project?: ProjectBlock;
  header: MeetingHeader;
  attendance: MinutesAttendance;
  agenda: AgendaItemView[];
  tasks: TaskView[];
  reviewedTasks: ReviewedTaskView[];
  nextMeeting?: { date: string; timeFrom?: string; place?: string };
  /** Further attachments; "Prezenční listina" is always listed first (added when missing). */
  attachments: string[];
  writtenOn?: string;
  verifiedOn?: string;
  /** Distribution note: "Zápis rozeslán {distributedTo} dne …; připomínky do …". */
  distributedOn?: string;
  /** Whom the minutes went to, in the dative: "členům PS a odboru sociálních věcí". */
  distributedTo?: string;
  commentsBy?: string;
  minutesStatus?: MinutesStatus;
  /** How the minutes were approved (printed on approved minutes). */
  approval?:
    { by: 'resolution'; on: string; resolutionNumber: string } | { by: 'tacit'; on: string };
  /** SHA-256 fingerprint of the sealed approved minutes. */
  sealFingerprint?: string;
  /** The previous meeting's approved minutes this meeting reviewed, with their fingerprint. */
  previousMinutes?: { number: string; fingerprint?: string };
  amendments?: Amendment[];
}

export interface AttendanceSheetDoc {
  lang: Lang;
  project?: ProjectBlock;
  header: MeetingHeader;
  /** Printed in the order given. */
  members: AttendeeRow[];
  /** Invited guests known in advance (printed before the blank rows). */
  guests?: AttendeeRow[];
  /** Empty rows for walk-in guests; default 5. */
  blankGuestRows?: number;
  /** Empty rows for substitutes who sign for a member ("za koho"); default 2. */
  blankSubstituteRows?: number;
  /** Voting members and the quorum, printed as the same count the minutes use. */
  votingMembers?: number;
  required?: number;
  draft?: boolean;
}

export interface InvitationAgendaItem {
  order: number;
  title: string;
  presenter?: string;
}

export interface InvitationDoc {
  lang: Lang;
  project?: ProjectBlock;
  header: MeetingHeader;
  agenda: InvitationAgendaItem[];
  materials: string[];
  /** ISO day by which members should excuse themselves. */
  excuseBy?: string;
  /** Free text, e.g. "Petra Dvořáková, tel. 577 000 000, e-mail dvorakova@vizovice.cz". */
  contact?: string;
  invitedBy?: string;
  /** e.g. "vedoucí pracovní skupiny" */
  invitedByRole?: string;
  invitedByGender?: Gender;
  /** Place and date of issue: "Vizovice 2. 4. 2026" at the top right. */
  issuePlace?: string;
  issuedOn?: string;
  sentOn?: string;
  /** Whom the invitation went to, in the dative ("členům PS1 e-mailem"). */
  sentTo?: string;
}
