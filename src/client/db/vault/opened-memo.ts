// The ward board's lines, as opened at the last unlock, kept sealed in ONE row: the next unlock
// opens that row (one decryption) instead of each line (one each; a board opens ~25). Chromium
// hands every WebCrypto answer back as a task of its own, and at the first read after an unlock
// those tasks were most of what the encrypted board costs over a clear one (issue 9).
// It is a memo, never a source of truth: each line's text is used only if the line on disk is
// still the very sealed value it was opened from (same length, IV and GCM tag, opened-rows.ts);
// a line rewritten since is opened as before. The memo is a `meta` row sealed with the data key
// like any other (bound to its own key), wiped with the tablet, and written in a transaction of
// its own after a read that had to open lines (below every middleware: no live query sees it).
import type { DBCore } from 'dexie';
import { seal, sealContext, unsealAll } from './cipher';
import { currentDataKey, onDataKeyChange } from './data-key';
import { openedOf, stampOf, type MemoLine } from './opened-rows';
import { SEALED_FIELD } from './policy';

/** The tables whose opened rows are kept this way: the board lines only (small rows, read by ward). */
const MEMO_TABLES: ReadonlySet<string> = new Set(['noteSummaries']);
const MAX_LINES = 5_000;

const memoKey = (table: string) => `openedMemo:${table}`;

/** Per table, this unlock's memo: loading, then loaded (id -> stamp and text). Forgotten at every lock. */
let loads = new Map<string, Promise<Map<string, MemoLine>>>();
/** Writes asked for and not yet started (one per table), and writes under way. */
const pending = new Map<string, { timer: ReturnType<typeof setTimeout>; started: () => void }>();
const writing = new Set<Promise<void>>();
onDataKeyChange(() => {
  loads = new Map();
  for (const { timer, started } of pending.values()) {
    clearTimeout(timer);
    started();
  }
  pending.clear();
});

async function readMemo(down: DBCore, table: string, key: CryptoKey): Promise<Map<string, MemoLine>> {
  try {
    const trans = down.transaction(['meta'], 'readonly');
    const row = (await down.table('meta').get({ trans, key: memoKey(table) })) as Record<string, unknown> | undefined;
    const sealed = row?.[SEALED_FIELD];
    if (!(sealed instanceof Uint8Array)) return new Map();
    const [text] = await unsealAll(key, [{ context: sealContext('meta', memoKey(table)), sealed: sealed as Uint8Array<ArrayBuffer> }], 'meta');
    const { value } = JSON.parse(text!) as { value: [string, string, string][] };
    return new Map(value.map(([id, stamp, line]) => [id, { stamp, text: line }]));
  } catch {
    return new Map(); // unreadable (another key, changed bytes): the lines are opened one by one
  }
}

/** This unlock's memo of `table`, read once (the first read of the table after the unlock starts it). */
export function memoOf(down: DBCore, table: string): Promise<Map<string, MemoLine>> | undefined {
  const key = currentDataKey();
  if (!key || !MEMO_TABLES.has(table)) return undefined;
  let load = loads.get(table);
  if (!load) loads.set(table, (load = readMemo(down, table, key)));
  return load;
}

async function writeMemo(down: DBCore, table: string, key: CryptoKey): Promise<void> {
  const held = (await loads.get(table)) ?? new Map<string, MemoLine>();
  const lines = new Map(held);
  for (const [id, opened] of openedOf(table)) lines.set(id, { stamp: stampOf(opened.sealed), text: opened.text });
  const value = [...lines].slice(-MAX_LINES).map(([id, l]) => [id, l.stamp, l.text]);
  const sealed = await seal(key, sealContext('meta', memoKey(table)), JSON.stringify({ value }));
  if (currentDataKey() !== key) return; // locked meanwhile: nothing opened outlives its unlock
  const trans = down.transaction(['meta'], 'readwrite');
  await down.table('meta').mutate({ type: 'put', trans, values: [{ key: memoKey(table), [SEALED_FIELD]: sealed }] });
}

/** After a read that had to open rows of `table`: the memo is written again, just after. */
export function memoStale(down: DBCore, table: string): void {
  const key = currentDataKey();
  if (!key || !MEMO_TABLES.has(table) || pending.has(table)) return;
  let started = () => {};
  const asked = new Promise<void>((resolve) => (started = resolve));
  writing.add(asked);
  void asked.then(() => writing.delete(asked));
  const timer = setTimeout(() => {
    pending.delete(table);
    // A memo only: if it fails, the next unlock opens the lines one by one.
    const write = writeMemo(down, table, key).catch(() => undefined);
    writing.add(write);
    void write.then(() => writing.delete(write));
    started();
  }, 0); // after the read has answered, so it never delays it
  pending.set(table, { timer, started });
}

/** Resolves once every memo write asked for so far is done (the vault bench times them; tests wait for them). */
export async function memoWritten(): Promise<void> {
  while (writing.size > 0) await Promise.all([...writing]);
}
