// One row in, one row out: the clear fields stay as they are, the rest travels sealed.
import { seal, sealContextOf, unsealAll, VaultLockedError } from './cipher';
import { SEALED_FIELD, type TablePolicy } from './policy';
import { currentDataKey } from './data-key';
import { knownSealed, knownText, remember, stampOf, type MemoLine } from './opened-rows';
import { takeReady, type Keep } from './sealed-ahead';

type Row = Record<string, unknown>;

/** Bounds the contexts kept per table (as opened-rows.ts bounds the rows). */
const MAX_CONTEXTS = 5_000;

export interface RowCodec {
  seal(row: Row): Promise<Row>;
  /** The same, without waiting, for a row sealed ahead (sealed-ahead.ts); else undefined. */
  sealNow(row: Row): Row | undefined;
  /** Seals rows ahead of their write into `keep` (sealed-ahead.ts). */
  prepare(rows: readonly Row[], keep: Keep): Promise<void>;
  /**
   * Opens rows together, in order. Clear rows (not yet migrated, or meta's device facts) come
   * back as they are. Locked, a sealed row comes back undefined (absent): screens behind the lock see
   * nothing, never ciphertext. Rows opened before since this unlock need no WebCrypto: when all
   * are, the answer is there at once (`now`); else `later` opens the rest.
   */
  openAll(rows: readonly unknown[], memo?: ReadonlyMap<string, MemoLine>): { now: unknown[] } | { later: Promise<unknown[]> };
  isSealed(row: unknown): row is Row;
}

function keyOrLocked(table: string): CryptoKey {
  const key = currentDataKey();
  if (!key) throw new VaultLockedError(table);
  return key;
}

interface Unopened {
  at: number;
  row: Row;
  id: string;
  sealed: Uint8Array<ArrayBuffer>;
}

/** The row's clear fields, and the JSON text of the rest (what is sealed). */
function splitRow(policy: TablePolicy, row: Row): { clear: Row; text: string } {
  const clear: Row = {};
  const secret: Row = {};
  for (const field of Object.keys(row)) {
    if (field === SEALED_FIELD) continue;
    (policy.clearFields.has(field) ? clear : secret)[field] = row[field];
  }
  return { clear, text: JSON.stringify(secret) };
}

/** A row's context is the same bytes at every read and write: encoded once per table and key (not a secret). */
function contextsOf(table: string): (id: string) => Uint8Array<ArrayBuffer> {
  const contexts = new Map<string, Uint8Array<ArrayBuffer>>();
  return (id) => {
    let context = contexts.get(id);
    if (!context) {
      if (contexts.size >= MAX_CONTEXTS) contexts.clear();
      contexts.set(id, (context = sealContextOf(table, id)));
    }
    return context;
  };
}

/** The opened fields, then the clear ones over them: built in place, no copies (a board opens ~30 rows). */
function merge(row: Row, text: string): Row {
  const out = JSON.parse(text) as Row;
  for (const field of Object.keys(row)) if (field !== SEALED_FIELD) out[field] = row[field];
  return out;
}

/**
 * The bytes a write stores, remembered as this row's: read back right after (the save's live
 * queries, the next page's read of its summaries), known already, not decrypted again. Only at
 * the write: bytes sealed ahead are not the row's yet, and remembered then they would hide the
 * bytes the row still has from the reads before that write (issue 15: every pulled page and every
 * note's save opened its patient's summary again, inside its transaction).
 */
function writtenBytes(table: string, key: CryptoKey, id: string, bytes: Uint8Array<ArrayBuffer>, text: string): Uint8Array<ArrayBuffer> {
  if (currentDataKey() === key) remember(table, id, bytes, text);
  return bytes;
}

/** The bytes sealed ahead for exactly this write (sealed-ahead.ts), taken and remembered as the row's. */
function takenAhead(table: string, key: CryptoKey, id: string, text: string): Uint8Array<ArrayBuffer> | undefined {
  const ready = takeReady(table, id, text, key);
  return ready && writtenBytes(table, key, id, ready, text);
}

/** The row's text from the memo of the last unlock, only if the row is still the very value it was opened from. */
function fromMemo(memo: ReadonlyMap<string, MemoLine> | undefined, id: string, sealed: Uint8Array): string | undefined {
  const line = memo?.get(id);
  return line && line.stamp === stampOf(sealed) ? line.text : undefined;
}

export function rowCodec(table: string, policy: TablePolicy, primaryKeyOf: (row: Row) => unknown): RowCodec {
  const isSealed = (row: unknown): row is Row =>
    typeof row === 'object' && row !== null && (row as Row)[SEALED_FIELD] instanceof Uint8Array;
  const idOf = (row: Row) => JSON.stringify(primaryKeyOf(row));
  const contextOf = contextsOf(table);
  async function openLater(key: CryptoKey, out: unknown[], unopened: readonly Unopened[]): Promise<unknown[]> {
    const texts = await unsealAll(key, unopened.map((u) => ({ context: contextOf(u.id), sealed: u.sealed })), table);
    // Still the same unlock: a key changed meanwhile must not find these rows remembered.
    const sameKey = currentDataKey() === key;
    unopened.forEach((u, i) => {
      if (sameKey) remember(table, u.id, u.sealed, texts[i]!);
      out[u.at] = merge(u.row, texts[i]!);
    });
    return out;
  }
  const split = (row: Row) => splitRow(policy, row);
  const sealText = (key: CryptoKey, row: Row, text: string) => seal(key, contextOf(idOf(row)), text);
  const written = (key: CryptoKey, id: string, bytes: Uint8Array<ArrayBuffer>, text: string) => writtenBytes(table, key, id, bytes, text);
  const ahead = (key: CryptoKey, id: string, text: string) => takenAhead(table, key, id, text);
  return {
    isSealed,
    async seal(row) {
      if (policy.rowStaysClear(row)) return row;
      const key = keyOrLocked(table);
      const { clear, text } = split(row);
      const id = idOf(row);
      clear[SEALED_FIELD] = ahead(key, id, text) ?? written(key, id, await sealText(key, row, text), text);
      return clear;
    },
    sealNow(row) {
      if (policy.rowStaysClear(row)) return row;
      const key = keyOrLocked(table);
      const { clear, text } = split(row);
      const id = idOf(row);
      // Sealed ahead for this write, or unchanged since read or written (only clear fields moved).
      const ready = ahead(key, id, text) ?? knownSealed(table, id, text);
      if (!ready) return undefined;
      clear[SEALED_FIELD] = ready;
      return clear;
    },
    async prepare(rows, keep) {
      const key = currentDataKey();
      if (!key) return;
      await Promise.all(
        rows.map(async (row) => {
          if (policy.rowStaysClear(row)) return;
          const { text } = split(row);
          keep(table, idOf(row), { key, text, sealed: await sealText(key, row, text) });
        }),
      );
    },
    openAll(rows, memo) {
      const key = currentDataKey();
      const out: unknown[] = [];
      const unopened: Unopened[] = [];
      rows.forEach((row, at) => {
        if (!isSealed(row) || !key) {
          out.push(isSealed(row) ? undefined : row);
          return;
        }
        const sealed = row[SEALED_FIELD] as Uint8Array<ArrayBuffer>;
        const id = idOf(row);
        const known = knownText(table, id, sealed);
        const text = known ?? fromMemo(memo, id, sealed);
        if (known === undefined && text !== undefined) remember(table, id, sealed, text);
        out.push(text === undefined ? undefined : merge(row, text));
        if (text === undefined) unopened.push({ at, row, id, sealed });
      });
      return unopened.length === 0 ? { now: out } : { later: openLater(key!, out, unopened) };
    },
  };
}
