// A clinical entry's patientId must name a patient of the same ward. A patient retracted,
// discharged or moved to another ward since does not make the entry go away: a tablet that was
// offline could not know, so the entry is kept in its original scope and flagged for a person to see.
import type { Entry } from '../../domain/entry';
import { docHadVersionIn, type Reader } from '../store/entries';
import type { Verdict } from './entry-checks';
import type { PatientRecords } from './patient-records';

export async function patientLinkVerdict(db: Reader, patients: PatientRecords, e: Entry): Promise<Verdict> {
  if (e.patientId === undefined) return null;
  if (e.docType === 'patient') return { reject: 'a patient document names no patientId' };
  const patient = await patients.read(e.patientId);
  if (!patient) return { reject: `unknown patient ${e.patientId}: push the patient first` };
  if (patient.docType !== 'patient') return { reject: `patientId ${e.patientId} is a ${patient.docType}, not a patient` };
  // The HIS feed moves a patient's record to her new ward (server/interface): any ward she was in counts.
  if (patient.scope !== e.scope && !(await docHadVersionIn(db, e.patientId, e.scope))) {
    return { reject: `patient ${e.patientId} is in scope ${patient.scope}, not ${e.scope}` };
  }
  if (patient.retracted || (patient.status !== null && GONE.has(patient.status))) return { flag: 'patient_inactive' };
  return patient.nowScope !== e.scope ? { flag: 'patient_moved' } : null;
}

/** A patient no longer on any ward's board (schemas/patient.ts onTheBoard). */
const GONE: ReadonlySet<string> = new Set(['discharged', 'cancelled', 'merged']);
