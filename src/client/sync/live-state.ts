// What the sync loop knows that is not worth storing: is the server reachable right now, and
// is a sync running. The UI reads it through one store (useSyncExternalStore), as in cht-core.
export interface LiveSyncState {
  /** null until the first attempt: we never trust navigator.onLine alone. */
  online: boolean | null;
  syncing: boolean;
}

let state: LiveSyncState = { online: null, syncing: false };
const listeners = new Set<() => void>();

export function getLiveState(): LiveSyncState {
  return state;
}

export function setLiveState(patch: Partial<LiveSyncState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

let offlineSignals = 0;

/** The browser says the tablet has no network: believed at once (loop.ts). */
export function reportBrowserOffline(): void {
  offlineSignals++;
  setLiveState({ online: false });
}

/**
 * Marks the server reached, unless the browser said "offline" since `since` (a count taken from
 * `offlineSignalCount()` when the round began): a round whose requests all went through just
 * before the network dropped must not turn the bar, and every online-only button, back to online.
 */
export function reportServerReached(since: number): void {
  if (offlineSignals === since) setLiveState({ online: true });
}

export function offlineSignalCount(): number {
  return offlineSignals;
}

export function subscribeLiveState(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
