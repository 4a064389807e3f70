// Zápis z jednání (minutes) → docx.Document. Section order follows DOMAIN.md §4.2.
// Names are always printed in the nominative ("zastupuje: Mgr. Lucie Šimková"), so no
// sentence depends on declining a name.
import { Paragraph, Tab, TextRun, type Document, type FileChild } from 'docx';
import {
  bodyGenitive,
  formatDate,
  formatDateTime,
  formatTime,
  formatVote,
  quote,
  resolutionSubject,
} from './format';
import { fill, labelsFor, plural, type Labels } from './labels';
import {
  CHAR,
  STYLE,
  buildDocument,
  dataTable,
  fieldLine,
  heading1,
  heading2,
  numberedList,
  signatureBlock,
  spacer,
  textParagraphs,
  titleParagraph,
  COLOR,
  type Column,
} from './layout';
import type {
  AttendeeRow,
  Gender,
  Lang,
  MinutesAttendance,
  MinutesDoc,
  ResolutionView,
  TriadRole,
} from './model';
import { TRIAD_ROLES } from '../domain/triad';
import { LightParagraph, type LightRun } from './light';

function personWithOrg(a: { name: string; organization?: string }): string {
  return a.organization ? `${a.name} (${a.organization})` : a.name;
}

const g = (gender: Gender | undefined): Gender => gender ?? 'm';

export interface AttendanceSummary {
  /** Present members with a vote, substitutes included. */
  voting: AttendeeRow[];
  /** Present members without a vote (e.g. the coordinator). */
  withoutVote: AttendeeRow[];
  substitutes: number;
  /** Triad roles of the voting members present (substitutes by their own role). */
  triad: Record<TriadRole, number>;
  quorate: boolean;
}

/** The one count behind the head count, the attendance table, the triad line and the quorum. */
export function attendanceSummary(a: MinutesAttendance): AttendanceSummary {
  const voting = a.present.filter((p) => p.votingRight !== false);
  const triad = Object.fromEntries(TRIAD_ROLES.map((r) => [r, 0])) as Record<TriadRole, number>;
  for (const p of voting) triad[p.triadRole] += 1;
  return {
    voting,
    withoutVote: a.present.filter((p) => p.votingRight === false),
    substitutes: voting.filter((p) => p.substituteFor).length,
    triad,
    quorate: a.votingMembers > 0 && voting.length >= a.required,
  };
}

function roleLabel(a: AttendeeRow, L: Labels): string | undefined {
  return a.memberRole && a.memberRole !== 'member'
    ? L.memberRole[g(a.gender)][a.memberRole]
    : undefined;
}

function nameCell(a: AttendeeRow, L: Labels): Paragraph[] {
  const runs: LightRun[] = [{ text: a.name }];
  const role = roleLabel(a, L);
  // A direct colour: LibreOffice lets the table style's run properties (with the default text
  // colour) override a character style's colour in a cell.
  if (role) runs.push({ text: ` (${role})`, color: COLOR.muted });
  return [new LightParagraph({}, runs)];
}

/** "zastupuje: …; bez hlasu; přišla v 9:20; odešel v 10:50" */
function attendanceNote(a: AttendeeRow, start: string, L: Labels): string {
  const parts: string[] = [];
  if (a.substituteFor) parts.push(fill(L.substituteFor, { member: a.substituteFor }));
  if (a.votingRight === false) parts.push(L.withoutVote);
  if (a.arrivedAt && a.arrivedAt > start)
    parts.push(fill(L.arrived[g(a.gender)], { time: formatTime(a.arrivedAt) }));
  if (a.leftAt) parts.push(fill(L.left[g(a.gender)], { time: formatTime(a.leftAt) }));
  return parts.join('; ');
}

function attendanceSection(doc: MinutesDoc, L: Labels): FileChild[] {
  const a = doc.attendance;
  const sum = attendanceSummary(a);
  const out: FileChild[] = [heading1(L.attendanceHeading)];
  const recorded = a.present.length + a.excused.length + a.absent.length + a.guests.length;
  if (recorded === 0 && (a.unrecorded?.length ?? 0) > 0) {
    out.push(
      new Paragraph({
        children: [
          new TextRun(fill(L.notRecordedYet, { total: a.votingMembers, required: a.required })),
        ],
      }),
    );
    return out;
  }
  let count =
    a.votingMembers === 0 && a.present.length === 0
      ? L.nobody
      : fill(L.presentCount, { present: sum.voting.length, total: a.votingMembers });
  if (sum.substitutes > 0) count += `; ${fill(L.ofWhichSubstitutes, { count: sum.substitutes })}`;
  // The longest label of the section ("Přítomni členové s hlasem"): run in, not tabbed.
  out.push(fieldLine(L.presentMembers, count, { keepNext: a.present.length > 0, runIn: true }));
  if (a.present.length > 0) {
    const start = doc.header.startedAt ?? doc.header.timeFrom;
    const columns: Column[] = [
      { header: L.colNo, width: 510, align: 'right' },
      { header: L.colName, width: 2600 },
      { header: L.colOrganization, width: 2400 },
      { header: L.colTriadRole, width: 1560 },
      { header: L.colNote, width: 2000 },
    ];
    // Voting members first, then those without a vote: the numbering matches the head count.
    const rows = [...sum.voting, ...sum.withoutVote];
    out.push(
      dataTable(
        columns,
        rows.map((p, i) => [
          `${i + 1}.`,
          nameCell(p, L),
          p.organization ?? '',
          L.triadRole[p.triadRole],
          attendanceNote(p, start, L),
        ]),
      ),
    );
  }
  const triad = TRIAD_ROLES.map((r) => `${L.triadRolePlural[r]} ${sum.triad[r]}`).join('  |  ');
  if (sum.voting.length > 0)
    out.push(
      new Paragraph({
        style: STYLE.field,
        spacing: { before: a.present.length > 0 ? 120 : 0, after: 60 },
        children: [
          new TextRun({ text: `${L.triadRepresentation}:`, bold: true }),
          new TextRun({ children: [new Tab()] }),
          new TextRun(triad),
          new TextRun({ text: ` ${L.triadNote}`, color: COLOR.muted, size: 18 }),
        ],
      }),
    );
  if (sum.withoutVote.length > 0)
    out.push(
      fieldLine(
        L.withoutVoteMembers,
        sum.withoutVote
          .map((p) => {
            const role = roleLabel(p, L);
            return role ? `${p.name} (${role})` : p.name;
          })
          .join(', '),
      ),
    );
  if (a.excused.length > 0) out.push(fieldLine(L.excused, a.excused.map(personWithOrg).join(', ')));
  if (a.absent.length > 0) out.push(fieldLine(L.absent, a.absent.map(personWithOrg).join(', ')));
  if (a.unrecorded?.length)
    out.push(fieldLine(L.unrecorded, a.unrecorded.map(personWithOrg).join(', ')));
  if (a.guests.length > 0)
    out.push(fieldLine(L.guestsNoVote, a.guests.map(personWithOrg).join(', ')));
  const q =
    a.votingMembers === 0
      ? L.quorumNoMembers
      : fill(sum.quorate ? L.quorumYes : L.quorumNo, {
          present: sum.voting.length,
          total: a.votingMembers,
          required: a.required,
        });
  out.push(
    fieldLine(L.quorum, [
      new TextRun({ text: q, bold: true, color: sum.quorate ? undefined : COLOR.marker }),
    ]),
  );
  return out;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function outcomeText(r: ResolutionView, L: Labels): string {
  if (r.outcomeNote === 'noQuorum') return L.noQuorumOutcome;
  if (r.outcomeNote === 'tie') return L.tieOutcome;
  return r.outcome === 'passed' ? L.passed : r.outcome === 'rejected' ? L.rejected : L.noVote;
}

function voteLine(r: ResolutionView, lang: Lang, L: Labels, last: boolean): Paragraph {
  // keepNext comes from the style; the box's last line lets the page break after it.
  const keepNext = last ? false : undefined;
  if (r.outcome === 'noVote' && !r.vote && !r.consensus) {
    return new LightParagraph({ style: STYLE.resolutionVote, keepNext }, [
      { text: `${capitalize(L.noVote)}.`, style: CHAR.emphasis },
    ]);
  }
  if (r.outcome === 'publicResult') {
    // The public's order, in words: no "passed", the group did not vote.
    const order = [...(r.pollSummary?.ranked ?? [])]
      .sort((x, y) => x.rank - y.rank)
      .map((o) => `${o.rank}. ${o.label}`)
      .join(', ');
    const said = order ? fill(L.publicOrder, { order }) : L.publicNoVotes;
    return new LightParagraph({ style: STYLE.resolutionVote, keepNext }, [
      { text: `${L.voting}: `, style: CHAR.strong },
      { text: `${capitalize(said)}.` },
    ]);
  }
  const how = r.vote
    ? formatVote(r.vote, lang)
    : r.consensus
      ? L.consensus
      : r.pollSummary
        ? L.byPoll
        : '';
  const runs: LightRun[] = [{ text: `${L.voting}: `, style: CHAR.strong }];
  if (how) runs.push({ text: `${how} ${L.dash} ` });
  runs.push({
    text: outcomeText(r, L),
    style: r.outcome === 'rejected' ? CHAR.rejected : CHAR.strong,
  });
  return new LightParagraph({ style: STYLE.resolutionVote, keepNext }, runs);
}

/** Head count at the moment of the vote, the rule and how a tie was settled. */
function ruleLines(r: ResolutionView, lang: Lang, L: Labels): string[] {
  const d = r.decision;
  const poll = r.pollSummary;
  if (!d) {
    const lines: string[] = [];
    if (!poll?.anonymous && poll?.presentVoting !== undefined && poll.votingMembers !== undefined)
      lines.push(fill(L.presentAtVote, { present: poll.presentVoting, total: poll.votingMembers }));
    if (r.ruleText) lines.push(r.ruleText);
    return lines;
  }
  const lines = [fill(L.presentAtVote, { present: d.presentVoting, total: d.votingMembers })];
  if (r.consensus) return [...lines, L.consensusRule];
  if (!r.vote) return lines;
  lines.push(
    fill(L.ruleLine, {
      rule: L.majorityRule[d.majority],
      minYes: `${d.minYes} ${plural(lang, d.minYes, L.votesFor)}`,
    }),
  );
  if (d.decidedBy === 'chairCastingVote' && d.castingVote)
    lines.push(
      fill(L.decidedByChair, { vote: d.castingVote === 'yes' ? L.castingYes : L.castingNo }),
    );
  if (d.decidedBy === 'tieRule') lines.push(L.decidedByTie);
  return lines;
}

/** "Jmenovitě – pro: Marie Horáková, Josef Kučera; proti: Pavel Malý." */
function byNameLines(r: ResolutionView, L: Labels): string[] {
  const groups = (r.byName ?? []).filter((g) => g.names.length > 0);
  if (!groups.length) return [];
  return [
    `${L.byName} ${L.dash} ${groups.map((g) => `${g.choice}: ${g.names.join(', ')}`).join('; ')}.`,
  ];
}

function listInWords(items: string[], lang: Lang, L: Labels): string {
  const q = items.map((i) => quote(i, lang));
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} ${L.and} ${q[q.length - 1]}`;
}

function pollBlock(r: ResolutionView, lang: Lang, L: Labels): FileChild[] {
  const p = r.pollSummary;
  if (!p) return [];
  const out: FileChild[] = [
    new Paragraph({
      keepNext: true,
      spacing: { before: 120, after: 60 },
      children: [new TextRun({ text: fill(L.pollResult, { method: p.method }), bold: true })],
    }),
  ];
  if (p.anonymous)
    out.push(
      new Paragraph({
        keepNext: true,
        children: [new TextRun({ text: L.pollAnonymous, bold: true, italics: true })],
      }),
    );
  if (p.ballotsCast !== undefined)
    out.push(
      new Paragraph({
        keepNext: true,
        children: [
          new TextRun(
            fill(p.anonymous ? L.pollPublicBallots : L.pollBallots, {
              cast: p.ballotsCast,
              valid: p.validBallots ?? p.ballotsCast,
            }),
          ),
        ],
      }),
    );
  if (p.ranked.length > 0) {
    const unit =
      p.unit === 'votes' ? ` ${L.votesAbbr}` : p.unit === 'value' ? '' : ` ${L.pointsAbbr}`;
    out.push(
      dataTable(
        [
          { header: L.colRank, width: 1000, align: 'right' },
          { header: L.colOption, width: 6270 },
          { header: L.colValue, width: 1800, align: 'right' },
        ],
        [...p.ranked]
          .sort((x, y) => x.rank - y.rank)
          .map((o) => [`${o.rank}.`, o.label, `${o.points}${unit}`]),
      ),
    );
  }
  const top = p.ranked.filter((o) => o.rank === 1).map((o) => o.label);
  let result: string;
  if (p.ranked.length === 0 || (p.validBallots ?? 1) === 0) result = L.pollNoVotes;
  else if ((p.tiedAtTop?.length ?? 0) > 1)
    result = fill(L.pollTie, { labels: listInWords(p.tiedAtTop ?? [], lang, L) });
  else result = fill(L.pollWinner, { label: quote(top[0] ?? '', lang) });
  const children = [new TextRun({ text: result, bold: true })];
  if (p.tieBrokenFor)
    children.push(new TextRun(` ${fill(L.pollTieBroken, { label: quote(p.tieBrokenFor, lang) })}`));
  out.push(new Paragraph({ spacing: { before: 120 }, keepNext: true, children }));
  return out;
}

/**
 * A resolution: its text, the vote and the rule lines as paragraphs of the Resolution styles,
 * which draw the shaded box with the accent bar (see layout.ts). `after` separates it from a
 * following resolution, whose box would otherwise join this one.
 */
function resolutionBlock(
  r: ResolutionView,
  doc: MinutesDoc,
  L: Labels,
  after: 'resolution' | 'other',
): FileChild[] {
  const subject = resolutionSubject(doc.header, doc.lang);
  const rules = [...ruleLines(r, doc.lang, L), ...byNameLines(r, L)];
  const body: Paragraph[] = [
    new LightParagraph({ style: STYLE.resolution }, [
      { text: `${fill(L.resolution, { number: r.number })} `, style: CHAR.strong },
      { text: `${subject} ` },
      { text: r.verb, style: CHAR.strong },
      { text: ` ${r.text}` },
    ]),
    voteLine(r, doc.lang, L, rules.length === 0),
  ];
  rules.forEach((line, i) =>
    body.push(
      new LightParagraph(
        { style: STYLE.resolutionRule, keepNext: i === rules.length - 1 ? false : undefined },
        [{ text: line }],
      ),
    ),
  );
  return [...pollBlock(r, doc.lang, L), ...body, ...(after === 'resolution' ? [spacer()] : [])];
}

function openingLine(doc: MinutesDoc, L: Labels): Paragraph {
  const h = doc.header;
  const time = formatTime(h.startedAt ?? h.timeFrom);
  const text = h.chair
    ? fill(L.opened[g(h.genders?.chair)], { name: h.chair, time })
    : fill(L.openedNoName, { time });
  return new Paragraph({ children: [new TextRun(text)] });
}

function proceedingsSection(doc: MinutesDoc, L: Labels): FileChild[] {
  // Opening and closing are facts of a meeting that took place: recorded times or attendance.
  const held = !!doc.header.startedAt || doc.attendance.present.length > 0;
  const out: FileChild[] = [heading1(L.proceedings)];
  if (held) out.push(openingLine(doc, L));
  for (const item of [...doc.agenda].sort((a, b) => a.order - b.order)) {
    out.push(heading2(fill(L.ad, { order: item.order }), item.title));
    if (item.presenter) {
      out.push(
        new LightParagraph({ style: STYLE.note }, [{ text: `${L.presenter}: ${item.presenter}` }]),
      );
    }
    out.push(...textParagraphs(item.discussion));
    item.resolutions.forEach((r, i) =>
      out.push(
        ...resolutionBlock(r, doc, L, i < item.resolutions.length - 1 ? 'resolution' : 'other'),
      ),
    );
  }
  const end = doc.header.endedAt ?? (held ? doc.header.timeTo : undefined);
  if (end)
    out.push(
      new Paragraph({
        spacing: { before: 200 },
        children: [new TextRun(fill(L.closed, { time: formatTime(end) }))],
      }),
    );
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
  }
  if (doc.reviewedTasks.length > 0 || doc.previousMinutes) {
    out.push(heading1(L.reviewHeading));
    if (doc.previousMinutes) {
      const pm = doc.previousMinutes;
      out.push(
        new Paragraph({ children: [new TextRun(fill(L.previousMinutes, { number: pm.number }))] }),
      );
      if (pm.fingerprint)
        out.push(
          new Paragraph({
            style: STYLE.note,
            children: [
              new TextRun(fill(L.previousMinutesSeal, { number: pm.number, hash: pm.fingerprint })),
            ],
          }),
        );
    }
  }
  if (doc.reviewedTasks.length > 0) {
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
            [new LightParagraph({}, [{ text: L.taskStatus[t.status], style: CHAR.strong }])],
            t.comment ?? '',
          ];
        }),
      ),
    );
  }
  return out;
}

export function attachmentList(doc: Pick<MinutesDoc, 'attachments' | 'lang'>): string[] {
  const L = labelsFor(doc.lang);
  const sheet = L.attendanceSheetAttachment;
  const seen = new Set([sheet.toLocaleLowerCase(doc.lang)]);
  const rest: string[] = [];
  for (const a of doc.attachments) {
    const key = a.trim().toLocaleLowerCase(doc.lang);
    if (key && !seen.has(key)) {
      seen.add(key);
      rest.push(a.trim());
    }
  }
  return [sheet, ...rest];
}

/** Distribution, approval and the seal: the lines a reader checks before the signatures. */
function closingNotes(doc: MinutesDoc, L: Labels): Paragraph[] {
  const lang = doc.lang;
  const notes: string[] = [];
  if (doc.distributedOn)
    notes.push(
      fill(L.distributed, {
        to: doc.distributedTo?.trim() || L.distributedToDefault,
        date: formatDate(doc.distributedOn, lang),
      }),
    );
  if (doc.commentsBy) notes.push(fill(L.commentsBy, { date: formatDate(doc.commentsBy, lang) }));
  const out: Paragraph[] = [];
  if (notes.length > 0)
    out.push(
      new Paragraph({
        style: STYLE.note,
        spacing: { before: 200 },
        keepNext: true,
        children: [new TextRun(notes.join(' '))],
      }),
    );
  if (doc.minutesStatus === 'approved' && doc.approval) {
    const a = doc.approval;
    const text =
      a.by === 'resolution'
        ? fill(L.approvedByResolution, { date: formatDate(a.on, lang), number: a.resolutionNumber })
        : fill(L.approvedTacit, { date: formatDate(a.on, lang) });
    out.push(
      new Paragraph({
        spacing: { before: 200 },
        keepNext: true,
        children: [new TextRun({ text, bold: true })],
      }),
    );
  }
  if (doc.minutesStatus === 'approved' && doc.sealFingerprint)
    out.push(
      new Paragraph({
        style: STYLE.small,
        keepNext: true,
        spacing: { after: 120 },
        children: [new TextRun(fill(L.sealLine, { hash: doc.sealFingerprint }))],
      }),
    );
  return out;
}

export function buildMinutes(doc: MinutesDoc): Document {
  const L = labelsFor(doc.lang);
  const lang = doc.lang;
  const h = doc.header;
  const children: FileChild[] = [];

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

  const from = h.startedAt ?? h.timeFrom;
  const to = h.endedAt ?? h.timeTo;
  children.push(fieldLine(L.dateTime, formatDateTime(h.date, from, to, lang)));
  children.push(fieldLine(L.place, h.place));
  if (h.chair) children.push(fieldLine(L.chair, h.chair));
  if (h.minuteTaker)
    children.push(fieldLine(L.minuteTaker[g(h.genders?.minuteTaker)], h.minuteTaker));
  if (h.verifier) children.push(fieldLine(L.verifier[g(h.genders?.verifier)], h.verifier));

  children.push(...attendanceSection(doc, L));

  children.push(heading1(L.programme));
  const items = [...doc.agenda].sort((a, b) => a.order - b.order);
  if (items.length === 0) children.push(new Paragraph({ children: [new TextRun(L.noProgramme)] }));
  else children.push(...numberedList(items.map((it) => it.title)));

  if (items.length > 0) children.push(...proceedingsSection(doc, L));
  children.push(...tasksSection(doc, L));

  if (doc.nextMeeting) {
    const nm = doc.nextMeeting;
    let when = formatDate(nm.date, lang);
    if (nm.timeFrom) when += ` ${L.at} ${formatTime(nm.timeFrom)}`;
    if (nm.place) when += `, ${nm.place}`;
    children.push(heading1(L.nextMeeting));
    children.push(new Paragraph({ children: [new TextRun({ text: when, bold: true })] }));
  }

  // Attachments, notes and signatures stay together: a signature never stands alone on a page.
  children.push(heading1(L.attachments));
  children.push(
    ...numberedList(attachmentList(doc), { keepTogether: true, keepLastWithNext: true }),
  );
  children.push(...closingNotes(doc, L));
  children.push(
    signatureBlock(
      [
        {
          label: L.writtenBy[g(h.genders?.minuteTaker)],
          name: h.minuteTaker,
          date: doc.writtenOn ? formatDate(doc.writtenOn, lang) : undefined,
        },
        {
          label: L.verifiedBy[g(h.genders?.verifier)],
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

  const marker =
    doc.minutesStatus === 'draft'
      ? L.draftMarker
      : doc.minutesStatus === 'toVerify'
        ? L.toVerifyMarker
        : undefined;
  return buildDocument({
    lang,
    title: `${fill(L.minutesTitle, { number: h.meetingNumber })} ${L.dash} ${h.bodyCode}`,
    subject: `${L.fromMeeting} ${bodyGenitive(h, lang)}`,
    project: doc.project,
    author: h.organizationName,
    marker,
    footerText: fill(L.minutesFooter, { number: h.meetingNumber, code: h.bodyCode }),
    children,
  });
}
