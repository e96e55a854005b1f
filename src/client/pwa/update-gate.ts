// The update gate. A new service worker waits ('prompt' mode) until the person chooses
// "install now"; while a draft is being typed the app refuses, so an update never eats a note.
import { registerSW } from 'virtual:pwa-register';

/** How long the new version has to take over before this page reloads to let it. */
const TAKEOVER_WAIT_MS = 4_000;
/** After that reload, how long to watch for the new version to become the active one. */
const AFTER_RELOAD_WAIT_MS = 15_000;
/** Survives the reload: this page was reloaded to finish installing a version. */
const SWITCHING_KEY = 'releve.update.switching';

export interface UpdateState {
  needRefresh: boolean;
  offlineReady: boolean;
}

let state: UpdateState = { needRefresh: false, offlineReady: false };
let applyUpdate: ((reload?: boolean) => Promise<void>) | null = null;
/** Whether the page may reload now (no draft), as the caller of registerServiceWorker says. */
let mayReload: () => Promise<boolean> = () => Promise.resolve(false);
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

/**
 * `canReload` says whether the page may reload now (no draft): the reloads that finish an install
 * come seconds after the tap, and must not eat a note begun meanwhile.
 */
export function registerServiceWorker(canReload: () => Promise<boolean>): void {
  if (!('serviceWorker' in navigator)) return;
  mayReload = canReload;
  if (takeSwitchingMark()) void finishSwitch();
  applyUpdate = registerSW({
    immediate: true,
    onNeedRefresh: () => set({ needRefresh: true }),
    onOfflineReady: () => set({ offlineReady: true }),
    // The new version took over: its page loads, unless a draft was begun since the tap (the
    // page then stays as it is, and the next load is the new release).
    onNeedReload: () => void reloadIfAllowed(),
    // Look for a new version every hour on long-running ward tablets.
    onRegisteredSW: (_url, registration) => {
      if (registration) setInterval(() => void registration.update().catch(() => undefined), 60 * 60 * 1000);
    },
  });
}

/**
 * Activates the waiting version and reloads. The caller has checked that no draft is dirty.
 *
 * Chromium can park the switch for good: a request this page makes while the new service worker
 * goes from waiting to active wakes the old one, the activation is dropped, and the new version
 * stays "waiting" however often it is told to skip waiting (tests/e2e/app-update.test.ts saw it
 * after a save's push, about one run in five). So `quiet` first stops the page's own requests (the
 * caller holds the sync, and gets it back through the function `quiet` returns), and if the new
 * version has not taken over in a few seconds this page reloads: a page going away lets it take
 * over. A draft begun meanwhile forbids that reload; the sync then resumes, and the banner stays.
 */
export async function installUpdate(quiet: () => Promise<() => void>): Promise<void> {
  const resume = await quiet();
  markSwitching();
  // Taken over as it should: the reload workbox-window makes on this event lands on the new
  // version, and needs no second one.
  navigator.serviceWorker.addEventListener('controllerchange', takeSwitchingMark, { once: true });
  await applyUpdate?.(true);
  window.setTimeout(() => void reloadIfAllowed().then((reloading) => reloading || resume()), TAKEOVER_WAIT_MS);
}

/**
 * The page after that reload may still be the old release (served before the new worker took
 * over): once no version waits any more, one more reload loads the new one. The mark is gone
 * first, so this happens once; if the version still waits, the banner offers it again.
 */
async function finishSwitch(): Promise<void> {
  const deadline = Date.now() + AFTER_RELOAD_WAIT_MS;
  for (;;) {
    const reg = await navigator.serviceWorker.getRegistration();
    if (!reg) return;
    if (!reg.waiting && !reg.installing && reg.active?.state === 'activated') break;
    if (Date.now() > deadline) return;
    await new Promise((r) => window.setTimeout(r, 250));
  }
  await reloadIfAllowed();
}

/** Reloads unless a draft exists; says whether it did. */
async function reloadIfAllowed(): Promise<boolean> {
  if (!(await mayReload())) return false;
  window.location.reload();
  return true;
}

function markSwitching(): void {
  try {
    sessionStorage.setItem(SWITCHING_KEY, '1');
  } catch {
    // Private mode without storage: a parked switch is then offered again by the banner.
  }
}

function takeSwitchingMark(): boolean {
  try {
    const marked = sessionStorage.getItem(SWITCHING_KEY) === '1';
    sessionStorage.removeItem(SWITCHING_KEY);
    return marked;
  } catch {
    return false;
  }
}

/**
 * "Later": hide the prompt for this page load. The waiting version is offered again on the next
 * load, and a newer release found meanwhile prompts again (tests/e2e/app-update.test.ts).
 */
export function postponeUpdate(): void {
  set({ needRefresh: false });
}
