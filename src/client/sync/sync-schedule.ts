// When the next sync round runs. Several reasons ask for one: a round's outcome (every 30 s while
// syncs succeed, backing off while they fail), and the network's return (within a few seconds).
// The soonest wins. A round still failing when the network comes back must not push the return's
// short delay out to its backoff: after a few failures that is half a minute or more, and the
// nurse would wait for a sync the bar says should come (or tap "Synchroniser" for it).
import { nextSyncDelay, onlineDelay } from './backoff';
import type { SyncOutcome } from './loop';

export interface SyncSchedule {
  /** A round ended: count its failure, or reset the count, and set the next round. */
  roundEnded(outcome: SyncOutcome): void;
  /** The browser says the network is back. */
  networkReturned(): void;
  stop(): void;
}

export function syncSchedule(kick: () => void, random: () => number = Math.random): SyncSchedule {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dueAt = Infinity;
  let failures = 0;
  const within = (ms: number) => {
    const at = Date.now() + ms;
    if (timer !== undefined && dueAt <= at) return;
    clearTimeout(timer);
    dueAt = at;
    timer = setTimeout(() => {
      timer = undefined;
      dueAt = Infinity;
      kick();
    }, ms);
  };
  return {
    roundEnded(outcome) {
      failures = outcome === 'offline' || outcome === 'failed' ? failures + 1 : 0;
      within(nextSyncDelay(failures, random));
    },
    networkReturned: () => within(onlineDelay(random)),
    stop() {
      clearTimeout(timer);
      timer = undefined;
      dueAt = Infinity;
    },
  };
}
