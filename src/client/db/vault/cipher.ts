// AES-GCM with a fresh random 96-bit IV for every value written. The row's table and primary key
// are bound in as additional data: a sealed value copied onto another row does not open.
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const IV_BYTES = 12;

/** A patient table was read or written while the tablet is locked (no data key in memory). */
export class VaultLockedError extends Error {
  constructor(table: string) {
    super(`The tablet is locked: "${table}" cannot be read or written until someone unlocks it`);
    this.name = 'VaultLockedError';
  }
}

/** A sealed value did not open: another tablet's key, or the bytes were changed. */
class VaultOpenError extends Error {
  constructor(table: string) {
    super(`A stored value of "${table}" does not open with this tablet's key`);
    this.name = 'VaultOpenError';
  }
}

/** What a sealed value is bound to: its table and its primary key. */
export function sealContext(table: string, primaryKey: unknown): Uint8Array<ArrayBuffer> {
  return sealContextOf(table, JSON.stringify(primaryKey));
}

/** The same, from the primary key's JSON text (the vault has it already for every row). */
export function sealContextOf(table: string, keyJson: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(`${table}\u0000${keyJson}`);
}

/** Seals a value's JSON text. */
export async function seal(key: CryptoKey, context: Uint8Array<ArrayBuffer>, text: string): Promise<Uint8Array<ArrayBuffer>> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const plain = encoder.encode(text);
  const cipher = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: context }, key, plain);
  const out = new Uint8Array(IV_BYTES + cipher.byteLength);
  out.set(iv);
  out.set(new Uint8Array(cipher), IV_BYTES);
  return out;
}

/**
 * The JSON texts sealed in several values of one table, all decrypted at once: one WebCrypto call
 * each, issued together, and one wait for all (a ward board opens a hundred rows; a wait per row
 * costs more than the decryption). Rejects with VaultOpenError (with the table's name) when a key
 * or the bytes are wrong.
 */
export async function unsealAll(key: CryptoKey, values: readonly { context: Uint8Array<ArrayBuffer>; sealed: Uint8Array<ArrayBuffer> }[], table: string): Promise<string[]> {
  let plains: ArrayBuffer[];
  try {
    plains = await Promise.all(values.map(({ context, sealed }) =>
      crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.subarray(0, IV_BYTES), additionalData: context }, key, sealed.subarray(IV_BYTES))));
  } catch {
    throw new VaultOpenError(table);
  }
  return plains.map((p) => decoder.decode(p));
}
