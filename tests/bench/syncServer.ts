// A CouchDB-protocol server for the sync bench: express-pouchdb over in-memory PouchDB on
// 127.0.0.1 (as tests/integration/sync/helpers.ts), answering CORS for the app's page, which is
// served from another port (PouchDB's HTTP adapter sends credentials: the origin is echoed).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import expressPouchDB from 'express-pouchdb';

interface PouchCtor {
  plugin(p: unknown): PouchCtor;
  defaults(o: object): PouchCtor;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface BenchCouch {
  url: string;
  close(): Promise<void>;
}

export async function startCouch(allowedOrigin: string): Promise<BenchCouch> {
  const MemPouch = (PouchDB as unknown as PouchCtor)
    .plugin(memory)
    .plugin(http)
    .plugin(replication)
    .defaults({ adapter: 'memory' });
  const app = (expressPouchDB as (p: unknown, o: object) => Handler)(MemPouch, {
    mode: 'minimumForPouchDB',
    inMemoryConfig: true,
    logPath: '/dev/null',
  });
  const origin = new URL(allowedOrigin).origin;
  const server = createServer((req, res) => {
    if (req.headers.origin === origin) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Vary', 'Origin');
      if (req.method === 'OPTIONS') {
        res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, DELETE, HEAD, OPTIONS');
        res.setHeader(
          'Access-Control-Allow-Headers',
          req.headers['access-control-request-headers'] ?? 'Content-Type, Accept, Authorization',
        );
        res.setHeader('Access-Control-Max-Age', '600');
        res.writeHead(204).end();
        return;
      }
    }
    app(req, res);
  });
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
