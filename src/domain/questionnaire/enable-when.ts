// enableWhen and enableBehavior (FHIR R4 Questionnaire.item.enableWhen), evaluated on the
// raw form state, live, as the nurse types.
//
// Which answers a condition looks at: the question's answers in the same table row when the
// question sits in a row the item shares, otherwise all of its answers in the form. A question
// that is itself disabled has no answers (its text is not saved, so it cannot enable anything).
// Operators follow R4's definitions: '!=' is "no answer equals", so it is true with no answer.
import { answerFromRaw, isBlank } from './convert';
import type { AnswerValue, EnableWhen, Questionnaire, QuestionnaireItem } from './types';
import { rowAt, rowsOf, rawsOf, type FormValues, type RowPath, fieldKey } from './values';
import { indexItems, type IndexedItem } from './walk';

export interface FormContext {
  index: Map<string, IndexedItem>;
  values: FormValues;
  /** Enabled state per field key, filled as it is computed. */
  memo: Map<string, boolean>;
  /** enableWhenExpression results by field key (see calculate.ts). */
  expressionEnabled?: ReadonlyMap<string, boolean>;
}

export function formContext(q: Pick<Questionnaire, 'item'>, values: FormValues, expressionEnabled?: ReadonlyMap<string, boolean>): FormContext {
  return { index: indexItems(q), values, memo: new Map(), ...(expressionEnabled ? { expressionEnabled } : {}) };
}

/** Is this item, in the row at `path`, enabled? Its groups must be enabled too. */
export function isEnabled(ctx: FormContext, item: QuestionnaireItem, path: RowPath, visiting = new Set<string>()): boolean {
  const key = fieldKey(path, item.linkId);
  const known = ctx.memo.get(key);
  if (known !== undefined) return known;
  // A condition that leads back to itself can never be met: the item stays disabled.
  if (visiting.has(key)) return false;
  visiting.add(key);
  const ancestors = ctx.index.get(item.linkId)?.ancestors ?? [];
  let enabled = true;
  let depth = ancestors.filter((a) => a.type === 'group').length;
  for (let i = ancestors.length - 1; i >= 0 && enabled; i--) {
    const parent = ancestors[i]!;
    if (parent.type === 'group') {
      // The group at this depth sits in the rows above it in the path.
      depth -= 1;
      enabled = isEnabled(ctx, parent, path.slice(0, depth), visiting);
    } else {
      // A question's own children live in its row and count only once it is answered.
      const at = path.slice(0, depth);
      enabled = isEnabled(ctx, parent, at, visiting) && rawsOf(rowAt(ctx.values, at) ?? ctx.values, parent.linkId).some((r) => !isBlank(r));
    }
  }
  if (enabled) enabled = ownConditionHolds(ctx, item, path, visiting);
  const byExpression = ctx.expressionEnabled?.get(key);
  if (enabled && byExpression === false) enabled = false;
  visiting.delete(key);
  ctx.memo.set(key, enabled);
  return enabled;
}

function ownConditionHolds(ctx: FormContext, item: QuestionnaireItem, path: RowPath, visiting: Set<string>): boolean {
  const conditions = item.enableWhen ?? [];
  if (conditions.length === 0) return true;
  const results = conditions.map((c) => conditionHolds(c, answersOf(ctx, c.question, path, visiting)));
  return item.enableBehavior === 'any' ? results.some(Boolean) : results.every(Boolean);
}

/** The valid, enabled answers of a question, seen from the row at `path`. */
function answersOf(ctx: FormContext, linkId: string, path: RowPath, visiting = new Set<string>()): AnswerValue[] {
  const entry = ctx.index.get(linkId);
  if (!entry || entry.item.type === 'group' || entry.item.type === 'display') return [];
  let places: { row: FormValues; path: RowPath }[] = [{ row: ctx.values, path: [] }];
  for (const group of entry.ancestors.filter((a) => a.type === 'group')) {
    const shared = path.find((s) => s.linkId === group.linkId);
    places = places.flatMap(({ row, path: p }) =>
      rowsOf(row, group)
        .map((r, i) => ({ row: r, path: [...p, { linkId: group.linkId, row: i }] }))
        .filter((_, i) => shared === undefined || shared.row === i),
    );
  }
  const out: AnswerValue[] = [];
  for (const place of places) {
    if (!isEnabled(ctx, entry.item, place.path, visiting)) continue;
    for (const raw of rawsOf(place.row, linkId)) {
      if (isBlank(raw)) continue;
      const parsed = answerFromRaw(entry.item, raw);
      if ('answer' in parsed) out.push(parsed.answer);
    }
  }
  return out;
}

/** The expected answer of a condition, as a comparable value. */
function expected(c: EnableWhen): { kind: 'number' | 'text' | 'instant' | 'boolean' | 'coding'; value: unknown } | null {
  if (c.answerBoolean !== undefined) return { kind: 'boolean', value: c.answerBoolean };
  if (c.answerInteger !== undefined) return { kind: 'number', value: c.answerInteger };
  if (c.answerDecimal !== undefined) return { kind: 'number', value: c.answerDecimal };
  if (c.answerDate !== undefined) return { kind: 'text', value: c.answerDate };
  if (c.answerTime !== undefined) return { kind: 'text', value: c.answerTime };
  if (c.answerString !== undefined) return { kind: 'text', value: c.answerString };
  if (c.answerDateTime !== undefined) return { kind: 'instant', value: Date.parse(c.answerDateTime) };
  if (c.answerCoding !== undefined) return { kind: 'coding', value: c.answerCoding };
  return null;
}

/** Compares one answer with the expected value: <0, 0, >0, or null when they cannot be compared. */
function compare(a: AnswerValue, exp: NonNullable<ReturnType<typeof expected>>): number | null {
  switch (exp.kind) {
    case 'boolean':
      return a.valueBoolean === undefined ? null : a.valueBoolean === exp.value ? 0 : null;
    case 'number': {
      const n = a.valueInteger ?? a.valueDecimal;
      return n === undefined ? null : Math.sign(n - (exp.value as number));
    }
    case 'text': {
      const s = a.valueString ?? a.valueDate ?? a.valueTime;
      if (s === undefined) return null;
      return s === exp.value ? 0 : s < (exp.value as string) ? -1 : 1;
    }
    case 'instant': {
      if (a.valueDateTime === undefined) return null;
      return Math.sign(Date.parse(a.valueDateTime) - (exp.value as number));
    }
    case 'coding': {
      const want = exp.value as { system?: string; code?: string };
      if (!a.valueCoding) return null;
      const sameSystem = want.system === undefined || a.valueCoding.system === undefined || want.system === a.valueCoding.system;
      // Codings are equal or not; they have no order.
      return sameSystem && a.valueCoding.code === want.code ? 0 : null;
    }
  }
}

export function conditionHolds(c: EnableWhen, answers: readonly AnswerValue[]): boolean {
  if (c.operator === 'exists') return (answers.length > 0) === (c.answerBoolean ?? true);
  const exp = expected(c);
  if (!exp) return false;
  const cmp = answers.map((a) => compare(a, exp));
  switch (c.operator) {
    case '=':
      return cmp.some((x) => x === 0);
    case '!=':
      return !cmp.some((x) => x === 0);
    case '>':
      return cmp.some((x) => x !== null && x > 0);
    case '<':
      return cmp.some((x) => x !== null && x < 0);
    case '>=':
      return cmp.some((x) => x !== null && x >= 0);
    case '<=':
      return cmp.some((x) => x !== null && x <= 0);
  }
}
