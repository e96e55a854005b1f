// Finding a patient document from her IPP, and the HIS time of the last message applied for her.
import { sql, type Kysely } from 'kysely';
import type { Entry } from '../../../domain/entry';
import { projectDocument } from '../../../domain/project';
import type { PatientBody } from '../../../domain/schemas';
import { entriesOfDoc } from '../../store/entries';
import type { ReleveDatabase } from '../../store/schema';

type Db = Kysely<ReleveDatabase>;

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

/**
 * The patient the HIS knows by this IPP: from the index the feed keeps, else (a patient from
 * the seed, an import, or a temporary IPP a nurse gave during an outage) from the records.
 */
export async function findPatientByIpp(db: Db, ipp: string): Promise<KnownPatient | null> {
  const known = await db.selectFrom('his_patients').selectAll().where('ipp', '=', ipp).executeTakeFirst();
  if (known) return load(db, known.patient_id, known.last_event_at);
  const rows = await db
    .selectFrom('entries')
    .select('doc_id')
    .where('doc_type', '=', 'patient')
    .where('kind', 'in', ['create', 'amend', 'resolve'])
    .where(sql<string>`json_extract(json, '$.body.ipp')`, '=', ipp)
    .orderBy('server_seq', 'desc')
    .execute();
  for (const r of rows) {
    const p = await load(db, r.doc_id, '');
    if (p && p.body.ipp === ipp && p.body.status !== 'merged') return p;
  }
  return null;
}

export async function rememberPatient(db: Db, ipp: string, patientId: string, at: string): Promise<void> {
  await db
    .insertInto('his_patients')
    .values({ ipp, patient_id: patientId, last_event_at: at })
    .onConflict((oc) => oc.column('ipp').doUpdateSet({ patient_id: patientId, last_event_at: at }))
    .execute();
}

export async function forgetIpp(db: Db, ipp: string): Promise<void> {
  await db.deleteFrom('his_patients').where('ipp', '=', ipp).execute();
}

export interface PatientDoc {
  docId: string;
  scope: string;
  body: unknown;
  heads: string[];
}

/** The current body and heads of each document of one type hanging off a patient. */
export async function docsOfPatient(db: Db, patientId: string, docType: string): Promise<PatientDoc[]> {
  const rows = await db.selectFrom('entries').select('doc_id').where('patient_id', '=', patientId).where('doc_type', '=', docType).where('kind', '=', 'create').execute();
  const out: PatientDoc[] = [];
  for (const r of rows) {
    const doc = projectDocument(await entriesOfDoc(db, r.doc_id));
    const body = doc.body ?? doc.headVersions[doc.headVersions.length - 1]?.body;
    if (!doc.retracted && body) out.push({ docId: doc.docId, scope: doc.scope, body, heads: doc.heads });
  }
  return out;
}
