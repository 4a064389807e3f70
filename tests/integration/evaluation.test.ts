// The plan evaluation report ("Vyhodnocení komunitního plánu"): unzip and check the XML, then
// let LibreOffice open and print it. DOCX_OUT=/dir keeps the .docx/.pdf for a look.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  buildEvaluation,
  evaluationFileName,
  type EvaluationDoc,
} from '../../shared/docx/evaluation';
import { evaluationDocFrom } from '../../shared/docx/evaluationModel';
import { packDocx } from '../../shared/docx/pack';
import { buildSampleRegion } from '../../shared/sample/vizovicko';
import { buildSamplePlan } from '../../shared/sample/vizovickoPlan';
import { makeLogoPng } from './helpers/docxFixtures';
import { convertDocxToPdf, hasLibreOffice, normalizeText } from './helpers/libreoffice';

const OUT = process.env.DOCX_OUT;
const TODAY = '2026-11-22';
let n = 0;
const newId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
const region = buildSampleRegion(TODAY, newId, `${TODAY}T08:00:00.000Z`);
const sample = buildSamplePlan(region, TODAY, newId, `${TODAY}T08:00:00.000Z`);
const source = {
  plan: sample.plan,
  items: sample.items,
  monitoring: sample.monitoring,
  bodies: region.bodies,
  organizations: region.organizations,
};
const chart = { png: makeLogoPng(600, 220), widthPx: 600, heightPx: 220 };

function docFor(opts: Partial<Parameters<typeof evaluationDocFrom>[1]> = {}): EvaluationDoc {
  return evaluationDocFrom(source, {
    lang: 'cs',
    period: 2026,
    preparedOn: '2026-11-30',
    preparedBy: 'Petra Dvořáková, koordinátorka KPSS',
    organizationName: 'Město Vizovice',
    conclusions:
      'Většina aktivit se plní.\n\nDo dalšího období doporučujeme převzít rozšíření odlehčovací služby.',
    annexes: [
      'Monitorovací tabulky pracovních skupin za rok 2026',
      'Zápis z jednání řídící skupiny č. 5/2026',
    ],
    chart,
    ...opts,
  });
}

async function unzip(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const document = await zip.file('word/document.xml')!.async('string');
  const footer = (
    await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^word\/footer\d*\.xml$/.test(f))
        .map((f) => zip.file(f)!.async('string')),
    )
  ).join('');
  const styles = await zip.file('word/styles.xml')!.async('string');
  return { zip, document, footer, styles };
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
const ps1 = docFor({ workingGroupId: region.bodies[1]!.id });
const wholeBytes = await packDocx(buildEvaluation(whole));
const ps1Bytes = await packDocx(buildEvaluation(ps1));
const enBytes = await packDocx(buildEvaluation(docFor({ lang: 'en' })));
if (OUT) {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, evaluationFileName(whole)), wholeBytes);
  writeFileSync(join(OUT, evaluationFileName(ps1)), ps1Bytes);
}

describe('evaluation report view model', () => {
  it('summarizes the whole plan: cancelled out of the base, shares add up', () => {
    expect(whole.overall.total).toBe(25);
    expect(whole.overall.counts.cancelled).toBe(1);
    expect(whole.overall.base).toBe(24);
    const s = whole.overall.shares;
    expect(s.fulfilled + s.inProgress + s.notFulfilled + s.noReport).toBe(100);
    expect(whole.summary.map((r) => r.label.split(' ')[0])).toEqual(['1', '2', '3', '4']);
    expect(whole.groups.map((g) => g.title.split(' ')[0])).toEqual(['PS1', 'PS2', 'PS3']);
  });

  it('a working group version holds only that group', () => {
    expect(ps1.workingGroup?.code).toBe('PS1');
    expect(ps1.groups).toHaveLength(1);
    expect(ps1.overall.total).toBe(12);
    expect(evaluationFileName(ps1)).toBe('Vyhodnoceni_KP_2026_PS1.docx');
  });
});

describe('evaluation report DOCX', () => {
  it('has the sections, Czech dates, money and statuses', async () => {
    const { document, styles } = await unzip(wholeBytes);
    const text = textOf(document);
    expect(text).toContain('Vyhodnocení komunitního plánu');
    expect(text).toContain('Komunitní plán sociálních služeb ORP Vizovice 2026–2028');
    for (const h of [
      '1. Úvod',
      '2. Souhrn plnění',
      '3. Plnění podle pracovních skupin a cílových skupin',
      '4. Finanční vyhodnocení',
      '5. Závěry a doporučení pro aktualizaci plánu',
      '6. Přílohy',
    ]) {
      expect(text).toContain(h);
    }
    expect(text).toContain(
      'Zastupitelstvo města Vizovice dne 10. 12. 2025, usnesení č. ZM/12/2025/7',
    );
    expect(text).toContain(
      `Plán obsahuje celkem 25 aktivit; zrušené aktivity (1) se do hodnocení nezapočítávají. Z hodnocených aktivit (24) je ${whole.overall.shares.fulfilled} % splněno`,
    );
    expect(text).toContain('1.1.1');
    expect(text).toContain('Rozšíření pečovatelské služby do všech obcí ORP');
    expect(text).toContain('Realizátor: Pečovatelská služba Slušovice');
    expect(text).toContain('počet uživatelů za rok: 131 z 120 osob');
    expect(text).toContain('Důvod: Služba nebyla zařazena do krajské sítě');
    expect(text).toContain('1 200 000 Kč'); // no-break spaces normalized
    expect(document).toContain('1\u00A0200\u00A0000\u00A0Kč');
    expect(text).toContain('dotace MPSV přes kraj');
    expect(text).toContain('Celkem');
    expect(text).toContain('Do dalšího období doporučujeme převzít rozšíření odlehčovací služby.');
    expect(text).toContain('Zápis z jednání řídící skupiny č. 5/2026');
    expect(text).toContain('30. 11. 2026');
    expect(styles).toContain('w:val="cs-CZ"');
  });

  it('embeds the chart image with alt text and keeps tables within the page width', async () => {
    const { zip, document } = await unzip(wholeBytes);
    expect(Object.keys(zip.files).some((f) => /^word\/media\/.+\.png$/.test(f))).toBe(true);
    expect(document).toContain('descr="Graf plnění aktivit podle stavu"');
    for (const tbl of document.match(/<w:tblGrid>[\s\S]*?<\/w:tblGrid>/g) ?? []) {
      const sum = [...tbl.matchAll(/w:w="(\d+)"/g)].reduce((s, m) => s + Number(m[1]), 0);
      expect(sum).toBe(9070);
    }
  });

  it('prints "Strana X z Y" and the period in the footer; the working version names its group', async () => {
    const { footer } = await unzip(wholeBytes);
    expect(textOf(footer)).toContain('Vyhodnocení KP za rok 2026');
    expect(footer).toContain('PAGE');
    expect(footer).toContain('NUMPAGES');
    const g = await unzip(ps1Bytes);
    const text = textOf(g.document);
    expect(text).toContain(
      'Pracovní verze pracovní skupiny PS1 Senioři a osoby se zdravotním postižením',
    );
    expect(text).toContain('3. Plnění aktivit');
    expect(text).not.toContain('NZDM Klubko');
  });

  it('English edition', async () => {
    const text = textOf((await unzip(enBytes)).document);
    expect(text).toContain('Evaluation of the community plan');
    expect(text).toContain('10 December 2025');
    expect(text).toContain('CZK 1,200,000');
  });
});

const LIBREOFFICE = await hasLibreOffice();

describe.skipIf(!LIBREOFFICE && !process.env.CI)(
  'LibreOffice opens and prints the evaluation report',
  () => {
    it('converts to PDF with the expected text', async () => {
      const res = await convertDocxToPdf(
        [
          { name: evaluationFileName(whole), bytes: wholeBytes },
          { name: evaluationFileName(ps1), bytes: ps1Bytes },
        ],
        OUT,
      );
      try {
        const t = normalizeText(res.docs.get(evaluationFileName(whole))!.text);
        expect(t).toContain('Vyhodnocení komunitního plánu');
        expect(t).toContain('Souhrn plnění');
        expect(t).toContain('Rozšíření pečovatelské služby');
        expect(t).toContain('1 200 000 Kč');
        expect(t).toMatch(/Strana 1 z \d+/);
        expect(res.docs.get(evaluationFileName(whole))!.pages).toBeGreaterThanOrEqual(3);
        const g = normalizeText(res.docs.get(evaluationFileName(ps1))!.text);
        expect(g).toContain('PS1');
      } finally {
        res.cleanup();
      }
    }, 180_000);
  },
);
