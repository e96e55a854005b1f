// 200 tablets coming back at once must spread out, and a failing server must be left alone longer
// and longer, each tablet at its own random moment.
import { describe, expect, it } from 'vitest';
import { nextSyncDelay, onlineDelay, ONLINE_SPREAD_MS, retryDelay, RETRY_BASE_MS, RETRY_CAP_MS, SYNC_INTERVAL_MS } from '../../src/client/sync/backoff';

/** A seeded random source (mulberry32), so the spread below is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The most tablets that fall in any one second. */
function busiestSecond(delaysMs: number[]): number {
  const perSecond = new Map<number, number>();
  for (const d of delaysMs) perSecond.set(Math.floor(d / 1000), (perSecond.get(Math.floor(d / 1000)) ?? 0) + 1);
  return Math.max(...perSecond.values());
}

describe('reconnection backoff', () => {
  it('doubles the ceiling at each failure in a row, up to the cap, never below half of it', () => {
    for (const [failures, ceiling] of [[1, RETRY_BASE_MS], [2, 2 * RETRY_BASE_MS], [4, 8 * RETRY_BASE_MS], [30, RETRY_CAP_MS]] as const) {
      expect(retryDelay(failures, () => 0)).toBe(ceiling / 2);
      expect(retryDelay(failures, () => 0.999999)).toBeCloseTo(ceiling, -1);
    }
  });

  it('syncs every 30 s while syncs succeed, and backs off while they fail', () => {
    expect(nextSyncDelay(0)).toBe(SYNC_INTERVAL_MS);
    const random = seeded(7);
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => nextSyncDelay(n, random));
    expect(delays[8]!).toBeGreaterThan(delays[0]! * 20);
    expect(Math.max(...delays)).toBeLessThanOrEqual(RETRY_CAP_MS);
  });

  it('spreads 200 tablets that see the network come back at once over ONLINE_SPREAD_MS', () => {
    const random = seeded(42);
    const delays = Array.from({ length: 200 }, () => onlineDelay(random));
    expect(Math.max(...delays)).toBeLessThanOrEqual(ONLINE_SPREAD_MS);
    // A fixed schedule would put all 200 in the same second; spread, about 20 a second.
    expect(busiestSecond(delays)).toBeLessThanOrEqual(35);
  });

  it('spreads their retries wider at each failure, so a struggling server gets room', () => {
    const random = seeded(3);
    const third = Array.from({ length: 200 }, () => retryDelay(3, random));
    const sixth = Array.from({ length: 200 }, () => retryDelay(6, random));
    expect(busiestSecond(sixth)).toBeLessThan(busiestSecond(third));
    expect(busiestSecond(sixth)).toBeLessThanOrEqual(20);
  });
});
