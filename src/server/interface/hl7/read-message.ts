// One HL7v2 message into one HisEvent, or a refusal that says why (AE: it cannot be applied, AR:
// it is not a message Relève takes). Nothing is written here: refusing costs nothing.
import type { Hl7Message } from '@medplum/core';
import { HisRefusal, type HisEvent } from '../events';
import { readAdt } from './read-adt';
import { readOrders } from './read-orders';
import { readIpp, segment } from './read-patient';
import { readResults } from './read-results';
import { eventTime } from './read-adt';
import { hl7DateTime } from './dates';
import { checkStructure } from './structure';

/** An ADT or an order is a few KB; a report with images is not for a downtime census. */
const MAX_MESSAGE_BYTES = 1024 * 1024;

export interface ReadMessage {
  controlId: string;
  /** MSH-9 as type^trigger, e.g. ADT^A01. */
  type: string;
  event: HisEvent;
}

export function messageControlId(msg: Hl7Message): string {
  return msg.header.getField(10)?.toString().trim() ?? '';
}

export function readMessage(msg: Hl7Message, rawLength: number): ReadMessage {
  if (rawLength > MAX_MESSAGE_BYTES) throw new HisRefusal('AR', '207', `message of ${rawLength} bytes is over the ${MAX_MESSAGE_BYTES}-byte limit`);
  if (msg.header.name !== 'MSH') throw new HisRefusal('AR', '100', 'a message starts with its MSH segment', 'MSH');
  const controlId = messageControlId(msg);
  if (!controlId) throw new HisRefusal('AR', '101', 'required field MSH-10 (message control id) is empty', 'MSH^1^10');
  if (controlId.length > 199) throw new HisRefusal('AR', '102', 'MSH-10 is longer than 199 characters', 'MSH^1^10');
  const kind = msg.header.getComponent(9, 1).trim();
  const trigger = msg.header.getComponent(9, 2).trim();
  const type = `${kind}^${trigger}`;
  if (kind === 'ADT') return { controlId, type, event: readAdt(msg, trigger) };
  if (kind === 'RDE' && trigger === 'O11') {
    checkStructure(msg, 'RDE_O11');
    const at = eventTime(msg);
    return { controlId, type, event: { kind: 'orders', at, ipp: readIpp(segment(msg, 'PID')).ipp, orders: readOrders(msg, at) } };
  }
  if (kind === 'ORU' && trigger === 'R01') {
    checkStructure(msg, 'ORU_R01');
    const sent = msg.header.getField(7)?.toString().trim();
    const at = sent ? hl7DateTime(sent, 'MSH^1^7') : new Date().toISOString();
    return { controlId, type, event: { kind: 'results', at, ipp: readIpp(segment(msg, 'PID')).ipp, results: readResults(msg) } };
  }
  throw new HisRefusal('AR', kind === 'ADT' || kind === 'RDE' || kind === 'ORU' ? '201' : '200', `unsupported message type ${type}`, 'MSH^1^9');
}
