// Start-up of the data side: device identity, service worker, and the sync loop.
import { db } from '../db/schema';
import { ensureDeviceId } from '../db/meta';
import { startSyncLoop } from '../sync/loop';
import { registerServiceWorker } from '../pwa/update-gate';
import { resumeOpen, startAutoLock } from './lock-state';

export async function startClient(): Promise<void> {
  await resumeOpen();
  await ensureDeviceId(db());
  registerServiceWorker();
  startSyncLoop(db());
  startAutoLock();
}
