// Who may open this tablet's data, offline. One random data key (db/vault/data-key.ts) encrypts
// the tablet's data; here it is wrapped once per person by a key derived from her password, once
// more from her PIN if she set one, and once by the server's device secret. Unwrapping it IS
// the check of her password or PIN. The counters are raised BEFORE each try, so pulling the
// plug during a slow derivation does not buy a free guess.
//
// Enrolment (a person's first sign-in here) is always online. The server hands every online
// sign-in on this (bound, unrevoked) tablet its device secret, so whoever signs in online can
// open the data key, even when the tablet is locked and has unsent entries of other people, and
// wrap it with her own password: unsent entries are never stranded under a key nobody holds. A
// NEW data key is made only on a tablet whose keyring is empty (first use, or just upgraded:
// the vault then encrypts the clear data it finds under it). Offline, only people already
// enrolled here can open it.
import type { SessionUser } from '../../../domain/protocol';
import { generateDataKey } from '../vault/data-key';
import { deriveWrappingKey, importDeviceKey, PASSWORD_ITERATIONS, PIN_ITERATIONS, randomSalt, unwrapDataKey, wrapDataKey, type CryptoParams } from './kdf';
import type { KeyringDb, PersonRow, WrappedKey } from './keyring-db';

export const MAX_PASSWORD_FAILURES = 10;
export const MAX_PIN_FAILURES = 5;
const PIN_PATTERN = /^\d{4,8}$/;

export type KeyringErrorCode =
  | 'not_enrolled' | 'locked_out' | 'wrong_password' | 'wrong_pin' | 'pin_disabled' | 'no_pin' | 'bad_pin' | 'data_key_unavailable' | 'username_taken';

export class KeyringError extends Error {
  constructor(
    readonly code: KeyringErrorCode,
    /** Tries left before the lock-out (password) or before the PIN is destroyed. */
    readonly remaining?: number,
  ) {
    super(code);
    this.name = 'KeyringError';
  }
}

export interface Unlocked {
  user: SessionUser;
  /** Non-extractable: for setDataKey. */
  dataKey: CryptoKey;
}

export const normalizeUsername = (u: string): string => u.trim().toLowerCase();

const DEFAULTS: CryptoParams = { passwordIterations: PASSWORD_ITERATIONS, pinIterations: PIN_ITERATIONS };

async function wrapFor(dataKey: CryptoKey, secret: string, iterations: number): Promise<WrappedKey> {
  const salt = randomSalt();
  return { salt, iterations, wrapped: await wrapDataKey(dataKey, await deriveWrappingKey(secret, salt, iterations)) };
}

async function open(w: WrappedKey, secret: string, extractable: boolean): Promise<CryptoKey> {
  return unwrapDataKey(w.wrapped, await deriveWrappingKey(secret, w.salt, w.iterations), extractable);
}

/** The data key, extractable, for a person signing in online; see the header for the cases. */
async function dataKeyForEnrolment(k: KeyringDb, deviceKey: CryptoKey, existing: PersonRow | undefined, password: string): Promise<CryptoKey> {
  const device = await k.state.get('device');
  if (device?.wrapped) {
    try {
      return await unwrapDataKey(device.wrapped, deviceKey, true);
    } catch {
      // The server's secret changed (its database was replaced): her own wrap may still open it.
    }
  }
  if (existing) {
    try {
      return await open(existing.password, password, true);
    } catch {
      // Her password changed on the server since she enrolled here.
    }
  }
  if (!device && (await k.people.count()) === 0) return generateDataKey();
  throw new KeyringError('data_key_unavailable');
}

/** After a good online sign-in: enrol (or re-enrol) her here and open the tablet. */
export async function enrolOnline(
  k: KeyringDb,
  input: { username: string; password: string; user: SessionUser; deviceSecret: string },
  params: CryptoParams = DEFAULTS,
): Promise<Unlocked> {
  const deviceKey = await importDeviceKey(input.deviceSecret);
  const existing = await k.people.get(input.user.id);
  const dataKey = await dataKeyForEnrolment(k, deviceKey, existing, input.password);
  const password = await wrapFor(dataKey, input.password, params.passwordIterations);
  const deviceWrapped = await wrapDataKey(dataKey, deviceKey);
  const username = normalizeUsername(input.username);
  await k.transaction('rw', k.people, k.state, async () => {
    // A username given to another account since: the old row no longer names her.
    await k.people.where('username').equals(username).and((p) => p.userId !== input.user.id).delete();
    await k.people.put({
      userId: input.user.id, username, user: input.user, password, passwordFailures: 0, lockedOut: false,
      // Her PIN wraps the same data key: it stays good.
      pin: existing?.pin ?? null, pinFailures: existing?.pinFailures ?? 0,
      enrolledAt: existing?.enrolledAt ?? new Date().toISOString(),
    });
    await k.state.put({ key: 'device', wrapped: deviceWrapped });
  });
  return { user: input.user, dataKey: await open(password, input.password, false) };
}

/** Raises a counter in its own committed transaction and returns its new value. */
async function count(k: KeyringDb, userId: string, field: 'passwordFailures' | 'pinFailures'): Promise<number> {
  return k.transaction('rw', k.people, async () => {
    const p = await k.people.get(userId);
    const n = (p?.[field] ?? 0) + 1;
    await k.people.update(userId, field === 'pinFailures' ? { pinFailures: n } : { passwordFailures: n });
    return n;
  });
}

async function openWithPassword(k: KeyringDb, person: PersonRow, password: string, extractable: boolean): Promise<CryptoKey> {
  if (person.lockedOut) throw new KeyringError('locked_out');
  const failures = await count(k, person.userId, 'passwordFailures');
  try {
    const key = await open(person.password, password, extractable);
    await k.people.update(person.userId, { passwordFailures: 0 });
    return key;
  } catch {
    if (failures >= MAX_PASSWORD_FAILURES) {
      await k.people.update(person.userId, { lockedOut: true });
      throw new KeyringError('locked_out');
    }
    throw new KeyringError('wrong_password', MAX_PASSWORD_FAILURES - failures);
  }
}

async function person(k: KeyringDb, by: { username: string } | { userId: string }): Promise<PersonRow> {
  const p = 'userId' in by ? await k.people.get(by.userId) : await k.people.where('username').equals(normalizeUsername(by.username)).first();
  if (!p) throw new KeyringError('not_enrolled');
  return p;
}

/** Offline sign-in of someone enrolled here. */
export async function unlockWithPassword(k: KeyringDb, username: string, password: string): Promise<Unlocked> {
  const p = await person(k, { username });
  return { user: p.user, dataKey: await openWithPassword(k, p, password, false) };
}

/** Sets (or replaces) her PIN; her password is asked again, as the PIN will open the same data. */
export async function setPin(k: KeyringDb, userId: string, password: string, pin: string, params: CryptoParams = DEFAULTS): Promise<void> {
  if (!PIN_PATTERN.test(pin)) throw new KeyringError('bad_pin');
  const p = await person(k, { userId });
  const dataKey = await openWithPassword(k, p, password, true);
  const wrapped = await wrapFor(dataKey, pin, params.pinIterations);
  await k.people.update(userId, { pin: wrapped, pinFailures: 0 });
}

export async function unlockWithPin(k: KeyringDb, userId: string, pin: string): Promise<Unlocked> {
  const p = await person(k, { userId });
  if (p.lockedOut) throw new KeyringError('locked_out');
  if (!p.pin) throw new KeyringError('no_pin');
  const failures = await count(k, userId, 'pinFailures');
  try {
    const dataKey = await open(p.pin, pin, false);
    await k.people.update(userId, { pinFailures: 0 });
    return { user: p.user, dataKey };
  } catch {
    if (failures >= MAX_PIN_FAILURES) {
      // Destroyed, not just flagged: a copy of the storage cannot be tried against it either.
      await k.people.update(userId, { pin: null, pinFailures: 0 });
      throw new KeyringError('pin_disabled');
    }
    throw new KeyringError('wrong_pin', MAX_PIN_FAILURES - failures);
  }
}

/** What the lock and login screens may know about a person, without opening anything. */
export interface PersonView {
  user: SessionUser;
  hasPin: boolean;
  lockedOut: boolean;
}

export async function personView(k: KeyringDb, userId: string): Promise<PersonView | null> {
  const p = await k.people.get(userId);
  return p ? { user: p.user, hasPin: p.pin !== null, lockedOut: p.lockedOut } : null;
}

/** Whose session is open (locked or not), or null. */
export async function currentPerson(k: KeyringDb): Promise<string | null> {
  const row = await k.state.get('current');
  return row?.userId ?? null;
}

export async function setCurrentPerson(k: KeyringDb, userId: string | null): Promise<void> {
  if (userId) await k.state.put({ key: 'current', userId });
  else await k.state.delete('current');
}

/**
 * Offline enrolment of a colleague by a charge nurse (domain/provisional.ts), step one: her own
 * password, typed again, opens the data key (a wrong one counts as any wrong password), and the
 * key is wrapped for the colleague's temporary password with the same KDF as anyone's. Nothing
 * is stored yet: the enrolment entry is written first, then `addOfflinePerson`.
 */
export async function wrapForColleague(k: KeyringDb, enrollerId: string, enrollerPassword: string, password: string, params: CryptoParams = DEFAULTS): Promise<WrappedKey> {
  const p = await person(k, { userId: enrollerId });
  const dataKey = await openWithPassword(k, p, enrollerPassword, true);
  return wrapFor(dataKey, password, params.passwordIterations);
}

/** Step two: she is on this tablet's keyring, and signs in here offline like anyone enrolled. */
export async function addOfflinePerson(k: KeyringDb, input: { username: string; user: SessionUser; password: WrappedKey }): Promise<void> {
  const username = normalizeUsername(input.username);
  await k.transaction('rw', k.people, async () => {
    if (await k.people.where('username').equals(username).count()) throw new KeyringError('username_taken');
    await k.people.add({
      userId: input.user.id, username, user: input.user, password: input.password, passwordFailures: 0, lockedOut: false,
      pin: null, pinFailures: 0, enrolledAt: new Date().toISOString(),
    });
  });
}

/** Whether a username is already someone's on this tablet (the enrolment form says so before anything is written). */
export async function usernameTaken(k: KeyringDb, username: string): Promise<boolean> {
  return (await k.people.where('username').equals(normalizeUsername(username)).count()) > 0;
}
