import { describe, expect, it } from 'vitest';
import {
  MAX_FILE_NAME_LENGTH,
  extensionOf,
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
