// The documents in conflict on this tablet, as the sync page lists them: each with its patient's
// identifiers and room, what the document is, and where it opens. The status bar only counts them.
import { bodyOf } from '../../domain/doc-bodies';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Questionnaire } from '../../domain/questionnaire';
import type { PatientBody } from '../../domain/schemas';
import { db, type DocRow } from '../db/schema';
import { currentResponse } from './forms';
import { loadTemplates } from './templates';
import { currentPatientBody } from './ward';

export interface ConflictView {
  docId: string;
  docType: string;
  patientId: string | null;
  patient: PatientBody | null;
  /** A form's template version, for its title; null for other documents or a template not held. */
  template: Questionnaire | null;
  /** A note's target (cible), for its title. */
  target: string | null;
  versions: number;
  /** Where the document opens, or null when it has no page of its own. */
  link: string | null;
}

function linkOf(doc: DocRow): string | null {
  const patient = doc.patientId ? encodeURIComponent(doc.patientId) : null;
  const id = encodeURIComponent(doc.docId);
  if (doc.docType === 'form' && patient) return `/patient/${patient}/form/${id}`;
  if (doc.docType === 'note' && patient) return `/patient/${patient}#note-${id}`;
  if (doc.docType === 'patient') return `/patient/${id}`;
  if (doc.docType === 'checklist') return `/checklists/${id}`;
  if (doc.docType === 'procedure') return `/procedures/${id}`;
  return patient ? `/patient/${patient}` : null;
}

export async function loadConflicts(): Promise<ConflictView[]> {
  const d = db();
  const docs = await d.docs.where('status').equals('conflicted').toArray();
  const patientIds = [...new Set(docs.flatMap((doc) => (doc.docType === 'patient' ? [doc.docId] : doc.patientId ? [doc.patientId] : [])))];
  const patients = new Map((await d.docs.bulkGet(patientIds)).flatMap((p) => (p && p.docType === 'patient' ? [[p.docId, currentPatientBody(p)] as const] : [])));
  const templates = await loadTemplates();
  const views = docs.map((doc): ConflictView => {
    const patientId = doc.docType === 'patient' ? doc.docId : (doc.patientId ?? null);
    const response = currentResponse(doc);
    return {
      docId: doc.docId,
      docType: doc.docType,
      patientId,
      patient: (patientId && patients.get(patientId)) || null,
      template: (response && templates.find((v) => v.canonical === response.questionnaire)?.template) || null,
      target: bodyOf(doc, 'note')?.target ?? null,
      versions: doc.heads.length,
      link: linkOf(doc),
    };
  });
  return views.sort((a, b) => (a.patient?.room ?? '').localeCompare(b.patient?.room ?? '', 'fr', { numeric: true }) || (a.docId < b.docId ? -1 : 1));
}

export function useConflicts(): ConflictView[] | undefined {
  return useLiveQuery(() => loadConflicts(), []);
}
