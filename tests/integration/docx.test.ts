// DOCX exports: unzip and check the XML, then let LibreOffice open and print them.
// Set DOCX_OUT=/some/dir to keep the generated .docx and .pdf files for a look
// (`../shared/tools/docx-pages FILE.docx OUT` renders them to PNG pages).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  asciiSafe,
  attendanceSheetFileName,
  buildAttendanceSheet,
  buildInvitation,
  buildMinutes,
  cs,
  en,
  formatDate,
  formatVote,
  invitationFileName,
  minutesFileName,
  packDocx,
  type MinutesDoc,
} from '../../shared/docx';
import {
  attendanceSheetCs,
  header,
  invitationCs,
  minutesCs,
  minutesEn,
  present,
} from './helpers/docxFixtures';
import {
  convertDocxToPdf,
  hasLibreOffice,
  normalizeText,
  type ConvertedDoc,
} from './helpers/libreoffice';

const OUT = process.env.DOCX_OUT;

interface Unzipped {
  bytes: Uint8Array;
  zip: JSZip;
  document: string;
  styles: string;
  parts: Record<string, string>;
}

async function unzip(bytes: Uint8Array): Promise<Unzipped> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    if (name.endsWith('.xml') || name.endsWith('.rels'))
      parts[name] = await zip.file(name)!.async('string');
  }
  return {
    bytes,
    zip,
    document: parts['word/document.xml'] ?? '',
    styles: parts['word/styles.xml'] ?? '',
    parts,
  };
}

/** Visible text of an XML part: the <w:t> contents, no-break spaces made plain. */
function textOf(xml: string): string {
  return normalizeText(
    [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => m[1] ?? '')
      .join('')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"'),
  );
}

function tables(xml: string): string[] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
}

function rowCount(tableXml: string): number {
  return (tableXml.match(/<w:tr[ >]/g) ?? []).length;
}

function footers(u: Unzipped): string[] {
  return Object.entries(u.parts)
    .filter(([name]) => /^word\/footer\d*\.xml$/.test(name))
    .map(([, xml]) => xml);
}

function headers(u: Unzipped): string[] {
  return Object.entries(u.parts)
    .filter(([name]) => /^word\/header\d*\.xml$/.test(name))
    .map(([, xml]) => xml);
}

let minutes: Unzipped;
let minutesEnglish: Unzipped;
let sheet: Unzipped;
let invitation: Unzipped;

beforeAll(async () => {
  [minutes, minutesEnglish, sheet, invitation] = await Promise.all([
    packDocx(buildMinutes(minutesCs)).then(unzip),
    packDocx(buildMinutes(minutesEn)).then(unzip),
    packDocx(buildAttendanceSheet(attendanceSheetCs)).then(unzip),
    packDocx(buildInvitation(invitationCs)).then(unzip),
  ]);
  if (OUT) {
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, minutesFileName(minutesCs)), minutes.bytes);
    writeFileSync(join(OUT, minutesFileName(minutesEn)), minutesEnglish.bytes);
    writeFileSync(join(OUT, attendanceSheetFileName(attendanceSheetCs)), sheet.bytes);
    writeFileSync(join(OUT, invitationFileName(invitationCs)), invitation.bytes);
  }
});

describe('formatting', () => {
  it('writes Czech and English dates and vote counts', () => {
    expect(normalizeText(formatDate('2026-04-12', 'cs'))).toBe('12. 4. 2026');
    expect(normalizeText(formatDate('2026-04-12', 'en'))).toBe('12 April 2026');
    expect(normalizeText(formatVote({ yes: 11, no: 0, abstain: 0 }, 'cs'))).toBe(
      '11 : 0 : 0 (pro : proti : zdrželo se)',
    );
    expect(normalizeText(formatVote({ yes: 11, no: 0, abstain: 0 }, 'en'))).toBe(
      '11 : 0 : 0 (for : against : abstained)',
    );
  });

  it('names files safely in ASCII', () => {
    const h = { ...header, date: '2026-04-12' };
    expect(minutesFileName({ lang: 'cs', header: h })).toBe('Zapis_PS1_3-2026_2026-04-12.docx');
    expect(attendanceSheetFileName({ lang: 'cs', header: h })).toBe(
      'Prezencni_listina_PS1_3-2026_2026-04-12.docx',
    );
    expect(invitationFileName({ lang: 'cs', header: h })).toBe(
      'Pozvanka_PS1_3-2026_2026-04-12.docx',
    );
    expect(minutesFileName({ lang: 'en', header: h })).toBe('Minutes_PS1_3-2026_2026-04-12.docx');
    expect(attendanceSheetFileName({ lang: 'en', header: h })).toBe(
      'Attendance_sheet_PS1_3-2026_2026-04-12.docx',
    );
    expect(invitationFileName({ lang: 'en', header: h })).toBe(
      'Invitation_PS1_3-2026_2026-04-12.docx',
    );
    const odd = minutesFileName({
      lang: 'cs',
      header: { ...h, bodyCode: 'ŘS – Řídící "skupina"', meetingNumber: '12/2026' },
    });
    expect(odd).toBe('Zapis_RS_Ridici_skupina_12-2026_2026-04-12.docx');
    expect(odd).toMatch(/^[A-Za-z0-9_.-]+$/);
    expect(asciiSafe('Šárka Řeháková / ůž')).toBe('Sarka_Rehakova_-_uz');
  });

  it('has the same label keys in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(cs).sort());
    expect(cs.triadRolePlural).toEqual({
      commissioner: 'zadavatelé',
      provider: 'poskytovatelé',
      user: 'uživatelé',
      public: 'veřejnost',
    });
  });
});

describe('minutes DOCX (XML)', () => {
  it('is a zip with the Word parts', () => {
    expect(minutes.bytes[0]).toBe(0x50); // "PK"
    expect(minutes.bytes[1]).toBe(0x4b);
    expect(minutes.document).toContain('<w:body>');
  });

  it('keeps Czech text intact, quotes and diacritics included', () => {
    const t = textOf(minutes.document);
    // A named vote lists who voted how, in the resolution's box (Resolution rule style).
    expect(t).toContain(
      'Jmenovitě – pro: Bc. Eva Černá, Marie Horáková, Josef Kučera, Mgr. Jana Nováková, Šárka Řeháková, Václav Růžička, Ing. Karel Svoboda; proti: Pavel Malý; zdrželi se: Hana Vlčková.',
    );
    expect(t).toContain('ZÁPIS č. 3/2026');
    expect(t).toContain(
      'z jednání pracovní skupiny \u201ESenioři a osoby se zdravotním postižením\u201C (PS1)',
    );
    expect(t).toContain('Datum a čas:');
    expect(t).toContain('16. 4. 2026, 9:00–11:30');
    for (const name of [
      'Mgr. Jana Nováková',
      'Ing. Karel Svoboda',
      'Šárka Řeháková',
      'Václav Růžička',
    ])
      expect(t).toContain(name);
    expect(t).toContain('Přítomni členové s hlasem: 11 z 15');
    expect(t).toContain('zadavatelé 3 | poskytovatelé 5 | uživatelé 3 | veřejnost 0');
    // No declension needed: the represented member stays in the nominative.
    expect(t).toContain(
      'Lucie ŠimkováDomov pro seniory VizoviceposkytovatelZastupuje: PhDr. Roman Bartoš'.replace(
        'Zastupuje',
        'zastupuje',
      ),
    );
    expect(t).not.toMatch(/ za (Mgr|PhDr|R\.)/);
    expect(t).toContain(
      'Hosté (bez hlasu):Bc. Eva Černá (Krajský úřad Zlínského kraje, odbor sociálních věcí)',
    );
    expect(t).toContain('ano (11 z 15, potřeba 8)');
    expect(t).toContain('Usnesení PS1/3/2026/4: PS souhlasí');
    expect(t).toContain('7 : 1 : 1 (pro : proti : zdrželo se) – přijato');
    expect(t).toContain('konsenzus – přijato');
    expect(t).toContain('3 : 5 : 1 (pro : proti : zdrželo se) – nepřijato');
    expect(t).toContain('1.Odlehčovací služba31 b.');
    expect(t).toContain('Kontrola úkolů z minulého jednání');
    expect(t).toContain('U-3/2026-1');
    expect(t).toContain('Příští jednání');
    expect(t).toContain('21. 5. 2026 v 9:00');
    expect(t).toContain('Zapsala: Petra Dvořáková');
    expect(t).toContain('Zapisovatelka:Petra Dvořáková');
    expect(t).toContain('dne 17. 4. 2026');
    expect(t).not.toContain('KONCEPT');
  });

  it('lists the attendance sheet first among the attachments', () => {
    const t = textOf(minutes.document);
    const at = t.indexOf('Přílohy');
    expect(at).toBeGreaterThan(0);
    // Real Word numbering: the numbers live in numbering.xml, not in the text.
    expect(t.slice(at)).toMatch(/^PřílohyPrezenční listinaVýsledky bodování priorit/);
    expect(minutes.parts['word/numbering.xml']).toContain('w:val="decimal"');
    expect(minutes.document).toMatch(/<w:numPr>/);
    expect(minutes.document).not.toMatch(/<w:t[^>]*>1\.<\/w:t>\s*<\/w:r>\s*<w:r>\s*<w:tab\/>/);
  });

  it('has a present-members table with one row per member plus a repeating header', () => {
    const [presentTable] = tables(minutes.document);
    expect(presentTable).toBeDefined();
    expect(rowCount(presentTable!)).toBe(present.length + 1);
    expect(presentTable).toMatch(/<w:tblHeader\/>|<w:tblHeader w:val="(true|1|on)"\/>/);
    expect(presentTable).toContain('w:type="dxa"');
    expect(presentTable).toContain('<w:tblLayout w:type="fixed"/>');
  });

  it('sets each resolution off as shaded paragraphs with an accent bar, not a one-cell table', () => {
    const resolutions = minutesCs.agenda.flatMap((a) => a.resolutions);
    expect(resolutions.length).toBeGreaterThan(1);
    // Only the data tables remain: attendance, poll results, tasks, reviewed tasks, signatures.
    for (const t of tables(minutes.document)) expect(t).not.toContain('F3F6FA');
    const opening = minutes.document.match(/<w:pStyle w:val="Resolution"\/>/g) ?? [];
    expect(opening).toHaveLength(resolutions.length);
    expect(minutes.document).toContain('<w:pStyle w:val="ResolutionVote"/>');
    // The box is declared once, in the style: accent bar on the left, light fill.
    const style = minutes.styles.match(
      /<w:style [^>]*w:styleId="Resolution"[\s\S]*?<\/w:style>/,
    )?.[0];
    expect(style).toMatch(/<w:left w:val="single" w:color="1F3A5F" w:sz="24" w:space="6"\/>/);
    expect(style).toMatch(/<w:shd [^>]*w:fill="F3F6FA"/);
    // Bold labels through the Strong character style, not bold on every run.
    expect(minutes.document).toContain('<w:rStyle w:val="Strong"/>');
  });

  it('writes the core properties with the document language', () => {
    const core = minutes.parts['docProps/core.xml'] ?? '';
    expect(core).toContain('<dc:title>ZÁPIS č. 3/2026 – PS1</dc:title>');
    expect(core).toContain('<dc:language>cs-CZ</dc:language>');
    expect(minutesEnglish.parts['docProps/core.xml']).toContain('<dc:language>en-GB</dc:language>');
  });

  it('declares the Czech language, A4 and Arial in the styles', () => {
    expect(minutes.styles).toMatch(/<w:lang w:val="cs-CZ"/);
    expect(minutes.styles).toContain('Arial');
    expect(minutes.document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });

  it('numbers pages "Strana X z Y" with PAGE and NUMPAGES fields in the footer', () => {
    const f = footers(minutes).join('');
    expect(textOf(f)).toContain('Zápis č. 3/2026 · PS1');
    expect(textOf(f)).toContain('Strana');
    expect(f).toMatch(/PAGE/);
    expect(f).toMatch(/NUMPAGES/);
  });

  it('puts the project block and logo in the page header', () => {
    const h = headers(minutes).join('');
    expect(textOf(h)).toContain('reg. č. CZ.03.2.63/0.0/0.0/19_106/0015192');
    expect(textOf(h)).toContain(
      '\u201EPodpora procesu komunitního plánování sociálních služeb na Vizovicku a Slušovicku\u201C',
    );
    expect(h).toContain('<w:drawing>');
    expect(
      Object.keys(minutes.zip.files).some((n) => n.startsWith('word/media/') && n.endsWith('.png')),
    ).toBe(true);
  });

  it('marks a draft and prints amendments', async () => {
    const draft: MinutesDoc = {
      ...minutesCs,
      minutesStatus: 'draft',
      project: undefined,
      amendments: [
        {
          at: '2026-05-21',
          author: 'Petra Dvořáková',
          reason: 'Oprava jména v usnesení PS1/3/2026/1 na základě připomínky.',
        },
      ],
    };
    const u = await unzip(await packDocx(buildMinutes(draft)));
    if (OUT) writeFileSync(join(OUT, `Koncept_${minutesFileName(draft)}`), u.bytes);
    const t = textOf(u.document);
    expect(t).toContain('Dodatky a opravy');
    expect(t).toContain('21. 5. 2026Petra Dvořáková');
    // "KONCEPT" stands in the page header, so it is on every page.
    expect(textOf(headers(u).join(''))).toContain('KONCEPT');
  });

  it('writes the English variant with English labels and language', () => {
    const t = textOf(minutesEnglish.document);
    expect(t).toContain('MINUTES No. 3/2026');
    expect(t).toContain(
      'of the working group \u201CSeniors and people with disabilities\u201D (PS1)',
    );
    expect(t).toContain('7 : 1 : 1 (for : against : abstained) – passed');
    expect(t).toContain(
      'By name – for: Bc. Eva Černá, Marie Horáková, Josef Kučera, Mgr. Jana Nováková, Šárka Řeháková, Václav Růžička, Ing. Karel Svoboda; against: Pavel Malý; abstained: Hana Vlčková.',
    );
    expect(t).toContain('16 April 2026, 9:00–11:30');
    expect(t).toContain('AttachmentsAttendance sheet');
    expect(minutesEnglish.styles).toMatch(/<w:lang w:val="en-GB"/);
    expect(textOf(footers(minutesEnglish).join(''))).toContain('Page');
  });
});

describe('sparse input', () => {
  it('builds every document from the bare minimum of data', async () => {
    const bare = {
      bodyName: 'Řídící skupina',
      bodyCode: 'ŘS',
      bodyKind: 'steering' as const,
      meetingNumber: 'mimořádné',
      date: '2026-06-01',
      timeFrom: '14:00',
      place: 'MěÚ',
    };
    const m = await unzip(
      await packDocx(
        buildMinutes({
          lang: 'cs',
          header: bare,
          attendance: {
            present: [],
            excused: [],
            absent: [],
            guests: [],
            votingMembers: 0,
            required: 0,
          },
          agenda: [],
          tasks: [],
          reviewedTasks: [],
          attachments: [],
        }),
      ),
    );
    expect(textOf(m.document)).toContain(
      'z jednání řídící skupiny \u201EŘídící skupina\u201C (ŘS)',
    );
    expect(textOf(m.document)).not.toContain('0 z 0');
    expect(textOf(m.document)).toContain('nelze posoudit – skupina nemá žádné členy s hlasem');
    expect(textOf(m.document)).toContain('Program jednání nebyl stanoven');
    expect(textOf(m.document)).toContain('PřílohyPrezenční listina');
    const s = await unzip(
      await packDocx(buildAttendanceSheet({ lang: 'en', header: bare, members: [] })),
    );
    expect(rowCount(tables(s.document)[0]!)).toBe(1);
    const i = await unzip(
      await packDocx(buildInvitation({ lang: 'cs', header: bare, agenda: [], materials: [] })),
    );
    expect(textOf(i.document)).toContain(
      'na jednání řídící skupiny \u201EŘídící skupina\u201C (ŘS) č. mimořádné',
    );
    expect(textOf(i.document)).toContain('v pondělí 1. 6. 2026 od 14:00');
  });
});

describe('attendance sheet DOCX (XML)', () => {
  it('has a signing table: one tall row per member, header repeated', () => {
    const t = textOf(sheet.document);
    expect(t).toContain('PREZENČNÍ LISTINA');
    expect(t).toContain('Jméno a příjmení');
    expect(t).toContain('Role v triádě');
    expect(t).toContain('Ludmila Žáčková');
    const [members, substitutes, guests] = tables(sheet.document);
    expect(textOf(substitutes!)).toContain('Za koho');
    expect(rowCount(members!)).toBe(attendanceSheetCs.members.length + 1);
    expect(members).toMatch(/<w:tblHeader\/>|<w:tblHeader w:val="(true|1|on)"\/>/);
    expect(members).toMatch(
      /<w:trHeight w:val="567" w:hRule="atLeast"\/>|<w:trHeight w:hRule="atLeast" w:val="567"\/>/,
    );
    expect(rowCount(guests!)).toBe(
      1 + (attendanceSheetCs.guests?.length ?? 0) + (attendanceSheetCs.blankGuestRows ?? 5),
    );
    expect(textOf(footers(sheet).join(''))).toContain('Strana');
  });
});

describe('invitation DOCX (XML)', () => {
  it('invites to the meeting with date, place, programme and excuse deadline', () => {
    const t = textOf(invitation.document);
    expect(t).toContain(
      'Členům pracovní skupiny \u201ESenioři a osoby se zdravotním postižením\u201C (PS1)',
    );
    expect(t).toContain('POZVÁNKA');
    expect(t).toContain('na 3. jednání pracovní skupiny');
    expect(t).toContain('v roce 2026');
    expect(t).toContain('ve čtvrtek 16. 4. 2026 od 9:00 do 11:30');
    expect(t).toContain('Případnou neúčast prosím omluvte nejpozději do 13. 4. 2026.');
    expect(t).toContain('Podklady');
    expect(t).toContain('(předkládá Bc. Eva Černá)');
    expect(t).toContain('Rozesláno dne 2. 4. 2026.');
  });
});

// Skipped only on a developer machine without LibreOffice; in CI (CI=1) a missing soffice fails.
const LIBREOFFICE = await hasLibreOffice();

describe.skipIf(!LIBREOFFICE && !process.env.CI)(
  'LibreOffice opens and prints the documents',
  () => {
    let docs: Map<string, ConvertedDoc>;
    let cleanup = () => {};

    beforeAll(async () => {
      const files = [
        { name: minutesFileName(minutesCs), bytes: minutes.bytes },
        { name: minutesFileName(minutesEn), bytes: minutesEnglish.bytes },
        { name: attendanceSheetFileName(attendanceSheetCs), bytes: sheet.bytes },
        { name: invitationFileName(invitationCs), bytes: invitation.bytes },
      ];
      const res = await convertDocxToPdf(files, OUT);
      docs = res.docs;
      cleanup = res.cleanup;
      return () => cleanup();
    }, 180_000);

    function pdfText(name: string): string {
      const d = docs.get(name);
      if (!d) throw new Error(`no PDF for ${name}`);
      return normalizeText(d.text);
    }

    it('minutes (cs)', () => {
      const t = pdfText(minutesFileName(minutesCs));
      expect(t).toContain('ZÁPIS č. 3/2026');
      expect(t).toContain('Senioři a osoby se zdravotním postižením');
      expect(t).toContain('7 : 1 : 1 (pro : proti : zdrželo se)');
      expect(t).toContain('Šárka Řeháková');
      expect(t).toContain('Usnášeníschopnost');
      expect(t).toMatch(/Strana 1 z \d+/);
      expect(t).toContain('CZ.03.2.63/0.0/0.0/19_106/0015192');
    });

    it('minutes (en)', () => {
      const t = pdfText(minutesFileName(minutesEn));
      expect(t).toContain('MINUTES No. 3/2026');
      expect(t).toContain('7 : 1 : 1 (for : against : abstained)');
      expect(t).toMatch(/Page 1 of \d+/);
    });

    it('attendance sheet', () => {
      const t = pdfText(attendanceSheetFileName(attendanceSheetCs));
      expect(t).toContain('PREZENČNÍ LISTINA');
      expect(t).toContain('3/2026');
      expect(t).toContain('Ing. Karel Svoboda');
      expect(t).toMatch(/Strana 1 z \d+/);
    });

    it('fails on a document LibreOffice cannot open', async () => {
      const broken = minutes.bytes.slice(0, Math.floor(minutes.bytes.length / 2));
      await expect(convertDocxToPdf([{ name: 'broken.docx', bytes: broken }])).rejects.toThrow(
        /could not convert broken\.docx/,
      );
    }, 120_000);

    it('invitation', () => {
      const t = pdfText(invitationFileName(invitationCs));
      expect(t).toContain('POZVÁNKA');
      expect(t).toContain('Senioři a osoby se zdravotním postižením');
      expect(t).toContain('16. 4. 2026');
      expect(t).toMatch(/Strana 1 z 1/);
    });
  },
);
