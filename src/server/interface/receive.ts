// Receiving one message: journal and apply in one savepoint of the group transaction, or refuse
// it and write nothing. The group commits (fsync) before any of its ACKs is sent.
import { HisRefusal, type HisEvent } from './events';
import type { FeedGroup } from './feed-group';
import { FeedWrite } from './feed-write';
import { applyAdt } from './apply-adt';
import { applyIppChange, applyMerge } from './apply-identity';
import { applyOrders, applyResults } from './apply-clinical';
import type { ApplyContext, Outcome } from './outcome';
import { isJournalled, journal, type JournalRecord } from './store/journal';

export interface Incoming {
  controlId: string;
  messageType: string;
  source: JournalRecord['source'];
  raw: string;
  /** One for an HL7v2 message; a FHIR Bundle or a census file carries several, applied together or not at all. */
  events: HisEvent[];
}

export interface Receipt {
  ack: 'AA' | 'AE' | 'AR';
  text: string;
  hl7Code?: string;
  location?: string;
  /** What the journal says the message did; absent when refused. */
  status?: JournalRecord['status'] | 'duplicate';
  /** An unexpected failure (a bug), for the log: the message was rolled back and refused. */
  error?: unknown;
}

function applyEvent(ctx: ApplyContext, ev: HisEvent): Promise<Outcome> {
  switch (ev.kind) {
    case 'adt': return applyAdt(ctx, ev);
    case 'merge': return applyMerge(ctx, ev);
    case 'ipp-change': return applyIppChange(ctx, ev);
    case 'orders': return applyOrders(ctx, ev);
    case 'results': return applyResults(ctx, ev);
  }
}

export function refusalReceipt(err: unknown): Receipt {
  if (err instanceof HisRefusal) return { ack: err.ackCode, text: err.message, hl7Code: err.hl7Code, location: err.location };
  return { ack: 'AE', text: 'application error: the message was not stored, send it again', hl7Code: '207' };
}

/** What several events did, as one journal line. */
function summarize(outcomes: Outcome[]): Outcome {
  if (outcomes.length === 1) return outcomes[0]!;
  const applied = outcomes.filter((o) => o.status === 'applied').length;
  const last = [...outcomes].reverse();
  const ipp = last.find((o) => o.ipp)?.ipp;
  const unitCode = last.find((o) => o.unitCode)?.unitCode;
  return {
    status: applied > 0 ? 'applied' : (outcomes[0]?.status ?? 'unchanged'),
    detail: `${outcomes.length} items, ${applied} applied: ${outcomes.map((o) => o.detail).join('; ')}`.slice(0, 2000),
    ...(ipp ? { ipp } : {}),
    ...(unitCode ? { unitCode } : {}),
  };
}

// One name for every message's savepoint (they never nest): the statement cache keeps the three
// texts, where a fresh name per message filled it and cleared it every few hundred messages.
const SAVEPOINT = 'savepoint message';
const RELEASE = 'release message';
const ROLLBACK_TO = 'rollback to message';

/**
 * Every statement of a message runs on the transaction's connection directly (SyncSql): a message
 * is a few dozen fixed statements, and going through Kysely's executor for each cost more CPU
 * than SQLite spent running them (bench/mllp-feed.ts, RESULTS.md "HIS feed").
 */
export async function receiveOne(group: FeedGroup, m: Incoming, now: Date): Promise<Receipt> {
  const db = group.sql;
  if (await isJournalled(db, m.controlId)) return { ack: 'AA', text: `duplicate of control id ${m.controlId}: already received, ignored`, status: 'duplicate' };
  db.query(SAVEPOINT);
  const seq = group.mark();
  try {
    const outcomes: Outcome[] = [];
    for (const event of m.events) {
      // Each event sees what the previous ones wrote (a Bundle's Patient before its Observations).
      const write = new FeedWrite(group, now);
      outcomes.push(await applyEvent({ db, write }, event));
      await write.commit();
    }
    const outcome = summarize(outcomes);
    await journal(db, {
      controlId: m.controlId, source: m.source, messageType: m.messageType, receivedAt: now.toISOString(), raw: m.raw,
      status: outcome.status, detail: outcome.detail,
      ...(outcome.ipp ? { ipp: outcome.ipp } : {}), ...(outcome.unitCode ? { unitCode: outcome.unitCode } : {}),
    });
    db.query(RELEASE);
    return { ack: 'AA', text: outcome.detail, status: outcome.status };
  } catch (err) {
    db.query(ROLLBACK_TO);
    db.query(RELEASE);
    group.undo(seq);
    return err instanceof HisRefusal ? refusalReceipt(err) : { ...refusalReceipt(err), error: err };
  }
}
