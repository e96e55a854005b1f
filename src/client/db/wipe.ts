// A revoked tablet (`revoke-device`, lost or stolen) is wiped at its next contact with the
// server: both databases deleted (the keyring with its wrapped keys goes too, so nothing left
// on the tablet can ever be opened), the app's caches and local storage emptied. Unsent entries
// are lost only in this case; how many is kept, with no patient data, for the screen that says so.
import Dexie from 'dexie';
import { KEYRING_DB_NAME, keyringDb } from './keyring/keyring-db';
import type { ReleveDb } from './schema';

export const WIPED_KEY = 'releve.wiped';
export const WIPED_EVENT = 'releve:wiped';

export interface WipeRecord {
  at: string;
  /** Entries written on this tablet that the server never acknowledged. */
  lost: number;
}

export async function wipeTablet(db: ReleveDb): Promise<WipeRecord> {
  const record: WipeRecord = { at: new Date().toISOString(), lost: await db.outbox.count().catch(() => 0) };
  // Closed first, so no live query re-creates them empty behind the delete.
  db.close();
  keyringDb().close();
  await Dexie.delete(db.name);
  await Dexie.delete(KEYRING_DB_NAME);
  if (typeof caches !== 'undefined') for (const name of await caches.keys()) await caches.delete(name);
  if (typeof navigator !== 'undefined' && navigator.serviceWorker) {
    for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
  }
  if (typeof localStorage !== 'undefined') {
    localStorage.clear();
    localStorage.setItem(WIPED_KEY, JSON.stringify(record));
  }
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(WIPED_EVENT));
  return record;
}

export function readWipeRecord(): WipeRecord | null {
  try {
    const raw = typeof localStorage !== 'undefined' ? localStorage.getItem(WIPED_KEY) : null;
    return raw ? (JSON.parse(raw) as WipeRecord) : null;
  } catch {
    return null;
  }
}
