// Lock, unlock, switch and sign out on a shared tablet. Locking only takes the data key out of
// memory: her session, token and drafts stay, and unlocking (her PIN or her password) brings
// her back to the screen she was on. Signing out ends her session on this tablet and has her
// token revoked on the server once her entries have left (sync/session-upkeep.ts).
import { db } from '../db/schema';
import { getMeta, setMeta } from '../db/meta';
import { keyringDb } from '../db/keyring/keyring-db';
import { currentPerson, setCurrentPerson, setPin, unlockWithPassword, unlockWithPin } from '../db/keyring/keyring';
import { syncOnce } from '../sync/request';
import { closeTablet, openWith } from './lock-state';

export { flushBeforeLock } from './lock-state';
import { asLoginError } from './session';

export function lockTablet(): Promise<void> {
  return closeTablet();
}

async function currentUsername(): Promise<{ userId: string; username: string }> {
  const k = keyringDb();
  const userId = await currentPerson(k);
  const p = userId ? await k.people.get(userId) : undefined;
  if (!p) throw asLoginError(new Error('no session to unlock'));
  return { userId: p.userId, username: p.username };
}

export async function unlockWithPinCode(pin: string): Promise<void> {
  try {
    const { userId } = await currentUsername();
    await openWith((await unlockWithPin(keyringDb(), userId, pin)).dataKey);
  } catch (err) {
    throw asLoginError(err);
  }
}

export async function unlockWithOwnPassword(password: string): Promise<void> {
  try {
    const { username } = await currentUsername();
    await openWith((await unlockWithPassword(keyringDb(), username, password)).dataKey);
  } catch (err) {
    throw asLoginError(err);
  }
}

/** A bounded wait: a dead uplink must not keep a nurse at the sign-out button for 30 s. */
const SIGN_OUT_SYNC_MS = 5_000;

/**
 * Ends her session here. Online, her entries are sent and her token revoked at once; offline
 * the token is marked and revoked at the next contact (her entries still go first).
 */
export async function signOut(): Promise<void> {
  const d = db();
  const k = keyringDb();
  const userId = await currentPerson(k);
  if (userId) {
    await d.transaction('rw', d.meta, async () => {
      const sessions = (await getMeta(d, 'sessions')) ?? {};
      const s = sessions[userId];
      if (s) await setMeta(d, 'sessions', { ...sessions, [userId]: { ...s, signedOut: true } });
    });
    await Promise.race([syncOnce(d), new Promise((r) => setTimeout(r, SIGN_OUT_SYNC_MS))]);
  }
  await setCurrentPerson(k, null);
  await closeTablet();
}


/** Sets her PIN on this tablet; her password is asked again, since the PIN opens the same data. */
export async function setMyPin(password: string, pin: string): Promise<void> {
  try {
    const { userId } = await currentUsername();
    await setPin(keyringDb(), userId, password, pin);
  } catch (err) {
    throw asLoginError(err);
  }
}
