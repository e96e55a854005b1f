// The server checks each pushed entry's hash with Node's own SHA-256, synchronously: the same
// canonical content as domain/hash.ts (RFC 8785 JSON of the hashed fields), without WebCrypto's
// promise and thread-pool round trip for every entry of a batch (a large share of a push's time).
import { createHash } from 'node:crypto';
import type { Entry } from '../../domain/entry';
import { canonicalJson, hashedContent } from '../../domain/hash';

export function entryHashMatches(e: Entry): boolean {
  return `sha256:${createHash('sha256').update(canonicalJson(hashedContent(e))).digest('hex')}` === e.hash;
}
