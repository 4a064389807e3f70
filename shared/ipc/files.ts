// Pure helpers for files handed from the renderer to the main process.

/** Upper bound for one saveBytes call (documents, exports, backups). */
export const MAX_SAVE_BYTES = 50 * 1024 * 1024;
export const MAX_FILE_NAME_LENGTH = 120;

// Path separators, characters Windows forbids, and control characters.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARS = /[/\\:*?"<>|\u0000-\u001f\u007f]/g;
// Device names Windows reserves regardless of extension.
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
// Characters that make a name lie about itself: C1 controls, bidi marks and overrides
// (U+202E turns "zápisexe.docx" into "zápisxcod.exe" on screen), zero-width characters,
// the BOM, and lone surrogates (not valid UTF-16, so not a name the OS can show).
const INVISIBLE_CHARS =
  /[\u0080-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * The only extensions the app writes (minutes and reports, backups, exports, charts). A save
 * with any other extension is refused by the IPC contract and by the main process.
 */
export const ALLOWED_SAVE_EXTENSIONS: readonly string[] = [
  'docx',
  'json',
  'csv',
  'xlsx',
  'html',
  'png',
  'pdf',
];

/**
 * Extensions that run code or act as shortcuts when opened (Windows, macOS, Linux desktops).
 * Never appended to: a name typed in the save dialog that ends in one of these is refused.
 */
export const DANGEROUS_EXTENSIONS: ReadonlySet<string> = new Set(
  [
    'exe com bat cmd scr pif msi msp msc cpl dll sys drv hta lnk url scf inf reg gadget',
    'appref-ms application settingcontent-ms ps1 psm1 psd1 ps1xml vbs vbe js jse mjs wsf',
    'wsh wsc ws jar sh bash zsh csh ksh command tool app pkg dmg workflow scpt terminal',
    'desktop run bin appimage deb rpm py pyw pl rb php iso img vhd vhdx library-ms',
    'search-ms chm svg xml xhtml htm shtml mht mhtml docm xlsm pptm dotm xltm xlam ppam',
  ]
    .join(' ')
    .split(' '),
);

/**
 * Is `name` usable as-is as a plain file name on Windows, macOS and Linux?
 * No separators, no reserved characters or device names, no leading dot
 * (hidden files), no trailing dot/space, not empty, not too long.
 */
export function isSafeFileName(name: string): boolean {
  if (name.length === 0 || name.length > MAX_FILE_NAME_LENGTH) return false;
  if (new RegExp(FORBIDDEN_CHARS.source).test(name)) return false;
  if (new RegExp(INVISIBLE_CHARS.source).test(name)) return false;
  if (name.startsWith('.') || /[. ]$/.test(name) || name !== name.trim()) return false;
  if (RESERVED.test(name)) return false;
  return true;
}

/**
 * Turns any suggested name (e.g. "Zápis 3/2026: PS Senioři.docx") into a safe file name
 * ("Zápis 3-2026 - PS Senioři.docx"). Keeps diacritics; keeps the extension when shortening.
 */
export function sanitizeFileName(name: string, fallback = 'dokument'): string {
  let s = name
    .normalize('NFC')
    .replace(INVISIBLE_CHARS, '')
    .replace(/\s+/g, ' ')
    .replace(/:\s*/g, ' - ')
    .replace(FORBIDDEN_CHARS, '-')
    .trim()
    .replace(/^[.\s-]+/, '')
    .replace(/[.\s]+$/, '');
  if (s.length > MAX_FILE_NAME_LENGTH) {
    const dot = s.lastIndexOf('.');
    const ext = dot > 0 && s.length - dot <= 11 ? s.slice(dot) : '';
    s = s.slice(0, MAX_FILE_NAME_LENGTH - ext.length).trimEnd() + ext;
  }
  if (RESERVED.test(s)) s = `_${s}`;
  return isSafeFileName(s) ? s : fallback;
}

/** A safe file name whose extension is one the app writes ("Zápis.docx", not "Zápis.exe"). */
export function isAllowedSaveName(name: string): boolean {
  const ext = extensionOf(name);
  return isSafeFileName(name) && ext !== null && ALLOWED_SAVE_EXTENSIONS.includes(ext);
}

/**
 * The file name to write after the user edited it in the save dialog, or null to refuse.
 * `requestedExt` is the extension of the name the app suggested (already allowed).
 * Same extension: kept. No extension or an unknown one ("Zápis 3.2026"): the requested one is
 * appended. A dangerous extension, another of the app's extensions (a DOCX saved as .json), or
 * an unsafe name (bidi override, control characters): refused.
 */
export function finalSaveName(chosen: string, requestedExt: string): string | null {
  if (new RegExp(INVISIBLE_CHARS.source).test(chosen)) return null;
  if (new RegExp(FORBIDDEN_CHARS.source).test(chosen)) return null;
  const ext = extensionOf(chosen);
  const wanted = requestedExt.toLowerCase();
  let name = chosen;
  if (ext !== wanted) {
    if (ext !== null && (DANGEROUS_EXTENSIONS.has(ext) || ALLOWED_SAVE_EXTENSIONS.includes(ext)))
      return null;
    name = `${chosen}.${wanted}`;
  }
  return isAllowedSaveName(name) && extensionOf(name) === wanted ? name : null;
}

const EXTENSION_BY_MIME: Record<string, string> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/pdf': 'pdf',
  'application/json': 'json',
  'application/zip': 'zip',
  'text/csv': 'csv',
  'text/plain': 'txt',
  'text/calendar': 'ics',
  'image/png': 'png',
  'image/svg+xml': 'svg',
};

/** The extension of `fileName` (lower case, without the dot), if it has a sensible one. */
export function extensionOf(fileName: string): string | null {
  const m = /\.([A-Za-z0-9-]{1,20})$/.exec(fileName);
  return m?.[1] ? m[1].toLowerCase() : null;
}

export interface SaveFilter {
  name: string;
  extensions: string[];
}

/**
 * The save-dialog filter for a file: by its own extension, else by its MIME type.
 * The filter's label is the upper-cased extension ("DOCX"), which needs no translation.
 */
export function saveFilterFor(fileName: string, mime: string): SaveFilter | null {
  const ext = extensionOf(fileName) ?? EXTENSION_BY_MIME[mime.toLowerCase()] ?? null;
  return ext ? { name: ext.toUpperCase(), extensions: [ext] } : null;
}
