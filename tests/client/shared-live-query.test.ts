// One live query however many screens read it (data/shared-live-query.ts): the session is read
// by ten components at each start, and each used to open its own query.
import { describe, it, expect } from 'vitest';
import { freshDb } from './helpers';
import { sharedLiveQuery } from '../../src/client/data/shared-live-query';

/** Resolves once `check` holds, polling the event loop (a live query answers asynchronously). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
}

/** A shared query of one meta value on a fresh, opened database, counting the times it runs. */
async function metaReader(key: 'lastPullAt' | 'lastSyncAt') {
  const db = freshDb();
  await db.open(); // A new database writes its first meta row as it opens: a change of its own.
  const counted = { runs: 0 };
  const shared = sharedLiveQuery(async () => {
    counted.runs += 1;
    return (await db.meta.get(key))?.value ?? null;
  });
  return { db, shared, counted };
}

describe('a live query shared by its readers', () => {
  it('runs once for several readers, tells each of them, and runs once again per change', async () => {
    const { db, shared, counted } = await metaReader('lastPullAt');
    const told = [0, 0, 0];
    const leave = told.map((_, i) => shared.subscribe(() => void (told[i]! += 1)));
    await until(() => told.every((n) => n === 1));
    expect(counted.runs).toBe(1);
    expect(shared.answer()).toEqual({ value: null });

    await db.meta.put({ key: 'lastPullAt', value: '2026-12-02T21:00:00.000Z' });
    await until(() => told.every((n) => n === 2));
    expect(counted.runs).toBe(2);
    expect(shared.answer()).toEqual({ value: '2026-12-02T21:00:00.000Z' });
    for (const l of leave) l();
  });

  it('closes with its last reader, and a later reader gets a fresh answer, never the old one', async () => {
    const { db, shared, counted } = await metaReader('lastSyncAt');
    const first = shared.subscribe(() => undefined);
    const second = shared.subscribe(() => undefined);
    await until(() => shared.answer() !== undefined);
    first();
    expect(shared.answer()).toEqual({ value: null });
    second();
    expect(shared.answer()).toBeUndefined();

    // Written while nobody reads: no query runs, and the next reader sees the new value.
    await db.meta.put({ key: 'lastSyncAt', value: '2026-12-02T22:00:00.000Z' });
    expect(counted.runs).toBe(1);
    const third = shared.subscribe(() => undefined);
    expect(shared.answer()).toBeUndefined();
    await until(() => shared.answer() !== undefined);
    expect(shared.answer()).toEqual({ value: '2026-12-02T22:00:00.000Z' });
    third();
  });

  it('hands its readers the error the query threw', async () => {
    const shared = sharedLiveQuery<number>(() => Promise.reject(new Error('disk gone')));
    const leave = shared.subscribe(() => undefined);
    await until(() => shared.answer() !== undefined);
    const answer = shared.answer();
    expect(answer && 'error' in answer ? (answer.error as Error).message : null).toBe('disk gone');
    leave();
  });

  it('is held before any screen reads it: its first answer is there for the first render, and it closes once let go', async () => {
    const { db, shared, counted } = await metaReader('lastPullAt');
    const held = shared.hold();
    await held.ready;
    expect(shared.answer()).toEqual({ value: null });
    // A component arriving now finds the answer without a query of its own.
    let told = 0;
    const leave = shared.subscribe(() => void (told += 1));
    expect(shared.answer()).toEqual({ value: null });
    expect(counted.runs).toBe(1);
    held.release();
    // Still read by the component: still live.
    await db.meta.put({ key: 'lastPullAt', value: '2026-12-03T05:00:00.000Z' });
    await until(() => told === 1);
    expect(shared.answer()).toEqual({ value: '2026-12-03T05:00:00.000Z' });
    leave();
    expect(shared.answer()).toBeUndefined();
    // A hold taken when the answer is already there is ready at once.
    const keep = shared.subscribe(() => undefined);
    await until(() => shared.answer() !== undefined);
    const again = shared.hold();
    await again.ready;
    again.release();
    expect(shared.answer()).toEqual({ value: '2026-12-03T05:00:00.000Z' });
    keep();
  });
});
