// The latest round of a patient's vitals, shown beside the I-PASS in the handover round: the
// line observed last among every vitals flowsheet of the patient (a round may be added to an
// older sheet), struck lines and retracted sheets left out. Pure, so the same rule reads the
// same on every tablet.
import { templatePlays } from '../print/kit-plan';
import type { DocState } from '../project';
import type { Questionnaire, QuestionnaireItem, QuestionnaireResponse } from '../questionnaire/types';
import { rowGroupsOf } from './row-body';
import { flowsheetLines, observedAt, type FlowsheetLine } from './rows';

export interface VitalsForm {
  doc: Pick<DocState, 'docId' | 'retracted' | 'rowEntries'>;
  response: QuestionnaireResponse | null;
  /** The template version it was filled against, when held. */
  template: Questionnaire | null;
}

export interface LatestVitals<F extends VitalsForm> {
  form: F;
  /** The table the line belongs to (its columns). */
  group: QuestionnaireItem;
  line: FlowsheetLine;
  /** When the round was observed (its first date-time). */
  observedAt: string;
}

/** The vitals line observed last, or null when the patient has none. */
export function latestVitals<F extends VitalsForm>(forms: readonly F[]): LatestVitals<F> | null {
  let best: LatestVitals<F> | null = null;
  let bestAt = -Infinity;
  for (const form of forms) {
    if (form.doc.retracted || !form.response || !form.template || !templatePlays('vitals', form.template)) continue;
    const group = rowGroupsOf(form.template)[0];
    if (!group) continue;
    for (const line of flowsheetLines(form.response, form.doc, group.linkId)) {
      const at = observedAt(line.item);
      const time = at === undefined ? NaN : Date.parse(at);
      if (line.row?.struck || at === undefined || Number.isNaN(time)) continue;
      // On a tie, the later sheet and line win: the same answer on every tablet.
      if (time > bestAt || (time === bestAt && best !== null && form.doc.docId >= best.form.doc.docId)) {
        best = { form, group, line, observedAt: at };
        bestAt = time;
      }
    }
  }
  return best;
}
