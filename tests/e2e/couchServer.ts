// Starts tests/e2e/couch-server.mjs (a CouchDB-protocol server on 127.0.0.1) for a test.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export async function startCouch(auth: { username: string; password: string }) {
  const script = fileURLToPath(new URL('./couch-server.mjs', import.meta.url));
  const child = spawn(process.execPath, [script, auth.username, auth.password], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((ok, fail) => {
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`couch-server exited with ${code}`)));
    child.stdout.once('data', (d: Buffer) => ok(Number(String(d).trim())));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((ok) => {
        child.removeAllListeners('exit');
        child.once('exit', () => ok());
        child.kill();
      }),
  };
}
