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

/** Where a sealed row goes: the ready bytes of the next write, or a batch kept for later. */
export type Keep = (table: string, id: string, value: Ready) => void;

/** What a table's codec does ahead of time: seal rows into `keep` (the vault's rows.ts). */
type Preparer = (rows: readonly Record<string, unknown>[], keep: Keep) => Promise<void>;

const ready = new Map<string, Ready>();
const preparers = new Map<string, Preparer>();
onDataKeyChange(() => ready.clear());

const slot = (table: string, id: string) => `${table}\u0000${id}`;

export function registerPreparer(table: string, prepare: Preparer): void {
  preparers.set(table, prepare);
}

function putReady(table: string, id: string, value: Ready): void {
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
  await preparers.get(table)?.(rows as readonly Record<string, unknown>[], putReady);
}

/** Rows sealed for a write that is not the next one, kept out of `ready` until it comes. */
export type SealedBatch = readonly (readonly [string, string, Ready])[];

/**
 * Seals `rows` of `table` for a later write (the next pulled page, while this one is written):
 * held apart, so the writes in between neither take nor drop them; `readySealed` hands them to
 * their write. Unused (that write never comes), they are simply forgotten with the batch.
 */
export async function sealForLater(table: string, rows: readonly object[]): Promise<SealedBatch> {
  const batch: (readonly [string, string, Ready])[] = [];
  await preparers.get(table)?.(rows as readonly Record<string, unknown>[], (t, id, value) => batch.push([t, id, value]));
  return batch;
}

/** The batch's rows made ready for the write about to start (same checks as any row sealed ahead). */
export function readySealed(batch: SealedBatch): void {
  for (const [table, id, value] of batch) putReady(table, id, value);
}
