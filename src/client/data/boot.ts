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

export async function startClient(): Promise<void> {
  // The keyring and the app's database open side by side: an open is a round trip to the
  // browser's storage, and the board's first reads wait for both.
  await Promise.all([resumeOpen(), db().open()]);
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
