// View models for the DOCX builders (docs/documents.md). Plain data only: ids are already
// resolved to display names, numbers are the stored display fields ("3/2026", "PS1/3/2026/2"),
// dates are ISO days `YYYY-MM-DD`, times `HH:MM`. The builders format everything themselves.
import type { BodyKind, MemberRole } from '../domain/body';
import type { TriadRole } from '../domain/triad';

export type { BodyKind, MemberRole, TriadRole };

export type Lang = 'cs' | 'en';

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
}

export interface AttendeeRow {
  name: string;
  organization?: string;
  triadRole: TriadRole;
  memberRole?: MemberRole;
}

export interface SubstituteRow {
  substitute: string;
  /** The represented member as it should follow "za" (Czech accusative, e.g. "R. Bartoše"). */
  forMember: string;
  organization?: string;
}

export interface MinutesAttendance {
  /** Everyone present with a vote, substitutes included (one table row each). */
  present: AttendeeRow[];
  excused: AttendeeRow[];
  absent: AttendeeRow[];
  substitutes: SubstituteRow[];
  /** Guests have no vote. */
  guests: AttendeeRow[];
  votingMembers: number;
  presentVoting: number;
  required: number;
  quorate: boolean;
  triadCounts: Record<TriadRole, number>;
}

export interface PollSummary {
  /** Localized description of the method, e.g. "bodování (každý člen 5 bodů, max. 2 na položku)". */
  method: string;
  ranked: { rank: number; label: string; points: number }[];
}

export type ResolutionOutcome = 'passed' | 'rejected' | 'noVote';

export interface ResolutionView {
  /** "PS1/3/2026/2" */
  number: string;
  /** Already localized verb: "schvaluje", "bere na vědomí", "doporučuje ŘS". */
  verb: string;
  text: string;
  outcome: ResolutionOutcome;
  vote?: { yes: number; no: number; abstain: number };
  consensus?: boolean;
  /** Localized sentence of the rule that decided, e.g. "Prostá většina přítomných (potřeba 6)." */
  ruleText?: string;
  pollSummary?: PollSummary;
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
  /** Distribution note: "Rozesláno členům dne … ; připomínky do …". */
  distributedOn?: string;
  commentsBy?: string;
  minutesStatus?: MinutesStatus;
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
  sentOn?: string;
}
