// When to try again. A ward's tablets lose the network together and get it back together: if
// each retried on a fixed period, 200 of them would reach the server in the same second, queue
// behind each other, and fail together again. So retries back off exponentially, each with its
// own random share (jitter), and the return of the network is answered after a random delay.

/** Healthy: a sync every 30 s picks up colleagues' entries. */
export const SYNC_INTERVAL_MS = 30_000;
/** First retry after a failure, doubled at each failure after it... */
export const RETRY_BASE_MS = 2_000;
/** ...up to this: a tablet offline for hours still tries every few minutes (and at once when looked at). */
export const RETRY_CAP_MS = 3 * 60_000;
/** The `online` event reaches every tablet of a ward at once: they answer over this much time. */
export const ONLINE_SPREAD_MS = 10_000;

/** Delay before the next attempt after `failures` failed syncs in a row (1 or more). */
export function retryDelay(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, failures - 1));
  // Half fixed, half random: never hammering at once, never waiting past the ceiling.
  return ceiling / 2 + random() * (ceiling / 2);
}

/** Delay before syncing when the browser says the network is back. */
export const onlineDelay = (random: () => number = Math.random): number => random() * ONLINE_SPREAD_MS;

/** Delay before the next sync, given how the last one went and how many failed in a row before it. */
export function nextSyncDelay(failuresInARow: number, random: () => number = Math.random): number {
  return failuresInARow === 0 ? SYNC_INTERVAL_MS : retryDelay(failuresInARow, random);
}
