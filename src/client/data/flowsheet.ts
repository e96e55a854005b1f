// Rounds of a flowsheet (vitals, glucose checks, drugs given), each saved as a row of its own
// (domain/flowsheet): adding one never conflicts with a colleague's, whatever the network.
// A row is checked against the form's template cut down to its table, as the server checks it.
import { rowTemplate } from '../../domain/flowsheet/row-body';
import type { FlowsheetRow } from '../../domain/flowsheet/rows';
import type { DocState } from '../../domain/project';
import type { FormValues, Questionnaire } from '../../domain/questionnaire';
import { appendRowEntry } from './documents';
import { responseToSave } from './forms';

function cutTo(template: Questionnaire, linkId: string): Questionnaire {
  const cut = rowTemplate(template, linkId);
  if (!cut) throw new Error(`${linkId} is not a table of this form`);
  return cut;
}

async function rowBody(doc: DocState, template: Questionnaire, linkId: string, values: FormValues) {
  return { flowsheetRow: await responseToSave(cutTo(template, linkId), values, doc.patientId!) };
}

/** A new round, attached to the form's current version (the first one while the form is conflicted). */
export async function addFlowsheetRow(doc: DocState, template: Questionnaire, linkId: string, values: FormValues): Promise<void> {
  const parent = doc.heads[0];
  if (!parent) throw new Error('the form has no version to add a round to');
  await appendRowEntry(doc, 'addendum', [parent], await rowBody(doc, template, linkId, values));
}

/** A correction of one row: names the row's versions the nurse saw (a resolve when there were two). */
export async function correctFlowsheetRow(doc: DocState, row: FlowsheetRow, template: Questionnaire, values: FormValues, seen: readonly string[]): Promise<void> {
  const parents = seen.length > 0 ? [...seen] : row.heads.map((h) => h.entryId);
  await appendRowEntry(doc, parents.length > 1 ? 'resolve' : 'amend', parents, await rowBody(doc, template, row.linkId, values));
}

/** "Entered in error" for one row: the form and the other rows stay as they are. */
export async function strikeFlowsheetRow(doc: DocState, row: FlowsheetRow, reason: string): Promise<void> {
  await appendRowEntry(doc, 'retract', [row.rowId], { reason });
}

export function rowTemplateOf(template: Questionnaire, linkId: string): Questionnaire {
  return cutTo(template, linkId);
}
