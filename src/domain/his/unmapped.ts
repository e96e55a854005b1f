// The wire shape of GET /api/interface/unmapped: HL7v2 messages the server acknowledged and kept
// because their ward (PV1-3.1) is not in the ward table. Shared by the server's route and the
// admin screen that lists them.
import { z } from 'zod';

export interface KeptMessage {
  /** The journal row, in arrival order. */
  seq: number;
  controlId: string;
  /** MSH-9, e.g. ADT^A01. */
  messageType: string;
  receivedAt: string;
  /** The HIS's ward code that the table does not map. */
  ward: string;
  room: string;
  /** The patient as the message names her: both identifiers, so the admin knows who waits. */
  ipp: string;
  /** Birth name (PID-5 type L) and, when different, the used name. */
  lastName: string;
  usedName?: string;
  firstName: string;
  birthDate: string;
  sex: 'F' | 'M' | 'X';
}

export interface UnmappedAnswer {
  messages: KeptMessage[];
  /** The mapping as it stands (HIS code -> Relève unit). */
  wards: { hisCode: string; unitCode: string }[];
}

/** PV1-3.1 as the HIS sends it: any text without HL7 delimiters or line breaks. */
const HIS_WARD_CODE = /^[^|^~\\&\r\n]{1,40}$/;
export const UNIT_CODE = /^[A-Z0-9_-]{2,16}$/;

/** POST /api/interface/ward-map: map one HIS ward to a unit, then replay what was kept for it. */
export const wardMapRequestSchema = z.strictObject({
  his: z.string().trim().regex(HIS_WARD_CODE, 'must be the HIS ward code (PV1-3.1), 1-40 characters without | ^ ~ \\ &'),
  unit: z.string().regex(UNIT_CODE, 'must be a unit code such as MED'),
});
export type WardMapRequest = z.infer<typeof wardMapRequestSchema>;

export interface WardMapAnswer {
  his: string;
  unit: string;
  /** Kept messages now applied, and those still kept (their ward is another unmapped one). */
  replayed: number;
  stillKept: number;
}
