// ADT messages of IHE PAM France into HisEvents. The time that orders them is EVN-6 (when it
// happened) or else EVN-2 (when the HIS recorded it), else MSH-7.
import type { Hl7Message } from '@medplum/core';
import { HisRefusal, type AdtEvent, type HisEvent } from '../events';
import { hl7DateTime } from './dates';
import { readIpp, readLocation, readPatient, readVisit, segment } from './read-patient';
import { checkStructure } from './structure';

const VISIT_EVENTS: readonly AdtEvent[] = ['A01', 'A02', 'A03', 'A04', 'A05', 'A08', 'A11', 'A12', 'A13', 'A21', 'A22'];

export function eventTime(msg: Hl7Message): string {
  const evn = msg.getSegment('EVN');
  const occurred = evn?.getField(6)?.toString().trim();
  if (occurred) return hl7DateTime(occurred, 'EVN^1^6');
  const recorded = evn?.getField(2)?.toString().trim();
  if (recorded) return hl7DateTime(recorded, 'EVN^1^2');
  const sent = msg.header.getField(7)?.toString().trim();
  if (!sent) throw new HisRefusal('AE', '101', 'required field MSH-7 (date/time of message) is empty', 'MSH^1^7');
  return hl7DateTime(sent, 'MSH^1^7');
}

export function readAdt(msg: Hl7Message, trigger: string): HisEvent {
  const at = eventTime(msg);
  if (trigger === 'A40') {
    checkStructure(msg, 'ADT_A39');
    const mrg = segment(msg, 'MRG');
    return { kind: 'merge', at, survivor: readPatient(msg), priorIpp: readIpp(mrg, 1, 'MRG^1^1').ipp };
  }
  if (trigger === 'A47') {
    checkStructure(msg, 'ADT_A30');
    return { kind: 'ipp-change', at, patient: readPatient(msg), priorIpp: readIpp(segment(msg, 'MRG'), 1, 'MRG^1^1').ipp };
  }
  if (!(VISIT_EVENTS as readonly string[]).includes(trigger)) {
    throw new HisRefusal('AR', '201', `unsupported event ADT^${trigger}`, 'MSH^1^9');
  }
  checkStructure(msg, 'ADT');
  const pv1 = segment(msg, 'PV1');
  const location = readLocation(pv1);
  const event = trigger as AdtEvent;
  // Whoever is admitted, moved or registered is somewhere: the ward is what routes the entry.
  if (!location && ['A01', 'A02', 'A04', 'A05'].includes(event)) {
    throw new HisRefusal('AE', '101', `required field PV1-3 (assigned location) is empty for ${event}`, 'PV1^1^3');
  }
  return { kind: 'adt', event, at, patient: readPatient(msg), ...(location ? { location } : {}), ...readVisit(pv1) };
}
