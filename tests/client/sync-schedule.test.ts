// The next round's time: the soonest reason wins, so a failing round does not delay the sync the
// network's return asked for.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { syncSchedule } from '../../src/client/sync/sync-schedule';
import { ONLINE_SPREAD_MS, retryDelay, SYNC_INTERVAL_MS } from '../../src/client/sync/backoff';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Milliseconds from now to the next kick, or Infinity if none comes within an hour. */
function untilKick(kicks: number[]): number {
  const before = kicks.length;
  const start = Date.now();
  for (let waited = 0; waited < 3_600_000; waited += 100) {
    vi.advanceTimersByTime(100);
    if (kicks.length > before) return Date.now() - start;
  }
  return Infinity;
}

function recorder() {
  const kicks: number[] = [];
  return { kicks, kick: () => kicks.push(Date.now()) };
}

describe('sync schedule', () => {
  it('syncs every 30 s while rounds succeed', () => {
    const { kicks, kick } = recorder();
    const schedule = syncSchedule(kick, () => 0.5);
    schedule.roundEnded('done');
    expect(untilKick(kicks)).toBe(SYNC_INTERVAL_MS);
    schedule.stop();
  });

  it('backs off while rounds fail', () => {
    const { kicks, kick } = recorder();
    const schedule = syncSchedule(kick, () => 0.5);
    for (let failures = 1; failures <= 6; failures++) {
      schedule.roundEnded('offline');
      expect(untilKick(kicks)).toBe(Math.ceil(retryDelay(failures, () => 0.5) / 100) * 100);
    }
    schedule.stop();
  });

  it('keeps the network return’s short delay when a failing round ends after it', () => {
    const { kicks, kick } = recorder();
    const schedule = syncSchedule(kick, () => 0.99);
    // Six failures in a row: the next retry is half a minute or more away.
    for (let i = 0; i < 6; i++) {
      schedule.roundEnded('offline');
      untilKick(kicks);
    }
    schedule.roundEnded('offline');
    schedule.networkReturned();
    // The round running when the network came back fails too, a moment later.
    vi.advanceTimersByTime(200);
    schedule.roundEnded('failed');
    expect(untilKick(kicks)).toBeLessThanOrEqual(ONLINE_SPREAD_MS);
    schedule.stop();
  });

  it('brings a far backoff forward when the network returns', () => {
    const { kicks, kick } = recorder();
    const schedule = syncSchedule(kick, () => 0.99);
    for (let i = 0; i < 8; i++) schedule.roundEnded('offline');
    schedule.networkReturned();
    expect(untilKick(kicks)).toBeLessThanOrEqual(ONLINE_SPREAD_MS);
    schedule.stop();
  });

  it('runs nothing after it is stopped', () => {
    const { kicks, kick } = recorder();
    const schedule = syncSchedule(kick);
    schedule.roundEnded('done');
    schedule.networkReturned();
    schedule.stop();
    expect(untilKick(kicks)).toBe(Infinity);
  });
});
