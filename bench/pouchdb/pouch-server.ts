// The PouchDB side's HTTP target, in its own process as the app's server is: express-pouchdb
// (the CouchDB HTTP API of pouchdb-server 4.2.0) over pouchdb-node 9 on LevelDB, in a fresh
// directory, on loopback. Prints its URL on the first line of stdout.
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PouchDB from 'pouchdb-node';
import expressPouchDB from 'express-pouchdb';

const dir = mkdtempSync(join(tmpdir(), 'releve-bench-pouchdb-'));
const app = expressPouchDB(PouchDB.defaults({ prefix: `${dir}/` }), { mode: 'minimumForPouchDB', inMemoryConfig: true });
const server = createServer(app);
server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  console.log(`http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
