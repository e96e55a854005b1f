// Does a saved QuestionnaireResponse fit the exact template version it names? The server runs
// this on every pushed form (and the tablet before saving), so a response that the screen could
// never have produced (a disabled item answered, a value of the wrong type, an item the template
// does not have) is refused with the reason, never stored.
import { calculatedMismatches, checkForm, computeIfNeeded, type ExpressionOptions } from './recompute';
import { expectedValueKeys, FHIR_DATE, FHIR_DATETIME, FHIR_TIME, VALUE_KEYS } from './convert';
import type { FormProblem, ProblemCode } from './problems';
import {
  canonicalOf, patientReference, RESPONSE_STATUSES, type AnswerValue, type Questionnaire, type QuestionnaireItem,
  type ResponseItem,
} from './types';
import { valuesFromResponse, type RowPath, fieldKey } from './values';
import { indexItems } from './walk';

export interface ResponseCheckOptions extends ExpressionOptions {
  /** The patient docId the entry carries: the response's subject must be that patient. */
  patientId?: string;
}

export function responseProblems(q: Questionnaire, response: unknown, opts: ResponseCheckOptions = {}): FormProblem[] {
  const r = response as Record<string, unknown> | null;
  const out: FormProblem[] = [];
  const header = (detail: string) => out.push({ key: '', linkId: '', code: 'badHeader', detail });
  if (!r || typeof r !== 'object' || r.resourceType !== 'QuestionnaireResponse') {
    header('resourceType must be QuestionnaireResponse');
    return out;
  }
  if (r.questionnaire !== canonicalOf(q))
    out.push({ key: '', linkId: '', code: 'wrongTemplate', detail: `expected ${canonicalOf(q)}, got ${String(r.questionnaire)}` });
  if (!RESPONSE_STATUSES.includes(r.status as never)) header(`status ${String(r.status)}`);
  const subject = (r.subject as { reference?: unknown } | undefined)?.reference;
  if (typeof subject !== 'string' || !/^Patient\/.+/.test(subject)) header('subject must reference a Patient');
  else if (opts.patientId && subject !== patientReference(opts.patientId)) header(`subject ${subject} is not the entry's patient`);
  if (typeof r.authored !== 'string' || !FHIR_DATETIME.test(r.authored)) header('authored must be a FHIR dateTime');
  if (r.item !== undefined && !Array.isArray(r.item)) {
    header('item must be a list');
    return out;
  }

  const index = indexItems(q);
  const items = (r.item ?? []) as ResponseItem[];
  checkStructure(items, q.item, index, [], out);
  // The same rules the screen applies, on the values the response holds.
  if (!out.some((p) => p.code === 'wrongValueType' || p.code === 'unknownItem' || p.code === 'itemOutOfPlace')) {
    const given = valuesFromResponse(q, { item: items });
    out.push(...checkForm(q, given, { ...opts, disabledAnswersAreProblems: true }));
    // Recomputed here, whatever the tablet said: a total that does not follow from its answers is refused.
    const computed = computeIfNeeded(q, given, opts);
    if (computed) out.push(...calculatedMismatches(q, given, computed.values));
  }
  const seen = new Set<string>();
  return out.filter((p) => {
    const id = `${p.key}\u0000${p.code}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function checkStructure(
  items: readonly ResponseItem[],
  expected: readonly QuestionnaireItem[] | undefined,
  index: ReturnType<typeof indexItems>,
  path: RowPath,
  out: FormProblem[],
): void {
  const occurrences = new Map<string, number>();
  let lastPosition = -1;
  for (const ri of items) {
    const linkId = typeof ri?.linkId === 'string' ? ri.linkId : '';
    const row = occurrences.get(linkId) ?? 0;
    occurrences.set(linkId, row + 1);
    const key = fieldKey(path, linkId);
    const position = (expected ?? []).findIndex((i) => i.linkId === linkId);
    const add = (code: ProblemCode, detail?: string) => out.push({ key, linkId, code, ...(detail ? { detail } : {}) });
    if (position < 0) {
      add(index.has(linkId) ? 'itemOutOfPlace' : 'unknownItem');
      continue;
    }
    if (position < lastPosition) add('itemOutOfPlace', 'items must follow the template order');
    lastPosition = position;
    const item = expected![position]!;
    if (item.type === 'group' || item.type === 'display') {
      if (ri.answer !== undefined) add('answerOnGroup');
      if (item.type === 'display') continue;
      if (!item.repeats && row > 0) add('tooManyRows');
      if (!ri.item || ri.item.length === 0) add('emptyItem');
      else checkStructure(ri.item, item.item, index, [...path, { linkId, row }], out);
      continue;
    }
    if (ri.item !== undefined) add('itemsOnQuestion');
    // A question's children sit under its answers (FHIR R4), in the template's order.
    for (const a of ri.answer ?? []) if (a.item !== undefined && item.item) checkStructure(a.item, item.item, index, path, out);
    if (row > 0) add('tooManyAnswers', 'a question appears once, with all its answers');
    if (!ri.answer || ri.answer.length === 0) {
      add('emptyItem');
      continue;
    }
    if (!item.repeats && ri.answer.length > 1) add('tooManyAnswers');
    for (const a of ri.answer) {
      if (a.item !== undefined && !item.item) add('nestedAnswerItems');
      const problem = valueProblem(item, a);
      if (problem) add(problem, JSON.stringify(a).slice(0, 80));
    }
  }
}

/** One answer's value[x]: exactly one, of a type the item takes, well formed. */
function valueProblem(item: QuestionnaireItem, a: AnswerValue): ProblemCode | null {
  const present = VALUE_KEYS.filter((k) => a[k] !== undefined);
  if (present.length !== 1 || !expectedValueKeys(item).includes(present[0]!)) return 'wrongValueType';
  const v = a[present[0]!];
  switch (present[0]) {
    case 'valueInteger':
      return Number.isInteger(v) ? null : 'notInteger';
    case 'valueDecimal':
      return typeof v === 'number' && Number.isFinite(v) ? null : 'notDecimal';
    case 'valueBoolean':
      return typeof v === 'boolean' ? null : 'notBoolean';
    case 'valueDate':
      return typeof v === 'string' && FHIR_DATE.test(v) ? null : 'notDate';
    case 'valueDateTime':
      return typeof v === 'string' && FHIR_DATETIME.test(v) ? null : 'notDateTime';
    case 'valueTime':
      return typeof v === 'string' && FHIR_TIME.test(v) ? null : 'notTime';
    case 'valueString':
      return typeof v === 'string' && v.trim() !== '' ? null : 'wrongValueType';
    case 'valueQuantity': {
      const q = v as { value?: unknown; code?: unknown };
      return typeof q === 'object' && q !== null && typeof q.value === 'number' && Number.isFinite(q.value) ? null : 'notQuantity';
    }
    case 'valueCoding':
      return typeof v === 'object' && v !== null && typeof (v as { code?: unknown }).code === 'string' ? null : 'notAnOption';
    default:
      return 'wrongValueType';
  }
}
