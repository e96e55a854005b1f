// A full disk: the push is refused with 507 storage_full, nothing of the batch is half-written,
// and the server keeps serving. The disk is "filled" with SQLite's max_page_count.
import { describe, expect, it } from 'vitest';
import { closeAll, entryBy, login, patientsOf, pull, push, pushRaw, testApp } from './helpers';

const count = (sqlite: import('better-sqlite3').Database, table: 'entries' | 'feed') =>
  (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

describe('storage full', () => {
  it('answers 507 storage_full, rolls the whole batch back, and recovers once there is room', async () => {
    const { app, store } = await testApp();
    const nurse = await login(app, 'demo-nurse');
    const [patient] = await patientsOf(store, 'MED');
    const long = 'Observation détaillée. '.repeat(170); // ~4 KB per field
    const batch = await Promise.all(
      Array.from({ length: 120 }, () => entryBy(nurse, { patient, body: { target: 'Surveillance', data: long, actions: long, results: long } })),
    );
    const entriesBefore = count(store.sqlite, 'entries');
    const feedBefore = count(store.sqlite, 'feed');
    const pages = store.sqlite.pragma('page_count', { simple: true }) as number;
    store.sqlite.pragma(`max_page_count = ${pages + 20}`);

    const res = await pushRaw(app, nurse, batch);
    expect(res.statusCode).toBe(507);
    expect(res.json()).toEqual({ error: 'storage_full', details: expect.stringMatching(/paper/) });
    expect(count(store.sqlite, 'entries')).toBe(entriesBefore);
    expect(count(store.sqlite, 'feed')).toBe(feedBefore);
    expect(store.sqlite.inTransaction).toBe(false);

    // Still serving: reads work while the disk is full...
    expect((await pull(app, nurse, 0, 5)).entries).toHaveLength(5);
    // ...and once IT frees space, the same batch goes through whole.
    store.sqlite.pragma('max_page_count = 1073741823');
    const { results } = await push(app, nurse, batch);
    expect(results.every((r) => r.status === 'accepted')).toBe(true);
    expect(count(store.sqlite, 'entries')).toBe(entriesBefore + batch.length);
    await closeAll(app, store);
  });
});
