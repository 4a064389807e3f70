// The layout of a PDF as boxes: `pdftohtml -xml` lists every picture and every line of text on
// each page with its position (points, zoom 1), so a test can prove that no text is drawn over
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

export interface PdfPage {
  number: number;
  images: Box[];
  texts: (Box & { text: string })[];
}

const num = (attrs: string, name: string) =>
  Number(new RegExp(`\\b${name}="(-?[\\d.]+)"`).exec(attrs)?.[1] ?? NaN);
const boxOf = (attrs: string): Box => ({
  top: num(attrs, 'top'),
  left: num(attrs, 'left'),
  width: num(attrs, 'width'),
  height: num(attrs, 'height'),
});

export async function pdfBoxes(pdfPath: string): Promise<PdfPage[]> {
  const dir = mkdtempSync(join(tmpdir(), 'triada-pdfxml-'));
  try {
    await run('pdftohtml', ['-xml', '-zoom', '1', '-q', pdfPath, join(dir, 'out')], {
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    const xml = readFileSync(join(dir, 'out.xml'), 'utf8');
    return [...xml.matchAll(/<page number="(\d+)"[^>]*>([\s\S]*?)<\/page>/g)].map((m) => ({
      number: Number(m[1]),
      images: [...m[2]!.matchAll(/<image ([^>]*)\/>/g)].map((i) => boxOf(i[1]!)),
      texts: [...m[2]!.matchAll(/<text ([^>]*)>([\s\S]*?)<\/text>/g)].map((t) => ({
        ...boxOf(t[1]!),
        text: t[2]!.replace(/<[^>]+>/g, '').trim(),
      })),
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Area shared by two boxes, in square points. */
export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const h = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}
