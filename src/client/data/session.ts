// Signing in on a shared tablet. Online, the server checks the password and the keyring
// (db/keyring) enrols her here, so she can sign in again OFFLINE later; offline, the keyring
// alone checks it by opening the tablet's data key. Each person's token is kept so her own
// entries can be sent later, even after someone else has signed in on the same tablet.
import { useLiveQuery } from 'dexie-react-hooks';
import type { LoginResponse, SessionUser } from '../../domain/protocol';
import { db } from '../db/schema';
import { wipeTablet } from '../db/wipe';
import { ensureDeviceId, getMeta, setMeta } from '../db/meta';
import { keyringDb } from '../db/keyring/keyring-db';
import {
  currentPerson, enrolOnline, KeyringError, normalizeUsername, personView, setCurrentPerson, unlockWithPassword, unlockWithPin, type KeyringErrorCode, type Unlocked,
} from '../db/keyring/keyring';
import { api, HttpError, OfflineError } from '../sync/http';
import { requestSync } from '../sync/request';
import { openWith, useUnlocked } from './lock-state';
import { sharedLiveQuery } from './shared-live-query';
import { requestPersistentStorage } from './storage';
import { adoptUnattributedDrafts } from '../db/draft-keys';
import { writerId } from '../db/writer';

export type { SessionUser };

export type LoginErrorCode =
  | 'invalid_credentials' | 'device_revoked' | 'too_many_attempts' | 'offline' | 'server' | KeyringErrorCode;

export class LoginError extends Error {
  constructor(
    readonly code: LoginErrorCode,
    /** Tries left on this tablet, for a wrong password or PIN typed offline. */
    readonly remaining?: number,
  ) {
    super(code);
    this.name = 'LoginError';
  }
}

export function asLoginError(err: unknown): LoginError {
  if (err instanceof LoginError) return err;
  if (err instanceof KeyringError) return new LoginError(err.code, err.remaining);
  if (err instanceof OfflineError) return new LoginError('offline');
  if (err instanceof HttpError && err.body?.error === 'device_revoked') return new LoginError('device_revoked');
  if (err instanceof HttpError && err.status === 429) return new LoginError('too_many_attempts');
  if (err instanceof HttpError && (err.status === 401 || err.status === 400)) return new LoginError('invalid_credentials');
  return new LoginError('server');
}

export interface SignedIn {
  user: SessionUser;
  /** False when someone else used the tablet last: they must not land on that person's page. */
  samePersonAsBefore: boolean;
  /** True when the server was not reached: her password was checked by the tablet. */
  offline: boolean;
}

async function askServer(username: string, password: string): Promise<LoginResponse | null> {
  const d = db();
  const deviceId = await ensureDeviceId(d);
  const deviceKey = await getMeta(d, 'deviceKey');
  try {
    return await api<LoginResponse>('/api/auth/login', { body: { username, password, deviceId, ...(deviceKey ? { deviceKey } : {}) } });
  } catch (err) {
    if (err instanceof OfflineError) return null;
    // Revoked: this first contact since is when the tablet wipes itself (db/wipe.ts).
    if (err instanceof HttpError && err.body?.error === 'device_revoked') await wipeTablet(d);
    throw asLoginError(err);
  }
}

/** Opens the tablet for her and makes her the one writing; returns who was here before. */
async function begin(unlocked: Unlocked, res: LoginResponse | null): Promise<string | null> {
  const d = db();
  const userId = unlocked.user.id;
  // She is the writer before the tablet opens: no screen may read drafts as the one before her.
  await setCurrentPerson(keyringDb(), userId);
  await openWith(unlocked.dataKey);
  const previous = await d.transaction('rw', d.meta, async () => {
    const sessions = (await getMeta(d, 'sessions')) ?? {};
    const kept = sessions[userId];
    if (res) sessions[userId] = { token: res.token, user: res.user, expiresAt: res.expiresAt, refreshedAt: new Date().toISOString() };
    // Signed out offline, back before the tablet reached the server: her token is hers again.
    else if (kept?.signedOut) sessions[userId] = { ...kept, signedOut: false };
    const last = (await getMeta(d, 'lastUserId')) ?? null;
    await setMeta(d, 'sessions', sessions);
    if (res?.deviceKey) await setMeta(d, 'deviceKey', res.deviceKey);
    await setMeta(d, 'lastUserId', userId);
    return last;
  });
  await adoptUnattributedDrafts(d, previous ?? userId);
  return previous;
}

/** A provisional account (enrolled offline here) has no account on the server to ask. */
async function isProvisional(username: string): Promise<boolean> {
  const p = await keyringDb().people.where('username').equals(normalizeUsername(username)).first();
  return !!p?.user.enrolledBy;
}

export async function login(username: string, password: string): Promise<SignedIn> {
  const k = keyringDb();
  const res = (await isProvisional(username)) ? null : await askServer(username, password);
  let unlocked: Unlocked;
  try {
    unlocked = res
      ? await enrolOnline(k, { username, password, user: res.user, deviceSecret: res.deviceSecret })
      : await unlockWithPassword(k, username, password);
  } catch (err) {
    throw asLoginError(err);
  }
  const previous = await begin(unlocked, res);
  if (res) requestSync(db());
  // Weeks of unsent entries depend on the browser keeping its storage: ask at sign-in (a no-op
  // once granted); the ward board shows a red notice while it is refused.
  void requestPersistentStorage().catch(() => undefined);
  return { user: unlocked.user, samePersonAsBefore: previous === unlocked.user.id, offline: !res };
}

/** Offline or online alike, a person enrolled here with a PIN signs in with it: no server involved. */
export async function loginWithPin(username: string, pin: string): Promise<SignedIn> {
  const k = keyringDb();
  let unlocked: Unlocked;
  try {
    const p = await k.people.where('username').equals(normalizeUsername(username)).first();
    if (!p) throw new LoginError('not_enrolled');
    unlocked = await unlockWithPin(k, p.userId, pin);
  } catch (err) {
    throw asLoginError(err);
  }
  const previous = await begin(unlocked, null);
  requestSync(db());
  return { user: unlocked.user, samePersonAsBefore: previous === unlocked.user.id, offline: true };
}

/** The person whose session is open on the tablet, and whether it is open or locked. */
export interface SessionState {
  user: SessionUser | null;
  loading: boolean;
  /** Someone's session is open but the tablet is locked: the lock screen, not the app. */
  locked: boolean;
  /** Whether she has a PIN here (the lock screen offers it). */
  hasPin: boolean;
}

/** Whose session is open: read once for every screen (the header, the guards, the ward's hooks). */
const openSession = sharedLiveQuery(async () => {
  const k = keyringDb();
  return k.transaction('r', k.state, k.people, async () => {
    const id = await currentPerson(k);
    return id ? await personView(k, id) : null;
  });
});

/** For first-screen.ts: the session's first answer, its query kept open until `release`. */
export async function holdSession(): Promise<{ user: SessionUser | null; release: () => void }> {
  const held = openSession.hold();
  await held.ready;
  const answer = openSession.answer();
  return { user: answer && 'value' in answer ? (answer.value?.user ?? null) : null, release: held.release };
}

export function useSession(): SessionState {
  const unlocked = useUnlocked();
  const view = openSession.use();
  if (view === undefined || unlocked === null) return { user: null, loading: true, locked: false, hasPin: false };
  if (!view) return { user: null, loading: false, locked: false, hasPin: false };
  return { user: view.user, loading: false, locked: !unlocked, hasPin: view.hasPin };
}

/**
 * The author of what is written now: the person the header shows (db/writer.ts). Her token may
 * be gone (revoked after a sign-out): her entries then wait for her.
 */
export async function requireSessionUser(): Promise<SessionUser> {
  const k = keyringDb();
  const id = await writerId(db());
  if (!id) throw new Error('not signed in');
  const own = ((await getMeta(db(), 'sessions')) ?? {})[id];
  if (own) return own.user;
  const view = await personView(k, id);
  if (!view) throw new Error('not signed in');
  return view.user;
}

export function useDeviceId(): string | undefined {
  return useLiveQuery(() => getMeta(db(), 'deviceId'), []);
}
