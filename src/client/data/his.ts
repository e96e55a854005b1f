// What the hospital's information system sent about one patient, as the patient page and the
// printed MAR read it: her prescriptions and latest results, including those of a record merged
// into hers (an A40 merge, or a temporary patient linked to her: both are `patient-link`
// documents), all from IndexedDB so it reads offline.
import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { splitOrders } from '../../domain/his/prescriptions';
import { indexLinks, mergedInto, PATIENT_LINK_TYPE } from '../../domain/recovery/patient-link';
import { bodyOf, type DocBodies } from '../../domain/doc-bodies';
import type { MedicationOrderBody, ResultBody } from '../../domain/schemas';
import { db, type DocRow, type ReleveDb } from '../db/schema';

export interface HisDoc<T> {
  docId: string;
  body: T;
  updatedAt: string;
}

export interface PatientHisData {
  active: HisDoc<MedicationOrderBody>[];
  stopped: HisDoc<MedicationOrderBody>[];
  results: HisDoc<ResultBody>[];
  /** The newest thing the HIS sent about her; null when it sent nothing. */
  asOf: string | null;
}

function shown<K extends 'medication-order' | 'result'>(row: DocRow, docType: K): HisDoc<DocBodies[K]> | null {
  const body = bodyOf(row, docType);
  return body && !row.retracted ? { docId: row.docId, body, updatedAt: row.lastAt } : null;
}

/** The patient and every record linked into hers: prescriptions and results follow the survivor. */
async function patientKeys(d: ReleveDb, patientId: string): Promise<string[]> {
  const links = await d.docs.where('[docType+scope]').between([PATIENT_LINK_TYPE, Dexie.minKey], [PATIENT_LINK_TYPE, Dexie.maxKey]).toArray();
  return [patientId, ...mergedInto(indexLinks(links), patientId).map((l) => l.body.merged.patientId)];
}

async function docsOf<K extends 'medication-order' | 'result'>(d: ReleveDb, keys: string[], docType: K): Promise<HisDoc<DocBodies[K]>[]> {
  const rows = await d.docs.where('[patientKey+docType]').anyOf(keys.map((k) => [k, docType])).toArray();
  return rows.map((r) => shown(r, docType)).filter((x) => x !== null);
}

export async function loadPatientHisData(patientId: string, now = new Date()): Promise<PatientHisData> {
  const d = db();
  const keys = await patientKeys(d, patientId);
  const [orders, results] = await Promise.all([docsOf(d, keys, 'medication-order'), docsOf(d, keys, 'result')]);
  const { active, stopped } = splitOrders(orders, now);
  const times = [...orders, ...results].map((x) => x.updatedAt).sort();
  return {
    active,
    stopped,
    results: results.sort((a, b) => a.body.label.localeCompare(b.body.label, 'fr')),
    asOf: times[times.length - 1] ?? null,
  };
}

export function usePatientHisData(patientId: string): PatientHisData | undefined {
  return useLiveQuery(() => loadPatientHisData(patientId), [patientId]);
}
