// The checks that need the expressions run: a calculated value must be what its answers give
// (the server recomputes it, so a tampered total is refused), a targetConstraint must hold, and
// an answerExpression's options are the only answers. Shared by the tablet's save and the server.
import { computeForm, type ComputedForm } from './calculate';
import { checkValues, type CheckOptions } from './check-values';
import { needsEngine, type Env, type FormsEngine } from './expressions';
import { isCalculated } from './extensions';
import type { FormProblem } from './problems';
import type { AnswerOption, Questionnaire, QuestionnaireItem } from './types';
import { fieldKey, rawsOf, rowsOf, type FormValues, type RowPath } from './values';

export interface ExpressionOptions {
  /** Needed as soon as the template has expressions (needsEngine). */
  engine?: FormsEngine;
  /** %patient and other launch variables. */
  env?: Env;
}

/** The template with each answerExpression item's options as computed now. */
export function withOptions(q: Questionnaire, options: ReadonlyMap<string, AnswerOption[]>): Questionnaire {
  if (options.size === 0) return q;
  const map = (items: QuestionnaireItem[] | undefined): QuestionnaireItem[] | undefined =>
    items?.map((i) => ({ ...i, ...(options.has(i.linkId) ? { answerOption: options.get(i.linkId)! } : {}), ...(i.item ? { item: map(i.item)! } : {}) }));
  return { ...q, item: map(q.item)! };
}

/** Runs the expressions when the template has any (else returns null). */
export function computeIfNeeded(q: Questionnaire, values: FormValues, opts: ExpressionOptions): ComputedForm | null {
  if (!needsEngine(q)) return null;
  if (!opts.engine) throw new Error(`template ${q.url} has expressions: load the forms engine first`);
  return computeForm(q, values, opts.engine, opts.env);
}

/** checkValues, with the expressions' conditions, options and rules applied: what blocks a save. */
export function checkForm(q: Questionnaire, values: FormValues, opts: ExpressionOptions & CheckOptions = {}): FormProblem[] {
  const computed = computeIfNeeded(q, values, opts);
  if (!computed) return checkValues(q, values, opts);
  const problems = checkValues(withOptions(q, computed.options), values, { ...opts, expressionEnabled: computed.expressionEnabled });
  for (const c of computed.constraints)
    if (c.severity === 'error') problems.push({ key: c.key, linkId: c.linkId, code: 'constraintFailed', detail: c.human });
  return problems;
}

/** The targetConstraints of severity warning that the values break: shown to the nurse, never blocking. */
export function formWarnings(q: Questionnaire, values: FormValues, opts: ExpressionOptions = {}): FormProblem[] {
  const computed = computeIfNeeded(q, values, opts);
  return (computed?.constraints ?? [])
    .filter((c) => c.severity === 'warning')
    .map((c) => ({ key: c.key, linkId: c.linkId, code: 'constraintWarning', detail: c.human }));
}

/** Calculated items whose value differs from what the expressions give. */
export function calculatedMismatches(q: Questionnaire, given: FormValues, computed: FormValues): FormProblem[] {
  const out: FormProblem[] = [];
  const visit = (items: readonly QuestionnaireItem[] | undefined, a: FormValues | undefined, b: FormValues | undefined, path: RowPath) => {
    for (const item of items ?? []) {
      if (item.type === 'group') {
        const rowsA = a ? rowsOf(a, item) : [];
        const rowsB = b ? rowsOf(b, item) : [];
        for (let i = 0; i < Math.max(rowsA.length, rowsB.length); i++) visit(item.item, rowsA[i], rowsB[i], [...path, { linkId: item.linkId, row: i }]);
        continue;
      }
      if (item.item) visit(item.item, a, b, path);
      if (!isCalculated(item)) continue;
      const x = norm(a ? rawsOf(a, item.linkId) : []);
      const y = norm(b ? rawsOf(b, item.linkId) : []);
      if (x !== y) out.push({ key: fieldKey(path, item.linkId), linkId: item.linkId, code: 'calculatedMismatch', detail: `given ${x || '(none)'}, computed ${y || '(none)'}` });
    }
  };
  visit(q.item, given, computed, []);
  return out;
}

const norm = (raws: string[]) => raws.filter((r) => r.trim() !== '').map((r) => r.trim().replace(',', '.')).join(' | ');
