// Zápis z jednání (minutes) → docx.Document. Section order follows DOMAIN.md §4.2.
import { Paragraph, TextRun, type Document, type FileChild } from 'docx';
import {
  bodyGenitive,
  formatDate,
  formatDateTime,
  formatTime,
  formatVote,
  resolutionSubject,
} from './format';
import { fill, labelsFor, type Labels } from './labels';
import {
  STYLE,
  box,
  buildDocument,
  dataTable,
  fieldLine,
  heading1,
  heading2,
  numberedLine,
  signatureBlock,
  spacer,
  textParagraphs,
  titleParagraph,
  COLOR,
  type Column,
} from './layout';
import type { AttendeeRow, Lang, MinutesDoc, ResolutionView } from './model';
import { TRIAD_ROLES } from '../domain/triad';

function personWithOrg(a: { name: string; organization?: string }): string {
  return a.organization ? `${a.name} (${a.organization})` : a.name;
}

function nameCell(a: AttendeeRow, L: Labels): Paragraph[] {
  const runs = [new TextRun(a.name)];
  if (a.memberRole && a.memberRole !== 'member') {
    runs.push(new TextRun({ text: ` (${L.memberRole[a.memberRole]})`, color: COLOR.muted }));
  }
  return [new Paragraph({ style: STYLE.tableText, children: runs })];
}

function attendanceSection(doc: MinutesDoc, L: Labels): FileChild[] {
  const a = doc.attendance;
  const out: FileChild[] = [heading1(L.attendanceHeading)];
  out.push(
    fieldLine(
      L.presentMembers,
      fill(L.presentCount, { present: a.presentVoting, total: a.votingMembers }),
      { keepNext: a.present.length > 0 },
    ),
  );
  if (a.present.length > 0) {
    const columns: Column[] = [
      { header: L.colNo, width: 567, align: 'right' },
      { header: L.colName, width: 3119 },
      { header: L.colOrganization, width: 3600 },
      { header: L.colTriadRole, width: 1784 },
    ];
    out.push(
      dataTable(
        columns,
        a.present.map((p, i) => [
          `${i + 1}.`,
          nameCell(p, L),
          p.organization ?? '',
          L.triadRole[p.triadRole],
        ]),
      ),
    );
    out.push(spacer());
  }
  const triad = TRIAD_ROLES.map((r) => `${L.triadRolePlural[r]} ${a.triadCounts[r] ?? 0}`).join(
    '  |  ',
  );
  out.push(fieldLine(L.triadRepresentation, triad));
  if (a.excused.length > 0) out.push(fieldLine(L.excused, a.excused.map(personWithOrg).join(', ')));
  if (a.absent.length > 0) out.push(fieldLine(L.absent, a.absent.map(personWithOrg).join(', ')));
  if (a.substitutes.length > 0) {
    const subs = a.substitutes.map((s) => {
      const base = fill(L.substituteFor, { substitute: s.substitute, member: s.forMember });
      return s.organization ? `${base} (${s.organization})` : base;
    });
    out.push(fieldLine(L.substitutes, subs.join(', ')));
  }
  if (a.guests.length > 0) {
    out.push(
      fieldLine(
        L.guests,
        a.guests.map((g) => `${personWithOrg(g)} ${L.dash} ${L.withoutVote}`).join(', '),
      ),
    );
  }
  const q = fill(a.quorate ? L.quorumYes : L.quorumNo, {
    present: a.presentVoting,
    total: a.votingMembers,
    required: a.required,
  });
  out.push(
    fieldLine(L.quorum, [
      new TextRun({ text: q, bold: true, color: a.quorate ? undefined : COLOR.marker }),
    ]),
  );
  return out;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function voteLine(r: ResolutionView, lang: Lang, L: Labels): Paragraph {
  if (r.outcome === 'noVote' && !r.vote && !r.consensus) {
    return new Paragraph({
      style: STYLE.tableText,
      children: [new TextRun({ text: `${capitalize(L.noVote)}.`, italics: true })],
    });
  }
  const how = r.vote ? formatVote(r.vote, lang) : r.consensus ? L.consensus : '';
  const outcome =
    r.outcome === 'passed' ? L.passed : r.outcome === 'rejected' ? L.rejected : L.noVote;
  const children = [new TextRun({ text: `${L.voting}: `, bold: true })];
  if (how) children.push(new TextRun(`${how} ${L.dash} `));
  children.push(
    new TextRun({
      text: outcome,
      bold: true,
      color: r.outcome === 'rejected' ? COLOR.marker : undefined,
    }),
  );
  return new Paragraph({ style: STYLE.tableText, spacing: { before: 60 }, children });
}

function resolutionBlock(r: ResolutionView, doc: MinutesDoc, L: Labels): FileChild[] {
  const out: FileChild[] = [];
  if (r.pollSummary && r.pollSummary.ranked.length > 0) {
    out.push(
      new Paragraph({
        keepNext: true,
        children: [
          new TextRun({ text: fill(L.pollResult, { method: r.pollSummary.method }), bold: true }),
        ],
      }),
    );
    const ranked = [...r.pollSummary.ranked].sort((x, y) => x.rank - y.rank);
    ranked.forEach((p, i) => {
      out.push(
        numberedLine(p.rank, `${p.label} ${L.dash} ${p.points} ${L.pointsAbbr}`, {
          keepNext: i < ranked.length - 1,
        }),
      );
    });
  }
  const subject = resolutionSubject(doc.header, doc.lang);
  const body = [
    new Paragraph({
      style: STYLE.tableText,
      children: [
        new TextRun({ text: `${fill(L.resolution, { number: r.number })} `, bold: true }),
        new TextRun(`${subject} `),
        new TextRun({ text: r.verb, bold: true }),
        new TextRun(` ${r.text}`),
      ],
    }),
    voteLine(r, doc.lang, L),
  ];
  if (r.ruleText) {
    body.push(
      new Paragraph({
        style: STYLE.tableText,
        children: [new TextRun({ text: r.ruleText, italics: true, color: COLOR.muted, size: 18 })],
      }),
    );
  }
  out.push(box(body), spacer());
  return out;
}

function proceedingsSection(doc: MinutesDoc, L: Labels): FileChild[] {
  if (doc.agenda.length === 0) return [];
  const out: FileChild[] = [heading1(L.proceedings)];
  for (const item of [...doc.agenda].sort((a, b) => a.order - b.order)) {
    out.push(heading2(fill(L.ad, { order: item.order }), item.title));
    if (item.presenter) {
      out.push(
        new Paragraph({
          style: STYLE.note,
          children: [new TextRun(`${L.presenter}: ${item.presenter}`)],
        }),
      );
    }
    out.push(...textParagraphs(item.discussion));
    for (const r of item.resolutions) out.push(...resolutionBlock(r, doc, L));
  }
  return out;
}

function tasksSection(doc: MinutesDoc, L: Labels): FileChild[] {
  const lang = doc.lang;
  const out: FileChild[] = [heading1(L.tasksHeading)];
  if (doc.tasks.length === 0) {
    out.push(new Paragraph({ style: STYLE.note, children: [new TextRun(L.noTasks)] }));
  } else {
    const columns: Column[] = [
      { header: L.colTaskNo, width: 1560 },
      { header: L.colTask, width: 4010 },
      { header: L.colOwner, width: 2000 },
      { header: L.colDeadline, width: 1500 },
    ];
    out.push(
      dataTable(
        columns,
        doc.tasks.map((t) => [
          t.number,
          t.text,
          t.owner,
          t.deadline ? formatDate(t.deadline, lang) : L.dash,
        ]),
      ),
    );
    out.push(spacer());
  }
  if (doc.reviewedTasks.length > 0) {
    out.push(heading1(L.reviewHeading));
    const columns: Column[] = [
      { header: L.colTaskNo, width: 1560 },
      { header: L.colTask, width: 2700 },
      { header: L.colOwner, width: 1600 },
      { header: L.colStatus, width: 1110 },
      { header: L.colComment, width: 2100 },
    ];
    out.push(
      dataTable(
        columns,
        doc.reviewedTasks.map((t) => {
          const text = t.deadline
            ? `${t.text}\n(${L.colDeadline.toLowerCase()} ${formatDate(t.deadline, lang)})`
            : t.text;
          return [
            t.number,
            text,
            t.owner,
            [
              new Paragraph({
                style: STYLE.tableText,
                children: [new TextRun({ text: L.taskStatus[t.status], bold: true })],
              }),
            ],
            t.comment ?? '',
          ];
        }),
      ),
    );
    out.push(spacer());
  }
  return out;
}

function attachmentList(doc: MinutesDoc, L: Labels): string[] {
  const sheet = L.attendanceSheetAttachment;
  const rest = doc.attachments.filter(
    (a) => a.trim().toLocaleLowerCase(doc.lang) !== sheet.toLocaleLowerCase(doc.lang),
  );
  return [sheet, ...rest];
}

export function buildMinutes(doc: MinutesDoc): Document {
  const L = labelsFor(doc.lang);
  const lang = doc.lang;
  const h = doc.header;
  const children: FileChild[] = [];

  if (doc.minutesStatus === 'draft' || doc.minutesStatus === 'toVerify') {
    children.push(
      new Paragraph({
        style: STYLE.marker,
        children: [new TextRun(doc.minutesStatus === 'draft' ? L.draftMarker : L.toVerifyMarker)],
      }),
    );
  }
  if (h.organizationName)
    children.push(
      new Paragraph({ style: STYLE.orgLine, children: [new TextRun(h.organizationName)] }),
    );
  children.push(titleParagraph(fill(L.minutesTitle, { number: h.meetingNumber })));
  children.push(
    new Paragraph({
      style: STYLE.subtitle,
      children: [new TextRun(`${L.fromMeeting} ${bodyGenitive(h, lang)}`)],
    }),
  );

  children.push(fieldLine(L.dateTime, formatDateTime(h.date, h.timeFrom, h.timeTo, lang)));
  children.push(fieldLine(L.place, h.place));
  if (h.chair) children.push(fieldLine(L.chair, h.chair));
  if (h.minuteTaker) children.push(fieldLine(L.minuteTaker, h.minuteTaker));
  if (h.verifier) children.push(fieldLine(L.verifier, h.verifier));

  children.push(...attendanceSection(doc, L));

  if (doc.agenda.length > 0) {
    children.push(heading1(L.programme));
    const items = [...doc.agenda].sort((a, b) => a.order - b.order);
    items.forEach((it, i) =>
      children.push(numberedLine(it.order, it.title, { keepNext: i < items.length - 1 })),
    );
  }

  children.push(...proceedingsSection(doc, L));
  children.push(...tasksSection(doc, L));

  if (doc.nextMeeting) {
    const nm = doc.nextMeeting;
    let when = formatDate(nm.date, lang);
    if (nm.timeFrom) when += ` ${L.at} ${formatTime(nm.timeFrom)}`;
    if (nm.place) when += `, ${nm.place}`;
    children.push(heading1(L.nextMeeting));
    children.push(new Paragraph({ children: [new TextRun({ text: when, bold: true })] }));
  }

  children.push(heading1(L.attachments));
  const attachments = attachmentList(doc, L);
  attachments.forEach((a, i) =>
    children.push(numberedLine(i + 1, a, { keepNext: i < attachments.length - 1 })),
  );

  const notes: string[] = [];
  if (doc.distributedOn)
    notes.push(fill(L.distributed, { date: formatDate(doc.distributedOn, lang) }));
  if (doc.commentsBy) notes.push(fill(L.commentsBy, { date: formatDate(doc.commentsBy, lang) }));
  if (notes.length > 0)
    children.push(
      new Paragraph({
        style: STYLE.note,
        spacing: { before: 160 },
        children: [new TextRun(notes.join(' '))],
      }),
    );

  children.push(
    new Paragraph({ spacing: { before: 360, after: 0 }, keepNext: true, children: [] }),
  );
  children.push(
    signatureBlock(
      [
        {
          label: L.writtenBy,
          name: h.minuteTaker,
          date: doc.writtenOn ? formatDate(doc.writtenOn, lang) : undefined,
        },
        {
          label: L.verifiedBy,
          name: h.verifier,
          date: doc.verifiedOn ? formatDate(doc.verifiedOn, lang) : undefined,
        },
      ],
      lang,
    ),
  );

  if (doc.amendments && doc.amendments.length > 0) {
    children.push(heading1(L.amendmentsHeading));
    const columns: Column[] = [
      { header: L.colDate, width: 1500 },
      { header: L.colAuthor, width: 2300 },
      { header: L.colReason, width: 5270 },
    ];
    children.push(
      dataTable(
        columns,
        doc.amendments.map((am) => [formatDate(am.at, lang), am.author, am.reason]),
      ),
    );
  }

  return buildDocument({
    lang,
    title: `${fill(L.minutesTitle, { number: h.meetingNumber })} ${L.dash} ${h.bodyCode}`,
    subject: `${L.fromMeeting} ${bodyGenitive(h, lang)}`,
    project: doc.project,
    footerText: fill(L.minutesFooter, { number: h.meetingNumber, code: h.bodyCode }),
    children,
  });
}
