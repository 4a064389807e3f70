// Pozvánka (invitation to a meeting) → docx.Document.
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  TextRun,
  type Document,
  type FileChild,
} from 'docx';
import {
  bodyGenitive,
  bodyMembersDative,
  formatDate,
  formatTime,
  ordinal,
  parseMeetingNumber,
  weekdayOn,
} from './format';
import { fill, labelsFor } from './labels';
import {
  COLOR,
  STYLE,
  TEXT_WIDTH,
  box,
  buildDocument,
  fieldLine,
  heading1,
  numberedList,
  titleParagraph,
} from './layout';
import type { InvitationDoc } from './model';

/** Label column inside the when/where box (2 cm). */
const BOX_TAB = 1134;

export function buildInvitation(doc: InvitationDoc): Document {
  const L = labelsFor(doc.lang);
  const lang = doc.lang;
  const h = doc.header;
  const children: FileChild[] = [];

  if (h.organizationName)
    children.push(
      new Paragraph({ style: STYLE.orgLine, children: [new TextRun(h.organizationName)] }),
    );
  // Place and date of issue, as on a letter: "Vizovice 2. 4. 2026" (no declension needed).
  const issued = [doc.issuePlace?.trim(), doc.issuedOn ? formatDate(doc.issuedOn, lang) : '']
    .filter(Boolean)
    .join(lang === 'cs' ? ' ' : ', ');
  if (issued)
    children.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: { before: 120, after: 240 },
        children: [new TextRun(issued)],
      }),
    );
  children.push(
    new Paragraph({
      spacing: { after: 480 },
      children: [new TextRun({ text: bodyMembersDative(h, lang), bold: true })],
    }),
  );
  children.push(titleParagraph(L.invitationTitle));
  children.push(new Paragraph({ spacing: { before: 200 }, children: [new TextRun(L.salutation)] }));

  const parsed = parseMeetingNumber(h.meetingNumber);
  const lead = parsed
    ? fill(L.invitationLead, {
        nth: ordinal(parsed.seq, lang),
        body: bodyGenitive(h, lang),
        year: parsed.year,
      })
    : fill(L.invitationLeadPlain, { number: h.meetingNumber, body: bodyGenitive(h, lang) });
  children.push(new Paragraph({ keepNext: true, children: [new TextRun(`${lead}:`)] }));

  const whenTemplate = h.timeTo ? L.whenValue : L.whenValueNoEnd;
  const when = fill(whenTemplate, {
    weekday: weekdayOn(h.date, lang),
    date: formatDate(h.date, lang),
    from: formatTime(h.timeFrom),
    to: h.timeTo ? formatTime(h.timeTo) : '',
  }).trim();
  children.push(
    box([
      fieldLine(L.when, [new TextRun({ text: when, bold: true })], { tab: BOX_TAB }),
      fieldLine(L.where, [new TextRun({ text: h.place, bold: true })], { tab: BOX_TAB }),
    ]),
  );

  if (doc.agenda.length > 0) {
    children.push(heading1(L.programme));
    // Keep-with-next only on the heading: a long programme flows on to the next page.
    const items = [...doc.agenda].sort((a, b) => a.order - b.order);
    children.push(
      ...numberedList(
        items.map((it) => {
          const runs = [new TextRun(it.title)];
          if (it.presenter)
            runs.push(
              new TextRun({
                text: ` (${fill(L.presentedBy, { name: it.presenter })})`,
                color: COLOR.muted,
              }),
            );
          return runs;
        }),
      ),
    );
  }

  if (doc.materials.length > 0) {
    children.push(heading1(L.materials));
    children.push(...numberedList(doc.materials, { bullet: true }));
  }

  const closing: Paragraph[] = [];
  if (doc.excuseBy)
    closing.push(
      new Paragraph({
        spacing: { before: 240 },
        children: [new TextRun(fill(L.excuseBy, { date: formatDate(doc.excuseBy, lang) }))],
      }),
    );
  if (doc.contact)
    closing.push(
      new Paragraph({
        children: [new TextRun({ text: `${L.contact}: `, bold: true }), new TextRun(doc.contact)],
      }),
    );
  closing.push(new Paragraph({ spacing: { before: 200 }, children: [new TextRun(L.closing)] }));
  children.push(...closing);

  if (doc.invitedBy) {
    children.push(
      new Paragraph({
        spacing: { before: 240, after: 0 },
        keepNext: true,
        children: [new TextRun(L.regards)],
      }),
    );
    children.push(
      new Paragraph({
        spacing: { before: 840, after: 0 },
        keepNext: true,
        indent: { right: TEXT_WIDTH - 4536 },
        border: { top: { style: BorderStyle.DOTTED, size: 6, color: COLOR.muted, space: 4 } },
        children: [new TextRun({ text: doc.invitedBy, bold: true })],
      }),
    );
    if (doc.invitedByRole)
      children.push(
        new Paragraph({
          keepNext: true,
          spacing: { after: 0 },
          children: [new TextRun(doc.invitedByRole)],
        }),
      );
  }
  if (doc.sentOn) {
    const date = formatDate(doc.sentOn, lang);
    children.push(
      new Paragraph({
        style: STYLE.note,
        spacing: { before: 360 },
        children: [
          new TextRun(
            doc.sentTo?.trim()
              ? fill(L.sentOnTo, { to: doc.sentTo.trim(), date })
              : fill(L.sentOn, { date }),
          ),
        ],
      }),
    );
  }

  return buildDocument({
    lang,
    title: `${L.invitationTitle} ${L.dash} ${h.bodyCode} ${h.meetingNumber}`,
    subject: `${L.fromMeeting} ${bodyGenitive(h, lang)}`,
    project: doc.project,
    author: h.organizationName,
    footerText: fill(L.invitationFooter, { number: h.meetingNumber, code: h.bodyCode }),
    children,
  });
}
