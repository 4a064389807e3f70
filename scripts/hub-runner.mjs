// Browser mode's voting hub (issue 13): scripts/serve.mjs starts the hub process beside the
// static server and proxies the app's admin WebSocket on its OWN origin (/hub/admin), so the
// renderer's CSP keeps connect-src 'self'. The per-start secret never leaves this process:
// the proxy checks that the upgrade comes from the app's origin, then connects to the hub's
// loopback admin face with the secret. A hub that dies is started again on its journal.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WebSocket, WebSocketServer } from 'ws';
import { buildHub } from './build-electron.mjs';

// Must match shared/hub/protocol.ts (ADMIN_PROXY_PATH, ADMIN_WS_PATH, ADMIN_SECRET_HEADER).
export const ADMIN_PROXY_PATH = '/hub/admin';
const ADMIN_WS_PATH = '/admin';
const ADMIN_SECRET_HEADER = 'x-triada-hub-secret';
const MAX_ADMIN_MESSAGE_BYTES = 1024 * 1024;

/**
 * Builds and starts the hub; returns { upgrade(req, socket, head) → boolean, stop() }.
 * `origins()` lists the origins allowed to use the admin face (the app's own).
 */
export async function startHubBeside({ origins, dataDir }) {
  const buildDir = mkdtempSync(path.join(tmpdir(), 'triada-hub-build-'));
  const ownData = dataDir ?? mkdtempSync(path.join(tmpdir(), 'triada-hub-data-'));
  const bundle = await buildHub(path.join(buildDir, 'hub.cjs'));
  let child = null;
  let ready = null;
  let stopping = false;
  let waiters = [];

  function launch() {
    ready = null;
    // Browser mode is for testing and trying out: 127.0.0.1 is offered as a "network" too,
    // so emulated phones on this computer can vote (the e2e tests do).
    child = fork(bundle, ['--data-dir', ownData, '--allow-loopback'], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    child.on('message', (m) => {
      if (m && m.t === 'hub-ready') {
        ready = { port: m.adminPort, secret: m.secret };
        for (const w of waiters.splice(0)) w(ready);
      }
    });
    child.on('exit', () => {
      if (!stopping) setTimeout(launch, 500);
    });
  }
  launch();

  const whenReady = () => (ready ? Promise.resolve(ready) : new Promise((r) => waiters.push(r)));
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_ADMIN_MESSAGE_BYTES });

  function relay(client) {
    const queue = [];
    let upstream = null;
    client.on('message', (data, isBinary) => {
      if (isBinary) return;
      if (upstream?.readyState === WebSocket.OPEN) upstream.send(data.toString());
      else queue.push(data.toString());
    });
    client.on('close', () => upstream?.close());
    client.on('error', () => client.terminate());
    void whenReady().then(({ port, secret }) => {
      if (client.readyState !== WebSocket.OPEN) return;
      upstream = new WebSocket(`ws://127.0.0.1:${port}${ADMIN_WS_PATH}`, {
        headers: { [ADMIN_SECRET_HEADER]: secret },
        maxPayload: MAX_ADMIN_MESSAGE_BYTES,
      });
      upstream.on('open', () => {
        for (const text of queue.splice(0)) upstream.send(text);
      });
      upstream.on('message', (data) => {
        if (client.readyState === WebSocket.OPEN) client.send(data.toString());
      });
      // The hub went away (restart): the app's client reconnects and says hello again.
      upstream.on('close', () => client.close());
      upstream.on('error', () => client.close());
    });
  }

  return {
    /** Handles an upgrade on the static server; false when it is not ours. */
    upgrade(req, socket, head) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname !== ADMIN_PROXY_PATH) return false;
      // A browser always sends Origin on a WebSocket: only the app's own page may connect.
      if (!origins().includes(req.headers.origin ?? '')) {
        socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return true;
      }
      wss.handleUpgrade(req, socket, head, relay);
      return true;
    },
    /** For tests: the hub process id. */
    pid: () => child?.pid,
    stop() {
      stopping = true;
      child?.kill('SIGTERM');
      rmSync(buildDir, { recursive: true, force: true });
      if (!dataDir) rmSync(ownData, { recursive: true, force: true });
    },
  };
}
