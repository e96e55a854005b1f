// The document types the hospital's information system feeds (HL7v2 / FHIR interface): what the
// pharmacy prescribed and the latest lab results. Only the `interface` account writes them.
// Registered in DOC_TYPES (index.ts) with one spread line.
import type { DocTypeRule } from './index';
import { medicationOrderBody } from './medication-order';
import { resultBody } from './result';

export const HIS_DOC_TYPES: Readonly<Record<string, DocTypeRule>> = {
  'medication-order': { body: medicationOrderBody, needsPatient: true, scope: 'unit', writers: ['interface'] },
  result: { body: resultBody, needsPatient: true, scope: 'unit', writers: ['interface'] },
};
