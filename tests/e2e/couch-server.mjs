// A CouchDB-protocol server for end-to-end tests, run as a child process by couchServer.ts:
// express-pouchdb over memory PouchDB on 127.0.0.1, with CORS (the app runs on another port)
// and HTTP Basic auth in front of it (express-pouchdb's minimal mode has no CouchDB users;
// this answers 401 like CouchDB does). Prints the port, then serves until killed.
// Usage: node couch-server.mjs <user> <password>
import { createServer } from 'node:http';
import PouchCore from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import expressPouchDB from 'express-pouchdb';

const PouchDB = PouchCore.plugin(memory).plugin(http).plugin(replication);

const [username, password] = process.argv.slice(2);
const app = expressPouchDB(PouchDB.defaults({ adapter: 'memory' }), {
  mode: 'minimumForPouchDB',
  inMemoryConfig: true,
  logPath: '/dev/null',
});
const expected = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
const server = createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Allow-Headers', 'Accept, Authorization, Content-Type, Origin');
  res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, HEAD, DELETE');
  if (req.method === 'OPTIONS') {
    res.writeHead(204);
    res.end();
    return;
  }
  if (req.headers.authorization !== expected) {
    res.writeHead(401, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error: 'unauthorized', reason: 'Name or password is incorrect.' }));
    return;
  }
  app(req, res);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
