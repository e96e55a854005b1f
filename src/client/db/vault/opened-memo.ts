// What the ward board read at the last unlock, kept sealed in one memo: the next unlock opens the
// memo (one read, one decryption per part: one for a small ward) instead of each row the board
// reads (one each: ~25 lines, the ward's handover forms, the handover templates). Chromium hands
// every WebCrypto answer back as a task of its own, and at the first read after an unlock those
// tasks were most of what the encrypted board costs over a clear one (issue 9).
// It is a memo, never a source of truth: each row's text is used only if the row on disk is
// still the very sealed value it was opened from (same length, IV and GCM tag, opened-rows.ts);
// a row rewritten since is opened as before. The memo is `meta` rows sealed with the data key
// like any other (each part bound to its own key), wiped with the tablet, ignored if it does not open, and
// written in a transaction of its own after a read that had to open rows (below every middleware:
// no live query sees it).
// Bounded: only the board's kinds of rows (its lines; forms and templates among documents, never
// notes or patients), only rows a read of their own asked for, at most MAX_ROWS and MAX_CHARS of
// text per table, newest kept. Stored in parts of under 64 KB each, read in one request: Chromium
// keeps a larger IndexedDB value as a file of its own, and reading it back cost ~7 ms, more than
// the decryptions it spares. Each part is sealed alone (a part is a valid row of `meta` on its own).
import type { DBCore, DBCoreKeyRange } from 'dexie';
import { seal, sealContext, unsealAll } from './cipher';
import { currentDataKey, onDataKeyChange } from './data-key';
import { openedOf, stampOf, type MemoLine } from './opened-rows';
import { SEALED_FIELD } from './policy';

type Row = Record<string, unknown>;
type Lines = Map<string, MemoLine>;
/** One kept row: its table, primary key (JSON), stamp and text. */
type Kept = [string, string, string, string];

/** The tables kept, and which of their rows (from the row's clear fields): what the ward board reads. */
const KEPT: ReadonlyMap<string, (row: Row) => boolean> = new Map([
  ['noteSummaries', () => true],
  ['docs', (row: Row) => row.docType === 'form' || row.docType === 'template'],
]);
const MAX_ROWS = 5_000;
const MAX_CHARS = 2_000_000;
/** Under Chromium's 64 KB threshold, with room for the IV, the tag and the row's key. */
const PART_BYTES = 60_000;
const PART_PREFIX = 'openedMemo#';
const partKey = (n: number) => `${PART_PREFIX}${String(n).padStart(3, '0')}`;
/** Every part's key, and only them (DBCoreRangeType.Range: a const enum, not importable here). */
const PARTS: DBCoreKeyRange = { type: 2, lower: PART_PREFIX, upper: `${PART_PREFIX}\uffff` };
/** Session 23's memo (board lines only): no longer read, deleted at the next write. */
const OLD_MEMO_KEY = 'openedMemo:noteSummaries';

/** This unlock's memo, loading then loaded (table -> id -> stamp and text). Forgotten at every lock. */
let load: Promise<Map<string, Lines>> | undefined;
/** Per table, the rows read since this unlock that the next write adds (ids). */
let seen = new Map<string, Set<string>>();
/** A write asked for and not yet started, and writes under way. */
let pending: { timer: ReturnType<typeof setTimeout>; started: () => void } | undefined;
const writing = new Set<Promise<void>>();
onDataKeyChange(() => {
  load = undefined;
  seen = new Map();
  if (pending) {
    clearTimeout(pending.timer);
    pending.started();
    pending = undefined;
  }
});

async function readMemo(down: DBCore, key: CryptoKey): Promise<Map<string, Lines>> {
  try {
    const meta = down.table('meta');
    const trans = down.transaction(['meta'], 'readonly');
    const { result } = await meta.query({ trans, values: true, query: { index: meta.schema.primaryKey, range: PARTS } });
    const parts = (result as Row[]).map((row) => ({ context: sealContext('meta', row.key), sealed: row[SEALED_FIELD] as Uint8Array<ArrayBuffer> }));
    const tables = new Map<string, Lines>();
    for (const text of await unsealAll(key, parts, 'meta')) {
      for (const [table, id, stamp, t] of (JSON.parse(text) as { rows: Kept[] }).rows) {
        let lines = tables.get(table);
        if (!lines) tables.set(table, (lines = new Map()));
        lines.set(id, { stamp, text: t });
      }
    }
    return tables;
  } catch {
    return new Map(); // unreadable (another key, changed bytes, a part missing): the rows are opened one by one
  }
}

/** Whether the memo keeps this stored row (its clear fields say what it is). */
export function memoKeeps(table: string, row: unknown): boolean {
  const keeps = KEPT.get(table);
  return !!keeps && typeof row === 'object' && row !== null && keeps(row as Row);
}

/** This unlock's memo of `table`, read once (the first read of a kept table after the unlock starts it). */
export function memoOf(down: DBCore, table: string): Promise<ReadonlyMap<string, MemoLine>> | undefined {
  const key = currentDataKey();
  if (!key || !KEPT.has(table)) return undefined;
  load ??= readMemo(down, key);
  return load.then((tables) => tables.get(table) ?? new Map());
}

/** The newest of `lines` within the bounds. */
function newest(table: string, lines: Lines): Kept[] {
  const all = [...lines];
  let chars = 0;
  let from = all.length;
  while (from > 0 && all.length - from < MAX_ROWS && chars + all[from - 1]![1].text.length <= MAX_CHARS) chars += all[--from]![1].text.length;
  return all.slice(from).map(([id, l]) => [table, id, l.stamp, l.text]);
}

/** The memo as held, with the rows read or rewritten since this unlock put over it, newest last. */
function memoNow(held: Map<string, Lines>): Kept[] {
  return [...KEPT.keys()].flatMap((table) => {
    const lines = new Map(held.get(table));
    const read = seen.get(table);
    for (const [id, opened] of openedOf(table)) {
      if (!lines.has(id) && !read?.has(id)) continue; // a row written but never read by the board
      lines.delete(id);
      lines.set(id, { stamp: stampOf(opened.sealed), text: opened.text });
    }
    return newest(table, lines);
  });
}

/** UTF-8 length, to cut parts under PART_BYTES without encoding everything twice. */
function utf8Bytes(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) n += c > 0x7ff && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return n;
}

/** The kept rows as JSON texts of under PART_BYTES each (a single larger row gets a part of its own). */
function partsOf(rows: readonly Kept[]): string[] {
  const parts: string[] = [];
  let part: string[] = [];
  let bytes = 0;
  for (const row of rows) {
    const json = JSON.stringify(row);
    const size = utf8Bytes(json) + 1;
    if (part.length > 0 && bytes + size > PART_BYTES - 16) {
      parts.push(`{"rows":[${part.join(',')}]}`);
      part = [];
      bytes = 0;
    }
    part.push(json);
    bytes += size;
  }
  if (part.length > 0) parts.push(`{"rows":[${part.join(',')}]}`);
  return parts;
}

async function writeMemo(down: DBCore, key: CryptoKey): Promise<void> {
  const parts = partsOf(memoNow((await load) ?? new Map()));
  const values = await Promise.all(parts.map(async (text, n) => ({ key: partKey(n), [SEALED_FIELD]: await seal(key, sealContext('meta', partKey(n)), text) })));
  if (currentDataKey() !== key) return; // locked meanwhile: nothing opened outlives its unlock
  // One transaction: a reader finds every part of one memo, never parts of two.
  const trans = down.transaction(['meta'], 'readwrite');
  const meta = down.table('meta');
  await meta.mutate({ type: 'deleteRange', trans, range: PARTS });
  await meta.mutate({ type: 'delete', trans, keys: [OLD_MEMO_KEY] });
  await meta.mutate({ type: 'put', trans, values });
}

/** After a read that had to open rows of `table` (`ids`: those the memo keeps): the memo is written again, just after. */
export function memoStale(down: DBCore, table: string, ids: readonly string[]): void {
  const key = currentDataKey();
  if (!key || !KEPT.has(table)) return;
  let read = seen.get(table);
  if (!read) seen.set(table, (read = new Set()));
  for (const id of ids) read.add(id);
  if (pending) return;
  let started = () => {};
  const asked = new Promise<void>((resolve) => (started = resolve));
  writing.add(asked);
  void asked.then(() => writing.delete(asked));
  const timer = setTimeout(() => {
    pending = undefined;
    // A memo only: if it fails, the next unlock opens the rows one by one.
    const write = writeMemo(down, key).catch(() => undefined);
    writing.add(write);
    void write.then(() => writing.delete(write));
    started();
  }, 0); // after the read has answered, so it never delays it
  pending = { timer, started };
}

/** Resolves once every memo write asked for so far is done (the vault bench times them; tests wait for them). */
export async function memoWritten(): Promise<void> {
  while (writing.size > 0) await Promise.all([...writing]);
}
