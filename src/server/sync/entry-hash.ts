// An entry's hash computed on the server with Node's own SHA-256, synchronously: the same
// canonical content as domain/hash.ts (RFC 8785 JSON of the hashed fields), without WebCrypto's
// promise and thread-pool round trip for each entry a push checks or the HIS feed seals (a large
// share of a push's time). Tablets check every hash they pull with domain/hash.ts.
import { createHash } from 'node:crypto';
import type { Entry, UnsignedEntry } from '../../domain/entry';
import { canonicalJson, hashedContent } from '../../domain/hash';

/** The exact text an entry's hash is taken of. */
const hashedText = (e: UnsignedEntry | Entry): string => canonicalJson(hashedContent(e));

const hashOf = (text: string): string => `sha256:${createHash('sha256').update(text).digest('hex')}`;

export function entryHashHere(e: UnsignedEntry | Entry): string {
  return hashOf(hashedText(e));
}

/**
 * An entry row's json from the text its hash was checked against: that text plus the hash.
 * The fields are the ones entries.ts's storedJson writes (everything the client sent but the
 * hash is hashed), so the entry is serialised once per push instead of twice. Parsed back, it is
 * the same entry: only the order of its keys differs.
 */
export function storedText(hashed: string, hash: string): string {
  return `${hashed.slice(0, -1)},"hash":${JSON.stringify(hash)}}`;
}

/** The entry's hashed text when its hash matches it; null when it does not. */
export function checkedText(e: Entry): string | null {
  const text = hashedText(e);
  return hashOf(text) === e.hash ? text : null;
}
