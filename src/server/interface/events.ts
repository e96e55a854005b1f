// What the hospital's information system tells Relève, whatever the wire (HL7v2 over MLLP, a
// FHIR Bundle, a CSV census): the readers turn messages into these, apply.ts turns these into
// entries. Times are ISO-8601 UTC.
import type { MedicationOrderBody, ResultBody } from '../../domain/schemas';

export interface HisPatient {
  ipp: string;
  ippAuthority?: string;
  lastName: string;
  firstName: string;
  usedName?: string;
  birthDate: string;
  sex: 'F' | 'M' | 'X';
  allergies?: string[];
}

export interface HisLocation {
  /** The HIS's ward code (PV1-3.1), mapped to a Relève unit by the ward table. */
  ward: string;
  room: string;
  bed?: string;
}

/** The ADT events of IHE PAM France that Relève acts on. */
export type AdtEvent = 'A01' | 'A02' | 'A03' | 'A04' | 'A05' | 'A08' | 'A11' | 'A12' | 'A13' | 'A21' | 'A22';

export type HisEvent =
  | { kind: 'adt'; event: AdtEvent; at: string; patient: HisPatient; location?: HisLocation; visitNumber?: string; admittedAt?: string }
  | { kind: 'merge'; at: string; survivor: HisPatient; priorIpp: string }
  | { kind: 'ipp-change'; at: string; patient: HisPatient; priorIpp: string }
  | { kind: 'orders'; at: string; ipp: string; orders: MedicationOrderBody[] }
  | { kind: 'results'; at: string; ipp: string; results: ResultBody[] };

/** Why a message was refused: AE (it could not be applied) or AR (it is not a message we take). */
export class HisRefusal extends Error {
  constructor(
    readonly ackCode: 'AE' | 'AR',
    /** HL7 table 0357 error code: 100 segment sequence, 101 required field, 102 data type, 103 table value, 200 unsupported message type, 201 unsupported event, 204 unknown key, 207 application error. */
    readonly hl7Code: string,
    message: string,
    /** ERR-2 error location, e.g. 'PID^1^3'. */
    readonly location = '',
  ) {
    super(message);
  }
}
