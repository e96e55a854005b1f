// An entry's hash computed on the server with Node's own SHA-256, synchronously: the same
// canonical content as domain/hash.ts (RFC 8785 JSON of the hashed fields), without WebCrypto's
// promise and thread-pool round trip for each entry a push checks or the HIS feed seals (a large
// share of a push's time). Tablets check every hash they pull with domain/hash.ts.
import { createHash } from 'node:crypto';
import type { Entry, UnsignedEntry } from '../../domain/entry';
import { canonicalJson, hashedContent } from '../../domain/hash';

export function entryHashHere(e: UnsignedEntry | Entry): string {
  return `sha256:${createHash('sha256').update(canonicalJson(hashedContent(e))).digest('hex')}`;
}

export const entryHashMatches = (e: Entry): boolean => entryHashHere(e) === e.hash;
