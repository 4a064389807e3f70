// The hub process: Electron's utilityProcess (main.ts → host.ts) or a plain `node` child in
// browser mode (scripts/serve.mjs). Arguments: --data-dir <folder> [--allow-loopback].
// It tells its parent the admin port and the per-start secret in one message (HubReadyMessage):
// over parentPort (utilityProcess), the IPC channel (node child), or one JSON line on stdout.
import { startHub } from './server';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

interface ParentPort {
  postMessage(message: unknown): void;
}

const dataDir = arg('--data-dir');
if (!dataDir) {
  console.error('voting hub: --data-dir is required');
  process.exit(2);
}

startHub({ dataDir, allowLoopback: process.argv.includes('--allow-loopback') })
  .then((hub) => {
    const ready = { t: 'hub-ready', adminPort: hub.adminPort, secret: hub.secret };
    const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
    if (parentPort) parentPort.postMessage(ready);
    else if (process.send) process.send(ready);
    else process.stdout.write(`${JSON.stringify(ready)}\n`);
    const stop = () => void hub.close().finally(() => process.exit(0));
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    // The parent went away (node child with IPC): do not linger.
    process.on('disconnect', stop);
  })
  .catch((e: unknown) => {
    console.error('voting hub failed to start', e);
    process.exit(1);
  });
