// Message structures, segment by segment, as HL7 v2.5 and IHE PAM France (PAM-FR 2.10) lay
// them out. Segments Relève does not read (Z segments, NK1, ROL, IN1...) may sit where the
// standard puts them and are skipped; the ones it reads must come in the standard's order.
import type { Hl7Message } from '@medplum/core';
import { HisRefusal } from '../events';

/** Segments whose place is checked, per structure; any other segment is passed over. */
const STRUCTURES = {
  // ADT_A01 (A01, A04, A05, A08, A13), ADT_A02, ADT_A03, ADT_A09/A12 (A11, A12), ADT_A21 (A21, A22):
  // MSH, EVN, PID, [PD1], PV1, then AL1 allergies after the visit.
  ADT: { keep: ['MSH', 'EVN', 'PID', 'MRG', 'PV1', 'AL1'], shape: /^MSH EVN PID PV1 (AL1 )*$/ },
  // ADT_A39 (A40 merge): MSH, EVN, PID, [PD1], MRG, [PV1].
  ADT_A39: { keep: ['MSH', 'EVN', 'PID', 'MRG', 'PV1'], shape: /^MSH EVN PID MRG (PV1 )?$/ },
  // ADT_A30 (A47 change of the patient identifier): MSH, EVN, PID, [PD1], MRG.
  ADT_A30: { keep: ['MSH', 'EVN', 'PID', 'MRG', 'PV1'], shape: /^MSH EVN PID MRG $/ },
  // RDE_O11: MSH, PID, [PV1], then per order ORC, [TQ1...], RXE, {TQ1}, {RXR}.
  RDE_O11: { keep: ['MSH', 'PID', 'PV1', 'ORC', 'TQ1', 'RXE', 'RXR'], shape: /^MSH PID (PV1 )?(ORC (TQ1 )*RXE (TQ1 )*(RXR )+)+$/ },
  // ORU_R01: MSH, PID, [PV1], then per order [ORC], OBR, {OBX}.
  ORU_R01: { keep: ['MSH', 'PID', 'PV1', 'ORC', 'OBR', 'OBX'], shape: /^MSH PID (PV1 )?((ORC )?OBR (OBX )*)+$/ },
} as const;

export type Structure = keyof typeof STRUCTURES;

export function checkStructure(msg: Hl7Message, structure: Structure): void {
  const { keep, shape } = STRUCTURES[structure];
  const names = msg.segments.map((s) => s.name).filter((n) => (keep as readonly string[]).includes(n));
  const line = names.map((n) => `${n} `).join('');
  if (!shape.test(line)) {
    throw new HisRefusal('AR', '100', `segment sequence error: ${structure} expects ${shape.source.replace(/[\^$]/g, '')}, got ${line.trim()}`);
  }
}
