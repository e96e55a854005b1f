// Temporary identities merged: which temporary (TMP-…) patients this device holds and what each
// is linked to, the census to choose the real patient from, linking (a `patient-link` entry in
// the temporary patient's ward) and undoing a wrong link (its retract, with a reason). Nothing
// of the temporary patient's records is rewritten: the real patient's page reads them through
// the link (useLinkedRecords).
import { useLiveQuery } from 'dexie-react-hooks';
import { docOf } from '../../domain/doc-bodies';
import type { DocState } from '../../domain/project';
import { displayName } from '../../domain/patient-identity';
import { TEMPORARY_IPP } from '../../domain/questionnaire/admission';
import { indexLinks, mergedInto, PATIENT_LINK_TYPE, type LinkedPatient, type PatientLink, type PatientLinkBody } from '../../domain/recovery/patient-link';
import type { PatientBody } from '../../domain/schemas';
import { db, type DocRow } from '../db/schema';
import { createDoc, retractDoc } from './documents';
import { loadForms, type FormView } from './forms';
import { loadNotes, type NoteView } from './notes';
import { currentPatientBody, patientWardScope } from './ward';

export interface CensusPatient {
  patientId: string;
  patient: PatientBody;
}

export interface TemporaryPatient extends CensusPatient {
  /** Its live link, if any; null when none or when two contradicting links wait for a person. */
  link: PatientLink | null;
  /** Live links to different patients: shown under neither until one is undone. */
  ambiguous: PatientLink[];
  /** The link documents, for undoing. */
  linkDocs: DocState[];
}

export interface LinksView {
  temporary: TemporaryPatient[];
  census: CensusPatient[];
}

async function loadPatients(): Promise<CensusPatient[]> {
  const rows = await db().docs.filter((d) => d.docType === 'patient').toArray();
  return rows.flatMap((r) => {
    const patient = currentPatientBody(r);
    return patient ? [{ patientId: r.docId, patient }] : [];
  });
}

const linkRows = () => db().docs.filter((d) => d.docType === PATIENT_LINK_TYPE).toArray();

async function loadLinks(): Promise<LinksView> {
  const patients = await loadPatients();
  const rows = await linkRows();
  const index = indexLinks(rows);
  const byName = (a: CensusPatient, b: CensusPatient) => displayName(a.patient).localeCompare(displayName(b.patient));
  const temporary = patients
    .filter((p) => TEMPORARY_IPP.test(p.patient.ipp))
    .map((p) => ({
      ...p,
      link: index.intoOf.get(p.patientId) ?? null,
      ambiguous: index.ambiguous.get(p.patientId) ?? [],
      linkDocs: rows.filter((r) => !r.retracted && docOf(r, PATIENT_LINK_TYPE)?.body?.merged.patientId === p.patientId),
    }))
    .sort(byName);
  const census = patients.filter((p) => !TEMPORARY_IPP.test(p.patient.ipp) && p.patient.status !== 'merged').sort(byName);
  return { temporary, census };
}

export function usePatientLinks(): LinksView | undefined {
  return useLiveQuery(async () => structuredClone(await loadLinks()), []);
}

const linked = (p: CensusPatient): LinkedPatient => ({
  patientId: p.patientId, ipp: p.patient.ipp, name: displayName(p.patient), birthDate: p.patient.birthDate,
});

/** Links a temporary patient to the real one: an entry in the temporary patient's ward. */
export async function linkPatient(merged: CensusPatient, into: CensusPatient): Promise<void> {
  const row: DocRow | undefined = await db().docs.get(merged.patientId);
  if (!row) throw new Error('the temporary patient is not on this device');
  const body: PatientLinkBody = { merged: linked(merged), into: linked(into), source: 'manual' };
  await createDoc(PATIENT_LINK_TYPE, patientWardScope(row), body, merged.patientId);
}

/** Undoes a wrong link: it is marked entered in error, with the reason, and kept. */
export async function unlinkPatient(link: DocState, reason: string): Promise<void> {
  await retractDoc(link, reason);
}

export interface LinkedRecords {
  link: PatientLink;
  notes: NoteView[];
  forms: FormView[];
}

/** What was written under temporary numbers now linked to this patient, one block per number. */
export function useLinkedRecords(patientId: string): LinkedRecords[] | undefined {
  return useLiveQuery(async () => {
    const links = mergedInto(indexLinks(await linkRows()), patientId);
    const out: LinkedRecords[] = [];
    for (const link of links) {
      const merged = link.body.merged.patientId;
      out.push({ link, notes: await loadNotes(merged), forms: await loadForms(merged) });
    }
    return structuredClone(out);
  }, [patientId]);
}

/** The live link of a temporary patient, for its own page ("now shows under …"). */
export function useLinkOf(patientId: string): PatientLink | null | undefined {
  return useLiveQuery(async () => indexLinks(await linkRows()).intoOf.get(patientId) ?? null, [patientId]);
}
