// Keeping each person's token honest while the tablet is online: a signed-out person's token
// is revoked on the server once her entries are sent (never before: they are sent with it), and
// the others' are refreshed about daily so a nurse who works online never meets expiry.
import type { RefreshResponse } from '../../domain/protocol';
import type { ReleveDb } from '../db/schema';
import { getMeta, setMeta, type StoredSession } from '../db/meta';
import { api, HttpError } from './http';

const REFRESH_AFTER_MS = 12 * 3_600_000;

async function update(db: ReleveDb, userId: string, next: StoredSession | null): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const sessions = { ...((await getMeta(db, 'sessions')) ?? {}) };
    if (next) sessions[userId] = next;
    else delete sessions[userId];
    await setMeta(db, 'sessions', sessions);
  });
}

/** Revokes the tokens of people who signed out and have nothing left to send. */
export async function revokeSignedOut(db: ReleveDb): Promise<number> {
  const sessions = (await getMeta(db, 'sessions')) ?? {};
  let revoked = 0;
  for (const [userId, s] of Object.entries(sessions)) {
    if (!s.signedOut) continue;
    const waiting = await db.outbox.where('authorId').equals(userId).filter((r) => r.state === 'pending').count();
    if (waiting > 0) continue;
    try {
      await api('/api/auth/logout', { token: s.token, body: {} });
    } catch (err) {
      // Already dead on the server (expired, revoked): forgetting it is all that is left to do.
      if (!(err instanceof HttpError && err.status === 401)) throw err;
    }
    await update(db, userId, null);
    revoked++;
  }
  return revoked;
}

/** Refreshes every live token last issued more than REFRESH_AFTER_MS ago. */
export async function refreshTokens(db: ReleveDb, now = Date.now()): Promise<void> {
  const sessions = (await getMeta(db, 'sessions')) ?? {};
  for (const [userId, s] of Object.entries(sessions)) {
    if (s.expired || s.signedOut || Date.parse(s.expiresAt) <= now) continue;
    if (s.refreshedAt && now - Date.parse(s.refreshedAt) < REFRESH_AFTER_MS) continue;
    try {
      const res = await api<RefreshResponse>('/api/auth/refresh', { token: s.token, body: {} });
      await update(db, userId, { ...s, token: res.token, expiresAt: res.expiresAt, refreshedAt: new Date(now).toISOString() });
    } catch (err) {
      if (err instanceof HttpError && err.status === 401 && err.body?.error !== 'device_revoked') await update(db, userId, { ...s, expired: true });
      else throw err;
    }
  }
}
