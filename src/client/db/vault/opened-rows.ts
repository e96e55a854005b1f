// Rows already opened since the last unlock, as JSON text, by table and primary key, each with
// the sealed bytes it came from (matched by their random IV and GCM tag). The ward board
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
  text: string;
  sealed: Uint8Array<ArrayBuffer>;
}

const tables = new Map<string, Map<string, Opened>>();
onDataKeyChange(() => tables.clear());

/**
 * Whether two sealed values are the same one: same length, IV and GCM tag. Compared in place, with
 * no string built per row (a ward board checks every row it reads).
 */
function sameSealed(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true;
  const n = a.byteLength;
  if (n !== b.byteLength) return false;
  for (let i = 0; i < IV_BYTES; i++) if (a[i] !== b[i]) return false;
  for (let i = n - TAG_BYTES; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The text of this row if it was opened (or written) since the unlock from exactly these bytes. */
export function knownText(table: string, key: string, sealed: Uint8Array): string | undefined {
  const hit = tables.get(table)?.get(key);
  return hit && sameSealed(hit.sealed, sealed) ? hit.text : undefined;
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
  rows.set(key, { text, sealed });
}
