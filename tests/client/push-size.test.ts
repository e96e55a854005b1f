// Push sizes against the real server over HTTP: batches cut by bytes, an entry too large for any
// push set aside on the tablet, and a 413 or a reset from a proxy in front (nginx refuses bodies
// over 1 MB by default) halving the batch until the entry it cannot take is alone.
import { createServer, request, type Server } from 'node:http';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { syncedTablet } from './server-tablet';
import { testApp, closeAll } from '../server/helpers';
import type { Store } from '../../src/server/store/open-store';
import { getMeta } from '../../src/client/db/meta';
import { appendEntry } from '../../src/client/db/append';
import { api, setApiBase } from '../../src/client/sync/http';
import { pushOutbox } from '../../src/client/sync/push';
import { ENTRY_TOO_LARGE, MAX_BODY_BYTES, MAX_PUSH_BYTES, type LoginResponse } from '../../src/domain/protocol';

let app: FastifyInstance;
let store: Store;
let serverUrl: string;

beforeAll(async () => {
  ({ app, store } = await testApp());
  serverUrl = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  setApiBase('');
  await closeAll(app, store);
});

/** A reverse proxy that refuses bodies over 1 MB, with an HTML 413 page or by cutting the connection. */
async function proxy(refuse: '413' | 'reset'): Promise<{ url: string; server: Server; refused: number[] }> {
  const refused: number[] = [];
  const target = new URL(serverUrl);
  const server = createServer((req, res) => {
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > 1024 * 1024) {
      refused.push(length);
      if (refuse === 'reset') return req.socket.destroy();
      res.writeHead(413, { 'content-type': 'text/html', connection: 'close' });
      return res.end('<html><body><h1>413 Request Entity Too Large</h1></body></html>');
    }
    const up = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    req.pipe(up);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server, refused };
}

async function tabletWithNotes(n: number) {
  const { db, author, patient } = await syncedTablet();
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const body = { target: 'Douleur', data: `EVA ${i}/10`, actions: 'Paracétamol 1 g', results: 'EVA 2/10' };
    ids.push((await appendEntry(db, { docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId: patient.docId, body }, author)).entry.id);
  }
  /** As if an older version had let a huge form be saved (the push is what is tested). */
  const inflate = (id: string, bytes: number) => db.entries.update(id, { body: { target: 'Douleur', data: 'x'.repeat(bytes), actions: '', results: '' } });
  return { db, ids, inflate };
}

describe('push sizes, through the real server', () => {
  it('answers a body over its limit with a readable 413, over a real socket', async () => {
    const deviceId = 'tablet-413';
    const login = await api<LoginResponse>('/api/auth/login', { base: serverUrl, body: { username: 'demo-nurse', password: 'demo', deviceId } });
    const res = await fetch(`${serverUrl}/api/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${login.token}` },
      body: JSON.stringify({ deviceId, entries: ['x'.repeat(MAX_BODY_BYTES)] }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: 'payload_too_large', details: expect.stringContaining(String(MAX_BODY_BYTES)) });
  });

  it('holds an entry larger than any push as too large, tells its author, and sends the others', async () => {
    setApiBase(serverUrl);
    const t = await tabletWithNotes(3);
    await t.inflate(t.ids[1]!, MAX_PUSH_BYTES + 10);
    const summary = await pushOutbox(t.db);
    expect(summary).toMatchObject({ accepted: 2, rejected: 1 });
    expect(await t.db.outbox.get(t.ids[0]!)).toBeUndefined();
    expect(await t.db.outbox.get(t.ids[2]!)).toBeUndefined();
    expect(await t.db.outbox.get(t.ids[1]!)).toMatchObject({ state: 'rejected', reason: ENTRY_TOO_LARGE });
    expect(await t.db.entries.get(t.ids[1]!)).toBeDefined();
  });

  it('cuts batches by bytes: two 3 MB entries never travel together', async () => {
    setApiBase(serverUrl);
    const t = await tabletWithNotes(2);
    for (const id of t.ids) await t.inflate(id, 3 * 1024 * 1024);
    const p = await proxy('413');
    setApiBase(p.url);
    const summary = await pushOutbox(t.db);
    p.server.close();
    // Each went alone (the proxy refused each by itself), so neither was ever sent in a 6 MB body.
    expect(p.refused.every((n) => n < MAX_PUSH_BYTES + 1024)).toBe(true);
    expect(p.refused).toHaveLength(2);
    expect(summary.rejected).toBe(2);
  });

  for (const refuse of ['413', 'reset'] as const) {
    it(`halves the batch on a ${refuse} from a proxy until the entry it cannot take is alone`, async () => {
      setApiBase(serverUrl);
      const t = await tabletWithNotes(4);
      await t.inflate(t.ids[2]!, 1536 * 1024);
      const p = await proxy(refuse);
      setApiBase(p.url);
      const summary = await pushOutbox(t.db);
      p.server.close();
      expect(summary).toMatchObject({ accepted: 3, rejected: 1 });
      expect(await t.db.outbox.get(t.ids[2]!)).toMatchObject({ state: 'rejected', reason: ENTRY_TOO_LARGE });
      for (const i of [0, 1, 3]) expect(await t.db.outbox.get(t.ids[i]!)).toBeUndefined();
      // All four, then the half holding it, then it alone.
      expect(p.refused).toHaveLength(3);
    });
  }

  it('keeps the batch whole when the network itself is gone (no halving, no entry set aside)', async () => {
    setApiBase(serverUrl);
    const t = await tabletWithNotes(2);
    setApiBase('http://127.0.0.1:9');
    await expect(pushOutbox(t.db)).rejects.toThrow(/unreachable/);
    expect(await t.db.outbox.where('state').equals('pending').count()).toBe(2);
    expect(await getMeta(t.db, 'deviceId')).toBeDefined();
  });
});
