// Keys derived from what a person knows, with WebCrypto only. A password-derived key and a
// PIN-derived key are AES-KW keys: they can only wrap and unwrap the tablet's data key. Whether
// unwrapping succeeds IS the offline password/PIN check (AES-KW carries an integrity check), so
// nothing else about the password is ever stored: no verifier, no server hash.

/** PBKDF2-SHA256 iterations for a password (OWASP 2023: at least 600,000). */
export const PASSWORD_ITERATIONS = 600_000;
/**
 * For a PIN, fewer: unlocking must take well under 300 ms on a ward tablet. A 4-8 digit PIN is
 * a small space whatever the count, so the PIN guards the tablet in hand (5 tries, then its
 * wrapped copy is destroyed), not a copy of its storage: README "Shared tablets".
 */
export const PIN_ITERATIONS = 100_000;

const enc = new TextEncoder();

export function randomSalt(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(16));
}

export async function deriveWrappingKey(secret: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', enc.encode(secret.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    base,
    { name: 'AES-KW', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

/** The server's device secret (32 random bytes, base64url) as an AES-KW key. */
export async function importDeviceKey(secret: string): Promise<CryptoKey> {
  const b64 = secret.replace(/-/g, '+').replace(/_/g, '/');
  const raw = Uint8Array.from(atob(b64.padEnd(Math.ceil(b64.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
  if (raw.length !== 32) throw new Error('device secret must be 32 bytes');
  return crypto.subtle.importKey('raw', raw, 'AES-KW', false, ['wrapKey', 'unwrapKey']);
}

export async function wrapDataKey(dataKey: CryptoKey, by: CryptoKey): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.wrapKey('raw', dataKey, by, 'AES-KW'));
}

/**
 * Opens a wrapped data key; throws when `by` is not the key that wrapped it (wrong password,
 * wrong PIN). `extractable` only while the key is about to be wrapped again for someone.
 */
export async function unwrapDataKey(wrapped: Uint8Array, by: CryptoKey, extractable: boolean): Promise<CryptoKey> {
  return crypto.subtle.unwrapKey('raw', wrapped as BufferSource, by, 'AES-KW', { name: 'AES-GCM', length: 256 }, extractable, ['encrypt', 'decrypt']);
}

/** Iteration counts; tests of the counters pass small ones, the app always the constants above. */
export interface CryptoParams {
  passwordIterations: number;
  pinIterations: number;
}
