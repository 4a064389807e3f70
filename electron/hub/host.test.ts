// The Electron host's relay, with the real hub started in-process as the "utility process".
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHubHost, type HubChild } from './host';
import { startHub, type HubHandle } from './server';

const dirs: string[] = [];
const hubs: HubHandle[] = [];

afterEach(async () => {
  await Promise.all(hubs.splice(0).map((h) => h.close()));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function fakeFork(): { fork: () => HubChild; forks: () => number; crash: () => void } {
  let count = 0;
  let current: (EventEmitter & HubChild) | null = null;
  return {
    forks: () => count,
    crash: () => current?.emit('exit', 1),
    fork: () => {
      count += 1;
      const child = Object.assign(new EventEmitter(), { kill: () => true }) as EventEmitter &
        HubChild;
      current = child;
      const dir = mkdtempSync(path.join(tmpdir(), 'triada-host-'));
      dirs.push(dir);
      void startHub({ dataDir: dir, allowLoopback: true }).then((hub) => {
        hubs.push(hub);
        child.emit('message', { t: 'hub-ready', adminPort: hub.adminPort, secret: hub.secret });
      });
      return child;
    },
  };
}

function target(id: number) {
  const got: string[] = [];
  let closed = 0;
  return {
    got,
    closedCount: () => closed,
    t: { id, message: (text: string) => got.push(text), closed: () => void (closed += 1) },
  };
}

describe('Electron hub host', () => {
  it('starts the hub once on first use and relays a window’s frames both ways', async () => {
    const f = fakeFork();
    const host = createHubHost({ fork: f.fork });
    const a = target(1);
    await host.open(a.t);
    host.send(1, JSON.stringify({ t: 'hello', owner: true }));
    host.send(1, JSON.stringify({ t: 'req', id: 7, op: 'status' }));
    await expect.poll(() => a.got.some((m) => m.includes('"id":7'))).toBe(true);
    const b = target(2);
    await host.open(b.t);
    expect(f.forks()).toBe(1);
    host.stop();
  });

  it('a reload closes the old link; a crashed hub tells the windows and starts again on demand', async () => {
    const f = fakeFork();
    const host = createHubHost({ fork: f.fork });
    const a = target(1);
    await host.open(a.t);
    await host.open(a.t); // reload: same window, new link
    expect(a.closedCount()).toBe(0);
    f.crash();
    expect(a.closedCount()).toBe(1);
    await host.open(a.t);
    expect(f.forks()).toBe(2);
    host.stop();
  });
});
