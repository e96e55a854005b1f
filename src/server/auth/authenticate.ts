// The bearer check that guards every route but health and login.
import type { SessionUser } from '../../domain/protocol';
import type { Store } from '../store/open-store';
import { findToken } from '../store/tokens';
import { loadSessionUser } from '../store/users';
import { hashToken } from './token';

export interface Session {
  user: SessionUser;
  /** The device the token was issued to: pushes must come from it. */
  deviceId: string;
}

export type AuthOutcome = { ok: true; session: Session } | { ok: false; error: 'unauthorized' | 'device_revoked' };

export function bearerToken(header: string | undefined): string | null {
  const m = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header?.trim() ?? '');
  return m ? m[1]! : null;
}

export async function authenticate(store: Store, authorization: string | undefined, now: Date): Promise<AuthOutcome> {
  const token = bearerToken(authorization);
  if (!token) return { ok: false, error: 'unauthorized' };
  const rec = await findToken(store.db, hashToken(token));
  if (!rec || rec.expiresAt <= now.toISOString() || rec.userDisabled) return { ok: false, error: 'unauthorized' };
  if (rec.deviceRevoked) return { ok: false, error: 'device_revoked' };
  const user = await loadSessionUser(store.db, rec.userId);
  if (!user) return { ok: false, error: 'unauthorized' };
  return { ok: true, session: { user, deviceId: rec.deviceId } };
}
