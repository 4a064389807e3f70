// The light paragraphs and cells write the XML docx writes for the same Paragraph/TextRun/
// TableCell, so the minutes read the same in Word and LibreOffice (issue 12).
import {
  Document,
  Packer,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { LightCell, LightParagraph, lightRuns } from './light';

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
        children: [new TextRun({ text: 'Usnesení 1: ', style: 'Strong' }), new TextRun('text')],
      }),
      new Paragraph({ keepNext: true }),
    ];
    expect(await bodyXml(light)).toBe(await bodyXml(docx));
  });

  it('a light cell is the same XML as a TableCell with a width', async () => {
    const row = (cell: TableCell) =>
      new Table({ columnWidths: [2000], rows: [new TableRow({ children: [cell] })] });
    const text = () => new LightParagraph({ style: 'TableText' }, [{ text: 'x' }]);
    expect(await bodyXml([row(new LightCell(2000, [text()]))])).toBe(
      await bodyXml([
        row(new TableCell({ width: { size: 2000, type: WidthType.DXA }, children: [text()] })),
      ]),
    );
    expect(await bodyXml([row(new LightCell(2000, []))])).toBe(
      await bodyXml([
        row(new TableCell({ width: { size: 2000, type: WidthType.DXA }, children: [] })),
      ]),
    );
  });
});
