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
});
export type PatientBody = z.infer<typeof patientBody>;
