// The DOCX baseline of issue 12: bare `docx` packing a document with the same text and the same
// tables as the minutes (and the same logo and lines in the page header and footer), and
// nothing else: no styles, no numbering, no borders, shading, widths or run formatting. Each line of the minutes is one plain paragraph, each
// data table (attendance, poll results, tasks, reviewed tasks, signatures) one plain table
// with one paragraph per cell. A resolution is its text, a vote line and its rule lines as
// paragraphs. What the minutes cost above this is the cost of looking like an office document.
import {
  Document,
  Footer,
  Header,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  type FileChild,
} from 'docx';
import { formatDate, formatVote } from '@shared/docx/format';
import type { MinutesDoc } from '@shared/docx';

const p = (text: string) => new Paragraph(text);

function table(rows: string[][]): Table {
  return new Table({
    rows: rows.map(
      (cells) => new TableRow({ children: cells.map((c) => new TableCell({ children: [p(c)] })) }),
    ),
  });
}

export function bareMinutes(doc: MinutesDoc): Document {
  const h = doc.header;
  const a = doc.attendance;
  const out: FileChild[] = [];
  if (h.organizationName) out.push(p(h.organizationName));
  out.push(p(`Zápis č. ${h.meetingNumber}`), p(`z jednání ${h.bodyName}`));
  out.push(p(`Datum a čas: ${h.date} ${h.timeFrom}–${h.timeTo ?? ''}`), p(`Místo: ${h.place}`));
  if (h.chair) out.push(p(`Předsedající: ${h.chair}`));
  if (h.minuteTaker) out.push(p(`Zapisovatel: ${h.minuteTaker}`));
  if (h.verifier) out.push(p(`Ověřovatel: ${h.verifier}`));

  out.push(p('Prezence'), p(`Přítomno členů s hlasem: ${a.present.length} z ${a.votingMembers}`));
  out.push(
    table([
      ['Č.', 'Jméno', 'Organizace', 'Role v triádě', 'Poznámka'],
      ...a.present.map((r, i) => [
        `${i + 1}.`,
        r.name,
        r.organization ?? '',
        r.triadRole,
        r.substituteFor ?? '',
      ]),
    ]),
  );
  out.push(p('Zastoupení triády: zadavatelé, poskytovatelé, uživatelé, veřejnost'));
  if (a.excused.length) out.push(p(`Omluveni: ${a.excused.map((x) => x.name).join(', ')}`));
  if (a.absent.length) out.push(p(`Neomluveni: ${a.absent.map((x) => x.name).join(', ')}`));
  if (a.guests.length) out.push(p(`Hosté: ${a.guests.map((x) => x.name).join(', ')}`));
  out.push(p(`Usnášeníschopnost: ${a.required}`));

  const items = [...doc.agenda].sort((x, y) => x.order - y.order);
  out.push(p('Program'), ...items.map((it) => p(`${it.order}. ${it.title}`)));
  out.push(p('Průběh jednání'), p(`Jednání zahájil ${h.chair ?? ''} v ${h.timeFrom}.`));
  for (const it of items) {
    out.push(p(`Ad ${it.order}. ${it.title}`));
    if (it.presenter) out.push(p(`Předkládá: ${it.presenter}`));
    for (const para of (it.discussion ?? '').split(/\n\s*\n/)) if (para.trim()) out.push(p(para));
    for (const r of it.resolutions) {
      if (r.pollSummary)
        out.push(
          p(`Výsledek hlasování (${r.pollSummary.method})`),
          table(r.pollSummary.ranked.map((o) => [`${o.rank}.`, o.label, String(o.points)])),
        );
      out.push(p(`Usnesení ${r.number}: ${h.bodyCode} ${r.verb} ${r.text}`));
      out.push(
        p(`Hlasování: ${r.vote ? formatVote(r.vote, doc.lang) : 'konsenzem'} – ${r.outcome}`),
      );
      if (r.ruleText) out.push(p(r.ruleText));
    }
  }
  if (h.timeTo) out.push(p(`Jednání bylo ukončeno v ${h.timeTo}.`));

  out.push(p('Úkoly'));
  out.push(
    table([
      ['Číslo', 'Úkol', 'Odpovídá', 'Termín'],
      ...doc.tasks.map((t) => [
        t.number,
        t.text,
        t.owner,
        t.deadline ? formatDate(t.deadline, doc.lang) : '',
      ]),
    ]),
  );
  if (doc.reviewedTasks.length) {
    out.push(p('Kontrola úkolů'));
    out.push(
      table([
        ['Číslo', 'Úkol', 'Odpovídá', 'Stav', 'Komentář'],
        ...doc.reviewedTasks.map((t) => [t.number, t.text, t.owner, t.status, t.comment ?? '']),
      ]),
    );
  }
  if (doc.nextMeeting) out.push(p('Příští jednání'), p(formatDate(doc.nextMeeting.date, doc.lang)));
  out.push(p('Přílohy'), ...['Prezenční listina', ...doc.attachments].map(p));
  out.push(
    table([
      [`Zapsal: ${h.minuteTaker ?? ''}`, `Ověřil: ${h.verifier ?? ''}`],
      ['dne', 'dne'],
      ['podpis', 'podpis'],
    ]),
  );
  // The page header and footer hold text (and the project's logo) too: the same, plainly.
  const pr = doc.project;
  const headerChildren: Paragraph[] = [];
  if (pr?.logo)
    headerChildren.push(
      new Paragraph({
        children: [
          new ImageRun({
            type: pr.logo.type,
            data: pr.logo.bytes,
            transformation: { width: pr.logo.widthPx, height: pr.logo.heightPx },
          }),
        ],
      }),
    );
  for (const line of [pr?.recipient, pr?.projectName, pr?.registrationNumber, pr?.funderLine])
    if (line) headerChildren.push(p(line));
  return new Document({
    sections: [
      {
        headers: { default: new Header({ children: headerChildren }) },
        footers: {
          default: new Footer({ children: [p(`Zápis č. ${h.meetingNumber} · ${h.bodyCode}`)] }),
        },
        children: out,
      },
    ],
  });
}

export async function packBare(doc: MinutesDoc): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(bareMinutes(doc)));
}
