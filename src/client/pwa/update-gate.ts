// The update gate. A new service worker waits ('prompt' mode) until the person chooses
// "install now"; while a draft is being typed the app refuses, so an update never eats a note.
import { registerSW } from 'virtual:pwa-register';

export interface UpdateState {
  needRefresh: boolean;
  offlineReady: boolean;
}

let state: UpdateState = { needRefresh: false, offlineReady: false };
let applyUpdate: ((reload?: boolean) => Promise<void>) | null = null;
const listeners = new Set<() => void>();

function set(patch: Partial<UpdateState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

export function getUpdateState(): UpdateState {
  return state;
}

export function subscribeUpdate(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  applyUpdate = registerSW({
    immediate: true,
    onNeedRefresh: () => set({ needRefresh: true }),
    onOfflineReady: () => set({ offlineReady: true }),
    // Look for a new version every hour on long-running ward tablets.
    onRegisteredSW: (_url, registration) => {
      if (registration) setInterval(() => void registration.update().catch(() => undefined), 60 * 60 * 1000);
    },
  });
}

/** Activates the waiting version and reloads. The caller has checked that no draft is dirty. */
export async function installUpdate(): Promise<void> {
  await applyUpdate?.(true);
}

/**
 * "Later": hide the prompt for this page load. The waiting version is offered again on the next
 * load, and a newer release found meanwhile prompts again (tests/e2e/app-update.test.ts).
 */
export function postponeUpdate(): void {
  set({ needRefresh: false });
}
