// Login: username + password + the device's own id -> a token bound to that user and device.
import type { LoginRequest, LoginResponse } from '../../domain/protocol';
import type { Store } from '../store/open-store';
import { claimDevice } from '../store/device-keys';
import { deviceWrapSecret } from '../store/device-secret';
import { isDeviceRevoked, touchDevice } from '../store/devices';
import { insertToken } from '../store/tokens';
import { findUserByUsername, loadSessionUser } from '../store/users';
import { burnPasswordCheck, verifyPassword } from './password';
import { hashToken, newToken } from './token';

type LoginFailure = 'invalid_credentials' | 'device_revoked' | 'device_taken' | 'account_disabled';

export type LoginOutcome = { ok: true; response: LoginResponse } | { ok: false; error: LoginFailure; userId?: string };

export async function logIn(
  store: Store,
  req: LoginRequest,
  opts: { now: Date; tokenTtlHours: number; bindDevices?: boolean },
): Promise<LoginOutcome> {
  const row = await findUserByUsername(store.db, req.username);
  if (!row) {
    await burnPasswordCheck(req.password);
    return { ok: false, error: 'invalid_credentials' };
  }
  if (!(await verifyPassword(req.password, row.password_hash))) return { ok: false, error: 'invalid_credentials', userId: row.id };
  // Told apart from a wrong password only after the right one: a guess learns nothing.
  if (row.disabled_at) return { ok: false, error: 'account_disabled', userId: row.id };
  if (await isDeviceRevoked(store.db, req.deviceId)) return { ok: false, error: 'device_revoked', userId: row.id };

  const user = await loadSessionUser(store.db, row.id);
  if (!user) return { ok: false, error: 'invalid_credentials' };
  const token = newToken();
  const expiresAt = new Date(opts.now.getTime() + opts.tokenTtlHours * 3_600_000);
  const claim = await store.db.transaction().execute(async (trx) => {
    await touchDevice(trx, req.deviceId, opts.now);
    const c = opts.bindDevices === false ? { ok: true as const } : await claimDevice(trx, req.deviceId, req.deviceKey, user.id);
    if (!c.ok) return { ...c, secret: '' };
    await insertToken(trx, { tokenHash: hashToken(token), userId: user.id, deviceId: req.deviceId, createdAt: opts.now, expiresAt });
    return { ...c, secret: await deviceWrapSecret(trx, req.deviceId) };
  });
  if (!claim.ok) return { ok: false, error: 'device_taken', userId: row.id };
  const response: LoginResponse = { token, user, expiresAt: expiresAt.toISOString(), deviceSecret: claim.secret };
  if (claim.newKey) response.deviceKey = claim.newKey;
  return { ok: true, response };
}
