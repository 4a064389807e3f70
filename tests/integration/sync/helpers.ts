// Test helpers for sync: app databases on fake-indexeddb, PouchDB replicas in memory, and a
// CouchDB-protocol server (express-pouchdb over memory PouchDB) on a real socket on 127.0.0.1.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import expressPouchDB from 'express-pouchdb';
import { SYNCED_TABLES } from '@shared/sync/tables';
import { AppDb } from '../../../renderer/src/db/schema';
import type { PouchLike } from '../../../renderer/src/db/sync/pouch';
import { saveUserName } from '../../../renderer/src/db/auditLog';

interface PouchCtor {
  new (name: string, options?: object): PouchLike;
  plugin(p: unknown): PouchCtor;
  defaults(o: object): PouchCtor;
}
const Pouch = (PouchDB as unknown as PouchCtor).plugin(memory).plugin(http).plugin(replication);

export const memoryPouch = (name: string): PouchLike =>
  new Pouch(`${name}-${crypto.randomUUID()}`, { adapter: 'memory' });
export const remotePouch = (url: string): PouchLike => new Pouch(url);

export interface Laptop {
  name: string;
  db: AppDb;
  pouch: PouchLike;
}

export async function laptop(name: string): Promise<Laptop> {
  const db = new AppDb(`test-sync-${name}-${crypto.randomUUID()}`);
  await db.open();
  await saveUserName(db, name);
  return { name, db, pouch: memoryPouch(name) };
}

export async function closeLaptop(l: Laptop): Promise<void> {
  await l.db.delete();
  await l.pouch.destroy();
}

/** Every synced record, by table, sorted by id. */
export async function syncedData(db: AppDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of SYNCED_TABLES) {
    const rows = (await db.table(t).toArray()) as { id: string }[];
    out[t] = rows.sort((a, b) => (a.id < b.id ? -1 : 1));
  }
  return out;
}

/** The revision trees of the replica: every leaf of every document. */
export async function revisionTrees(pouch: PouchLike): Promise<string[]> {
  const ch = await pouch.changes({ since: 0, style: 'all_docs' });
  return ch.results
    .map(
      (c) =>
        `${c.id} ${c.changes
          .map((r) => r.rev)
          .sort()
          .join(',')}`,
    )
    .sort();
}

export async function startServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const MemPouch = Pouch.defaults({ adapter: 'memory' });
  const app = (expressPouchDB as (p: unknown, o: object) => Parameters<typeof createServer>[1])(
    MemPouch,
    { mode: 'minimumForPouchDB', inMemoryConfig: true, logPath: '/dev/null' },
  );
  const server: Server = createServer(app);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
