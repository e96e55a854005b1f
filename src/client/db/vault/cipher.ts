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

/**
 * IVs are cut from one random draw of this many, each used once: a pulled page seals about a
 * thousand rows, and a call into the browser's random source per row was 300 ms of a 10 k pull
 * (issue 15). The bytes are the same CSPRNG output either way.
 */
const IVS_PER_DRAW = 1024;
let ivPool = new Uint8Array(0);
let ivTaken = 0;

function freshIv(): Uint8Array<ArrayBuffer> {
  if (ivTaken + IV_BYTES > ivPool.length) {
    ivPool = crypto.getRandomValues(new Uint8Array(IV_BYTES * IVS_PER_DRAW));
    ivTaken = 0;
  }
  // A copy: the IV goes into the sealed value and must not change with the pool.
  const iv = ivPool.slice(ivTaken, ivTaken + IV_BYTES);
  ivTaken += IV_BYTES;
  return iv;
}

/** Seals a value's JSON text. */
export async function seal(key: CryptoKey, context: Uint8Array<ArrayBuffer>, text: string): Promise<Uint8Array<ArrayBuffer>> {
  const iv = freshIv();
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
