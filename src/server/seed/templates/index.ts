// The demo hospital's form templates, in the order the "new form" menu lists them.
import type { Questionnaire } from '../../../domain/questionnaire';
import { downtimeAdmission } from './downtime-admission';
import { glucoseInsulin } from './glucose-insulin';
import { handoverIpass } from './handover-ipass';
import { handoverSaed } from './handover-saed';
import { labRequisition } from './lab-requisition';
import { medicationRecord } from './medication-record';
import { vitalSigns } from './vital-signs';
import { wardTransfer } from './ward-transfer';

export const DEMO_TEMPLATES: readonly Questionnaire[] = [
  handoverIpass, handoverSaed, vitalSigns, medicationRecord, glucoseInsulin, labRequisition, wardTransfer, downtimeAdmission,
];
