// Who is on a ward's census, apart from the patient's schema: the ward board reads it on the
// tablet's first screen, which does not load zod.
import type { PatientBody } from './patient';

/** Patients on the ward's board: not discharged, not an admission cancelled, not merged away. */
export function isOnCensus(p: { status?: PatientBody['status'] }): boolean {
  return p.status !== 'discharged' && p.status !== 'cancelled' && p.status !== 'merged';
}
