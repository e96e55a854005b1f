// A DBCore cursor over rows already read and opened. A real IndexedDB cursor hands each value
// synchronously, which leaves no room to decrypt it; so the vault reads the whole range at once,
// opens it in one batch, and walks it here with the cursor's own semantics (continue to a key,
// advance, stop), which Dexie's filter(), each() and offset() rely on.
import { cmp, type DBCoreCursor, type DBCoreTransaction } from 'dexie';

export interface CursorRow {
  key: unknown;
  primaryKey: unknown;
  value: unknown;
}

export function memoryCursor(trans: DBCoreTransaction, rows: readonly CursorRow[], reverse: boolean): DBCoreCursor | null {
  if (rows.length === 0) return null;
  const dir = reverse ? -1 : 1;
  let pos = 0;
  let moved = false;
  let stopped = false;
  let looping = false;
  let onNext: (() => void) | null = null;
  let finish: { resolve: (v: unknown) => void; reject: (e: Error) => void } | null = null;

  const stop = (value?: unknown) => {
    stopped = true;
    finish?.resolve(value);
  };
  const fail = (err: Error) => {
    stopped = true;
    finish?.reject(err);
  };
  const run = () => {
    looping = true;
    while (!stopped) {
      if (pos >= rows.length) {
        cursor.done = true;
        stop();
        break;
      }
      moved = false;
      try {
        onNext?.();
      } catch (err) {
        fail(err instanceof Error ? err : new Error(String(err)));
      }
      if (!moved) break; // the callback will move later, as it would with a real cursor
    }
    looping = false;
  };
  const moveTo = (next: number) => {
    pos = next;
    moved = true;
    if (!looping && !stopped) queueMicrotask(run);
  };
  const seek = (before: (row: CursorRow) => boolean) => {
    let next = pos + 1;
    while (next < rows.length && before(rows[next]!)) next += 1;
    moveTo(next);
  };

  const cursor = {
    trans,
    done: false,
    get key() { return rows[pos]?.key; },
    get primaryKey() { return rows[pos]?.primaryKey; },
    get value() { return rows[pos]?.value; },
    continue(key?: unknown) {
      if (key === undefined) moveTo(pos + 1);
      else seek((row) => cmp(row.key, key) * dir < 0);
    },
    continuePrimaryKey(key: unknown, primaryKey: unknown) {
      seek((row) => (cmp(row.key, key) || cmp(row.primaryKey, primaryKey)) * dir < 0);
    },
    advance(count: number) {
      moveTo(pos + count);
    },
    start(callback: () => void) {
      onNext = callback;
      stopped = false; // next() starts the same cursor again after each stop
      return new Promise((resolve, reject) => {
        finish = { resolve, reject };
        run();
      });
    },
    stop,
    fail,
    next() {
      let first = true;
      return cursor.start(() => (first ? ((first = false), cursor.continue()) : cursor.stop())).then(() => cursor);
    },
  } as DBCoreCursor & { done: boolean };
  return cursor;
}
