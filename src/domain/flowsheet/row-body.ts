// A flowsheet row (a round of vitals, a glucose check, a drug given) as its own entry, so two
// tablets that each add a round offline never conflict: a round is appended as a typed addendum
// of the form, corrected by an amend of that row alone and struck by a retract of that row.
//
// The row's body is a QuestionnaireResponse of the form's own template version holding one row
// of one top-level repeating group: it is checked by the same engine as a whole form, and reads
// on its own during back-entry.
import { z } from 'zod';
import type { Questionnaire, QuestionnaireItem, ResponseItem } from '../questionnaire/types';
import { formBody } from '../schemas/form';
import type { FlowsheetRowBody } from './row-kind';

export { isFlowsheetRow, type FlowsheetRowBody } from './row-kind';

export const flowsheetRowBody = z.strictObject({
  flowsheetRow: formBody.refine((r) => r.item?.length === 1, { message: 'a flowsheet row holds exactly one row of one group', path: ['item'] }),
});


/** The row itself: the group's item in the row's response. */
export function rowItemOf(body: FlowsheetRowBody): ResponseItem | undefined {
  return body.flowsheetRow.item?.[0];
}

/** The template's top-level repeating groups: the tables a round can be added to. */
export function rowGroupsOf(template: Pick<Questionnaire, 'item'>): QuestionnaireItem[] {
  return (template.item ?? []).filter((i) => i.type === 'group' && i.repeats === true);
}

/**
 * The template a single row is filled and checked against: the form's template cut down to one
 * of its top-level repeating groups, holding exactly one row. Null when no such group exists.
 */
export function rowTemplate(template: Questionnaire, linkId: string): Questionnaire | null {
  const group = rowGroupsOf(template).find((g) => g.linkId === linkId);
  if (!group) return null;
  return { ...template, item: [{ ...group, repeats: false, required: true }] };
}
