// The feed's deviceSeq (interface/feed-group.ts): read once per group and recorded once, with no
// gap when a message of the group is rolled back. A gap below a device's last seq means a lost
// entry (store/schema.ts), so a refused message must give back the seqs its first events took.
import { Hl7Message } from '@medplum/core';
import { afterEach, describe, expect, it } from 'vitest';
import { FeedQueue } from '../../src/server/interface/feed-queue';
import { readMessage } from '../../src/server/interface/hl7/read-message';
import type { Incoming } from '../../src/server/interface/receive';
import { interfaceWriter, MLLP_DEVICE_ID } from '../../src/server/interface/start';
import type { Store } from '../../src/server/store/open-store';
import { admit, labResults, type Person } from './hl7-fixtures';
import { testStore } from './helpers';

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
});

const person = (i: number): Person => ({ ipp: `SEQ-${i}`, birthName: `SEQ${i}`, given: 'Test', birth: '19700101', sex: 'F' });
const eventOf = (raw: string) => readMessage(Hl7Message.parse(raw), raw.length).event;
const potassium = [{ loinc: '2823-3', label: 'Potassium', value: '4.2', unit: 'mmol/L', range: '3.5-5.0', flag: 'N' }];

function incoming(controlId: string, ...raws: string[]): Incoming {
  return { controlId, messageType: 'ADT^A01', source: 'mllp', raw: raws.join('\r'), events: raws.map(eventOf) };
}

describe('HIS feed device sequence', () => {
  it('a message rolled back after its first event was written leaves no gap in the seqs', async () => {
    store = await testStore();
    const queue = new FeedQueue(store, await interfaceWriter(store, MLLP_DEVICE_ID));
    const ok1 = queue.submit(incoming('SEQ-A', admit(person(1), { ward: 'MED', room: '101' }, { controlId: 'SEQ-A' })), 'c1');
    // An admission (sealed, given a seq), then results for a patient nobody admitted: refused whole.
    const bad = queue.submit(
      incoming('SEQ-B', admit(person(2), { ward: 'MED', room: '102' }, { controlId: 'SEQ-B1' }), labResults(person(99), potassium, { controlId: 'SEQ-B2' })),
      'c2',
    );
    const ok2 = queue.submit(incoming('SEQ-C', admit(person(3), { ward: 'MED', room: '103' }, { controlId: 'SEQ-C' })), 'c3');
    expect((await ok1).ack).toBe('AA');
    expect((await bad).ack).toBe('AE');
    expect((await ok2).ack).toBe('AA');
    const seqs = (await store.db.selectFrom('entries').select('device_seq').where('device_id', '=', MLLP_DEVICE_ID).orderBy('device_seq').execute()).map((r) => r.device_seq);
    expect(seqs).toEqual([1, 2]);
    const device = await store.db.selectFrom('devices').select('last_device_seq').where('id', '=', MLLP_DEVICE_ID).executeTakeFirstOrThrow();
    expect(device.last_device_seq).toBe(2);
  });

  it('the next group goes on from the recorded seq', async () => {
    store = await testStore();
    const queue = new FeedQueue(store, await interfaceWriter(store, MLLP_DEVICE_ID));
    for (let i = 1; i <= 3; i++) expect((await queue.submit(incoming(`SEQ-N${i}`, admit(person(10 + i), { ward: 'MED', room: '110' }, { controlId: `SEQ-N${i}` })))).ack).toBe('AA');
    expect(queue.counts.groups).toBe(3);
    const seqs = (await store.db.selectFrom('entries').select('device_seq').where('device_id', '=', MLLP_DEVICE_ID).orderBy('device_seq').execute()).map((r) => r.device_seq);
    expect(seqs).toEqual([1, 2, 3]);
  });
});
