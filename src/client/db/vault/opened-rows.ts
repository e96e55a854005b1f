// Rows already opened since the last unlock, as JSON text, by table and primary key, each with
// the sealed bytes it came from (matched by their random IV and GCM tag). The ward board
// re-reads its rows at every live-query change; an unchanged row is then not decrypted again,
// and a query whose rows are all known answers without waiting for WebCrypto. A rewritten row
// has a fresh IV, so it misses. Text, not objects: every reader gets its own copy to change.
// Emptied whenever the data key changes (lock, auto-lock, switch, sign-out): nothing opened
// outlives the unlock that opened it.
// The sealed bytes are kept with their text: a row written back with its sealed part unchanged
// (only a clear, indexed field changes, or a projection comes out the same) takes the bytes it already has,
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
  /**
   * What the row held before this write, kept: a transaction that reads a row and rewrites it in
   * the same round (a save's summary) gets the bytes from before its write, which it remembered
   * already (issue 15: every save then opened its patient's summary again, inside its transaction).
   */
  before?: { text: string; sealed: Uint8Array<ArrayBuffer> };
}

const tables = new Map<string, Map<string, Opened>>();
onDataKeyChange(() => tables.clear());

/** A row as kept in the memo of the last unlock (opened-memo.ts): the stamp of its sealed bytes and its text. */
export interface MemoLine {
  stamp: string;
  text: string;
}

/** What identifies one sealed value, as text (kept in the memo): its length, IV and GCM tag. */
export function stampOf(sealed: Uint8Array): string {
  const head = sealed.subarray(0, IV_BYTES);
  const tail = sealed.subarray(sealed.byteLength - TAG_BYTES);
  return `${sealed.byteLength}:${String.fromCharCode(...head)}${String.fromCharCode(...tail)}`;
}

/** Every row of `table` opened or written since the unlock (for the memo). */
export function openedOf(table: string): Iterable<[string, Opened]> {
  return tables.get(table) ?? [];
}

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
  if (!hit) return undefined;
  if (sameSealed(hit.sealed, sealed)) return hit.text;
  return hit.before && sameSealed(hit.before.sealed, sealed) ? hit.before.text : undefined;
}

/** The bytes this row last had, read or written since the unlock, if they hold exactly `text`. */
export function knownSealed(table: string, key: string, text: string): Uint8Array<ArrayBuffer> | undefined {
  const hit = tables.get(table)?.get(key);
  return hit && hit.text === text ? hit.sealed : undefined;
}

/** Share of a full table forgotten at once, oldest first (a Map iterates in insertion order). */
const FORGET_AT_ONCE = MAX_ROWS_PER_TABLE / 5;

function forgetOldest(rows: Map<string, Opened>): void {
  let left = FORGET_AT_ONCE;
  for (const key of rows.keys()) {
    rows.delete(key);
    if (--left === 0) return;
  }
}

export function remember(table: string, key: string, sealed: Uint8Array<ArrayBuffer>, text: string): void {
  let rows = tables.get(table);
  if (!rows) tables.set(table, (rows = new Map()));
  // Re-inserted, a row counts as the newest. A full table forgets its oldest rows, not all of
  // them: a pull of more rows than the bound goes on finding the rows its last pages wrote.
  const old = rows.get(key);
  rows.delete(key);
  if (rows.size >= MAX_ROWS_PER_TABLE) forgetOldest(rows);
  const before = old && !sameSealed(old.sealed, sealed) ? { before: { text: old.text, sealed: old.sealed } } : {};
  rows.set(key, { text, sealed, ...before });
}
