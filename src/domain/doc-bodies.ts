// What the body of each docType is, so a projected document can be read with its type instead
// of casting its body at every use. The types follow the schemas of the DOC_TYPES registry
// (schemas/index.ts): every create, amend and resolve was checked against its docType's schema
// before it was stored (db/integrity.ts on the tablet, the server's WRITE_CHECKS), which is what
// makes docOf's narrowing true rather than hopeful.
import type { EnrolmentBody } from './provisional';
import type { DocState } from './project';
import type { Questionnaire, QuestionnaireResponse } from './questionnaire/types';
import type { PatientLinkBody } from './recovery/patient-link';
import type { CallTreeBody } from './schemas/calltree';
import type { ChecklistBody } from './schemas/checklist';
import type { ContactBody } from './schemas/contact';
import type { DowntimeBody } from './schemas/downtime';
import type { MedicationOrderBody } from './schemas/medication-order';
import type { NoteBody } from './schemas/note';
import type { PatientBody } from './schemas/patient';
import type { ProcedureBody } from './schemas/procedure';
import type { ResultBody } from './schemas/result';
import type { UnitBody } from './schemas/unit';

export interface DocBodies {
  unit: UnitBody;
  patient: PatientBody;
  note: NoteBody;
  downtime: DowntimeBody;
  procedure: ProcedureBody;
  contact: ContactBody;
  calltree: CallTreeBody;
  checklist: ChecklistBody;
  template: Questionnaire;
  form: QuestionnaireResponse;
  'patient-link': PatientLinkBody;
  'medication-order': MedicationOrderBody;
  result: ResultBody;
  enrolment: EnrolmentBody;
}

export type DocType = keyof DocBodies;

/** A document known to be of `docType` K, its bodies typed. */
export type DocOf<K extends DocType> = DocState<DocBodies[K]> & { docType: K };

/** Any document of a known type: a switch on `docType` narrows its body. */
export type TypedDoc = { [K in DocType]: DocOf<K> }[DocType];

/** The document read as one of `docType`, or null when it is of another type (or absent). */
export function docOf<K extends DocType>(doc: DocState | null | undefined, docType: K): DocOf<K> | null {
  return doc && doc.docType === docType ? (doc as DocOf<K>) : null;
}

/** The document read as one of the known types, or null for a docType this code does not know. */
export function typedDoc(doc: DocState): TypedDoc | null {
  return doc.docType in KNOWN ? (doc as TypedDoc) : null;
}

const KNOWN: Readonly<Record<DocType, true>> = Object.assign(Object.create(null) as Record<DocType, true>, {
  unit: true, patient: true, note: true, downtime: true, procedure: true, contact: true, calltree: true, checklist: true,
  template: true, form: true, 'patient-link': true, 'medication-order': true, result: true, enrolment: true,
});

/** The body as it stands, or the newest head's while conflicted (for a title, a name); null if none. */
export function currentBody<B>(doc: Pick<DocState<B>, 'body' | 'headVersions'>): B | null {
  return doc.body ?? doc.headVersions[doc.headVersions.length - 1]?.body ?? null;
}

/** currentBody of a document of `docType`; null when it is of another type (or absent). */
export function bodyOf<K extends DocType>(doc: DocState | null | undefined, docType: K): DocBodies[K] | null {
  const typed = docOf(doc, docType);
  return typed ? currentBody(typed) : null;
}
