// Pure helpers for files handed from the renderer to the main process.

/** Upper bound for one saveBytes call (documents, exports, backups). */
export const MAX_SAVE_BYTES = 50 * 1024 * 1024;
export const MAX_FILE_NAME_LENGTH = 120;

// Path separators, characters Windows forbids, and control characters.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARS = /[/\\:*?"<>|\u0000-\u001f\u007f]/g;
// Device names Windows reserves regardless of extension.
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * Is `name` usable as-is as a plain file name on Windows, macOS and Linux?
 * No separators, no reserved characters or device names, no leading dot
 * (hidden files), no trailing dot/space, not empty, not too long.
 */
export function isSafeFileName(name: string): boolean {
  if (name.length === 0 || name.length > MAX_FILE_NAME_LENGTH) return false;
  if (new RegExp(FORBIDDEN_CHARS.source).test(name)) return false;
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
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(fileName);
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
