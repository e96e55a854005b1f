// The document types of the forms engine: templates (FHIR Questionnaire) and filled forms
// (QuestionnaireResponse). Registered in DOC_TYPES (index.ts) with one spread line.
import type { Entry } from '../entry';
import { CARE_ROLES } from '../roles';
import { patientReference } from '../questionnaire/types';
import { addendumBody } from './annotation';
import { formBody, receiverSynthesisBody } from './form';
import type { DocTypeRule } from './index';
import { templateBody } from './template';
import { z } from 'zod';
import { flowsheetRowBody, isFlowsheetRow, type FlowsheetRowBody } from '../flowsheet/row-body';

/** A filled form names its patient twice (entry and body): they must agree. */
function formSubjectProblem(e: Entry): string | null {
  if (e.kind === 'retract') return null;
  const row = isFlowsheetRow(e.body);
  if (e.kind === 'addendum' && !row) return null;
  const body = row ? (e.body as FlowsheetRowBody).flowsheetRow : e.body;
  const ref = (body as { subject?: { reference?: unknown } } | null | undefined)?.subject?.reference;
  if (typeof ref !== 'string') return null; // a malformed body is bodyProblem's to report
  return e.patientId && ref === patientReference(e.patientId) ? null : `the form's subject ${ref} is not the entry's patient`;
}

/** A template version never changes, so responses filled against it always render the same. */
function templateFrozen(e: Entry): string | null {
  return e.kind === 'amend' || e.kind === 'resolve' ? 'a template version never changes: import a new version instead' : null;
}

export const FORM_DOC_TYPES: Readonly<Record<string, DocTypeRule>> = {
  template: { body: templateBody, needsPatient: false, scope: 'global', writers: ['admin'], check: templateFrozen },
  form: {
    body: formBody,
    needsPatient: true,
    scope: 'unit',
    writers: CARE_ROLES,
    addendum: z.union([addendumBody, receiverSynthesisBody]),
    row: flowsheetRowBody,
    check: formSubjectProblem,
  },
};
