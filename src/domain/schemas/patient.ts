import { z } from 'zod';

/** A patient of the census. ipp is the hospital's patient number (identifiant permanent du patient). */
export const patientBody = z.strictObject({
  ipp: z.string().min(1).max(40),
  lastName: z.string().min(1).max(100),
  firstName: z.string().min(1).max(100),
  birthDate: z.iso.date(),
  sex: z.enum(['F', 'M', 'X']),
  unitCode: z.string().regex(/^[A-Z0-9_-]{2,16}$/, 'must be a unit code such as MED'),
  room: z.string().min(1).max(20),
  bed: z.string().min(1).max(10).optional(),
  allergies: z.array(z.string().min(1).max(200)).max(50),
  admittedAt: z.iso.datetime({ offset: true }).optional(),
  // What the hospital's information system adds (HL7v2 ADT / FHIR Patient and Encounter).
  /** Assigning authority of the IPP (PID-3.4), e.g. the hospital's FINESS. */
  ippAuthority: z.string().min(1).max(80).optional(),
  /** Nom d'usage (PID-5 type D) when it differs from the birth name in lastName. */
  usedName: z.string().min(1).max(100).optional(),
  /** The stay's number (PV1-19). */
  visitNumber: z.string().min(1).max(40).optional(),
  /** Where the HIS says the patient is: absent means admitted (a census entry). */
  status: z.enum(['preadmitted', 'admitted', 'onLeave', 'discharged', 'cancelled', 'merged']).optional(),
  dischargedAt: z.iso.datetime({ offset: true }).optional(),
  /** Legacy, no longer written: an A40 merge now writes a `patient-link` (domain/recovery/patient-link.ts). */
  mergedInto: z.string().regex(/^[0-9a-f-]{36}$/, 'must be a patient docId').optional(),
});

export type PatientBody = z.infer<typeof patientBody>;
