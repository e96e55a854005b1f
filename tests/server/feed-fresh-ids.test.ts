// The feed's entries carry ids the server drew a moment ago (interface/feed-write.ts): they are not
// looked up before their insert (one indexed read fewer per entry of every HIS message), and an id
// that were already stored would still be refused by the primary key, the message written not at all.
import { Hl7Message } from '@medplum/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FeedQueue } from '../../src/server/interface/feed-queue';
import { readMessage } from '../../src/server/interface/hl7/read-message';
import { interfaceWriter, MLLP_DEVICE_ID } from '../../src/server/interface/start';
import { prepareBatch, writeBatch } from '../../src/server/sync/append-entries';
import type { Receipt } from '../../src/server/interface/receive';
import { newId, type Entry } from '../../src/domain/entry';
import type { Store } from '../../src/server/store/open-store';
import { admit } from './hl7-fixtures';
import { testStore } from './helpers';

let store: Store | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await store?.close();
});

// The push's duplicate-id read (store/entries.ts findEntryAndCreate), and the plain one it replaced.
const LOOKUP_BY_ID = /from entries where id = \?|join entries k on k\.id = \?/;

function admitted(queue: FeedQueue, ipp: string): Promise<Receipt> {
  const raw = admit({ ipp, birthName: 'FRESH', given: 'Test', birth: '19700101', sex: 'F' }, { ward: 'MED', room: '101' }, { controlId: ipp });
  const read = readMessage(Hl7Message.parse(raw), raw.length);
  return queue.submit({ controlId: read.controlId, messageType: read.type, source: 'mllp', raw, events: [read.event] });
}

describe("the feed's fresh entry ids", () => {
  it('are not looked up before they are inserted', async () => {
    store = await testStore();
    const queue = new FeedQueue(store, await interfaceWriter(store, MLLP_DEVICE_ID));
    const texts: string[] = [];
    const prepare = store.sqlite.prepare.bind(store.sqlite);
    vi.spyOn(store.sqlite, 'prepare').mockImplementation((text: string) => {
      texts.push(text);
      return prepare(text);
    });
    expect((await admitted(queue, 'FRESH-1')).ack).toBe('AA');
    expect(texts.some((t) => /insert into entries/.test(t))).toBe(true);
    expect(texts.filter((t) => LOOKUP_BY_ID.test(t))).toEqual([]);
  });

  it('an id already stored is refused by the primary key, and nothing of the batch is written', async () => {
    store = await testStore();
    const s = store;
    const queue = new FeedQueue(s, await interfaceWriter(s, MLLP_DEVICE_ID));
    expect((await admitted(queue, 'FRESH-2')).ack).toBe('AA');
    const writer = await interfaceWriter(s, MLLP_DEVICE_ID);
    const stored = await s.db.selectFrom('entries').select('json').where('device_id', '=', MLLP_DEVICE_ID).executeTakeFirstOrThrow();
    const first = JSON.parse(stored.json) as Entry;
    // Another patient's record that drew the same id: everything else about it would be accepted.
    const again = { ...first, docId: newId(), deviceSeq: first.deviceSeq + 1, body: { ...(first.body as object), ipp: 'FRESH-3' } };
    const count = async () => (await s.db.selectFrom('entries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    const before = await count();
    const checks = { sealedHere: true, wholeMessage: true };
    const batch = await prepareBatch([again], { user: writer.user, deviceId: writer.deviceId }, checks);
    await expect(s.db.transaction().execute((trx) => writeBatch(trx, batch, new Date(), checks))).rejects.toThrow(/UNIQUE constraint failed: entries.id/);
    expect(await count()).toBe(before);
  });
});
