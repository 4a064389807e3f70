// The plan evaluation report ("Vyhodnocení komunitního plánu"): the view model, the XML, then
// LibreOffice prints it and the PDF is read back as text (pdftotext) and as boxes (pdftohtml
// -xml). DOCX_OUT=/dir keeps the .docx/.pdf for a look.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  buildEvaluation,
  chartAltText,
  evaluationFileName,
  type EvaluationDoc,
} from '../../shared/docx/evaluation';
import { activitiesCount, evaluationCs, evaluationEn } from '../../shared/docx/evaluationLabels';
import { CELL_TEXT_CAP, evaluationDocFrom } from '../../shared/docx/evaluationModel';
import { packDocx } from '../../shared/docx/pack';
import type { EvaluationVersion, Plan } from '../../shared/plan';
import { buildSampleRegion } from '../../shared/sample/vizovicko';
import { buildSamplePlan } from '../../shared/sample/vizovickoPlan';
import { makeLogoPng } from './helpers/docxFixtures';
import { convertDocxToPdf, hasLibreOffice, normalizeText } from './helpers/libreoffice';
import { overlapArea, pdfBoxes } from './helpers/pdfBoxes';

const OUT = process.env.DOCX_OUT;
const TODAY = '2026-11-22';
let n = 0;
const newId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
const region = buildSampleRegion(TODAY, newId, `${TODAY}T08:00:00.000Z`);
const sample = buildSamplePlan(region, TODAY, newId, `${TODAY}T08:00:00.000Z`);
const ps1 = region.bodies.find((b) => b.code === 'PS1')!;
const priority1 = sample.items.find((i) => i.level === 1 && i.code === '1')!;

// A 6,000-character comment on one activity, as a real implementer might paste it.
const LONG = Array.from(
  { length: 60 },
  (_, i) => `Věta číslo ${i + 1} podrobné zprávy realizátora o průběhu aktivity v roce 2026.`,
)
  .join(' ')
  .padEnd(6000, ' doplnění');
const longItem = sample.items.find((i) => i.code === '1.1.1')!;
const monitoring = sample.monitoring.map((r) =>
  r.planItemId === longItem.id && r.period === 2026 ? { ...r, comment: LONG } : r,
);

const versions: EvaluationVersion[] = [
  ...(sample.plan.evaluations ?? [])
    .filter((v) => v.workingGroupId !== '')
    .map((v) =>
      v.workingGroupId === ps1.id
        ? {
            ...v,
            priorityAssessments: {
              [priority1.id]: 'Priorita 1 se plní podle harmonogramu, kromě odlehčovací služby.',
            },
            approval: { groupDiscussedOn: '2026-11-03' },
          }
        : v,
    ),
  {
    period: 2026,
    workingGroupId: '',
    status: 'draft',
    summary: 'Plán se celkově plní; zpožděné jsou investiční aktivity.',
    priorityAssessments: { [priority1.id]: 'Udržení sítě služeb je zajištěno.' },
    conclusions:
      'Většina aktivit se plní.\n\nDo dalšího období doporučujeme převzít rozšíření odlehčovací služby.',
    preparedBy: 'Petra Dvořáková, koordinátorka KPSS',
    annexes: ['Monitorovací tabulky pracovních skupin za rok 2026'],
    approval: {
      steeringDiscussedOn: '2026-11-26',
      steeringResolution: 'ŘS 5/2026/3',
      councilBody: 'Zastupitelstvo města Vizovice',
      councilDecision: 'noted',
    },
    updatedAt: `${TODAY}T08:00:00.000Z`,
  },
];
const plan: Plan = { ...sample.plan, evaluations: versions };
const source = {
  plan,
  items: sample.items,
  monitoring,
  comments: sample.comments,
  bodies: region.bodies,
  organizations: region.organizations,
};
const chart = { png: makeLogoPng(1200, 400), widthPx: 1200, heightPx: 400 };

function docFor(opts: Partial<Parameters<typeof evaluationDocFrom>[1]> = {}): EvaluationDoc {
  return evaluationDocFrom(source, {
    lang: 'cs',
    period: 2026,
    preparedOn: '2026-11-30',
    organizationName: 'Město Vizovice',
    project: {
      recipient: 'MAS Vizovicko a Slušovicko, z. s.',
      projectName: 'Podpora komunitního plánování na Vizovicku',
      registrationNumber: 'CZ.03.2.63/0.0/0.0/19_106/0015192',
    },
    chart,
    ...opts,
  });
}

async function unzip(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const read = (f: string) => zip.file(f)!.async('string');
  const parts = (re: RegExp) =>
    Promise.all(
      Object.keys(zip.files)
        .filter((f) => re.test(f))
        .map(read),
    ).then((x) => x.join(''));
  return {
    zip,
    document: await read('word/document.xml'),
    footer: await parts(/^word\/footer\d*\.xml$/),
    header: await parts(/^word\/header\d*\.xml$/),
    styles: await read('word/styles.xml'),
    core: await read('docProps/core.xml'),
  };
}

function textOf(xml: string): string {
  return normalizeText(
    [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => m[1] ?? '')
      .join('')
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"'),
  );
}

const whole = docFor();
const group = docFor({ workingGroupId: ps1.id });
const english = docFor({ lang: 'en' });
const groupEn = docFor({ lang: 'en', workingGroupId: ps1.id });
const wholeBytes = await packDocx(buildEvaluation(whole));
const groupBytes = await packDocx(buildEvaluation(group));
const enBytes = await packDocx(buildEvaluation(english));
const groupEnBytes = await packDocx(buildEvaluation(groupEn));
const names = {
  whole: evaluationFileName(whole),
  group: evaluationFileName(group),
  en: evaluationFileName(english),
  groupEn: evaluationFileName(groupEn),
};
if (OUT) {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, names.whole), wholeBytes);
  writeFileSync(join(OUT, names.group), groupBytes);
  writeFileSync(join(OUT, names.en), enBytes);
  writeFileSync(join(OUT, names.groupEn), groupEnBytes);
}

const rowsOf = (d: EvaluationDoc) => d.priorities.flatMap((p) => p.measures.flatMap((m) => m.rows));

describe('evaluation report view model', () => {
  it('follows the plan: priority → measure → activity', () => {
    expect(whole.overall.total).toBe(25);
    expect(whole.overall.base).toBe(24);
    expect(whole.priorities.map((p) => p.code)).toEqual(['1', '2', '3', '4']);
    expect(whole.priorities[0]!.measures.map((m) => m.code)).toEqual(['1.1', '1.2', '1.3']);
    expect(whole.priorities[0]!.measures[0]!.title).toBeTruthy();
    expect(whole.priorities[0]!.assessment).toBe('Udržení sítě služeb je zajištěno.');
    expect(rowsOf(whole).find((r) => r.code === '3.1.1')?.workingGroup).toBe('PS2');
    expect(whole.vision).toContain('Vizovicku');
  });

  it("a working group's version counts and captions only its activities", () => {
    expect(group.workingGroup?.code).toBe('PS1');
    expect(group.scopeLabel).toBe('PS1 Senioři a osoby se zdravotním postižením');
    expect(group.overall.total).toBe(12);
    expect(rowsOf(group)).toHaveLength(12);
    expect(group.priorities.map((p) => p.code)).toEqual(['1', '2']);
    expect(group.summaries).toEqual([
      { label: group.scopeLabel, text: expect.stringContaining('Pracovní verze PS1') },
    ]);
    expect(group.priorities[0]!.assessment).toContain('kromě odlehčovací služby');
    expect(group.comments).toHaveLength(1);
    expect(group.comments[0]!.about).toMatchObject({ kind: 'item' });
    expect(evaluationFileName(group)).toBe('Vyhodnoceni_KP_2026_PS1.docx');
  });

  it('an activity with no costs reported is "nevykázáno", never 0', () => {
    const unreported = rowsOf(whole).filter((r) => r.actual === undefined && r.planned > 0);
    expect(unreported.map((r) => r.code)).toEqual(['1.3.2', '3.2.2', '4.2.2']);
    const municipality = whole.costsBySource.find((l) => l.source === 'municipality')!;
    expect(municipality.reported).toBeLessThan(municipality.expected);
  });

  it('a long comment is cut in the table and kept whole for annex A', () => {
    const row = rowsOf(whole).find((r) => r.code === '1.1.1')!;
    expect(row.cut).toBe(true);
    expect(row.comment!.length).toBeLessThan(CELL_TEXT_CAP + 40);
    expect(row.comment).toContain('celé znění v příloze A');
    expect(whole.longTexts).toEqual([expect.objectContaining({ code: '1.1.1', comment: LONG })]);
  });

  it('the chart alt text says the numbers of every bar', () => {
    const alt = chartAltText(group);
    expect(alt).toContain(
      `PS1 Senioři a osoby se zdravotním postižením, hodnocených aktivit ${group.overall.base}:`,
    );
    expect(alt).toContain(`${group.overall.buckets.fulfilled} splněno`);
    expect(alt).toContain(group.summary[0]!.label);
  });

  it('counts activities in Czech plural forms', () => {
    expect([1, 3, 5, 22].map((k) => activitiesCount(k, evaluationCs))).toEqual([
      '1\u00A0aktivitu',
      '3\u00A0aktivity',
      '5\u00A0aktivit',
      '22\u00A0aktivit',
    ]);
    expect(activitiesCount(1, evaluationEn)).toBe('1\u00A0activity');
  });

  it('no column header breaks inside a word, in either language', async () => {
    const { activityColumns, financeColumns, summaryColumns } =
      await import('../../shared/docx/evaluation');
    const { headerFits } = await import('../../shared/docx/evaluationWidths');
    // the old summary table: "rozpracováno" in 1250 twips broke as "rozpracován-o"
    expect(headerFits('rozpracováno', 1250)).toBe(false);
    expect(headerFits('Activities', 850)).toBe(false);
    for (const L of [evaluationCs, evaluationEn])
      for (const cols of [activityColumns(L), financeColumns(L), summaryColumns(L)])
        expect(cols.reduce((s, c) => s + c.width, 0)).toBe(9070);
  });
});

describe('evaluation report DOCX', () => {
  it('has the sections, Czech dates, money and statuses', async () => {
    const { document, styles, header } = await unzip(wholeBytes);
    const text = textOf(document);
    expect(text).toContain('Město Vizovice');
    expect(textOf(header)).toContain('Podpora komunitního plánování na Vizovicku');
    for (const h of [
      '1. Úvod',
      '2. Souhrn plnění',
      '3. Plnění podle priorit a opatření',
      '4. Finanční vyhodnocení',
      '5. Vyjádření pracovních skupin a připomínky řídící skupiny',
      '6. Závěry a doporučení pro aktualizaci plánu',
      '7. Projednání a schválení',
      '8. Přílohy',
      'Příloha A: Úplné znění dlouhých komentářů',
    ])
      expect(text).toContain(h);
    expect(text).toContain('Vize plánu');
    expect(text).toContain(
      `Plán obsahuje celkem 25 aktivit. Zrušené aktivity (1) se do hodnocení nezapočítávají. Z hodnocených aktivit (24) je ${whole.overall.shares.fulfilled} % splněno`,
    );
    expect(text).toContain(
      'Zastupitelstvo města Vizovice dne 10. 12. 2025, usnesení č. ZM/12/2025/7',
    );
    expect(text).toContain('Priorita 1 ');
    expect(text).toMatch(/Opatření 1\.1 \S/);
    expect(text).toContain('Rozšíření pečovatelské služby do všech obcí ORP');
    expect(text).toContain('Realizátor: Pečovatelská služba Slušovice');
    expect(text).toContain('počet uživatelů za rok: 131 z 120 osob');
    expect(text).toContain('Důvod: Služba nebyla zařazena do krajské sítě');
    expect(document).toContain('1\u00A0200\u00A0000\u00A0Kč');
    expect(text).toContain('Projednáno řídící skupinou:dne 26. 11. 2026, usnesení č. ŘS 5/2026/3');
    expect(text).toContain('Vzato na vědomí:Zastupitelstvo města Vizovice dne ………………');
    expect(text).toContain('Celkové hodnocení řídící skupiny');
    expect(text).toContain('Plán se celkově plní');
    expect(text).toContain('Doplnit, kdy kraj rozhodne o zařazení do sítě');
    expect(styles).toContain('w:val="cs-CZ"');
    // discussed by the steering group: no draft marker
    expect(textOf(header)).not.toContain('KONCEPT');
  });

  it('document properties: title, the organization as author, language; KONCEPT on a draft', async () => {
    const { core, header } = await unzip(groupBytes);
    expect(core).toContain('<dc:title>Vyhodnocení komunitního plánu za rok 2026 – PS1</dc:title>');
    expect(core).toContain('<dc:creator>Město Vizovice</dc:creator>');
    expect(core).toContain('cs-CZ');
    // the PS1 version has no steering-group date yet
    expect(textOf(header)).toContain('KONCEPT – neprojednáno řídící skupinou');
  });

  it('has a table of contents: an entry per heading with a page reference to its bookmark', async () => {
    const { document } = await unzip(wholeBytes);
    const refs = [...document.matchAll(/PAGEREF (_TocEval\d+)/g)].map((m) => m[1]);
    const marks = [...document.matchAll(/<w:bookmarkStart [^>]*w:name="(_TocEval\d+)"/g)].map(
      (m) => m[1],
    );
    expect(refs.length).toBeGreaterThanOrEqual(12);
    expect(marks).toEqual(refs);
  });

  it('embeds the chart with alt text that has the numbers, on a line that grows with it', async () => {
    const { zip, document } = await unzip(wholeBytes);
    expect(Object.keys(zip.files).some((f) => /^word\/media\/.+\.png$/.test(f))).toBe(true);
    const alt = chartAltText(whole).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    expect(document).toContain(`descr="${alt}"`);
    const drawingPara = /<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:drawing>/.exec(
      document.slice(document.lastIndexOf('<w:p>', document.indexOf('<w:drawing>'))),
    )![0];
    expect(drawingPara).toContain('w:lineRule="auto"');
    for (const tbl of document.match(/<w:tblGrid>[\s\S]*?<\/w:tblGrid>/g) ?? []) {
      const sum = [...tbl.matchAll(/w:w="(\d+)"/g)].reduce((s, m) => s + Number(m[1]), 0);
      expect(sum).toBe(9070);
    }
  });

  it("the working group's version names its group everywhere, not the whole plan", async () => {
    const { document, footer } = await unzip(groupBytes);
    const text = textOf(document);
    expect(text).toContain(
      'Pracovní verze pracovní skupiny PS1 Senioři a osoby se zdravotním postižením',
    );
    expect(textOf(footer)).toContain('PS1');
    expect(text).not.toContain('Celý plán');
    expect(text).not.toContain('NZDM Klubko');
    expect(text).toContain('Projednáno pracovní skupinou:dne 3. 11. 2026');
    expect(text).toContain('Pracovní skupina PS1 odpovídá za 12 aktivit plánu. Z hodnocených');
    expect(text).not.toContain('Zrušené aktivity (0)');
    expect(text).toContain('Pracovní verze PS1: většina aktivit pro seniory se plní');
  });

  it('English edition', async () => {
    const text = textOf((await unzip(enBytes)).document);
    expect(text).toContain('Evaluation of the community plan');
    expect(text).toContain('10 December 2025');
    expect(text).toContain('CZK 1,200,000');
    expect(text).toContain('not reported');
    expect(text).not.toMatch(/nevykázáno|Příloha/);
  });
});

const LIBREOFFICE = await hasLibreOffice();

describe.skipIf(!LIBREOFFICE && !process.env.CI)(
  'LibreOffice prints the evaluation report as a reader sees it',
  () => {
    it('text, table of contents, chart box and page count', async () => {
      const res = await convertDocxToPdf(
        [
          { name: names.whole, bytes: wholeBytes },
          { name: names.group, bytes: groupBytes },
        ],
        OUT,
      );
      try {
        const doc = res.docs.get(names.whole)!;
        const t = normalizeText(doc.text);
        expect(t).toContain('Vyhodnocení komunitního plánu');
        expect(t.replace(/\s/g, '')).toContain('MĚSTOVIZOVICE'); // letter-spaced caps
        expect(t).toMatch(/Strana 1 z \d+/);
        // table of contents with page numbers, before the first chapter
        const toc = t.slice(t.indexOf('Obsah'), t.indexOf('Plán:'));
        expect(toc).toMatch(/1\. Úvod[ .…]*\d/);
        expect(toc).toMatch(/7\. Projednání a schválení[ .…]*\d/);
        // "nevykázáno" is never printed as 0 Kč
        expect(t).not.toMatch(/(^|\s)0 Kč/m);
        expect(t).toContain('nevykázáno');
        expect(t).toMatch(/Projednáno řídící skupinou:\s+dne 26\. 11\. 2026/);
        expect(t).toMatch(/Vzato na vědomí:\s+Zastupitelstvo města Vizovice dne/);
        // no header word broken across lines
        for (const w of ['rozpracováno', 'nesplněno', 'Skutečnost', 'Plánováno', 'Komentář'])
          expect(t).toContain(w);
        // the 6,000-character comment stays short in the table; annex A has it whole
        expect(doc.pages).toBeLessThanOrEqual(16);
        expect(t).toContain('Věta číslo 60 podrobné zprávy');

        // the chart: its picture keeps its size and no line of text is drawn over it
        const pages = await pdfBoxes(doc.pdfPath);
        const chartPage = pages.find((p) => p.texts.some((x) => x.text.startsWith('Graf 1:')))!;
        expect(chartPage).toBeDefined();
        const chartBox = chartPage.images.sort((a, b) => b.width - a.width)[0]!;
        const widthPt = (9070 / 20) * (Math.min(605, 1200) / 605); // text width, 605 px at 96 dpi
        expect(chartBox.width).toBeGreaterThan(widthPt * 0.97);
        expect(chartBox.height / chartBox.width).toBeCloseTo(400 / 1200, 2);
        const over = chartPage.texts.filter((x) => overlapArea(x, chartBox) > 1);
        expect(over.map((x) => x.text)).toEqual([]);

        // the approval block's values start at one tab, whatever the label's length
        const lines = pages.flatMap((p) => p.texts);
        const steering = lines.find((x) => x.text.startsWith('dne 26. 11. 2026'))!;
        const council = lines.find((x) =>
          x.text.startsWith('Zastupitelstvo města Vizovice dne …'),
        )!;
        expect(Math.abs(steering.left - council.left)).toBeLessThanOrEqual(1);

        const g = normalizeText(res.docs.get(names.group)!.text);
        expect(g).toContain('PS1 Senioři a osoby se zdravotním postižením');
        expect(g).not.toContain('Celý plán');
        expect(g).toMatch(/Projednáno pracovní skupinou:\s+dne 3\. 11\. 2026/);
      } finally {
        res.cleanup();
      }
    }, 240_000);
  },
);
