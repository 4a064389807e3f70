// npm start: build the renderer and the Electron bundles, then run the desktop app.
// When the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1, as on our
// machines and in CI), say so in one line and run browser mode (scripts/serve.mjs) instead.
// `npm start -- --web` asks for browser mode directly.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './build-electron.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const forceWeb = args.includes('--web');

/**
 * Path of the Electron executable, or null if it is not installed. Reads what
 * `require('electron')` would return, without its side effect: when the binary is
 * missing, `require('electron')` tries to download it.
 */
function electronBinary() {
  let pkgDir;
  try {
    pkgDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const rel = readFileSync(pathFile, 'utf8').trim();
  const exe = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, rel || 'electron')
    : join(pkgDir, 'dist', rel);
  return rel && existsSync(exe) ? exe : null;
}

function run(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function runForwardingExit(cmd, cmdArgs, env = process.env) {
  const child = spawn(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

run('npx', ['vite', 'build']);
await buildElectron();

const exe = forceWeb ? null : electronBinary();
const serveArgs = [join(root, 'scripts', 'serve.mjs'), ...args.filter((a) => a !== '--web')];
if (exe) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would start Electron as plain Node
  runForwardingExit(exe, ['.'], env);
} else {
  const portAt = args.indexOf('--port');
  const port = portAt >= 0 ? args[portAt + 1] : (process.env.PORT ?? 4173);
  console.log(
    forceWeb
      ? `Starting browser mode on http://127.0.0.1:${port}/ (--web).`
      : `Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD?) – starting browser mode on http://127.0.0.1:${port}/ instead.`,
  );
  runForwardingExit(process.execPath, serveArgs);
}
