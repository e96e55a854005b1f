// Replaying the messages kept for a ward the mapping table did not know (apply-adt.ts: status
// `unmapped`). Once an admin maps the ward (`ward-map --his X --unit Y`), each kept message is
// applied again, in arrival order, as if it had just arrived. The kept row is never changed (the
// journal only grows): the replay is a journal row of its own, control id `replay:<seq>`, which
// also marks the kept one as done. A message whose ward is still unmapped stays kept, and
// nothing is written for it.
import { Hl7Message } from '@medplum/core';
import { sql } from 'kysely';
import type { Store } from '../store/open-store';
import type { InterfaceWriter } from './feed-write';
import { readMessage } from './hl7/read-message';
import { FeedGroup } from './feed-group';
import { receiveOne, refusalReceipt, type Receipt } from './receive';
import { unmappedMessages } from './store/journal';
import { mapHisWard } from './store/wards';
import { interfaceWriter, MLLP_DEVICE_ID } from './start';

const REPLAY_PREFIX = 'replay:';

export interface Replayed {
  seq: number;
  controlId: string;
  receipt: Receipt;
}

/** Applies again every kept message whose ward is now mapped; returns what each one did. */
export async function replayUnmapped(store: Store, writer: InterfaceWriter, now = new Date()): Promise<Replayed[]> {
  const out: Replayed[] = [];
  await store.db.transaction().execute(async (trx) => {
    // Read inside the transaction: two replays at once (the CLI and the admin screen) take turns.
    const kept = (await unmappedMessages(trx, 10_000)).reverse();
    for (const m of kept) {
      // FHIR Bundles and census files carry their own locations; only HL7v2 messages are kept unmapped.
      if (m.source !== 'mllp') continue;
      let receipt: Receipt;
      const sp = sql.id(`replay_${m.seq}`);
      await sql`savepoint ${sp}`.execute(trx);
      try {
        const read = readMessage(Hl7Message.parse(m.raw), Buffer.byteLength(m.raw));
        const feed = await FeedGroup.open(trx, writer);
        receipt = await receiveOne(feed, { controlId: `${REPLAY_PREFIX}${m.seq}`, messageType: read.type, source: 'mllp', raw: m.raw, events: [read.event] }, now);
        await feed.close(now); // inside the savepoint: undone with the message if it stays kept
      } catch (err) {
        receipt = refusalReceipt(err);
      }
      // Still unmapped (or refused): undo, so the kept message can be replayed again later.
      if (receipt.ack !== 'AA' || receipt.status === 'unmapped') await sql`rollback to ${sp}`.execute(trx);
      await sql`release ${sp}`.execute(trx);
      out.push({ seq: m.seq, controlId: m.controlId, receipt });
    }
  });
  return out;
}

/** Maps an HIS ward to a unit, then replays what was kept (the ward-map command and the admin screen). */
export async function mapWardAndReplay(store: Store, his: string, unit: string): Promise<{ replayed: number; stillKept: number }> {
  // The interface account first: without one, nothing is mapped either.
  const writer = (await unmappedMessages(store.db, 1)).length > 0 ? await interfaceWriter(store, MLLP_DEVICE_ID) : null;
  await mapHisWard(store.db, his, unit);
  if (!writer) return { replayed: 0, stillKept: 0 };
  const all = await replayUnmapped(store, writer);
  const replayed = all.filter((r) => r.receipt.ack === 'AA' && r.receipt.status !== 'unmapped').length;
  return { replayed, stillKept: all.length - replayed };
}
