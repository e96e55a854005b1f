// Group commit of the HIS feed (interface/feed-queue.ts): messages from several connections share
// one transaction, and no message is answered before the commit that holds it. "Committed" is
// read the way a restarted server would see it: from a second connection to the same file.
import { Hl7Message } from '@medplum/core';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { FeedQueue } from '../../src/server/interface/feed-queue';
import { readMessage } from '../../src/server/interface/hl7/read-message';
import type { Incoming } from '../../src/server/interface/receive';
import { hashMatches } from '../../src/domain/hash';
import { rowToEntry } from '../../src/server/store/entries';
import { interfaceWriter, MLLP_DEVICE_ID } from '../../src/server/interface/start';
import type { Store } from '../../src/server/store/open-store';
import { admit } from './hl7-fixtures';
import { testStore } from './helpers';

let store: Store | undefined;
let other: Database.Database | undefined;
afterEach(async () => {
  other?.close();
  await store?.close();
});

function incoming(lane: number, i: number): Incoming {
  const raw = admit({ ipp: `GC${lane}-${i}`, birthName: `GROUP${lane}`, given: 'Test', birth: '19700101', sex: 'F' }, { ward: 'MED', room: String(100 + i) }, { controlId: `GC-${lane}-${i}` });
  const read = readMessage(Hl7Message.parse(raw), raw.length);
  return { controlId: read.controlId, messageType: read.type, source: 'mllp', raw, events: [read.event] };
}

/**
 * Longer than the server's few ms, so a loaded test machine cannot make the groups smaller. The
 * grouping test waits longer still: at 100 ms, a turn slowed past it on a machine loaded 6× its
 * cores split one round in two (17 groups, about 1 run in 30); the wait costs nothing while every
 * connection is in time, and without any wait the count is about 30.
 */
const TEST_GATHER_MS = 100;
const GROUPING_GATHER_MS = 1_000;

async function setUp(gatherMs = TEST_GATHER_MS): Promise<{ queue: FeedQueue; committed: (controlId: string) => boolean }> {
  store = await testStore();
  other = new Database(store.file, { readonly: true });
  const seen = other.prepare('select 1 from his_journal where control_id = ?');
  const queue = new FeedQueue(store, await interfaceWriter(store, MLLP_DEVICE_ID), undefined, undefined, gatherMs);
  return { queue, committed: (id) => seen.get(id) !== undefined };
}

/**
 * One connection in MLLP original mode: each message waits for the answer to the one before, and
 * reaches the queue an event-loop turn after it (the ACK's way back and the next message's way in).
 */
async function send(queue: FeedQueue, lane: number, count: number, onAck: (controlId: string) => void): Promise<void> {
  for (let i = 0; i < count; i++) {
    await new Promise((r) => setImmediate(r));
    const m = incoming(lane, i);
    const r = await queue.submit(m, `connection-${lane}`);
    expect(r.ack, r.text).toBe('AA');
    onAck(m.controlId);
  }
}

describe('HIS feed group commit', () => {
  it('four connections share commits, and each ACK comes after its message is committed', async () => {
    const { queue, committed } = await setUp(GROUPING_GATHER_MS);
    const notYetCommitted: string[] = [];
    const check = (id: string) => {
      if (!committed(id)) notYetCommitted.push(id);
    };
    await Promise.all([0, 1, 2, 3].map((lane) => send(queue, lane, 15, check)));
    expect(notYetCommitted).toEqual([]);
    expect(queue.counts.messages).toBe(60);
    // Rounds of four (the very first message goes alone: no other connection is known yet), 16
    // groups. Without the wait for the others, each round's first arrival is committed alone and
    // the other three after it: 30 groups.
    expect(queue.counts.groups).toBeLessThanOrEqual(16);
    // The feed seals its entries itself (feed-write.ts): the same hash a tablet checks on pull.
    const written = other!.prepare("select json, server_seq, received_at, flags from entries where device_id = 'his-mllp'").all() as Parameters<typeof rowToEntry>[0][];
    expect(written).toHaveLength(60);
    for (const row of written) expect(await hashMatches(rowToEntry(row))).toBe(true);
  });

  it('a message is applied while its group waits for the other connections, and answered only once the group commits', async () => {
    const { queue, committed } = await setUp(GROUPING_GATHER_MS);
    await queue.submit(incoming(9, 0)); // the statements compiled, so the next round is quick
    // Both connections are sending: one round of one message each, in one group.
    await Promise.all([0, 1].map((lane) => queue.submit(incoming(lane, 1), `connection-${lane}`)));
    const first = queue.submit(incoming(0, 2), 'connection-0');
    let answered = false;
    void first.then(() => (answered = true));
    await new Promise((r) => setTimeout(r, 50)); // connection 1's next message is still on its way
    // Applied already, inside the group's open transaction (seen on the server's own connection)...
    expect(store!.sqlite.prepare('select 1 from his_journal where control_id = ?').get('GC-0-2')).toBeDefined();
    // ...but not committed, so not answered.
    expect(committed('GC-0-2')).toBe(false);
    expect(answered).toBe(false);
    const groups = queue.counts.groups;
    const second = queue.submit(incoming(1, 2), 'connection-1');
    expect((await first).ack).toBe('AA');
    expect((await second).ack).toBe('AA');
    expect(committed('GC-0-2') && committed('GC-1-2')).toBe(true);
    expect(queue.counts.groups).toBe(groups + 1); // the two messages were one group
  });

  it('a lone connection is committed message by message, never held for others', async () => {
    const { queue, committed } = await setUp();
    const notYetCommitted: string[] = [];
    await send(queue, 0, 10, (id) => {
      if (!committed(id)) notYetCommitted.push(id);
    });
    expect(notYetCommitted).toEqual([]);
    expect(queue.counts).toEqual({ groups: 10, messages: 10 });
  });

  it('a connection that falls silent holds the others only for a bounded wait', async () => {
    const { queue } = await setUp();
    await send(queue, 0, 1, () => {}); // connection 0 sends once, then nothing: an unbounded wait would never end
    await send(queue, 1, 20, () => {});
    queue.forget('connection-0'); // its socket closed
    await send(queue, 2, 5, () => {});
    expect(queue.counts).toEqual({ groups: 26, messages: 26 });
  });
});
