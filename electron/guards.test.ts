import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isPermissionAllowed,
  APP_INDEX_URL,
  CONTENT_SECURITY_POLICY,
  appResponseHeaders,
  externalUrlToOpen,
  isAppUrl,
  mimeTypeFor,
  pickProjectorDisplay,
  projectorUrl,
  resolveInsideRoot,
} from './guards';

describe('isAppUrl', () => {
  it.each([APP_INDEX_URL, 'app://triada/', 'app://triada/assets/x.js?v=1#h'])('accepts %s', (url) =>
    expect(isAppUrl(url)).toBe(true),
  );
  it.each([
    'app://triada.evil.com/',
    'app://evil/',
    'app://triada:8080/',
    'app://user@triada/',
    'https://triada/',
    'file:///etc/passwd',
    'http://127.0.0.1:4173/',
    'javascript:alert(1)',
    'app:triada',
    'not a url',
    '',
  ])('rejects %s', (url) => expect(isAppUrl(url)).toBe(false));
});

describe('externalUrlToOpen', () => {
  it('passes http, https and mailto, normalized', () => {
    expect(externalUrlToOpen('https://www.mpsv.cz/kpss')).toBe('https://www.mpsv.cz/kpss');
    expect(externalUrlToOpen('HTTP://Example.COM')).toBe('http://example.com/');
    expect(externalUrlToOpen('mailto:koordinator@mesto.cz?subject=Z%C3%A1pis')).toBe(
      'mailto:koordinator@mesto.cz?subject=Z%C3%A1pis',
    );
  });
  it.each([
    'file:///C:/Windows/system32/calc.exe',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'vbscript:msgbox',
    'app://triada/index.html',
    ' javascript:alert(1)',
    'https://user:pass@example.com/',
    'https:',
    'not a url',
    'httpsx://example.com',
  ])('refuses %s', (url) => expect(externalUrlToOpen(url)).toBeNull());
});

describe('resolveInsideRoot', () => {
  const root = '/opt/triada/dist/renderer';
  it('maps ordinary paths inside the root', () => {
    expect(resolveInsideRoot(root, '/index.html')).toBe(`${root}/index.html`);
    expect(resolveInsideRoot(root, '/assets/index-abc.js')).toBe(`${root}/assets/index-abc.js`);
    expect(resolveInsideRoot(root, '/assets/P%C5%99%C3%ADloha.png')).toBe(
      `${root}/assets/Příloha.png`,
    );
    expect(resolveInsideRoot(root, '/a/../index.html')).toBe(`${root}/index.html`);
  });
  it('maps / to index.html', () => {
    expect(resolveInsideRoot(root, '/')).toBe(`${root}/index.html`);
    expect(resolveInsideRoot(root, '')).toBe(`${root}/index.html`);
  });
  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    '/..%2f..%2fetc%2fpasswd',
    '/%2e%2e',
    '//etc/passwd/../../..',
    '/index.html%00.png',
    '/%E0%A4%A',
    '/../renderer-evil/x.js',
  ])('rejects %s', (p) => expect(resolveInsideRoot(root, p)).toBeNull());
  it('does not accept a sibling folder sharing the prefix', () => {
    expect(resolveInsideRoot(root, '/%2e%2e/renderer2/index.html')).toBeNull();
  });
  it('uses Windows semantics when given path.win32', () => {
    const winRoot = 'C:\\Program Files\\Triada\\resources\\app.asar\\dist\\renderer';
    expect(resolveInsideRoot(winRoot, '/assets/a.js', path.win32)).toBe(`${winRoot}\\assets\\a.js`);
    expect(resolveInsideRoot(winRoot, '/..%5C..%5Csecret.txt', path.win32)).toBeNull();
    expect(resolveInsideRoot(winRoot, '/C:%5CWindows%5Cwin.ini', path.win32)).toBeNull();
    // a UNC-looking path is stripped of its leading separators and stays inside the root
    expect(resolveInsideRoot(winRoot, '/%5C%5Cserver%5Cshare%5Cx', path.win32)).toBe(
      `${winRoot}\\server\\share\\x`,
    );
    expect(resolveInsideRoot(winRoot, '/D:/x', path.win32)).toBeNull();
  });
});

describe('MIME types and headers', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/app.JS', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['font.woff2', 'font/woff2'],
    ['logo.svg', 'image/svg+xml'],
    ['x.unknown', 'application/octet-stream'],
    ['noext', 'application/octet-stream'],
  ])('%s → %s', (file, type) => expect(mimeTypeFor(file)).toBe(type));

  it('sends the CSP and nosniff with every file', () => {
    const h = appResponseHeaders('/r/index.html');
    expect(h['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(h['X-Content-Type-Options']).toBe('nosniff');
  });

  it("uses browser mode's CSP (scripts/serve.mjs) except that it connects to 'self' only", () => {
    const serve = readFileSync(new URL('../scripts/serve.mjs', import.meta.url), 'utf8');
    const m = /const csp =\s*"([^"]+)"/.exec(serve);
    expect(m?.[1]?.replace("connect-src 'self' http: https:;", "connect-src 'self';")).toBe(
      CONTENT_SECURITY_POLICY,
    );
  });

  it('connects to its own origin only: sync and the voting hub go through main', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/connect-src 'self';/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/http:|https:|ws:|wss:|\*/);
  });

  it("keeps the page's meta CSP no looser than browser mode's header (both are enforced)", () => {
    const html = readFileSync(new URL('../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toMatch(/connect-src 'self' http: https:;/);
    expect(meta).not.toMatch(/ws:|wss:|\*/);
    expect(meta).toMatch(/script-src 'self';/);
  });

  it('has a CSP without unsafe script sources', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self';/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/object-src 'none'/);
  });
});

describe('projector', () => {
  it('builds the projector route on the app origin', () => {
    const id = '1b4e28ba-2fa1-4d2b-883f-0016d3cca427';
    const url = projectorUrl(id);
    expect(url).toBe(`app://triada/index.html#/projector/${id}`);
    expect(isAppUrl(url)).toBe(true);
  });
  it('picks the first non-primary display, or none', () => {
    const d = (id: number, x: number) => ({ id, bounds: { x, y: 0, width: 1920, height: 1080 } });
    expect(pickProjectorDisplay([d(1, 0)], 1)).toBeNull();
    expect(pickProjectorDisplay([], 1)).toBeNull();
    expect(pickProjectorDisplay([d(1, 0), d(2, 1920), d(3, 3840)], 1)?.id).toBe(2);
    expect(pickProjectorDisplay([d(2, -1920), d(1, 0)], 1)?.id).toBe(2);
  });
});

describe('isPermissionAllowed', () => {
  it('allows persistent storage for the app origin only and nothing else', () => {
    expect(isPermissionAllowed('persistent-storage', 'app://triada/index.html')).toBe(true);
    expect(isPermissionAllowed('persistent-storage', 'app://triada')).toBe(true);
    expect(isPermissionAllowed('persistent-storage', 'https://evil.example/')).toBe(false);
    expect(isPermissionAllowed('persistent-storage', 'app://triada.evil/')).toBe(false);
    for (const p of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      expect(isPermissionAllowed(p, 'app://triada/index.html')).toBe(false);
    }
  });
});
