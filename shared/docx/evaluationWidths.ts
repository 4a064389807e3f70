// Column headers of the evaluation tables must never break inside a word. Word and LibreOffice
// lay out Arial (or the metric-compatible Liberation Sans), so the width of a word can be
// worked out from Arial Bold's advance widths (1/1000 em, Helvetica-Bold AFM) and checked
// against its column before the document is written.

const BOLD: Record<string, number> = {
  a: 556,
  b: 611,
  c: 556,
  d: 611,
  e: 556,
  f: 333,
  g: 611,
  h: 611,
  i: 278,
  j: 278,
  k: 556,
  l: 278,
  m: 889,
  n: 611,
  o: 611,
  p: 611,
  q: 611,
  r: 389,
  s: 556,
  t: 333,
  u: 611,
  v: 556,
  w: 778,
  x: 556,
  y: 556,
  z: 500,
  ' ': 278,
  '/': 278,
  '(': 333,
  ')': 333,
  '-': 333,
  '–': 556,
  '.': 278,
  ',': 278,
  '%': 889,
  ':': 333,
};
const UPPER: Record<string, number> = { I: 278, J: 556, L: 611, M: 833, W: 944, F: 611, T: 611 };

function charWidth(ch: string): number {
  const base = ch.normalize('NFD')[0] ?? ch; // č → c, á → a
  if (/[0-9]/.test(base)) return 556;
  if (base in UPPER) return UPPER[base]!;
  if (base >= 'A' && base <= 'Z') return 722;
  return BOLD[base] ?? 611;
}

/** Width of `text` in bold Arial at `halfPoints` (docx run size), in twips. */
export function boldTextWidth(text: string, halfPoints: number): number {
  const em = [...text].reduce((s, ch) => s + charWidth(ch), 0) / 1000;
  return em * (halfPoints / 2) * 20;
}

/** Twips of padding a table cell takes left and right (layout.ts dataTable margins). */
export const CELL_PADDING = 200;
/** Size of the header text (TableHeading style, 9.5 pt). */
export const HEADER_HALF_POINTS = 19;

/** The longest word of a header fits its column, so the header wraps only between words. */
export function headerFits(header: string, columnTwips: number): boolean {
  const longest = Math.max(...header.split(/\s+/).map((w) => boldTextWidth(w, HEADER_HALF_POINTS)));
  return longest + CELL_PADDING <= columnTwips;
}
