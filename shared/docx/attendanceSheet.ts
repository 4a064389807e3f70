// Prezenční listina (attendance sheet to print and sign) → docx.Document.
import { Paragraph, TextRun, type Document, type FileChild } from 'docx';
import { bodyGenitive, formatDateTime } from './format';
import { fill, labelsFor, type Labels } from './labels';
import {
  STYLE,
  buildDocument,
  dataTable,
  fieldLine,
  heading1,
  titleParagraph,
  type Cell,
  type Column,
} from './layout';
import type { AttendanceSheetDoc, AttendeeRow } from './model';

function memberName(m: AttendeeRow, L: Labels): string {
  const role =
    m.memberRole && m.memberRole !== 'member' ? L.memberRole[m.gender ?? 'm'][m.memberRole] : '';
  const notes = [role, m.votingRight === false ? L.noVoteNote : ''].filter(Boolean);
  return notes.length ? `${m.name}\n(${notes.join(', ')})` : m.name;
}

/** Minimum height of a row people sign in: 1 cm. */
export const SIGNATURE_ROW_HEIGHT = 567;
export const DEFAULT_BLANK_GUEST_ROWS = 5;
export const DEFAULT_BLANK_SUBSTITUTE_ROWS = 2;

export function buildAttendanceSheet(doc: AttendanceSheetDoc): Document {
  const L = labelsFor(doc.lang);
  const lang = doc.lang;
  const h = doc.header;
  const children: FileChild[] = [];

  if (h.organizationName)
    children.push(
      new Paragraph({ style: STYLE.orgLine, children: [new TextRun(h.organizationName)] }),
    );
  children.push(titleParagraph(L.attendanceSheetTitle));
  children.push(
    new Paragraph({
      style: STYLE.subtitle,
      children: [new TextRun(`${L.fromMeeting} ${bodyGenitive(h, lang)}`)],
    }),
  );
  children.push(fieldLine(L.meeting, fill(L.meetingNo, { number: h.meetingNumber })));
  children.push(fieldLine(L.dateTime, formatDateTime(h.date, h.timeFrom, h.timeTo, lang)));
  children.push(fieldLine(L.place, h.place));
  if (h.chair) children.push(fieldLine(L.chair, h.chair));

  children.push(heading1(L.membersHeading));
  const memberColumns: Column[] = [
    { header: L.colNo, width: 510, align: 'right' },
    { header: L.colFullName, width: 2400 },
    { header: L.colOrganization, width: 2350 },
    { header: L.colTriadRole, width: 1660 },
    { header: L.colSignature, width: 2150 },
  ];
  children.push(
    dataTable(
      memberColumns,
      doc.members.map((m, i): Cell[] => [
        `${i + 1}.`,
        memberName(m, L),
        m.organization ?? '',
        L.triadRole[m.triadRole],
        '',
      ]),
      { rowHeight: SIGNATURE_ROW_HEIGHT, verticalAlign: 'center' },
    ),
  );
  // The same count as the minutes: voting members, and the quorum the rules need.
  const voting = doc.votingMembers ?? doc.members.filter((m) => m.votingRight !== false).length;
  children.push(
    new Paragraph({
      spacing: { before: 160 },
      children: [
        new TextRun({
          text:
            doc.required !== undefined && voting > 0
              ? fill(L.presentTally, { total: voting, required: doc.required })
              : fill(L.presentTallyNoQuorum, { total: doc.members.length }),
        }),
      ],
    }),
  );

  // Substitutes sign in their own rows and say for whom.
  const subRows = Math.max(0, doc.blankSubstituteRows ?? DEFAULT_BLANK_SUBSTITUTE_ROWS);
  if (subRows > 0) {
    children.push(heading1(L.substitutesHeading));
    children.push(
      dataTable(
        [
          { header: L.colNo, width: 510, align: 'right' },
          { header: L.colFullName, width: 2450 },
          { header: L.colForWhom, width: 2560 },
          { header: L.colOrganization, width: 1400 },
          { header: L.colSignature, width: 2150 },
        ],
        Array.from({ length: subRows }, (_, i): Cell[] => [`${i + 1}.`, '', '', '', '']),
        { rowHeight: SIGNATURE_ROW_HEIGHT, verticalAlign: 'center' },
      ),
    );
  }

  children.push(heading1(L.guests));
  const guestColumns: Column[] = [
    { header: L.colNo, width: 510, align: 'right' },
    { header: L.colFullName, width: 2900 },
    { header: L.colOrganization, width: 3160 },
    { header: L.colSignature, width: 2500 },
  ];
  const known = doc.guests ?? [];
  const blanks = Math.max(0, doc.blankGuestRows ?? DEFAULT_BLANK_GUEST_ROWS);
  const guestRows: Cell[][] = [
    ...known.map((g, i): Cell[] => [`${i + 1}.`, g.name, g.organization ?? '', '']),
    ...Array.from({ length: blanks }, (_, i): Cell[] => [`${known.length + i + 1}.`, '', '', '']),
  ];
  if (guestRows.length > 0) {
    children.push(
      dataTable(guestColumns, guestRows, {
        rowHeight: SIGNATURE_ROW_HEIGHT,
        verticalAlign: 'center',
      }),
    );
  }
  children.push(
    new Paragraph({
      style: STYLE.note,
      spacing: { before: 160 },
      children: [new TextRun(L.privacyNote)],
    }),
  );

  return buildDocument({
    lang,
    title: `${L.attendanceSheetTitle} ${L.dash} ${h.bodyCode} ${h.meetingNumber}`,
    subject: `${L.fromMeeting} ${bodyGenitive(h, lang)}`,
    project: doc.project,
    author: h.organizationName,
    marker: doc.draft ? L.draftPlain : undefined,
    footerText: fill(L.attendanceSheetFooter, { number: h.meetingNumber, code: h.bodyCode }),
    children,
  });
}
