// The tablet's data key: one random AES-GCM 256 key that encrypts every patient field at rest
// (the vault middleware). It lives only in memory, set on unlock and cleared on lock. The keyring
// (sessions/keyring code) wraps it once per person, with keys derived from her password and PIN,
// and is the only caller of setDataKey.

let current: CryptoKey | null = null;
const listeners = new Set<(present: boolean) => void>();

/** Sets the key after an unlock, or forgets it (null) on lock or sign-out. */
export function setDataKey(key: CryptoKey | null): void {
  if (key && (key.algorithm.name !== 'AES-GCM' || !key.usages.includes('decrypt'))) {
    throw new Error('The data key must be an AES-GCM key usable to encrypt and decrypt');
  }
  const changed = (current === null) !== (key === null) || current !== key;
  current = key;
  if (changed) for (const listener of listeners) listener(key !== null);
}

/** True while the tablet is unlocked: patient tables can be read and written. */
export function hasDataKey(): boolean {
  return current !== null;
}

/**
 * A new random data key, made once per tablet (at its first sign-in). It is extractable so the
 * keyring can wrap it; the copy kept in memory afterwards should be the non-extractable one that
 * unwrapKey returns.
 */
export function generateDataKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

/** The key in memory, or null while locked. For the vault only. */
export function currentDataKey(): CryptoKey | null {
  return current;
}

/** Called with true on unlock and false on lock; returns the unsubscribe function. */
export function onDataKeyChange(listener: (present: boolean) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
