import { describe, expect, it } from 'vitest';
import {
  ALLOWED_SAVE_EXTENSIONS,
  DANGEROUS_EXTENSIONS,
  MAX_FILE_NAME_LENGTH,
  extensionOf,
  finalSaveName,
  isAllowedSaveName,
  isSafeFileName,
  sanitizeFileName,
  saveFilterFor,
} from './files';

describe('sanitizeFileName', () => {
  it.each([
    ['Zápis 3/2026: PS Senioři.docx', 'Zápis 3-2026 - PS Senioři.docx'],
    ['../../etc/passwd', 'etc-passwd'],
    ['C:\\Windows\\win.ini', 'C - -Windows-win.ini'],
    ['  Hodnocení   plánu  .docx  ', 'Hodnocení plánu .docx'],
    ['report.', 'report'],
    ['.bashrc', 'bashrc'],
    ['con.txt', '_con.txt'],
    ['a\u0000b\nc.txt', 'a-b c.txt'],
    ['', 'dokument'],
    ['...', 'dokument'],
    ['///', 'dokument'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
    expect(isSafeFileName(sanitizeFileName(input))).toBe(true);
  });

  it('shortens long names but keeps the extension', () => {
    const s = sanitizeFileName(`${'Ř'.repeat(300)}.docx`);
    expect(s.length).toBe(MAX_FILE_NAME_LENGTH);
    expect(s.endsWith('.docx')).toBe(true);
  });

  it('always produces a safe name', () => {
    const nasty = [
      '<>:"|?*',
      'nul',
      'LPT1.docx',
      ' . ',
      'a'.repeat(500),
      'x/..',
      '\\\\server\\share',
    ];
    for (const n of nasty) expect(isSafeFileName(sanitizeFileName(n)), n).toBe(true);
  });
});

describe('saveFilterFor', () => {
  it('uses the file extension, else the MIME type', () => {
    expect(saveFilterFor('Zápis.DOCX', 'application/octet-stream')).toEqual({
      name: 'DOCX',
      extensions: ['docx'],
    });
    expect(saveFilterFor('export', 'text/csv')).toEqual({ name: 'CSV', extensions: ['csv'] });
    expect(saveFilterFor('export', 'application/x-unknown')).toBeNull();
    expect(extensionOf('záloha.triada.json')).toBe('json');
    expect(extensionOf('bez přípony')).toBeNull();
  });
});

describe('names that hide what they are', () => {
  const rlo = '\u202e';
  it('sanitizeFileName drops bidi overrides, zero-width and C1 control characters', () => {
    expect(sanitizeFileName(`Zápis${rlo}xcod.exe`)).toBe('Zápisxcod.exe');
    expect(sanitizeFileName('Zá\u200bpis\u0085\u2066.docx')).toBe('Zápis.docx');
    expect(sanitizeFileName('a\ud800b.json')).toBe('ab.json');
  });

  it.each([
    `Zápis${rlo}xcod.exe`,
    `faktura${rlo}fdp.docx`,
    'a\u200f.docx',
    'a\u2067b.docx',
    'a\u0085.docx',
    'a\ufeff.docx',
    'a\udc00.docx',
  ])('isSafeFileName refuses %j', (n) => expect(isSafeFileName(n)).toBe(false));

  it('keeps ordinary Czech names and emoji (surrogate pairs) usable', () => {
    expect(isSafeFileName('Zápis – PS Senioři 😀.docx')).toBe(true);
  });
});

describe('isAllowedSaveName: only the extensions the app writes', () => {
  it.each([
    'Zápis.docx',
    'záloha.json',
    'export.csv',
    'plán.xlsx',
    'osoba.html',
    'graf.png',
    'a.pdf',
  ])('accepts %s', (n) => expect(isAllowedSaveName(n)).toBe(true));
  it.each([
    'x.exe',
    'x.hta',
    'x.lnk',
    'triada.desktop',
    'x.bat',
    'x.cmd',
    'x.com',
    'x.scr',
    'x.ps1',
    'x.vbs',
    'x.js',
    'x.msi',
    'x.jar',
    'x.sh',
    'Triáda.app',
    'x.docm',
    'x.svg',
    'bez přípony',
    'Zápis.docx.exe',
    `Zápis${'\u202e'}xcod.docx`,
  ])('refuses %s', (n) => expect(isAllowedSaveName(n)).toBe(false));
  it('has no dangerous extension in the allow-list', () => {
    for (const ext of ALLOWED_SAVE_EXTENSIONS) expect(DANGEROUS_EXTENSIONS.has(ext)).toBe(false);
  });
});

describe('finalSaveName: the name typed in the save dialog', () => {
  it('keeps the app extension and appends it when missing or unknown', () => {
    expect(finalSaveName('Zápis.docx', 'docx')).toBe('Zápis.docx');
    expect(finalSaveName('Zápis.DOCX', 'docx')).toBe('Zápis.DOCX');
    expect(finalSaveName('Zápis', 'docx')).toBe('Zápis.docx');
    expect(finalSaveName('Zápis 3.2026', 'docx')).toBe('Zápis 3.2026.docx');
  });
  it.each([
    ['Zápis.exe', 'docx'],
    ['Zápis.hta', 'docx'],
    ['Zápis.lnk', 'docx'],
    ['triada.desktop', 'json'],
    ['x.bat', 'json'],
    ['x.ps1', 'html'],
    ['x.JS', 'html'],
    ['x.sh', 'csv'],
    ['Zápis.json', 'docx'],
    [`Zápis${'\u202e'}xcod.docx`, 'docx'],
    ['a\u0007.docx', 'docx'],
    ['con.docx', 'docx'],
  ])('refuses %j for a .%s file', (chosen, ext) => expect(finalSaveName(chosen, ext)).toBeNull());
});
