// The documents a town office sends, exported from the sample region exactly as the app's
// buttons export them, read back through LibreOffice: the text (pdftotext) for the facts and
// the layout (pdftohtml -xml) for pictures that keep their size with no text drawn over them.
// DOCX_OUT=/dir keeps the files for a look.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInvitation, packDocx } from '../../shared/docx';
import { buildEvaluation } from '../../shared/docx/evaluation';
import { evaluationDocFrom } from '../../shared/docx/evaluationModel';
import { excuseDeadline } from '../../shared/docx/deadlines';
import { formatDate } from '../../shared/docx/format';
import { isWorkingDay, type Meeting } from '../../shared/domain';
import {
  AppDb,
  sealFingerprint,
  listPlans,
  planView,
  saveProjectSettings,
} from '../../renderer/src/db';
import { loadSampleRegion } from '../../renderer/src/db/sample/sample';
import { addSuccessorAgenda } from '../../renderer/src/db/sample/sampleMeeting';
import { exportMeetingDocument } from '../../renderer/src/features/documents/exportMeeting';
import { invitationCs, makeLogoPng } from './helpers/docxFixtures';
import {
  convertDocxToPdf,
  hasLibreOffice,
  normalizeText,
  type ConvertResult,
} from './helpers/libreoffice';
import { pdfLayout, textOverPictures, type PageLayout } from './helpers/pdfLayout';

const OUT = process.env.DOCX_OUT;
const TODAY = '2026-06-15';
const LOGO = { widthPx: 720, heightPx: 96 };
const canConvert = await hasLibreOffice();

let db: AppDb;
let rich: Meeting;
let next: Meeting;
let richSeal: string;
const files: { name: string; bytes: Uint8Array }[] = [];
let converted: ConvertResult | undefined;
/** Reading order (not -layout): a table cell's lines stay together; whitespace collapsed. */
function rawPages(name: string): string[] {
  const out = execFileSync('pdftotext', ['-enc', 'UTF-8', converted!.docs.get(name)!.pdfPath, '-']);
  return out
    .toString('utf8')
    .split('\f')
    .filter((p) => p.trim())
    .map((p) => normalizeText(p).replace(/\s+/g, ' '));
}
const text = (name: string) => rawPages(name).join(' ');
const pages = rawPages;

beforeAll(async () => {
  db = new AppDb(`docx-sample-${crypto.randomUUID()}`);
  await loadSampleRegion(db, TODAY);
  await saveProjectSettings(db, {
    organizationName: 'Město Vizovice',
    recipient: 'MAS Vizovicko a Slušovicko, z. s.',
    projectName: 'Podpora procesu komunitního plánování sociálních služeb na Vizovicku',
    registrationNumber: 'CZ.03.2.63/0.0/0.0/19_106/0015192',
    funderLine: 'Projekt je spolufinancován Evropskou unií z Evropského sociálního fondu.',
    logoAltText: 'Logo EU – Evropský sociální fond, OP Zaměstnanost',
    logo: { bytes: new Uint8Array(makeLogoPng(LOGO.widthPx, LOGO.heightPx)), type: 'png', ...LOGO },
  });
  const meetings = await db.meetings.toArray();
  rich = meetings.find((m) => m.minutesStatus === 'approved' && m.startedAt)!;
  next = meetings.find((m) => m.id === rich.nextMeetingId)!;
  await addSuccessorAgenda(db, next.id);
  richSeal = (await sealFingerprint(db, rich.id))!;
  const put = async (
    name: string,
    kind: 'minutes' | 'attendance' | 'invitation',
    m: Meeting,
    lang: 'cs' | 'en' = 'cs',
  ) => files.push({ name, bytes: (await exportMeetingDocument(db, m.id, kind, lang)).bytes });
  await put('rich-cs.docx', 'minutes', rich);
  await put('rich-en.docx', 'minutes', rich, 'en');
  await put('rich-sheet.docx', 'attendance', rich);
  await put('next-cs.docx', 'minutes', next);
  await put('next-invitation.docx', 'invitation', next);
  // Forty programme items: the programme starts on page 1 all the same.
  const long = {
    ...invitationCs,
    agenda: Array.from({ length: 40 }, (_, i) => ({
      order: i + 1,
      title: `Bod programu číslo ${i + 1}`,
    })),
  };
  files.push({ name: 'long-invitation.docx', bytes: await packDocx(buildInvitation(long)) });
  // The evaluation report with a chart of a known size.
  const plan = (await listPlans(db))[0]!;
  const view = (await planView(db, plan.id))!;
  const evaluation = evaluationDocFrom(
    {
      plan: view.plan,
      items: view.items,
      monitoring: view.monitoring,
      bodies: view.bodies,
      organizations: view.organizations,
    },
    {
      lang: 'cs',
      period: Math.max(...view.monitoring.map((r) => r.period)),
      preparedOn: TODAY,
      chart: { png: makeLogoPng(600, 220), widthPx: 600, heightPx: 220 },
    },
  );
  files.push({ name: 'evaluation.docx', bytes: await packDocx(buildEvaluation(evaluation)) });
  if (OUT) {
    mkdirSync(OUT, { recursive: true });
    for (const f of files) writeFileSync(join(OUT, f.name), f.bytes);
  }
  if (canConvert) converted = await convertDocxToPdf(files, OUT);
}, 240_000);

afterAll(async () => {
  converted?.cleanup();
  await db.delete();
});

describe.skipIf(!canConvert)('minutes of the rich sample meeting (LibreOffice)', () => {
  it('counts a member who left early as present, with the time they left', () => {
    const t = text('rich-cs.docx');
    expect(t).toMatch(/Ing\. Petr Gajdošík .*odešel v 10:50/);
    expect(t).toMatch(/Ludmila Křížová .*přišla v 9:20/);
    const absent = /Nepřítomni: (.*?) Hosté/.exec(t)![1]!;
    expect(absent).not.toContain('Gajdošík');
    expect(absent).toContain('Pavel Malý');
    expect(t).toMatch(/Omluveni: .*Josef Kučera/);
  });

  it('has one count behind the head count, the table, the triad line and the quorum', () => {
    const t = text('rich-cs.docx');
    expect(t).toContain('Přítomni členové s hlasem: 10 z 14');
    expect(t).toContain('z toho v zastoupení: 1');
    const triad =
      /zadavatelé (\d+) \| poskytovatelé (\d+) \| uživatelé (\d+) \| veřejnost (\d+)/.exec(t)!;
    expect(triad.slice(1).reduce((s, n) => s + Number(n), 0)).toBe(10);
    expect(t).toContain('ano (10 z 14, potřeba 8)');
    // Table rows: 10 voting members and the coordinator without a vote, numbered 1–11.
    expect(t).toMatch(/11\. Petra Dvořáková/);
    expect(t).not.toMatch(/12\. [A-ZŠČŘŽ]/);
    expect(t).toContain('Členové bez hlasu: Petra Dvořáková (koordinátorka / zapisovatelka)');
    expect(t).toContain('Hosté (bez hlasu): Bc. Eva Černá (Zlínský kraj), Jiří Hájek');
    expect(t).toContain('(zástupkyně vedoucího)');
    expect(t).not.toMatch(/tajemník|zástupce vedoucí\b/);
  });

  it('names a substitute without declining a name', () => {
    const t = text('rich-cs.docx');
    expect(t).toMatch(/PhDr\. Roman Bartoš .*zastupuje: Mgr\. Lucie Šimková/);
    expect(t).not.toMatch(/ za (Mgr|PhDr|Ing|Bc)\./);
  });

  it('states the voting members present at every vote, and the rule', () => {
    const t = text('rich-cs.docx');
    expect(t).toContain('9 : 0 : 0 (pro : proti : zdrželo se) – přijato');
    expect(t).toContain('3 : 5 : 1 (pro : proti : zdrželo se) – nepřijato');
    const counts = [...t.matchAll(/Přítomno členů s hlasem: (\d+) z 14\./g)].map((m) => m[1]);
    // programme (before the late arrival), evaluation, the poll, the rejected proposal (after the early leaver)
    expect(counts).toEqual(['9', '10', '10', '9']);
    expect(t).toContain(
      'nadpoloviční většina přítomných členů s hlasem – potřeba nejméně 5 hlasů pro',
    );
    expect(t).not.toMatch(/0 z 0|potřeba 0/);
  });

  it('prints a poll with ballots cast, valid ballots, the ranking and the tie in words', () => {
    const t = text('rich-cs.docx');
    expect(t).toContain('Odevzdáno hlasovacích lístků: 10, z toho platných: 10.');
    expect(t).toMatch(/1\. Odlehčovací služba \(respitní péče\) 9 b\./);
    expect(t).toMatch(/1\. Rozšíření pečovatelské služby o víkendy 9 b\./);
    expect(t).toMatch(
      /o první místo se shodným počtem dělí položky „Odlehčovací služba \(respitní péče\)“ a\s+„Rozšíření pečovatelské služby o víkendy“/,
    );
    expect(t).toContain('každý člen 3 b., nejvýše 2 b. na položku');
  });

  it('gives actual times, attachments incl. the cited poll results, distribution, approval and seal', () => {
    const t = text('rich-cs.docx');
    expect(t).toContain('Jednání zahájila Mgr. Jana Nováková v 9:05.');
    expect(t).toContain('Jednání bylo ukončeno v 11:20.');
    expect(t).toMatch(/Datum a čas: .*9:05–11:20/);
    expect(t).toMatch(/1\. Prezenční listina\s+2\. Pracovní verze vyhodnocení KP/);
    // The poll resolution cites "příloha č. 3": the third attachment is the poll result.
    expect(t).toContain('viz příloha č. 3');
    expect(t).toMatch(/3\. Výsledky hlasování: Priority pro akční plán 2027/);
    expect(t).toContain('Zápis rozeslán členům PS1 a odboru sociálních věcí MěÚ Vizovice dne');
    expect(t).toMatch(/Připomínky k zápisu lze zaslat do \d+\. \d+\. 2026/);
    expect(t).toMatch(/Zápis schválen dne \d+\. \d+\. 2026 mlčky/);
    expect(t).toContain(`Otisk schváleného zápisu: ${richSeal}`);
    expect(t).toContain('Zapsala: Petra Dvořáková');
    expect(t).toContain('Ověřila: Marie Horáková');
    expect(t).toContain('Zapisovatelka: Petra Dvořáková');
    expect(t).not.toContain('KONCEPT');
  });

  it('keeps the signatures on a page with the closing lines', () => {
    const withSignature = pages('rich-cs.docx').find((p) => p.includes('Zapsala:'))!;
    expect(withSignature).toContain('Zápis schválen dne');
    expect(withSignature).toContain('Přílohy');
  });

  it('reads as English in English', () => {
    const t = text('rich-en.docx');
    expect(t).toContain('Voting members present: 9 of 14.');
    expect(t).toContain('5 votes in favour needed');
    expect(t).toContain('substituting for: Mgr. Lucie Šimková');
    expect(t).toContain('left at 10:50');
    expect(t).toContain('Ballots cast: 10, of which valid: 10.');
    expect(t).toMatch(/tie for first place/);
    expect(t).toMatch(/Minutes approved tacitly on \d+ \w+ 2026/);
    expect(t).toContain('Quorum: yes (10 of 14 present, 8 required)');
    expect(t).not.toMatch(/quorum \d+ of \d+|Přítomno|přijato|Zapsal/);
  });
});

describe.skipIf(!canConvert)('the draft successor (LibreOffice)', () => {
  it('says KONCEPT on every page and cites the previous minutes with their fingerprint', () => {
    const ps = pages('next-cs.docx');
    expect(ps.length).toBeGreaterThan(0);
    for (const p of ps) expect(p).toContain('KONCEPT');
    const t = text('next-cs.docx');
    expect(t).toContain(`Zápis č. ${rich.seq}/${rich.year} z minulého jednání byl zkontrolován.`);
    expect(t).toContain(`Otisk schváleného zápisu č. ${rich.seq}/${rich.year}: ${richSeal}`);
    expect(t).toContain('Prezence dosud nebyla zapsána');
    expect(t).not.toMatch(/Nepřítomni|0 z 14|zahájil/);
  });

  it('invites with place and date of issue, contact, signer, role, sending date and a working-day excuse deadline', () => {
    const t = text('next-invitation.docx');
    expect(t).toMatch(/Vizovice \d+\. \d+\. 2026/);
    expect(t).toContain('Kontaktní osoba: Petra Dvořáková, tel. 577 000 111');
    expect(t).toMatch(/Mgr\. Jana Nováková\s+vedoucí pracovní skupiny/);
    expect(t).toMatch(/Rozesláno členům PS1 e-mailem dne \d+\. \d+\. 2026\./);
    const deadline = excuseDeadline(next.date, 3);
    expect(isWorkingDay(deadline)).toBe(true);
    expect(t).toContain(`nejpozději do ${normalizeText(formatDate(deadline, 'cs'))}`);
  });

  it('starts a 40-item programme on the first page', () => {
    const [first] = pages('long-invitation.docx');
    expect(first).toContain('Program');
    expect(first).toMatch(/1\. Bod programu číslo 1\b/);
    expect(first).toMatch(/Bod programu číslo 10\b/);
  });
});

describe.skipIf(!canConvert)('attendance sheet of the rich meeting (LibreOffice)', () => {
  it('counts as the minutes do, has substitute rows and pre-printed guests', () => {
    const t = text('rich-sheet.docx');
    expect(t).toContain('Přítomno členů s hlasem: ………… z 14; usnášeníschopnost od 8 přítomných.');
    expect(t).toContain('Zástupci členů');
    expect(t).toContain('Za koho');
    expect(t).toMatch(/1\. Bc\. Eva Černá/);
    expect(t).toMatch(/2\. Jiří Hájek/);
    expect(t).toContain('(koordinátorka / zapisovatelka, bez hlasu)');
  });
});

/** The logo is 720 × 96 px scaled to 48 px high at 96 dpi: 36 pt high in the PDF. */
function expectLogo(page: PageLayout) {
  const logo = page.images.find((i) => Math.abs(i.height - 36) < 3);
  expect(logo, `page ${page.number}: logo box`).toBeDefined();
  expect(logo!.width / logo!.height).toBeCloseTo(LOGO.widthPx / LOGO.heightPx, 0);
}

describe.skipIf(!canConvert)(
  'pictures keep their size and nothing covers them (pdftohtml -xml)',
  () => {
    it('the logo is whole on every page of the minutes, the sheet and the invitation', async () => {
      for (const name of [
        'rich-cs.docx',
        'rich-sheet.docx',
        'next-invitation.docx',
        'next-cs.docx',
      ]) {
        const layout = await pdfLayout(converted!.docs.get(name)!.pdfPath);
        expect(layout.length).toBeGreaterThan(0);
        for (const page of layout) {
          expectLogo(page);
          expect(textOverPictures(page), `${name} page ${page.number}`).toEqual([]);
        }
      }
    });

    it('the evaluation chart keeps its size with no text over it', async () => {
      const layout = await pdfLayout(converted!.docs.get('evaluation.docx')!.pdfPath);
      const charts = layout.flatMap((p) =>
        p.images.filter((i) => i.height > 60).map((i) => ({ p, i })),
      );
      expect(charts).toHaveLength(1);
      const { p, i } = charts[0]!;
      // 600 × 220 px keeps its proportions (not squeezed into a legend strip).
      expect(i.width / i.height).toBeCloseTo(600 / 220, 1);
      expect(i.height).toBeGreaterThan(120);
      expect(textOverPictures(p)).toEqual([]);
    });
  },
);
