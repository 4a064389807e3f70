/**
 * Accent-free lower case with single spaces ("  Šťastná   Jana " → "stastna jana"): how the
 * app matches what people type or import against Czech names and words.
 */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
