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

export function subscribeLiveState(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
