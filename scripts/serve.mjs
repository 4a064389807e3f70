// Serves the built renderer on 127.0.0.1 (browser mode): the same bundle Electron loads
// from app://triada/, with Electron's Content-Security-Policy (electron/guards.ts) except one
// entry: connect-src also allows http: https:, because browser mode has no main process to
// carry live sync's requests to the CouchDB server (in Electron main does, and the CSP keeps
// connect-src 'self'). guards.test.ts checks that this is the only difference.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHubBeside } from './hub-runner.mjs';

// TRIADA_SERVE_ROOT lets tests serve a temporary folder instead of the build.
const root = resolve(
  process.env.TRIADA_SERVE_ROOT ?? fileURLToPath(new URL('../dist/renderer', import.meta.url)),
);
const portArg = process.argv.indexOf('--port');
const port = Number(portArg > 0 ? process.argv[portArg + 1] : (process.env.PORT ?? 4173));
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};
const csp =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self' http: https:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

try {
  statSync(join(root, 'index.html'));
} catch {
  console.error('dist/renderer is missing: run "npm run build:renderer" first.');
  process.exit(1);
}

const server = createServer((req, res) => {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    // A malformed escape such as /%E0%A4%A: refuse the request, keep serving the others.
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request');
    return;
  }
  let file = normalize(join(root, pathname));
  if ((!file.startsWith(root + sep) && file !== root) || pathname.includes('\0')) {
    res.writeHead(403).end();
    return;
  }
  try {
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
  } catch {
    file = join(root, 'index.html');
  }
  res.writeHead(200, {
    'Content-Type': types[extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
  });
  createReadStream(file)
    .on('error', () => res.end())
    .pipe(res);
});
// The voting hub beside the static server (issue 13); TRIADA_NO_HUB=1 serves files only.
const hub =
  process.env.TRIADA_NO_HUB === '1'
    ? null
    : await startHubBeside({
        origins: () => {
          const p = server.address()?.port;
          return [`http://127.0.0.1:${p}`, `http://localhost:${p}`];
        },
        dataDir: process.env.TRIADA_HUB_DIR,
      });
server.on('upgrade', (req, socket, head) => {
  if (!hub?.upgrade(req, socket, head)) socket.destroy();
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    hub?.stop();
    process.exit(0);
  });
}

server
  .on('error', (e) => {
    // One clear line instead of a stack trace for the usual case: another server on the port.
    console.error(
      e.code === 'EADDRINUSE'
        ? `Port ${port} on 127.0.0.1 is already in use: stop the other server or choose another port with PORT=4174 npm run start:web.`
        : `Triáda could not start browser mode: ${e.message}`,
    );
    hub?.stop();
    process.exit(1);
  })
  .listen(port, '127.0.0.1', () =>
    // The real port (--port 0 picks a free one, which tests use).
    console.log(`Triáda (browser mode) on http://127.0.0.1:${server.address().port}/`),
  );
