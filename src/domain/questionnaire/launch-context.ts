// %patient for SDC expressions (initialExpression: age, sex, name): the Relève patient as the
// FHIR R4 Patient a form's launchContext expects.
import type { PatientBody } from '../schemas/patient';

const GENDER = { F: 'female', M: 'male', X: 'other' } as const;

export function launchPatient(docId: string, p: Pick<PatientBody, 'ipp' | 'lastName' | 'firstName' | 'birthDate' | 'sex'>): Record<string, unknown> {
  return {
    resourceType: 'Patient',
    id: docId,
    identifier: [{ value: p.ipp }],
    name: [{ family: p.lastName, given: [p.firstName] }],
    birthDate: p.birthDate,
    gender: GENDER[p.sex],
  };
}
