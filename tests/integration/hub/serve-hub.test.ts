// Browser mode: scripts/serve.mjs starts the voting hub and proxies the app's admin WebSocket
// on its own origin (CSP connect-src 'self' stays); the secret never reaches the page.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PROXY_PATH, type HubToAdmin } from '../../../shared/hub/protocol';
import { once } from './harness';

const script = fileURLToPath(new URL('../../../scripts/serve.mjs', import.meta.url));
let server: ChildProcess;
let root = '';
let origin = '';

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'triada-serve-hub-'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Triáda</title>');
  server = spawn(process.execPath, [script, '--port', '0'], {
    env: { ...process.env, TRIADA_SERVE_ROOT: root },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('serve.mjs did not start')), 30_000);
    server.stdout!.on('data', (c: Buffer) => {
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(c.toString());
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    });
  });
});

afterAll(() => {
  server?.kill('SIGTERM');
  rmSync(root, { recursive: true, force: true });
});

function open(headers: Record<string, string>): WebSocket {
  return new WebSocket(`${origin.replace('http', 'ws')}${ADMIN_PROXY_PATH}`, { headers });
}

describe('browser mode hub', () => {
  it('lets the app page (same origin) use the admin face without knowing the secret', async () => {
    const ws = open({ Origin: origin });
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ t: 'hello', owner: true }));
    ws.send(JSON.stringify({ t: 'req', id: 1, op: 'interfaces' }));
    const res = await once<HubToAdmin>(ws, (m) => m.t === 'res', 15_000);
    expect(res).toMatchObject({ t: 'res', id: 1, ok: true });
    expect((res as { value: { address: string }[] }).value.map((i) => i.address)).toContain(
      '127.0.0.1',
    );
    ws.close();
  });

  it('refuses another origin (a web page in the same browser) and unknown upgrade paths', async () => {
    for (const headers of [{ Origin: 'http://evil.example' }, {}] as Record<string, string>[]) {
      const ws = open(headers);
      const status = await new Promise<number>((resolve) =>
        ws.on('unexpected-response', (_q, r) => resolve(r.statusCode ?? 0)),
      );
      expect(status).toBe(403);
    }
    const other = new WebSocket(`${origin.replace('http', 'ws')}/elsewhere`, {
      headers: { Origin: origin },
    });
    await new Promise((resolve) => other.on('error', resolve));
  });
});
