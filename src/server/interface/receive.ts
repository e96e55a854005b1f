// Receiving one message: journal and apply in one savepoint of the group transaction, or refuse
// it and write nothing. The group commits (fsync) before any of its ACKs is sent.
import { CompiledQuery, type Kysely } from 'kysely';
import type { ReleveDatabase } from '../store/schema';
import { HisRefusal, type HisEvent } from './events';
import { FeedWrite, type InterfaceWriter } from './feed-write';
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
const SAVEPOINT = CompiledQuery.raw('savepoint message');
const RELEASE = CompiledQuery.raw('release message');
const ROLLBACK_TO = CompiledQuery.raw('rollback to message');

export async function receiveOne(trx: Kysely<ReleveDatabase>, writer: InterfaceWriter, m: Incoming, now: Date): Promise<Receipt> {
  if (await isJournalled(trx, m.controlId)) return { ack: 'AA', text: `duplicate of control id ${m.controlId}: already received, ignored`, status: 'duplicate' };
  await trx.executeQuery(SAVEPOINT);
  try {
    const outcomes: Outcome[] = [];
    for (const event of m.events) {
      // Each event sees what the previous ones wrote (a Bundle's Patient before its Observations).
      const write = new FeedWrite(trx, writer, now);
      outcomes.push(await applyEvent({ db: trx, write }, event));
      await write.commit();
    }
    const outcome = summarize(outcomes);
    await journal(trx, {
      controlId: m.controlId, source: m.source, messageType: m.messageType, receivedAt: now.toISOString(), raw: m.raw,
      status: outcome.status, detail: outcome.detail,
      ...(outcome.ipp ? { ipp: outcome.ipp } : {}), ...(outcome.unitCode ? { unitCode: outcome.unitCode } : {}),
    });
    await trx.executeQuery(RELEASE);
    return { ack: 'AA', text: outcome.detail, status: outcome.status };
  } catch (err) {
    await trx.executeQuery(ROLLBACK_TO);
    await trx.executeQuery(RELEASE);
    return err instanceof HisRefusal ? refusalReceipt(err) : { ...refusalReceipt(err), error: err };
  }
}
