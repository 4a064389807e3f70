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
import { saveUserName } from '../../../renderer/src/db/safety/auditLog';

interface PouchCtor {
  new (name: string, options?: object): PouchLike;
  plugin(p: unknown): PouchCtor;
  defaults(o: object): PouchCtor;
}
const Pouch = (PouchDB as unknown as PouchCtor).plugin(memory).plugin(http).plugin(replication);

export const memoryPouch = (name: string): PouchLike =>
  new Pouch(`${name}-${crypto.randomUUID()}`, { adapter: 'memory' });
export const remotePouch = (
  url: string,
  auth?: { username: string; password: string },
): PouchLike => new Pouch(url, auth ? { auth } : {});

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

export interface ServerOptions {
  /** Require HTTP Basic auth with this name and password (as CouchDB does for members). */
  auth?: { username: string; password: string };
  /** Answer CORS preflights and allow any origin with credentials (browser mode). */
  cors?: boolean;
  /** Listen on this port (0: any free one). */
  port?: number;
}

export interface TestServer {
  url: string;
  port: number;
  /** Requests received so far (to check that a client does not retry in a storm). */
  requests: () => number;
  /** Stops listening and drops every connection; the databases stay (in memory). */
  stop: () => Promise<void>;
  /** Listens again on the same port, with the same databases. */
  restart: () => Promise<void>;
  close: () => Promise<void>;
}

/**
 * express-pouchdb over memory PouchDB. CouchDB's own authentication (_users, sessions) is not
 * part of express-pouchdb's minimal mode: `auth` checks the Basic header in front of it and
 * answers 401 like CouchDB does for a wrong name or password.
 */
export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  const MemPouch = Pouch.defaults({ adapter: 'memory', prefix: `srv-${crypto.randomUUID()}-` });
  const app = (expressPouchDB as (p: unknown, o: object) => Parameters<typeof createServer>[1])(
    MemPouch,
    { mode: 'minimumForPouchDB', inMemoryConfig: true, logPath: '/dev/null' },
  );
  let count = 0;
  const expected = options.auth
    ? `Basic ${Buffer.from(`${options.auth.username}:${options.auth.password}`).toString('base64')}`
    : null;
  const handler: Parameters<typeof createServer>[1] = (req, res) => {
    count++;
    if (options.cors) {
      res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Allow-Headers', 'Accept, Authorization, Content-Type, Origin');
      res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, HEAD, DELETE');
      res.setHeader('Access-Control-Expose-Headers', 'ETag, Content-Type');
      if (req.method === 'OPTIONS') {
        res.writeHead(204);
        res.end();
        return;
      }
    }
    if (expected && req.headers.authorization !== expected) {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'unauthorized', reason: 'Name or password is incorrect.' }));
      return;
    }
    app!(req, res);
  };
  let server: Server = createServer(handler);
  await new Promise<void>((ok) => server.listen(options.port ?? 0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  const stop = () =>
    new Promise<void>((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests: () => count,
    stop,
    restart: async () => {
      server = createServer(handler);
      await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
    },
    close: () => (server.listening ? stop() : Promise.resolve()),
  };
}
