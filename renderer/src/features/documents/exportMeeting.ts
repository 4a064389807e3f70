import {
  attendanceSheetFileName,
  buildAttendanceSheet,
  buildInvitation,
  buildMinutes,
  invitationFileName,
  minutesFileName,
  packDocx,
} from '@shared/docx';
import type { Lang } from '@shared/docx/model';
import { meetingNumber } from '@shared/domain';
import {
  namedBallots,
  roomView,
  sealFingerprint,
  type AppDb,
  type ProjectSettings,
} from '../../db';
import { DomainError } from '../../db/errors';
import { i18n } from '../../i18n';
import {
  attendanceSheetDoc,
  invitationDoc,
  minutesDoc,
  type DocContext,
  type ProjectInfo,
} from './meetingDocs';

// The one way a meeting document is exported: the app's buttons and `npm run documents`.

export type MeetingDocKind = 'minutes' | 'attendance' | 'invitation';

export interface ExportedDoc {
  name: string;
  bytes: Uint8Array;
}

/** Settings → the project block of the page header (logo alt text included). */
export function projectInfo(settings: ProjectSettings | undefined): ProjectInfo | undefined {
  if (!settings) return undefined;
  const { logo, logoAltText, ...rest } = settings;
  const info: ProjectInfo = { ...rest };
  if (logo) info.logo = { ...logo, ...(logoAltText ? { altText: logoAltText } : {}) };
  return info;
}

/** The previous meeting of the body (by date and time) and the fingerprint of its sealed minutes. */
async function previousMinutes(db: AppDb, meetingId: string) {
  const meeting = await db.meetings.get(meetingId);
  if (!meeting) return undefined;
  const key = (m: { date: string; timeFrom: string }) => m.date + m.timeFrom;
  const earlier = (await db.meetings.where('bodyId').equals(meeting.bodyId).toArray())
    .filter((m) => m.id !== meeting.id && key(m) < key(meeting))
    .sort((a, b) => key(b).localeCompare(key(a)));
  const prev = earlier[0];
  if (!prev) return undefined;
  const fingerprint = prev.minutesStatus === 'approved' ? await sealFingerprint(db, prev.id) : null;
  return { number: meetingNumber(prev), ...(fingerprint ? { fingerprint } : {}) };
}

export async function documentContext(
  db: AppDb,
  meetingId: string,
  lang: Lang,
): Promise<DocContext> {
  const [settings, meeting] = await Promise.all([
    db.settings.get('project'),
    db.meetings.get(meetingId),
  ]);
  await i18n.loadLanguages(lang); // English loads on first use
  const ctx: DocContext = { lang, t: i18n.getFixedT(lang) };
  const project = projectInfo(settings?.value as ProjectSettings | undefined);
  if (project) ctx.project = project;
  const prev = await previousMinutes(db, meetingId);
  if (prev) ctx.previousMinutes = prev;
  if (meeting?.minutesStatus === 'approved') {
    const fingerprint = await sealFingerprint(db, meetingId);
    if (fingerprint) ctx.sealFingerprint = fingerprint;
  }
  return ctx;
}

export async function exportMeetingDocument(
  db: AppDb,
  meetingId: string,
  kind: MeetingDocKind,
  lang: Lang,
): Promise<ExportedDoc> {
  const room = await roomView(db, meetingId);
  if (!room) throw new DomainError('errors.notFound');
  const ctx = await documentContext(db, meetingId, lang);
  if (kind === 'minutes') {
    // Only the minutes name who voted how: the room's closed named polls' ballots.
    const named = await namedBallots(db, room.polls);
    if (named.size) ctx.namedBallots = named;
    const doc = minutesDoc(room, ctx);
    return { name: minutesFileName(doc), bytes: await packDocx(buildMinutes(doc)) };
  }
  if (kind === 'attendance') {
    const doc = attendanceSheetDoc(room, ctx);
    return {
      name: attendanceSheetFileName(doc),
      bytes: await packDocx(buildAttendanceSheet(doc)),
    };
  }
  const doc = invitationDoc(room, ctx);
  return { name: invitationFileName(doc), bytes: await packDocx(buildInvitation(doc)) };
}
