// The keyring: a small Dexie database of its own, 'releve-keyring', kept OUT of the vault's
// encryption (db/vault/) on purpose. It must be readable while the tablet is locked, since it is
// what unlocks it, and it holds no patient data: who has signed in on this tablet (staff name,
// role, wards), the data key wrapped once per person (password, PIN) and once by the server's
// device secret, the salts, the wrong-attempt counters, and whose session is open.
import Dexie, { type EntityTable } from 'dexie';
import type { SessionUser } from '../../../domain/protocol';

export const KEYRING_DB_NAME = 'releve-keyring';

/** The data key wrapped (AES-KW) by a key derived with PBKDF2-SHA256 from a secret. */
export interface WrappedKey {
  salt: Uint8Array;
  iterations: number;
  wrapped: Uint8Array;
}

/** One person enrolled on this tablet. */
export interface PersonRow {
  userId: string;
  /** Lower-cased, trimmed: how she types it on the login screen. */
  username: string;
  user: SessionUser;
  password: WrappedKey;
  /** Wrong passwords typed offline since her last good one; counted BEFORE each try. */
  passwordFailures: number;
  lockedOut: boolean;
  /** Null until she sets a PIN, and again once 5 wrong PINs destroyed it. */
  pin: WrappedKey | null;
  pinFailures: number;
  enrolledAt: string;
}

/**
 * 'device': the data key wrapped by the server's secret for this tablet (LoginResponse.deviceSecret).
 * 'current': whose session is open, locked or not; absent when nobody is signed in.
 * 'open': while the tablet is UNLOCKED only, the data key itself as a non-extractable CryptoKey
 *   (script cannot read its bytes) and the moment the auto-lock would fire. It lets a reload
 *   (Android discarding the tab, an update) within that window come back unlocked; lock,
 *   auto-lock, switch and sign-out delete it, and a start after `until` deletes it unused.
 */
export interface StateRow {
  key: 'device' | 'current' | 'open';
  wrapped?: Uint8Array;
  userId?: string;
  dataKey?: CryptoKey;
  until?: number;
}

export class KeyringDb extends Dexie {
  people!: EntityTable<PersonRow, 'userId'>;
  state!: EntityTable<StateRow, 'key'>;

  constructor(name = KEYRING_DB_NAME) {
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ people: 'userId, &username', state: 'key' });
  }
}

let current: KeyringDb | null = null;

/** The app's keyring. Tests make their own with `new KeyringDb(name)`. */
export function keyringDb(): KeyringDb {
  current ??= new KeyringDb();
  return current;
}
