// The interface's own tables: the message journal, the ward mapping and the IPP index.
import type { Generated } from 'kysely';

/** Every message accepted from the HIS, kept as received, before it is acknowledged. */
interface HisJournalTable {
  seq: Generated<number>;
  /** MSH-10 (or the Bundle's id, or the file's hash): the same id again is a duplicate. */
  control_id: string;
  source: string;
  message_type: string;
  received_at: string;
  raw: string;
  /** applied | superseded (older than what Relève holds) | unmapped (ward not in the table) | unchanged */
  status: string;
  detail: string | null;
  ipp: string | null;
  /** The Relève unit the message was about, for the census age of that ward. */
  unit_code: string | null;
}

/** The HIS's ward codes (PV1-3.1, Encounter.location) to Relève units. */
interface HisWardTable {
  his_code: string;
  unit_code: string;
}

/** IPP -> the patient document, and the HIS time of the last message applied for her. */
interface HisPatientTable {
  ipp: string;
  patient_id: string;
  last_event_at: string;
}

export interface HisTables {
  his_journal: HisJournalTable;
  his_wards: HisWardTable;
  his_patients: HisPatientTable;
}
