// The checks of a form being filled, on its raw state: required, types, maxLength, answer
// options, repeats. Disabled items are not checked (and not saved). A blank table row is
// ignored, so an untouched spare row never blocks a save.
import { answerFromRaw, isBlank } from './convert';
import { formContext, isEnabled, type FormContext } from './enable-when';
import type { FormProblem } from './problems';
import type { Questionnaire, QuestionnaireItem } from './types';
import { fieldKey, rawsOf, rowIsBlank, rowsOf, type FormValues, type RowPath } from './values';
import { isQuestion } from './walk';
import { isCalculated } from './extensions';
import { limitProblems, occursProblems } from './limits';

export interface CheckOptions {
  /** Report answers left in disabled fields (the server's view of a response). The screen ignores them. */
  disabledAnswersAreProblems?: boolean;
  /** enableWhenExpression results (calculate.ts), when the template has any. */
  expressionEnabled?: ReadonlyMap<string, boolean>;
}

/** Inside a blank spare row only answers left in disabled fields can be wrong. */
interface RowCheck extends CheckOptions {
  onlyDisabled?: boolean;
}

export function checkValues(q: Pick<Questionnaire, 'item'>, values: FormValues, opts: CheckOptions = {}): FormProblem[] {
  const ctx = formContext(q, values, opts.expressionEnabled);
  const problems: FormProblem[] = [];
  checkRow(ctx, q.item, values, [], problems, opts);
  // A form with nothing in it is no record of anything: refuse it rather than save a blank.
  if (problems.length === 0 && !rowHasContent(ctx, q.item, values, [])) problems.push({ key: '', linkId: '', code: 'emptyForm' });
  return problems;
}

/** True when a row holds an enabled, non-blank answer somewhere: a group "has content". */
function rowHasContent(ctx: FormContext, items: readonly QuestionnaireItem[] | undefined, row: FormValues, path: RowPath): boolean {
  for (const item of items ?? []) {
    if (!isEnabled(ctx, item, path)) continue;
    if (item.type === 'group') {
      if (rowsOf(row, item).some((r, i) => rowHasContent(ctx, item.item, r, [...path, { linkId: item.linkId, row: i }]))) return true;
    } else if (isQuestion(item) && rawsOf(row, item.linkId).some((r) => !isBlank(r)) && !isCalculated(item)) return true;
  }
  return false;
}

function checkRow(
  ctx: FormContext,
  items: readonly QuestionnaireItem[] | undefined,
  row: FormValues,
  path: RowPath,
  out: FormProblem[],
  opts: RowCheck,
): void {
  for (const item of items ?? []) {
    const key = fieldKey(path, item.linkId);
    const enabled = isEnabled(ctx, item, path);
    if (item.type === 'display') continue;
    if (item.type === 'group') {
      const rows = rowsOf(row, item);
      if (!enabled) {
        if (opts.disabledAnswersAreProblems && rows.some((r) => !rowIsBlank(r)))
          out.push({ key, linkId: item.linkId, code: 'disabledAnswered' });
        continue;
      }
      if (!item.repeats && rows.length > 1) out.push({ key, linkId: item.linkId, code: 'tooManyRows' });
      let filled = 0;
      rows.forEach((r, i) => {
        const rowPath = [...path, { linkId: item.linkId, row: i }];
        // A spare table row left blank is not a row of the form.
        if (item.repeats && !rowHasContent(ctx, item.item, r, rowPath)) {
          if (opts.disabledAnswersAreProblems) checkRow(ctx, item.item, r, rowPath, out, { ...opts, onlyDisabled: true });
          return;
        }
        if (rowHasContent(ctx, item.item, r, rowPath)) filled += 1;
        checkRow(ctx, item.item, r, rowPath, out, opts);
      });
      if (item.required && filled === 0 && !opts.onlyDisabled) out.push({ key, linkId: item.linkId, code: 'required' });
      continue;
    }
    // A question's children share its row.
    if (item.item) checkRow(ctx, item.item, row, path, out, opts);
    const raws = rawsOf(row, item.linkId).filter((r) => !isBlank(r));
    if (!enabled) {
      if (opts.disabledAnswersAreProblems && raws.length > 0) out.push({ key, linkId: item.linkId, code: 'disabledAnswered' });
      continue;
    }
    if (opts.onlyDisabled) continue;
    if (raws.length === 0) {
      if (item.required) out.push({ key, linkId: item.linkId, code: 'required' });
      continue;
    }
    if (!item.repeats && raws.length > 1) out.push({ key, linkId: item.linkId, code: 'tooManyAnswers' });
    for (const raw of raws) {
      const parsed = answerFromRaw(item, raw);
      if ('problem' in parsed) {
        out.push({ key, linkId: item.linkId, code: parsed.problem, detail: raw.slice(0, 40) });
        continue;
      }
      const text = parsed.answer.valueString;
      if (item.maxLength !== undefined && text !== undefined && [...text].length > item.maxLength)
        out.push({ key, linkId: item.linkId, code: 'tooLong', max: item.maxLength });
      for (const p of limitProblems(item, parsed.answer)) out.push({ key, linkId: item.linkId, ...p });
    }
    for (const p of occursProblems(item, raws.length)) out.push({ key, linkId: item.linkId, ...p });
  }
}
