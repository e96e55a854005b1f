// Rows already opened since the last unlock, as JSON text, by table and primary key, each with
// the stamp of the sealed bytes it came from (their random IV and GCM tag). The ward board
// re-reads its rows at every live-query change; an unchanged row is then not decrypted again,
// and a query whose rows are all known answers without waiting for WebCrypto. A rewritten row
// has a fresh IV, so it misses. Text, not objects: every reader gets its own copy to change.
// Emptied whenever the data key changes (lock, auto-lock, switch, sign-out): nothing opened
// outlives the unlock that opened it.
// The sealed bytes are kept with their text: a row written back with its sealed part unchanged
// (a push acknowledged: only serverSeq, a clear field, changes) takes the bytes it already has,
// with no WebCrypto inside the write transaction. They are the same ciphertext for the same
// table, key and content, not a second encryption under the same IV.
import { onDataKeyChange } from './data-key';

/** Bounds the memory held: beyond it, a table's rows are forgotten and opened again as needed. */
const MAX_ROWS_PER_TABLE = 5_000;
const TAG_BYTES = 16;
const IV_BYTES = 12;

interface Opened {
  stamp: string;
  text: string;
  sealed: Uint8Array<ArrayBuffer>;
}

const tables = new Map<string, Map<string, Opened>>();
onDataKeyChange(() => tables.clear());

/** What identifies one sealed value: its IV, its tag and its length. */
export function stampOf(sealed: Uint8Array): string {
  const head = sealed.subarray(0, IV_BYTES);
  const tail = sealed.subarray(sealed.byteLength - TAG_BYTES);
  return `${sealed.byteLength}:${String.fromCharCode(...head)}${String.fromCharCode(...tail)}`;
}

export function knownText(table: string, key: string, stamp: string): string | undefined {
  const hit = tables.get(table)?.get(key);
  return hit && hit.stamp === stamp ? hit.text : undefined;
}

/** The bytes this row last had, read or written since the unlock, if they hold exactly `text`. */
export function knownSealed(table: string, key: string, text: string): Uint8Array<ArrayBuffer> | undefined {
  const hit = tables.get(table)?.get(key);
  return hit && hit.text === text ? hit.sealed : undefined;
}

export function remember(table: string, key: string, sealed: Uint8Array<ArrayBuffer>, text: string): void {
  let rows = tables.get(table);
  if (!rows) tables.set(table, (rows = new Map()));
  else if (rows.size >= MAX_ROWS_PER_TABLE && !rows.has(key)) rows.clear();
  rows.set(key, { stamp: stampOf(sealed), text, sealed });
}
