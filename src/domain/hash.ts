// Content hash of an entry: 'sha256:' + hex(SHA-256(RFC 8785 canonical JSON)).
// The same code runs in the browser and in Node: both expose WebCrypto as globalThis.crypto.
import canonicalize from 'canonicalize';
import type { Entry, UnsignedEntry } from './entry';

const HASHED_FIELDS = [
  'id', 'docId', 'docType', 'kind', 'parents', 'scope', 'patientId', 'body',
  'author', 'deviceId', 'deviceSeq', 'createdAt', 'downtimeId',
] as const satisfies readonly (keyof UnsignedEntry)[];

/** The exact object that is hashed: absent optional fields are left out, never null. */
export function hashedContent(e: UnsignedEntry | Entry): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of HASHED_FIELDS) {
    const v = (e as unknown as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

export function canonicalJson(value: unknown): string {
  const s = canonicalize(value);
  if (s === undefined) throw new TypeError('value cannot be canonicalised');
  return s;
}

function toHex(buf: ArrayBuffer): string {
  let out = '';
  for (const b of new Uint8Array(buf)) out += b.toString(16).padStart(2, '0');
  return out;
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return toHex(digest);
}

export async function hashEntry(e: UnsignedEntry | Entry): Promise<string> {
  return 'sha256:' + (await sha256Hex(canonicalJson(hashedContent(e))));
}

export async function sealEntry(e: UnsignedEntry): Promise<Entry> {
  return { ...e, hash: await hashEntry(e) };
}

export async function hashMatches(e: Entry): Promise<boolean> {
  return (await hashEntry(e)) === e.hash;
}
