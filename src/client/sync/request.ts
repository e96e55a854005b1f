// The first screens ask for a sync through here. The loop (push, pull, session upkeep, wipe on
// revocation) is a chunk of its own, loaded just after the first paint, so it is not part of
// the first load (issue 15). A request made before that chunk is in waits for it: a tap on
// "Synchroniser", or a save, during start-up still syncs.
import type { ReleveDb } from '../db/schema';
import type { SyncOutcome } from './loop';

type Loop = typeof import('./loop');

let loading: Promise<Loop> | null = null;

/** The loop's module, loaded once; a failed load (server gone mid-deploy) is tried again next time. */
export function loadSyncLoop(): Promise<Loop> {
  loading ??= import('./loop').catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}

/** Asks for a sync (see loop.ts: calls during a running sync coalesce into one more round). */
export function requestSync(db: ReleveDb): void {
  loadSyncLoop().then(
    (loop) => loop.requestSync(db),
    // Nothing is lost: the entries stay in the outbox, and the loop's next start sends them.
    (err: unknown) => console.error('sync loop not loaded', err),
  );
}

/** One push-then-pull round, awaited (signing out waits for her entries to leave). */
export async function syncOnce(db: ReleveDb): Promise<SyncOutcome> {
  return (await loadSyncLoop()).syncOnce(db);
}
