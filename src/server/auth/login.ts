// Login: username + password + the device's own id -> a token bound to that user and device.
import type { LoginRequest, LoginResponse } from '../../domain/protocol';
import type { Store } from '../store/open-store';
import { isDeviceRevoked, touchDevice } from '../store/devices';
import { insertToken } from '../store/tokens';
import { findUserByUsername, loadSessionUser } from '../store/users';
import { burnPasswordCheck, verifyPassword } from './password';
import { hashToken, newToken } from './token';

export type LoginOutcome =
  | { ok: true; response: LoginResponse }
  | { ok: false; error: 'invalid_credentials' | 'device_revoked' };

export async function logIn(
  store: Store,
  req: LoginRequest,
  opts: { now: Date; tokenTtlHours: number },
): Promise<LoginOutcome> {
  const row = await findUserByUsername(store.db, req.username);
  if (!row) {
    await burnPasswordCheck(req.password);
    return { ok: false, error: 'invalid_credentials' };
  }
  if (!(await verifyPassword(req.password, row.password_hash))) return { ok: false, error: 'invalid_credentials' };
  if (await isDeviceRevoked(store.db, req.deviceId)) return { ok: false, error: 'device_revoked' };

  const user = await loadSessionUser(store.db, row.id);
  if (!user) return { ok: false, error: 'invalid_credentials' };
  const token = newToken();
  const expiresAt = new Date(opts.now.getTime() + opts.tokenTtlHours * 3_600_000);
  await store.db.transaction().execute(async (trx) => {
    await touchDevice(trx, req.deviceId, opts.now);
    await insertToken(trx, { tokenHash: hashToken(token), userId: user.id, deviceId: req.deviceId, createdAt: opts.now, expiresAt });
  });
  return { ok: true, response: { token, user, expiresAt: expiresAt.toISOString() } };
}
