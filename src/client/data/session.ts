// Signing in needs the network once; after that the session lives on the tablet and keeps
// working offline. Each person's token is kept so their own entries can be sent later, even
// after someone else has signed in on the same shared tablet.
import { useLiveQuery } from 'dexie-react-hooks';
import type { LoginResponse, SessionUser } from '../../domain/protocol';
import { db } from '../db/schema';
import { ensureDeviceId, currentSession, getMeta, setMeta } from '../db/meta';
import { api, HttpError, OfflineError } from '../sync/http';
import { requestSync } from '../sync/loop';

export type { SessionUser };

export type LoginErrorCode = 'invalid_credentials' | 'device_revoked' | 'too_many_attempts' | 'offline' | 'server';

export class LoginError extends Error {
  constructor(readonly code: LoginErrorCode) {
    super(code);
    this.name = 'LoginError';
  }
}

export interface SignedIn {
  user: SessionUser;
  /** False when someone else used the tablet last: they must not land on that person's page. */
  samePersonAsBefore: boolean;
}

export async function login(username: string, password: string): Promise<SignedIn> {
  const d = db();
  const deviceId = await ensureDeviceId(d);
  let res: LoginResponse;
  try {
    const deviceKey = await getMeta(d, 'deviceKey');
    res = await api<LoginResponse>('/api/auth/login', { body: { username, password, deviceId, ...(deviceKey ? { deviceKey } : {}) } });
  } catch (err) {
    if (err instanceof OfflineError) throw new LoginError('offline');
    if (err instanceof HttpError && err.body?.error === 'device_revoked') throw new LoginError('device_revoked');
    if (err instanceof HttpError && err.status === 429) throw new LoginError('too_many_attempts');
    if (err instanceof HttpError && (err.status === 401 || err.status === 400)) throw new LoginError('invalid_credentials');
    throw new LoginError('server');
  }
  const previous = await d.transaction('rw', d.meta, async () => {
    const sessions = (await getMeta(d, 'sessions')) ?? {};
    sessions[res.user.id] = { token: res.token, user: res.user, expiresAt: res.expiresAt };
    const last = (await getMeta(d, 'lastUserId')) ?? null;
    await setMeta(d, 'sessions', sessions);
    if (res.deviceKey) await setMeta(d, 'deviceKey', res.deviceKey);
    await setMeta(d, 'currentUserId', res.user.id);
    await setMeta(d, 'lastUserId', res.user.id);
    return last;
  });
  requestSync(d);
  return { user: res.user, samePersonAsBefore: previous === res.user.id };
}

/** Signs out of the screens. The token stays so entries still waiting can be sent. */
export async function logout(): Promise<void> {
  await setMeta(db(), 'currentUserId', null);
}

export function useSession(): { user: SessionUser | null; loading: boolean } {
  const session = useLiveQuery(() => currentSession(db()), [], undefined);
  return session === undefined ? { user: null, loading: true } : { user: session?.user ?? null, loading: false };
}

export async function requireSessionUser(): Promise<SessionUser> {
  const s = await currentSession(db());
  if (!s) throw new Error('not signed in');
  return s.user;
}

export function useDeviceId(): string | undefined {
  return useLiveQuery(() => getMeta(db(), 'deviceId'), []);
}
