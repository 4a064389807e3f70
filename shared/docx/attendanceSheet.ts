// Prezenční listina (attendance sheet to print and sign) → docx.Document.
import { Paragraph, TextRun, type Document, type FileChild } from 'docx';
import { bodyGenitive, formatDateTime } from './format';
import { fill, labelsFor } from './labels';
import {
  STYLE,
  buildDocument,
  dataTable,
  fieldLine,
  heading1,
  spacer,
  titleParagraph,
  type Cell,
  type Column,
} from './layout';
import type { AttendanceSheetDoc } from './model';

/** Minimum height of a row people sign in: 1 cm. */
export const SIGNATURE_ROW_HEIGHT = 567;
export const DEFAULT_BLANK_GUEST_ROWS = 5;

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
    { header: L.colFullName, width: 2450 },
    { header: L.colOrganization, width: 2560 },
    { header: L.colTriadRole, width: 1400 },
    { header: L.colSignature, width: 2150 },
  ];
  children.push(
    dataTable(
      memberColumns,
      doc.members.map((m, i): Cell[] => [
        `${i + 1}.`,
        m.name,
        m.organization ?? '',
        L.triadRole[m.triadRole],
        '',
      ]),
      { rowHeight: SIGNATURE_ROW_HEIGHT, verticalAlign: 'center' },
    ),
  );
  children.push(spacer());
  children.push(
    new Paragraph({
      spacing: { before: 160 },
      children: [new TextRun({ text: fill(L.presentTally, { total: doc.members.length }) })],
    }),
  );

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
    children.push(spacer());
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
    footerText: fill(L.attendanceSheetFooter, { number: h.meetingNumber, code: h.bodyCode }),
    children,
  });
}
