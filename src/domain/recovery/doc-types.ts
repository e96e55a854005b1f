// The document types of recovery, registered in DOC_TYPES (schemas/index.ts) with one spread line.
// Back-entry marks are not a type of their own: they are typed addenda on any document (back-entry.ts).
import { GLOBAL_SCOPE } from '../scope';
import type { DocTypeRule } from '../schemas/index';
import { PATIENT_LINK_TYPE, PATIENT_LINK_WRITERS, patientLinkBody, patientLinkProblem } from './patient-link';

export const RECOVERY_DOC_TYPES: Readonly<Record<string, DocTypeRule>> = {
  [PATIENT_LINK_TYPE]: {
    body: patientLinkBody,
    needsPatient: true,
    scope: 'unit',
    writers: PATIENT_LINK_WRITERS,
    check: (e) => (e.scope === GLOBAL_SCOPE ? 'a patient link lives in its ward' : patientLinkProblem(e)),
  },
};
