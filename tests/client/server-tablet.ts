// A tablet (fake-indexeddb) signed in to a real server through the client's own HTTP code, and
// synced once: what the tests that sync against a listening server start from.
import { beforeAll, afterAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { freshDb } from './helpers';
import { testApp, closeAll } from '../server/helpers';
import type { Store } from '../../src/server/store/open-store';
import { ensureDeviceId, setMeta } from '../../src/client/db/meta';
import { setCurrentPerson } from '../../src/client/db/keyring/keyring';
import { api, setApiBase } from '../../src/client/sync/http';
import { syncOnce } from '../../src/client/sync/loop';
import type { Author } from '../../src/domain/entry';
import type { LoginResponse } from '../../src/domain/protocol';

export async function syncedTablet(username = 'demo-nurse') {
  const db = freshDb();
  const deviceId = await ensureDeviceId(db);
  const res = await api<LoginResponse>('/api/auth/login', { body: { username, password: 'demo', deviceId } });
  await setMeta(db, 'sessions', { [res.user.id]: { token: res.token, user: res.user, expiresAt: res.expiresAt } });
  await setCurrentPerson(db.keyring, res.user.id);
  await syncOnce(db);
  const patient = (await db.docs.where('[docType+scope]').equals(['patient', 'unit:MED']).first())!;
  const author: Author = { userId: res.user.id, name: res.user.name, role: res.user.role };
  return { db, author, patient };
}

/**
 * A server on a free port for the whole file, the client's HTTP code pointed at it. Read
 * `app` and `store` inside tests (they exist once beforeAll has run).
 */
export function listeningServer(): { readonly app: FastifyInstance; readonly store: Store } {
  let running: { app: FastifyInstance; store: Store } | null = null;
  beforeAll(async () => {
    running = await testApp();
    setApiBase(await running.app.listen({ port: 0, host: '127.0.0.1' }));
  });
  afterAll(async () => {
    setApiBase('');
    if (running) await closeAll(running.app, running.store);
  });
  const get = () => {
    if (!running) throw new Error('the server is started in beforeAll');
    return running;
  };
  return { get app() { return get().app; }, get store() { return get().store; } };
}
