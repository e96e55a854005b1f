// Finding a patient document from her IPP, and the HIS time of the last message applied for her.
import type { Entry } from '../../../domain/entry';
import { projectDocument } from '../../../domain/project';
import type { PatientBody } from '../../../domain/schemas';
import { entriesOfDoc, rows, type Reader } from '../../store/entries';

type Db = Reader;

export interface KnownPatient {
  docId: string;
  body: PatientBody;
  /** The current version(s): what an amend names as parents. */
  heads: string[];
  /** The HIS time of the last message applied for this IPP; '' when none yet. */
  lastEventAt: string;
  entries: Entry[];
}

async function load(db: Db, docId: string, lastEventAt: string): Promise<KnownPatient | null> {
  const entries = await entriesOfDoc(db, docId);
  if (entries.length === 0) return null;
  const doc = projectDocument(entries);
  if (doc.retracted) return null;
  // Two tablets edited her record at once: the feed builds on the newest head and names both.
  const body = (doc.body ?? doc.headVersions[doc.headVersions.length - 1]?.body) as PatientBody | undefined;
  return body ? { docId, body, heads: doc.heads, lastEventAt, entries } : null;
}

// The feed runs these for every message: written once as SQL, kept prepared (store/entries.ts, rows).
const KNOWN_IPP = 'select patient_id, last_event_at from his_patients where ipp = ?';
// doc_type written in the text, not bound: only then can SQLite use the partial index
// entries_patient_ipp (migration 004); bound, it scanned every entry for each admission.
const RECORDS_WITH_IPP = `select doc_id from entries where doc_type = 'patient' and kind in ('create', 'amend', 'resolve')
  and json_extract(json, '$.body.ipp') = ? order by server_seq desc`;
const REMEMBER_IPP = `insert into his_patients (ipp, patient_id, last_event_at) values (?, ?, ?)
  on conflict (ipp) do update set patient_id = excluded.patient_id, last_event_at = excluded.last_event_at`;
const DOC_CREATES = "select doc_id from entries where patient_id = ? and doc_type = ? and kind = 'create'";

/**
 * The patient the HIS knows by this IPP: from the index the feed keeps, else (a patient from
 * the seed, an import, or a temporary IPP a nurse gave during an outage) from the records.
 */
export async function findPatientByIpp(db: Db, ipp: string): Promise<KnownPatient | null> {
  const [known] = await rows<{ patient_id: string; last_event_at: string }>(db, KNOWN_IPP, [ipp]);
  if (known) return load(db, known.patient_id, known.last_event_at);
  for (const r of await rows<{ doc_id: string }>(db, RECORDS_WITH_IPP, [ipp])) {
    const p = await load(db, r.doc_id, '');
    if (p && p.body.ipp === ipp && p.body.status !== 'merged') return p;
  }
  return null;
}

export async function rememberPatient(db: Db, ipp: string, patientId: string, at: string): Promise<void> {
  await rows(db, REMEMBER_IPP, [ipp, patientId, at]);
}

export async function forgetIpp(db: Db, ipp: string): Promise<void> {
  await rows(db, 'delete from his_patients where ipp = ?', [ipp]);
}

export interface PatientDoc {
  docId: string;
  scope: string;
  body: unknown;
  heads: string[];
}

/** The current body and heads of each document of one type hanging off a patient. */
export async function docsOfPatient(db: Db, patientId: string, docType: string): Promise<PatientDoc[]> {
  const out: PatientDoc[] = [];
  for (const r of await rows<{ doc_id: string }>(db, DOC_CREATES, [patientId, docType])) {
    const doc = projectDocument(await entriesOfDoc(db, r.doc_id));
    const body = doc.body ?? doc.headVersions[doc.headVersions.length - 1]?.body;
    if (!doc.retracted && body) out.push({ docId: doc.docId, scope: doc.scope, body, heads: doc.heads });
  }
  return out;
}
