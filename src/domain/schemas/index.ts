// The registry of document types: the body schema of each, and the rules that tie an entry's
// envelope (scope, patientId) to its body. Client and server both check entries through here.
import type { z } from 'zod';
import type { Entry } from '../entry';
import { CARE_ROLES, type Role } from '../roles';
import { GLOBAL_SCOPE, unitOfScope } from '../scope';
import { unitBody } from './unit';
import { patientBody } from './patient';
import { noteBody, observedAtProblem } from './note';
import { addendumBody, retractBody } from './annotation';
import { DOWNTIME_DOC_TYPES } from './downtime-types';
import { FORM_DOC_TYPES } from './form-types';
import { RECOVERY_DOC_TYPES } from '../recovery/doc-types';
import { backEntryMarkBody, isBackEntryMark, RECOVERY_ROLES } from '../recovery/back-entry';
import { HIS_DOC_TYPES } from './his-types';
import { isFlowsheetRow } from '../flowsheet/row-body';
import { ENROLMENT_DOC_TYPE, enrolmentBody, enrolmentShapeProblem } from '../provisional';

export { unitBody, patientBody, noteBody, addendumBody, retractBody };
export type { UnitBody } from './unit';
export { DEFAULT_NOTE_TARGETS, DEFAULT_AUTO_LOCK_MINUTES, noteTargetsOf, typedUnit, autoLockMinutesOf } from './unit';
export type { PatientBody } from './patient';
export type { MedicationOrderBody } from './medication-order';
export type { ResultBody, AbnormalFlag } from './result';
export type { NoteBody } from './note';
export { isLateEntry, observedAtProblem, OBSERVED_SLACK_MS } from './note';

export interface DocTypeRule {
  /** Schema of the body of create, amend and resolve entries. */
  body: z.ZodType;
  /** Clinical documents hang off a patient. */
  needsPatient: boolean;
  /** Which scope a document of this type lives in ('either': its check ties the scope to the body). */
  scope: 'global' | 'unit' | 'either';
  /** Roles allowed to write it at all, before scope checks. */
  writers: readonly Role[];
  /**
   * Schema of addendum bodies, when this type has its own (a checklist tick, a receiver's
   * synthesis). Addenda never conflict, so concurrent additions from several tablets all stay.
   * Default: a free-text note, {text}.
   */
  addendum?: z.ZodType;
  /**
   * Schema of flowsheet rows (flowsheet/row-body.ts), when this type has tables rounds are
   * appended to: the body of a row's add (an addendum), its amends and resolves.
   */
  row?: z.ZodType;
  /** Extra consistency between the envelope and the body, if any. */
  check?: (e: Entry) => string | null;
}

// A null-prototype object: a docType of '__proto__', 'constructor' or 'toString' finds nothing,
// rather than Object.prototype's members (which once turned a hostile push into a 500).
export const DOC_TYPES: Readonly<Record<string, DocTypeRule>> = Object.assign(Object.create(null) as Record<string, DocTypeRule>, {
  unit: { body: unitBody, needsPatient: false, scope: 'global', writers: ['admin'] },
  patient: {
    body: patientBody,
    needsPatient: false,
    scope: 'unit',
    // The HIS feed admits, moves and discharges patients (server/interface): only through its routes.
    writers: [...CARE_ROLES, 'interface'],
    check: (e: Entry) => {
      if (e.kind === 'addendum' || e.kind === 'retract') return null;
      const unit = (e.body as { unitCode?: string } | null | undefined)?.unitCode; // a malformed body is bodyProblem's to report
      return unitOfScope(e.scope) === unit ? null : `a patient of unit ${unit} lives in scope unit:${unit}`;
    } },
  note: {
    body: noteBody,
    needsPatient: true,
    scope: 'unit',
    writers: CARE_ROLES,
    check: (e: Entry) => {
      if (e.kind === 'addendum' || e.kind === 'retract') return null;
      const at = (e.body as { observedAt?: unknown } | null | undefined)?.observedAt;
      return typeof at === 'string' ? observedAtProblem(at, e.createdAt) : null;
    } },
  [ENROLMENT_DOC_TYPE]: { body: enrolmentBody, needsPatient: false, scope: 'unit', writers: CARE_ROLES, check: enrolmentShapeProblem },
  ...DOWNTIME_DOC_TYPES,
  ...FORM_DOC_TYPES,
  ...RECOVERY_DOC_TYPES,
  ...HIS_DOC_TYPES });

/** The rule of a document type, or undefined: only the registry's own entries count. */
export function docTypeRule(docType: string): DocTypeRule | undefined {
  return Object.hasOwn(DOC_TYPES, docType) ? DOC_TYPES[docType] : undefined;
}

function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/** Checks the body of an entry against its kind and docType. Returns a reason, or null if valid. */
export function bodyProblem(e: Entry): string | null {
  const rule = docTypeRule(e.docType);
  if (!rule) return `unknown docType '${e.docType}'`;
  const schema =
    rule.row && e.kind !== 'retract' && isFlowsheetRow(e.body)
      ? rule.row
      : e.kind === 'addendum' ? (isBackEntryMark(e.body) ? backEntryMarkBody : (rule.addendum ?? addendumBody)) : e.kind === 'retract' ? retractBody : rule.body;
  const parsed = schema.safeParse(e.body);
  if (!parsed.success) return `body of ${e.docType} ${e.kind} is invalid: ${formatIssues(parsed.error)}`;
  return null;
}

/** Checks the envelope against the docType: scope kind, patient link, writer role. */
export function envelopeProblem(e: Entry, role: Role): string | null {
  const rule = docTypeRule(e.docType);
  if (!rule) return `unknown docType '${e.docType}'`;
  if (rule.scope === 'global' && e.scope !== GLOBAL_SCOPE) return `${e.docType} documents live in scope global`;
  if (rule.scope === 'unit' && unitOfScope(e.scope) === null) return `${e.docType} documents live in a unit scope`;
  if (rule.needsPatient && !e.patientId) return `a ${e.docType} needs a patientId`;
  // A back-entry mark may go on any document, by the people who work the back-entry list.
  const writers: readonly Role[] = e.kind === 'addendum' && isBackEntryMark(e.body) ? RECOVERY_ROLES : rule.writers;
  if (!writers.includes(role)) return `role ${role} may not write ${e.kind === 'addendum' && isBackEntryMark(e.body) ? 'back-entry marks' : e.docType}`;
  return rule.check?.(e) ?? null;
}
