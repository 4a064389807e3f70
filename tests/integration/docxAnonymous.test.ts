import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildMinutes, packDocx, type MinutesDoc } from '../../shared/docx';
import { minutesCs, minutesEn } from './helpers/docxFixtures';

// Issue 13: a public meeting's anonymous phone vote is written in the minutes as what it is.

/** The minutes with every ranking vote marked as an anonymous public vote. */
function anonymous(doc: MinutesDoc): MinutesDoc {
  return {
    ...doc,
    agenda: doc.agenda.map((item) => ({
      ...item,
      resolutions: item.resolutions.map((r) =>
        r.pollSummary ? { ...r, pollSummary: { ...r.pollSummary, anonymous: true } } : r,
      ),
    })),
  };
}

async function text(doc: MinutesDoc): Promise<string> {
  const zip = await JSZip.loadAsync(await packDocx(buildMinutes(doc)));
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

describe('minutes of an anonymous public vote', () => {
  it('say in Czech and in English that it is not a vote of members, and give no head count of members', async () => {
    const cs = await text(anonymous(minutesCs));
    expect(cs).toContain('Anonymní hlasování veřejnosti z telefonů');
    expect(cs).toContain('Nejde o hlasování členů skupiny.');
    const en = await text(anonymous(minutesEn));
    expect(en).toContain('This is not a vote of the group’s members.');
    // The usual poll says nothing of the kind.
    expect(await text(minutesCs)).not.toContain('Nejde o hlasování členů');
  });

  it('record the public’s order, not a resolution the group passed, and count public ballots', async () => {
    const publicResult = (doc: MinutesDoc): MinutesDoc => {
      const anon = anonymous(doc);
      return {
        ...anon,
        agenda: anon.agenda.map((item) => ({
          ...item,
          resolutions: item.resolutions.map((r) => {
            if (!r.pollSummary) return r;
            const { vote: _v, ruleText: _r, ...rest } = r;
            return {
              ...rest,
              outcome: 'publicResult' as const,
              pollSummary: { ...r.pollSummary, ballotsCast: 7, validBallots: 7 },
            };
          }),
        })),
      };
    };
    const block = (all: string, number: string) => {
      const from = all.indexOf(number);
      const next = all.indexOf('PS1/3/2026/', from + number.length);
      return all.slice(from, next < 0 ? undefined : next);
    };
    const csAll = await text(publicResult(minutesCs));
    // The poll's table comes before the resolution; the ballots are the public's.
    expect(csAll).toContain('Hlasů veřejnosti: 7, z toho platných: 7.');
    const cs = block(csAll, 'PS1/3/2026/3');
    expect(cs).toContain('Hlasování: Veřejnost v anketě určila pořadí: 1. Odlehčovací služba, 2.');
    expect(cs).not.toContain('přijato');
    expect(cs).not.toContain('Přítomno členů');
    const enAll = await text(publicResult(minutesEn));
    expect(enAll).toContain('Public ballots: 7, of which valid: 7.');
    const en = block(enAll, 'PS1/3/2026/3');
    expect(en).toContain('Vote: In the poll the public set the order: 1. ');
    expect(en).not.toContain('passed');
  });
});
