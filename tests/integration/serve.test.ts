// Browser mode's server (scripts/serve.mjs) started for real on a free port, serving a
// temporary folder: hostile paths get an answer, never a crash.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/guards';

const script = fileURLToPath(new URL('../../scripts/serve.mjs', import.meta.url));
let server: ChildProcess;
let base = '';
let root = '';
let stderr = '';

/** A raw GET (fetch would normalize or reject the hostile paths before sending them). */
function get(rawPath: string): Promise<{ status: number; csp?: string; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          csp: res.headers['content-security-policy'] as string | undefined,
          body,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'triada-serve-'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Triáda</title>');
  writeFileSync(path.join(root, 'app.js'), 'console.log(1)');
  server = spawn(process.execPath, [script, '--port', '0'], {
    env: { ...process.env, TRIADA_SERVE_ROOT: root },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 15_000);
    server.stdout!.on('data', (c: Buffer) => {
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(c.toString());
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    });
  });
});

afterAll(() => {
  server?.kill();
  rmSync(root, { recursive: true, force: true });
});

describe('scripts/serve.mjs', () => {
  it('answers a malformed escape with 400 and keeps serving', async () => {
    expect((await get('/%E0%A4%A')).status).toBe(400);
    expect((await get('/assets/%')).status).toBe(400);
    const index = await get('/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('Triáda');
    expect(server.exitCode).toBeNull();
    expect(stderr).toBe('');
  });

  it("serves files with Electron's CSP (connect-src widened for sync, as browser mode has no main process), and nothing outside the root", async () => {
    const js = await get('/app.js');
    expect(js.status).toBe(200);
    // Browser mode reaches the sync server directly (docs/sync.md); nothing else differs.
    expect(js.csp).toBe(
      CONTENT_SECURITY_POLICY.replace("connect-src 'self';", "connect-src 'self' http: https:;"),
    );
    // the URL parser folds %2e%2e into ".." at the root: the SPA fallback, not /etc/passwd
    const folded = await get('/%2e%2e/%2e%2e/etc/passwd');
    expect(folded.body).not.toContain('root:');
    expect(folded.body).toContain('Triáda');
    expect((await get('/..%2f..%2fetc%2fpasswd')).status).toBe(403);
    expect((await get('/index.html%00.png')).status).toBe(403);
    expect((await get('/some/route')).body).toContain('Triáda'); // SPA fallback
  });
});
