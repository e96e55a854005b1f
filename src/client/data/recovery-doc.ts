// One worklist line opened: the document as it stands (read-only), the exact template version a
// form was filled against, the patient it was written under and, when that was a temporary
// number now linked, the real patient it shows under.
import { useLiveQuery } from 'dexie-react-hooks';
import { typedDoc, type TypedDoc } from '../../domain/doc-bodies';
import { backEntryState, type BackEntryState } from '../../domain/recovery/back-entry';
import { indexLinks, realPatientOf } from '../../domain/recovery/patient-link';
import type { PatientBody } from '../../domain/schemas';
import { db } from '../db/schema';
import { currentResponse } from './forms';
import { loadTemplates, type TemplateView } from './templates';
import { currentPatientBody } from './ward';

export interface RecoveryDocView {
  /** Its body typed by its docType: a switch on doc.docType narrows it. */
  doc: TypedDoc;
  backEntry: BackEntryState;
  /** A form's exact template version; null for other documents or when this device lacks it. */
  template: TemplateView | null;
  patientId: string | null;
  /** The patient it was written under (for a patient document: itself). */
  patient: PatientBody | null;
  /** The real patient it now shows under, when written under a linked temporary number. */
  realPatient: PatientBody | null;
}

async function patientBody(patientId: string): Promise<PatientBody | null> {
  const row = await db().docs.get(patientId);
  return currentPatientBody(row);
}

async function loadRecoveryDoc(docId: string): Promise<RecoveryDocView | null> {
  const row = await db().docs.get(docId);
  const doc = row ? typedDoc(row) : null;
  if (!doc) return null;
  const patientId = doc.docType === 'patient' ? doc.docId : (doc.patientId ?? null);
  const response = doc.docType === 'form' ? currentResponse(doc) : null;
  const template = response ? ((await loadTemplates()).find((v) => v.canonical === response.questionnaire) ?? null) : null;
  const links = indexLinks(await db().docs.filter((x) => x.docType === 'patient-link').toArray());
  const realId = patientId ? realPatientOf(links, patientId) : null;
  return {
    doc, backEntry: backEntryState(doc), template, patientId,
    patient: patientId ? await patientBody(patientId) : null,
    realPatient: realId && realId !== patientId ? await patientBody(realId) : null,
  };
}

export function useRecoveryDoc(docId: string): RecoveryDocView | null | undefined {
  return useLiveQuery(async () => structuredClone(await loadRecoveryDoc(docId)), [docId]);
}
