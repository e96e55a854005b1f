// The patient records a batch's entries name, each read once per batch (issue 15): a night's
// notes name the same few patients again and again, and patientRecord (a join, a subquery and an
// exists) is the dearest read of a note's checks. An entry accepted on a patient's own document
// (her create, an amend, a move, a retract) drops what was read of her, so the later entries of
// the same batch are judged on her record as it now stands.
import { patientRecord, type PatientRecord, type Reader } from '../store/entries';

export interface PatientRecords {
  read(patientId: string): Promise<PatientRecord | undefined>;
  /** An entry of document `docId` was written: if it is a patient, read her again next time. */
  written(docId: string): void;
}

export function patientRecordsOf(sql: Reader): PatientRecords {
  const known = new Map<string, PatientRecord | undefined>();
  return {
    async read(patientId) {
      if (known.has(patientId)) return known.get(patientId);
      const record = await patientRecord(sql, patientId);
      known.set(patientId, record);
      return record;
    },
    written: (docId) => void known.delete(docId),
  };
}
