// The push reads the outbox a run's worth at a time (issue 15): in deviceSeq order from the
// outbox's clear [state+deviceSeq] index, the first run sent after opening 500 entries, not the
// whole outbox. Against the real server (a real SQLite file, Fastify on a port, HTTP).
import { describe, it, expect, vi } from 'vitest';
import { entryReads, freshDb } from './helpers';
import { login, entryBy, patientsOf } from '../server/helpers';
import { listeningServer } from './server-tablet';
import { ReleveDb } from '../../src/client/db/schema';
import { ensureDeviceId, setMeta } from '../../src/client/db/meta';
import { setCurrentPerson } from '../../src/client/db/keyring/keyring';
import { KeyringDb } from '../../src/client/db/keyring/keyring-db';
import { pushOutbox } from '../../src/client/sync/push';
import type { Entry } from '../../src/domain/entry';
import { MAX_PUSH_ENTRIES } from '../../src/domain/protocol';
import Dexie from 'dexie';

const server = listeningServer();

/**
 * `count` notes waiting in a signed-in tablet's outbox, their ids in the opposite order to their
 * deviceSeq (only the marks' deviceSeq can give the device's order). `marked`: whether the marks
 * carry deviceSeq, as appendEntry writes them since version 5.
 */
async function waitingNotes(db: ReleveDb, count: number, marked: boolean): Promise<{ deviceId: string; entries: Entry[] }> {
  const deviceId = await ensureDeviceId(db);
  const t = await login(server.app, 'demo-nurse', deviceId);
  await setMeta(db, 'sessions', { [t.user.id]: { token: t.token, user: t.user, expiresAt: new Date(Date.now() + 3600_000).toISOString() } });
  await setCurrentPerson(db.keyring, t.user.id);
  const med = await patientsOf(server.store, 'MED');
  const entries = await Promise.all(Array.from({ length: count }, (_, i) => entryBy(t, { patient: med[i % med.length], deviceSeq: count - i })));
  const marks = entries.map((e) => ({ entryId: e.id, authorId: t.user.id, state: 'pending' as const, reason: null, lastAttemptAt: null, ...(marked ? { deviceSeq: e.deviceSeq } : {}) }));
  await db.transaction('rw', db.entries, db.outbox, async () => {
    await db.entries.bulkAdd(entries);
    await db.outbox.bulkAdd(marks);
  });
  return { deviceId, entries };
}

/** The deviceSeqs of what the server holds from this device, in the order it took them. */
const serverOrder = (deviceId: string) =>
  (server.store.sqlite.prepare('select device_seq from entries where device_id = ? order by server_seq').all(deviceId) as { device_seq: number }[]).map((r) => r.device_seq);

describe('the push reads the outbox a run at a time', () => {
  it('opens 500 entries before the first send, not the whole outbox, and sends all in deviceSeq order', async () => {
    const db = freshDb();
    const reads = entryReads(db);
    const { deviceId, entries } = await waitingNotes(db, 2 * MAX_PUSH_ENTRIES + 100, true);
    reads.length = 0;
    const sent = vi.fn();
    const realFetch = globalThis.fetch;
    vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      sent(reads.reduce((n, r) => n + r.rows, 0));
      return realFetch(input, init);
    });
    try {
      const summary = await pushOutbox(db);
      expect(summary).toMatchObject({ sent: entries.length, accepted: entries.length, rejected: 0, held: 0 });
    } finally {
      vi.restoreAllMocks();
    }
    // When the first run left, 500 entries had been opened (and at most the next part's 500 being read).
    expect(sent.mock.calls[0]![0]).toBeLessThanOrEqual(2 * MAX_PUSH_ENTRIES);
    expect(Math.max(...reads.map((r) => r.rows))).toBe(MAX_PUSH_ENTRIES);
    expect(serverOrder(deviceId)).toEqual(entries.map((_, i) => i + 1));
    expect(await db.outbox.count()).toBe(0);
  });

  it('while a mark older than the index is pending, reads the whole outbox and still sends in deviceSeq order', async () => {
    const db = freshDb();
    const reads = entryReads(db);
    const { deviceId, entries } = await waitingNotes(db, 30, false);
    reads.length = 0;
    expect(await pushOutbox(db)).toMatchObject({ accepted: 30, rejected: 0 });
    expect(reads[0]?.rows).toBe(30);
    expect(serverOrder(deviceId)).toEqual(entries.map((_, i) => i + 1));
  });

  it('a tablet at version 4 opens at version 5 with its rows, the outbox in device order queryable', async () => {
    const name = `upgrade-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    old.version(4).stores({ entries: 'id, docId, serverSeq', docs: 'docId, [docType+scope], [patientKey+docType], status, ward', outbox: 'entryId, state, authorId', drafts: 'key', meta: 'key', noteSummaries: 'patientKey, ward' });
    await old.open();
    await old.table('meta').put({ key: 'deviceId', value: 'tablet-before' });
    old.close();
    const db = new ReleveDb(name, { keyring: new KeyringDb(`${name}-keyring`) });
    await db.open();
    expect(db.verno).toBe(5);
    expect(db.outbox.schema.idxByName['[state+deviceSeq]']).toBeDefined();
    expect(await db.table('meta').get('deviceId')).toBeDefined();
    db.close();
  });
});
