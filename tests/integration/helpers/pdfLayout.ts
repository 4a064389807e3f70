// Reads the layout of a PDF with `pdftohtml -xml`: the box of every picture and every line of
// text on each page (in PDF points at 72 dpi), so a test can prove that nothing is drawn over
// a picture and that a picture keeps its size.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}
export interface TextBox extends Box {
  text: string;
}
export interface PageLayout {
  number: number;
  images: Box[];
  texts: TextBox[];
}

const num = (attrs: string, name: string) =>
  Number(new RegExp(`${name}="(-?[\\d.]+)"`).exec(attrs)?.[1] ?? NaN);
const box = (attrs: string): Box => ({
  top: num(attrs, 'top'),
  left: num(attrs, 'left'),
  width: num(attrs, 'width'),
  height: num(attrs, 'height'),
});

export async function pdfLayout(pdfPath: string): Promise<PageLayout[]> {
  const dir = mkdtempSync(join(tmpdir(), 'triada-pdfxml-'));
  try {
    await run('pdftohtml', ['-xml', '-q', '-zoom', '1', pdfPath, join(dir, 'images')], {
      timeout: 60_000,
    });
    const withImages = readFileSync(join(dir, 'images.xml'), 'utf8');
    return [...withImages.matchAll(/<page ([^>]*)>([\s\S]*?)<\/page>/g)].map((m) => ({
      number: num(m[1]!, 'number'),
      images: [...m[2]!.matchAll(/<image ([^>]*)\/>/g)].map((i) => box(i[1]!)),
      texts: [...m[2]!.matchAll(/<text ([^>]*)>([\s\S]*?)<\/text>/g)].map((t) => ({
        ...box(t[1]!),
        text: t[2]!
          .replace(/<[^>]+>/g, '')
          .replace(/&amp;/g, '&')
          .trim(),
      })),
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function overlaps(a: Box, b: Box): boolean {
  return (
    a.left < b.left + b.width &&
    b.left < a.left + a.width &&
    a.top < b.top + b.height &&
    b.top < a.top + a.height
  );
}

/** Lines of text drawn over any picture of the page (should be none). */
export function textOverPictures(page: PageLayout): TextBox[] {
  return page.texts.filter((t) => t.text.length > 0 && page.images.some((i) => overlaps(t, i)));
}
