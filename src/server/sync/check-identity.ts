// Identitovigilance on the server: one live patient per IPP; identity fields and patient
// retractions for charge nurses and admins; a note or form retracted only by its author, a
// charge nurse or an admin. The rules themselves are in domain/identity-rules.ts.
import type { Entry } from '../../domain/entry';
import { identityChangeProblem, retractProblem } from '../../domain/identity-rules';
import { retractAuthors } from '../../domain/flowsheet/rows';
import { projectDocument } from '../../domain/project';
import { entriesOfDoc, rows, type Reader } from '../store/entries';
import type { Writer } from './check-entry';

type Db = Reader;

const isVersion = (e: Entry) => e.kind === 'create' || e.kind === 'amend' || e.kind === 'resolve';

export async function patientAmendProblem(db: Db, e: Entry, w: Writer): Promise<string | null> {
  if (e.docType !== 'patient' || (e.kind !== 'amend' && e.kind !== 'resolve')) return null;
  const entries = await entriesOfDoc(db, e.docId);
  const parents = entries.filter((x) => e.parents.includes(x.id)).map((x) => x.body);
  return identityChangeProblem(w.user.role, parents, e.body);
}

export async function retractByProblem(db: Db, e: Entry, w: Writer): Promise<string | null> {
  if (e.kind !== 'retract') return null;
  return retractProblem(e.docType, w.user.role, w.user.id, retractAuthors(await entriesOfDoc(db, e.docId), e));
}

// doc_type is written in the text, not bound: only then can SQLite use the partial index
// entries_patient_ipp (migration 004, `where doc_type = 'patient'`); bound, it scanned every entry.
const OTHER_RECORDS_WITH_IPP = "select distinct doc_id from entries where doc_type = 'patient' and json_extract(json, '$.body.ipp') = ? and doc_id != ?";

/** The IPP of every current version of another live patient document, if one holds this IPP. */
export async function ippProblem(db: Db, e: Entry): Promise<string | null> {
  if (e.docType !== 'patient' || !isVersion(e)) return null;
  const ipp = (e.body as { ipp?: unknown }).ipp;
  if (typeof ipp !== 'string') return null;
  const candidates = await rows<{ doc_id: string }>(db, OTHER_RECORDS_WITH_IPP, [ipp, e.docId]);
  for (const { doc_id } of candidates) {
    const state = projectDocument(await entriesOfDoc(db, doc_id));
    if (state.retracted) continue;
    if (state.headVersions.some((v) => (v.body as { ipp?: unknown }).ipp === ipp)) {
      return `IPP ${ipp} is already the IPP of another patient (${doc_id}): check the identity, or retract the duplicate first`;
    }
  }
  return null;
}
