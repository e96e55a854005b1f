// One sync round (push, then pull) and when to run it. Only one tab syncs at a time (Web Locks);
// the others see the result through Dexie's cross-tab live queries.
import type { ReleveDb } from '../db/schema';
import { markSessionExpired, setMeta } from '../db/meta';
import { carryingSession } from '../db/carrying-session';
import { isQuotaError } from '../db/storage-full';
import { hasDataKey } from '../db/vault/data-key';
import { pushOutbox } from './push';
import { checkServerIdentity } from './server-identity';
import { pullFeed } from './pull';
import { refreshTokens, revokeSignedOut } from './session-upkeep';
import { HttpError, OfflineError } from './http';
import { offlineSignalCount, reportBrowserOffline, reportServerReached, setLiveState } from './live-state';
import { syncSchedule } from './sync-schedule';
import { wipeTablet } from '../db/wipe';
import { setDataKey } from '../db/vault/data-key';
import { SYNC_LOCK } from './sync-lock';

export type SyncOutcome = 'done' | 'offline' | 'skipped' | 'failed' | 'locked';

async function syncUnlocked(db: ReleveDb): Promise<SyncOutcome> {
  setLiveState({ syncing: true });
  const offlineSignals = offlineSignalCount();
  try {
    await checkServerIdentity(db);
    await pushOutbox(db);
    await revokeSignedOut(db);
    await refreshTokens(db);
    // A colleague enrolled offline has no token: her enroller's pulls for her, or the tablet
    // would never learn that IT linked or refused her.
    const session = await carryingSession(db);
    if (session && !session.expired) {
      try {
        await pullFeed(db, session.token, session.user);
      } catch (err) {
        if (err instanceof HttpError && err.status === 401 && err.body?.error !== 'device_revoked') {
          await markSessionExpired(db, session.user.id);
        }
        throw err;
      }
    }
    await setMeta(db, 'lastSyncAt', new Date().toISOString());
    await setMeta(db, 'lastSyncError', null);
    reportServerReached(offlineSignals);
    return 'done';
  } catch (err) {
    if (err instanceof HttpError && err.status === 401 && err.body?.error === 'device_revoked') {
      // Revoked (lost or stolen): wiped now, at this first contact since.
      setDataKey(null);
      await wipeTablet(db);
      return 'failed';
    }
    if (err instanceof OfflineError) {
      setLiveState({ online: false });
      return 'offline';
    }
    // The server answered, so the path is up; what went wrong is kept for the sync screen.
    reportServerReached(offlineSignals);
    const message = isQuotaError(err)
      ? 'storage_full'
      : err instanceof HttpError
        ? (err.body?.error ?? `http_${err.status}`)
        : String(err);
    await setMeta(db, 'lastSyncError', message).catch(() => undefined);
    return 'failed';
  } finally {
    setLiveState({ syncing: false });
  }
}

/** One push-then-pull round, unless another tab is already syncing. */
export async function syncOnce(db: ReleveDb): Promise<SyncOutcome> {
  // Locked, the tokens and the entries are sealed (db/vault): nothing can be sent or stored.
  // The loop runs only while someone has the tablet open; unsent entries wait, kept.
  if (!hasDataKey()) return 'locked';
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return syncUnlocked(db);
  return locks.request(SYNC_LOCK, { ifAvailable: true }, async (lock) =>
    lock ? syncUnlocked(db) : ('skipped' as const),
  );
}

let running: Promise<SyncOutcome> | null = null;
let again = false;
const outcomeListeners = new Set<(outcome: SyncOutcome) => void>();

/** Asks for a sync; calls during a running sync coalesce into one more round after it. */
export function requestSync(db: ReleveDb): void {
  if (running) {
    again = true;
    return;
  }
  running = syncOnce(db)
    .then((outcome) => {
      for (const l of outcomeListeners) l(outcome);
      return outcome;
    })
    .finally(() => {
      running = null;
      if (again) {
        again = false;
        requestSync(db);
      }
    });
}

/**
 * Syncs on `online` (after a random delay, see backoff.ts), when the tablet is looked at again,
 * after a save, on demand, and on a timer: every 30 s while syncs succeed, backing off with
 * jitter while they fail (sync-schedule.ts). "Online" in the status bar means the server answered
 * at the last contact (a ward's network can be up while the server is down), so the browser's
 * `online` event is only a reason to try. Its `offline` event is believed at once: the tablet has
 * no network at all, and a nurse must not read "online" for up to 30 s (or while a running round
 * waits on its request). A round is asked for as well, so a server the tablet still reaches without a network
 * (on the tablet itself) turns it back.
 */
export function startSyncLoop(db: ReleveDb): () => void {
  const kick = () => requestSync(db);
  const schedule = syncSchedule(kick);
  const onOutcome = (outcome: SyncOutcome) => schedule.roundEnded(outcome);
  const onOnline = () => schedule.networkReturned();
  const onOffline = () => {
    reportBrowserOffline();
    kick();
  };
  const onVisible = () => {
    if (document.visibilityState === 'visible') kick();
  };
  outcomeListeners.add(onOutcome);
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  document.addEventListener('visibilitychange', onVisible);
  kick();
  return () => {
    outcomeListeners.delete(onOutcome);
    window.removeEventListener('online', onOnline);
    window.removeEventListener('offline', onOffline);
    document.removeEventListener('visibilitychange', onVisible);
    schedule.stop();
  };
}
