// %patient for SDC expressions (initialExpression: age, sex, name; a calculatedExpression may use
// it too): the Relève patient as the FHIR R4 Patient a form's launchContext expects. The tablet
// and the server build it with this same function, so a calculation on %patient gives the same
// value on both sides.
import type { PatientBody } from '../schemas/patient';
import type { Env } from './expressions';
import type { Questionnaire } from './types';

const GENDER = { F: 'female', M: 'male', X: 'other' } as const;

export type LaunchPatientFields = Pick<PatientBody, 'ipp' | 'lastName' | 'firstName' | 'birthDate' | 'sex'>;

function launchPatient(docId: string, p: LaunchPatientFields): Record<string, unknown> {
  return {
    resourceType: 'Patient',
    id: docId,
    identifier: [{ value: p.ipp }],
    name: [{ family: p.lastName, given: [p.firstName] }],
    birthDate: p.birthDate,
    gender: GENDER[p.sex],
  };
}

/** The launch variables of a form filled for this patient. */
export function patientEnv(docId: string, p: LaunchPatientFields): Env {
  return { patient: launchPatient(docId, p) };
}

/** Does any expression of the template read %patient (so the checker must load the patient)? */
export function usesPatient(q: Questionnaire): boolean {
  return JSON.stringify(q).includes('%patient');
}
