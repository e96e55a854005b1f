import { z } from 'zod';

/** HH:MM on a 24-hour clock: the administration times of a prescription. */
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');

/**
 * A prescription as the hospital's pharmacy system sent it (HL7v2 RDE^O11, FHIR MedicationRequest).
 * Stopping or cancelling it is a new version with status 'stopped' or 'cancelled': never deleted.
 */
export const medicationOrderBody = z.strictObject({
  /** The HIS's own order number (ORC-2 placer or ORC-3 filler), unique per patient. */
  orderId: z.string().min(1).max(80),
  drug: z.string().min(1).max(200),
  /** The drug's code in the HIS (RXE-2.1), when given. */
  drugCode: z.string().min(1).max(80).optional(),
  dose: z.string().min(1).max(40),
  doseUnit: z.string().max(40),
  route: z.string().max(60),
  /** As the HIS says it: "toutes les 8 h", "Q8H", "1 fois par jour". */
  frequency: z.string().max(80),
  /** Planned administration times of the day; empty for "if needed" (prn) orders. */
  times: z.array(clockTime).max(48),
  prn: z.boolean().optional(),
  start: z.iso.datetime({ offset: true }),
  stop: z.iso.datetime({ offset: true }).optional(),
  prescriber: z.string().max(120),
  status: z.enum(['active', 'stopped', 'cancelled']),
  comment: z.string().max(500).optional(),
  /** The HIS's time for this version (EVN-2/ORC-9/MSH-7): an older message never overwrites a newer one. */
  hisEventAt: z.iso.datetime({ offset: true }).optional(),
});
export type MedicationOrderBody = z.infer<typeof medicationOrderBody>;
