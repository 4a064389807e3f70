// Pure security guards of the main process: no electron imports, so they are unit-tested
// directly (guards.test.ts). main.ts wires them to Electron's events.
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'triada';
/** The app's origin. Frozen: IndexedDB data lives under it (ARCHITECTURE.md §4). */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * The Electron app's CSP: connect-src 'self' only. The voting hub (issue 13) is relayed by main
 * over IPC (electron/hub/host.ts) and live sync's HTTP with the region's CouchDB server (issue
 * 14) too (sync:fetch, electron/syncHttp.ts: only the server the user connected to), so no
 * script in the page can send data anywhere else. Browser mode (scripts/serve.mjs) has no main
 * process and allows http: https: in connect-src for sync; guards.test.ts checks that this is
 * its only difference.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** Is `raw` a URL on the app's own origin (app://triada/…)? Parsed, never prefix-matched. */
export function isAppUrl(raw: string): boolean {
  const url = parseUrl(raw);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The normalized URL to hand to shell.openExternal, or null when it must not be opened:
 * only http(s) with a host, and mailto.
 */
export function externalUrlToOpen(raw: string): string | null {
  const url = parseUrl(raw);
  if (!url || !EXTERNAL_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && url.hostname === '') return null;
  if (url.protocol !== 'mailto:' && (url.username !== '' || url.password !== '')) return null;
  return url.href;
}

type PathApi = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

/**
 * Maps the pathname of an app:// URL to a file inside `root`, or null if it would escape
 * `root` (`..`, encoded `%2e%2e%2f`, absolute or drive paths, NUL bytes, bad encoding).
 * "/" maps to index.html. `pathApi` is injectable to test Windows semantics on Linux.
 */
export function resolveInsideRoot(
  root: string,
  urlPathname: string,
  pathApi: PathApi = path,
): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relativePart = decoded.replace(/^[/\\]+/, '');
  if (relativePart === '') return pathApi.resolve(root, 'index.html');
  // Reject anything that would be absolute on its own ("C:\x", "\\server\share", "/etc").
  if (pathApi.isAbsolute(relativePart) || /^[a-zA-Z]:/.test(relativePart)) return null;
  const base = pathApi.resolve(root);
  const file = pathApi.resolve(base, relativePart);
  const rel = pathApi.relative(base, file);
  if (rel === '' || rel === '..' || rel.startsWith(`..${pathApi.sep}`) || pathApi.isAbsolute(rel))
    return null;
  return file;
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers of every app:// response. */
export function appResponseHeaders(filePath: string): Record<string, string> {
  return {
    'Content-Type': mimeTypeFor(filePath),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

/** The projector route of the renderer (hash routing). */
export function projectorUrl(meetingId: string): string {
  return `${APP_INDEX_URL}#/projector/${encodeURIComponent(meetingId)}`;
}

export interface DisplayLike {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
}

/** The display for the projector: the first one that is not the primary, else null. */
export function pickProjectorDisplay<D extends DisplayLike>(
  displays: readonly D[],
  primaryId: number,
): D | null {
  return displays.find((d) => d.id !== primaryId) ?? null;
}

/** The one permission the app needs: keeping IndexedDB under storage pressure, for its own pages only. */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['persistent-storage']);

export function isPermissionAllowed(permission: string, requestingUrl: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}
