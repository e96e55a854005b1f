// A tablet (fake-indexeddb) signed in to a real server through the client's own HTTP code, and
// synced once: what the tests that sync against a listening server start from.
import { freshDb } from './helpers';
import { ensureDeviceId, setMeta } from '../../src/client/db/meta';
import { setCurrentPerson } from '../../src/client/db/keyring/keyring';
import { api } from '../../src/client/sync/http';
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
