// The light paragraphs and cells write the XML docx writes for the same Paragraph/TextRun/
// TableCell, so the minutes read the same in Word and LibreOffice (issue 12).
import { Document, Packer, Paragraph, Tab, Table, TableCell, TableRow, TextRun } from 'docx';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { LightCell, LightParagraph, LightRow, lightRuns } from './light';

async function bodyXml(children: (Paragraph | Table)[]): Promise<string> {
  const bytes = await Packer.pack(new Document({ sections: [{ children }] }), 'uint8array');
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
  return xml.slice(xml.indexOf('<w:body>'), xml.indexOf('<w:sectPr'));
}

describe('LightParagraph', () => {
  it('is the same XML as the docx Paragraph it stands for', async () => {
    const light = [
      new LightParagraph({ style: 'TableText' }, lightRuns('a & b < c\nsecond "line"')),
      new LightParagraph({ style: 'Heading2' }, [{ text: 'Ad 1' }, { text: 'Title', tab: true }]),
      new LightParagraph({ style: 'Resolution', keepNext: false, alignment: 'right' }, [
        { text: 'Usnesení 1: ', style: 'Strong' },
        { text: 'text' },
        { text: ' (muted)', color: '595959' },
        { text: ' both', style: 'Strong', color: 'B42318' },
      ]),
      new LightParagraph({ keepNext: true }, []),
    ];
    const docx = [
      new Paragraph({
        style: 'TableText',
        children: [new TextRun('a & b < c'), new TextRun({ text: 'second "line"', break: 1 })],
      }),
      new Paragraph({
        style: 'Heading2',
        children: [new TextRun('Ad 1'), new TextRun({ children: [new Tab(), 'Title'] })],
      }),
      new Paragraph({
        style: 'Resolution',
        keepNext: false,
        alignment: 'right',
        children: [
          new TextRun({ text: 'Usnesení 1: ', style: 'Strong' }),
          new TextRun('text'),
          new TextRun({ text: ' (muted)', color: '595959' }),
          new TextRun({ text: ' both', style: 'Strong', color: 'B42318' }),
        ],
      }),
      new Paragraph({ keepNext: true }),
    ];
    expect(await bodyXml(light)).toBe(await bodyXml(docx));
  });

  it('a light row of light cells is the same XML as a cantSplit TableRow of plain TableCells', async () => {
    // Without columnWidths docx writes no w:tcW either: the grid alone sets the widths.
    const table = (row: TableRow) => new Table({ rows: [row] });
    const text = () => new LightParagraph({}, [{ text: 'x' }]);
    expect(await bodyXml([table(new LightRow([new LightCell([text()]), new LightCell([])]))])).toBe(
      await bodyXml([
        table(
          new TableRow({
            cantSplit: true,
            children: [new TableCell({ children: [text()] }), new TableCell({ children: [] })],
          }),
        ),
      ]),
    );
  });
});
