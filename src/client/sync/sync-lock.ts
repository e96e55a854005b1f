// The Web Lock one sync round holds, so only one tab syncs at a time. Installing a new version
// holds it too: the page must make no request while the new service worker takes over (see
// pwa/update-gate.ts).
export const SYNC_LOCK = 'releve-sync';

/** How long a running round may take to finish before the install goes on without waiting. */
const QUIET_WAIT_MS = 5_000;

/**
 * Waits for the running round (at most `waitMs`), then keeps every later round from starting
 * until the page goes away or the returned function is called: a round finding the lock taken
 * is skipped, its entries kept for the next.
 */
export async function holdSync(waitMs = QUIET_WAIT_MS): Promise<() => void> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return () => undefined;
  const signal = AbortSignal.timeout(waitMs);
  let release: () => void = () => undefined;
  await new Promise<void>((held) => {
    locks
      .request(SYNC_LOCK, { signal }, () => {
        held();
        return new Promise<void>((done) => (release = done));
      })
      // Not had in time (a round stuck on a slow answer): go on without it.
      .catch(() => held());
  });
  return () => release();
}
