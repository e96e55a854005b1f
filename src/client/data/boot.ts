// Start-up of the data side: device identity, service worker, and the sync loop.
import { db } from '../db/schema';
import { ensureDeviceId } from '../db/meta';
import { loadSyncLoop } from '../sync/request';
import { registerServiceWorker } from '../pwa/update-gate';
import { resumeOpen, startAutoLock } from './lock-state';
import { hasNoDraft } from './drafts';

/** A retry when the loop's chunk could not be fetched (server restarting while the page loads). */
const LOOP_LOAD_RETRY_MS = 30_000;
/** A hidden tab paints no frame: its sync must not wait for someone to look at it. */
const NO_FRAME_FALLBACK_MS = 500;

let opened: Promise<void> | null = null;

/**
 * The keyring and the app's database, opened side by side: an open is a round trip to the
 * browser's storage, and the first screen's reads (first-screen.ts) wait for both.
 */
export function openStores(): Promise<void> {
  opened ??= Promise.all([resumeOpen(), db().open()]).then(() => undefined);
  return opened;
}

export async function startClient(): Promise<void> {
  await openStores();
  await ensureDeviceId(db());
  registerServiceWorker(hasNoDraft);
  afterFirstPaint(startLoop);
  startAutoLock();
}

// The loop is fetched after the first paint, not before it (issue 15: it is not on the first
// load); it starts syncing at once when loaded, as it did when it came with the first load.
function startLoop(): void {
  loadSyncLoop().then(
    (loop) => loop.startSyncLoop(db()),
    (err: unknown) => {
      console.error('sync loop not loaded', err);
      window.setTimeout(startLoop, LOOP_LOAD_RETRY_MS);
    },
  );
}

function afterFirstPaint(run: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    run();
  };
  requestAnimationFrame(() => window.setTimeout(once, 0));
  window.setTimeout(once, NO_FRAME_FALLBACK_MS);
}
