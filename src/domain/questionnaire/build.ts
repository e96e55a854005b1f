// Form state -> QuestionnaireResponse. Disabled items, blank answers and blank table rows are
// left out: what was not asked is not saved. Item texts are the template's own (French), so an
// exported response reads on its own during back-entry.
import { answerFromRaw, isBlank } from './convert';
import { formContext, isEnabled, type FormContext } from './enable-when';
import {
  canonicalOf, patientReference, type Questionnaire, type QuestionnaireItem, type QuestionnaireResponse, type ResponseAnswer, type ResponseItem,
  type ResponseStatus,
} from './types';
import { rawsOf, rowsOf, type FormValues, type RowPath } from './values';

export interface ResponseHeader {
  patientId: string;
  /** When the nurse saved it (ISO instant from the device clock). */
  authored: string;
  status?: ResponseStatus;
  authorName?: string;
  /** enableWhenExpression results (computeForm), when the template has any. */
  expressionEnabled?: ReadonlyMap<string, boolean>;
}

export function buildResponse(q: Questionnaire, values: FormValues, header: ResponseHeader): QuestionnaireResponse {
  const ctx = formContext(q, values, header.expressionEnabled);
  const items = buildItems(ctx, q.item, values, []);
  return {
    resourceType: 'QuestionnaireResponse',
    questionnaire: canonicalOf(q),
    status: header.status ?? 'completed',
    subject: { reference: patientReference(header.patientId) },
    authored: header.authored,
    ...(header.authorName ? { author: { display: header.authorName } } : {}),
    ...(items.length > 0 ? { item: items } : {}),
  };
}

function buildItems(ctx: FormContext, items: readonly QuestionnaireItem[] | undefined, row: FormValues, path: RowPath): ResponseItem[] {
  const out: ResponseItem[] = [];
  for (const item of items ?? []) {
    if (item.type === 'display' || !isEnabled(ctx, item, path)) continue;
    const text = item.text !== undefined ? { text: item.text } : {};
    if (item.type === 'group') {
      rowsOf(row, item).forEach((r, i) => {
        const children = buildItems(ctx, item.item, r, [...path, { linkId: item.linkId, row: i }]);
        if (children.length > 0) out.push({ linkId: item.linkId, ...text, item: children });
      });
      continue;
    }
    const answers: ResponseAnswer[] = rawsOf(row, item.linkId)
      .filter((r) => !isBlank(r))
      .map((r) => answerFromRaw(item, r))
      .flatMap((p) => ('answer' in p ? [p.answer] : []));
    if (answers.length === 0) continue;
    const kept = item.repeats ? answers : answers.slice(0, 1);
    // A question's children are saved under its (first) answer, as FHIR R4 nests them.
    const children = item.item ? buildItems(ctx, item.item, row, path) : [];
    if (children.length > 0) kept[0] = { ...kept[0]!, item: children };
    out.push({ linkId: item.linkId, ...text, answer: kept });
  }
  return out;
}
