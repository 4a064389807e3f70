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
});
