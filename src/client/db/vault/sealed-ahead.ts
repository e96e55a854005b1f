// Rows sealed before their write transaction opens. Sealing is WebCrypto, which answers outside
// IndexedDB's transaction: done inside, the vault must keep the transaction alive with dummy
// reads until it answers, on the hot path of every save and every pulled page (issue 15). A
// writer that knows its rows beforehand seals them here first; the vault's write then finds the
// sealed bytes ready, for the same table, primary key, content and data key, and uses each once
// (every write still gets its own IV). A row changed in between simply misses and is sealed as
// before: the ready bytes are a shortcut, never a second source of truth.
import { onDataKeyChange } from './data-key';

/** Bounds what unused seals (a save that then failed) can hold; beyond it, all are dropped. */
const MAX_READY = 20_000;

interface Ready {
  key: CryptoKey;
  text: string;
  sealed: Uint8Array<ArrayBuffer>;
}

/** What a table's codec does ahead of time: seal rows into `ready` (the vault's rows.ts). */
type Preparer = (rows: readonly Record<string, unknown>[]) => Promise<void>;

const ready = new Map<string, Ready>();
const preparers = new Map<string, Preparer>();
onDataKeyChange(() => ready.clear());

const slot = (table: string, id: string) => `${table}\u0000${id}`;

export function registerPreparer(table: string, prepare: Preparer): void {
  preparers.set(table, prepare);
}

export function putReady(table: string, id: string, value: Ready): void {
  if (ready.size >= MAX_READY) ready.clear();
  ready.set(slot(table, id), value);
}

/** The bytes sealed ahead for exactly this content under this key, taken (used once). */
export function takeReady(table: string, id: string, text: string, key: CryptoKey): Uint8Array<ArrayBuffer> | undefined {
  const at = slot(table, id);
  const hit = ready.get(at);
  if (!hit || hit.key !== key || hit.text !== text) return undefined;
  ready.delete(at);
  return hit.sealed;
}

/**
 * Forgets every row sealed ahead and not taken: called when the write that sealed them is over
 * (committed or not), so their clear JSON does not stay in memory until the next lock. A write
 * running at the same moment then seals its rows inside its transaction, as without this file.
 */
export function dropSealedAhead(): void {
  ready.clear();
}

/** How many rows wait sealed ahead (tests). */
export function sealedAheadCount(): number {
  return ready.size;
}

/**
 * Seals `rows` of `table` now, outside any transaction, so their write finds them sealed. Rows
 * must be given as the vault will receive them (after the middlewares above it). Locked, or for
 * a table the vault has not opened yet, it does nothing: the write then behaves as without it.
 */
export async function sealAhead(table: string, rows: readonly object[]): Promise<void> {
  await preparers.get(table)?.(rows as readonly Record<string, unknown>[]);
}
