// SDC expressions over a form being filled: calculatedExpression (scores, BMI), variable,
// enableWhenExpression, answerExpression and targetConstraint, evaluated by FHIRPath on the
// response the form would make. The tablet runs computeForm on every change; the server runs it
// on what was pushed and refuses a calculated value that does not match (response-problems.ts).
//
// The response evaluated here holds every enabled item, answered or not, so that an expression's
// context (%context, the item's own response item) exists before anything is typed.
import { answerFromRaw, isBlank } from './convert';
import { formContext, isEnabled, type FormContext } from './enable-when';
import { fhirpathOf, type Env, type FormsEngine } from './expressions';
import { calculatedExpressionOf, EXT, extensionsOf } from './extensions';
import type { AnswerOption, Extension, Questionnaire, QuestionnaireItem, ResponseItem } from './types';
import { rawsOf, rowsOf, setAnswers, type FormValues, type RowPath, fieldKey } from './values';
import { hasOptions } from './walk';

interface ConstraintFailure {
  key: string;
  linkId: string;
  /** The template's own wording of the rule (targetConstraint's human). */
  human: string;
  /** SDC's severity: an error blocks saving, a warning is shown and does not. */
  severity: 'error' | 'warning';
}

export interface ComputedForm {
  /** The values with every calculated item filled in. */
  values: FormValues;
  /** enableWhenExpression results, by field key. */
  expressionEnabled: Map<string, boolean>;
  /** answerExpression results, by linkId (options come from the whole form). */
  options: Map<string, AnswerOption[]>;
  constraints: ConstraintFailure[];
}

interface Node {
  item: QuestionnaireItem;
  path: RowPath;
  response: ResponseItem;
  /** The enclosing node (group row or answered question), for item-level variables. */
  parent: Node | null;
}

const MAX_PASSES = 6;

/** Runs a form's expressions until its calculated values settle. `env` carries %patient. */
export function computeForm(q: Questionnaire, start: FormValues, engine: FormsEngine, env: Env = {}): ComputedForm {
  let values = start;
  let expressionEnabled = new Map<string, boolean>();
  let result: ComputedForm = { values, expressionEnabled, options: new Map(), constraints: [] };
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    result = onePass(q, values, expressionEnabled, engine, env);
    const settled = sameValues(result.values, values) && sameMap(result.expressionEnabled, expressionEnabled);
    values = result.values;
    expressionEnabled = result.expressionEnabled;
    if (settled) break;
  }
  return result;
}

function onePass(q: Questionnaire, values: FormValues, enabledBefore: Map<string, boolean>, engine: FormsEngine, env: Env): ComputedForm {
  // Nodes for every item enableWhen allows, so each enableWhenExpression is evaluated on every
  // pass (an item its expression disabled must be able to come back).
  const nodes: Node[] = [];
  const resource = { resourceType: 'QuestionnaireResponse', status: 'in-progress', item: evalItems(formContext(q, values), q.item, values, [], null, nodes) };
  const withExpressions = formContext(q, values, enabledBefore);
  const run = runner(engine, resource);
  const rootEnv: Env = { ...env, resource, questionnaire: q, context: resource };
  addVariables(q.extension, resource, rootEnv, run);
  const envOf = scopedEnv(rootEnv, run);
  let next = values;
  const out: ComputedForm = { values, expressionEnabled: new Map(), options: new Map(), constraints: [] };
  for (const n of nodes) {
    const scope = envOf(n);
    const key = fieldKey(n.path, n.item.linkId);
    for (const e of extensionsOf(n.item, EXT.enableWhenExpression)) {
      const expr = fhirpathOf(e);
      if (expr) out.expressionEnabled.set(key, run(n.response, expr, scope)[0] === true);
    }
    for (const e of extensionsOf(n.item, EXT.answerExpression)) {
      const expr = fhirpathOf(e);
      if (expr) out.options.set(n.item.linkId, run(n.response, expr, scope).flatMap(optionOf));
    }
    for (const e of extensionsOf(n.item, EXT.targetConstraint)) constraint(e, n, key, scope, run, out.constraints);
    const calc = calculatedExpressionOf(n.item);
    const expr = calc && fhirpathOf({ valueExpression: calc });
    if (expr) {
      // A calculated item its expression disables holds nothing: it is not asked, so not saved.
      const raw = isEnabled(withExpressions, n.item, n.path) ? rawOf(n.item, run(n.response, expr, scope)[0]) : '';
      const current = rawsOf(rowOf(next, n.path), n.item.linkId);
      if ((current[0] ?? '') !== raw || current.length > 1) next = setAnswers(next, n.path, n.item.linkId, raw === '' ? [] : [raw]);
    }
  }
  out.values = next;
  return out;
}

function rowOf(values: FormValues, path: RowPath): FormValues {
  let row = values;
  for (const s of path) row = row.groups[s.linkId]?.[s.row] ?? { answers: {}, groups: {} };
  return row;
}

/** The response items of enabled items, each recorded as a node for its expressions. */
function evalItems(
  ctx: FormContext, items: readonly QuestionnaireItem[] | undefined, row: FormValues, path: RowPath, parent: Node | null, nodes: Node[],
): ResponseItem[] {
  const out: ResponseItem[] = [];
  for (const item of items ?? []) {
    if (item.type === 'display' || !isEnabled(ctx, item, path)) continue;
    if (item.type === 'group') {
      rowsOf(row, item).forEach((r, i) => {
        const response: ResponseItem = { linkId: item.linkId };
        const node: Node = { item, path, response, parent };
        nodes.push(node);
        const rowPath = [...path, { linkId: item.linkId, row: i }];
        response.item = evalItems(ctx, item.item, r, rowPath, node, nodes);
        out.push(response);
      });
      continue;
    }
    const answers = rawsOf(row, item.linkId).filter((r) => !isBlank(r)).flatMap((r) => {
      const p = answerFromRaw(item, r);
      return 'answer' in p ? [p.answer] : [];
    });
    const response: ResponseItem = { linkId: item.linkId, ...(answers.length > 0 ? { answer: answers } : {}) };
    const node: Node = { item, path, response, parent };
    nodes.push(node);
    if (item.item) {
      const children = evalItems(ctx, item.item, row, path, node, nodes);
      if (children.length > 0 && response.answer) response.answer[0] = { ...response.answer[0]!, item: children };
    }
    out.push(response);
  }
  return out;
}

type Run = (base: unknown, expression: string, scope: Env) => unknown[];

/** Evaluation that never throws: an expression that fails gives no value (and the import checked them). */
function runner(engine: FormsEngine, resource: unknown): Run {
  return (base, expression, scope) => {
    try {
      return engine.evaluate(base, expression, scope, base === resource ? undefined : 'QuestionnaireResponse.item');
    } catch {
      return [];
    }
  };
}

function addVariables(exts: readonly Extension[] | undefined, base: unknown, scope: Env, run: Run): void {
  for (const e of exts ?? []) {
    if (e.url !== EXT.variable) continue;
    const expr = fhirpathOf(e);
    const name = e.valueExpression?.name;
    if (expr && name) scope[name] = run(base, expr, scope);
  }
}

/** The %variables an item sees: the template's, then each enclosing item's, then its own. */
function scopedEnv(rootEnv: Env, run: Run): (n: Node) => Env {
  const memo = new Map<Node, Env>();
  const envOf = (n: Node): Env => {
    const known = memo.get(n);
    if (known) return known;
    const scope: Env = { ...(n.parent ? envOf(n.parent) : rootEnv), context: n.response };
    addVariables(n.item.extension, n.response, scope, run);
    memo.set(n, scope);
    return scope;
  };
  return envOf;
}

function constraint(e: Extension, n: Node, key: string, scope: Env, run: Run, out: ConstraintFailure[]): void {
  const parts = e.extension ?? [];
  const expression = parts.find((x) => x.url === 'expression')?.valueExpression;
  const expr = expression && fhirpathOf({ valueExpression: expression });
  if (!expr) return;
  const human = parts.find((x) => x.url === 'human')?.valueString ?? '';
  // SDC makes severity mandatory; a rule that forgets it is taken as an error, the safe side.
  const severity = parts.find((x) => x.url === 'severity')?.valueCode === 'warning' ? 'warning' : 'error';
  const [ok] = run(n.response, expr, scope);
  // Only a rule that evaluates to false is broken; an empty result (nothing typed yet) is not.
  if (ok === false) out.push({ key, linkId: n.item.linkId, human, severity });
}

function optionOf(v: unknown): AnswerOption[] {
  if (typeof v === 'string') return [{ valueString: v }];
  if (typeof v === 'number' && Number.isInteger(v)) return [{ valueInteger: v }];
  const c = v as { code?: unknown; system?: unknown; display?: unknown } | null;
  if (c && typeof c === 'object' && typeof c.code === 'string') {
    return [{ valueCoding: { code: c.code, ...(typeof c.system === 'string' ? { system: c.system } : {}), ...(typeof c.display === 'string' ? { display: c.display } : {}) } }];
  }
  return [];
}

/** An expression's result as the raw text the form holds for this item ('' for no value). */
function rawOf(item: QuestionnaireItem, v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'boolean') return item.type === 'boolean' ? String(v) : '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    if (item.type === 'integer') return String(Math.round(v));
    return String(Number(v.toFixed(item.type === 'quantity' || item.type === 'decimal' ? decimalsOf(item) : 0)));
  }
  if (typeof v === 'string') return v;
  const o = v as { code?: unknown; value?: unknown; unit?: unknown };
  if (typeof o.value === 'number') return rawOf(item, o.value) + (item.type === 'quantity' && typeof o.code === 'string' ? ` ${o.code}` : '');
  if (typeof o.code === 'string' && hasOptions(item)) return o.code;
  return '';
}

/** Calculations are rounded to the item's maxDecimalPlaces, else to 2 places (what a nurse reads). */
function decimalsOf(item: QuestionnaireItem): number {
  const e = item.extension?.find((x) => x.url === EXT.maxDecimalPlaces);
  return e?.valueInteger ?? 2;
}

function sameValues(a: FormValues, b: FormValues): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sameMap(a: Map<string, boolean>, b: Map<string, boolean>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}

/** initialExpression values (with %patient), over the template's own initial values. */
export function startValues(q: Questionnaire, base: FormValues, engine: FormsEngine, env: Env = {}): FormValues {
  let values = base;
  const resource = { resourceType: 'QuestionnaireResponse', status: 'in-progress' };
  const scope: Env = { ...env, resource, questionnaire: q, context: resource };
  const run = runner(engine, resource);
  addVariables(q.extension, resource, scope, run);
  // Only top-level and non-repeating items: a repeating group's rows start blank.
  const visit = (items: readonly QuestionnaireItem[] | undefined, path: RowPath) => {
    for (const item of items ?? []) {
      if (item.type === 'group' && !item.repeats) visit(item.item, [...path, { linkId: item.linkId, row: 0 }]);
      const expr = extensionsOf(item, EXT.initialExpression).map(fhirpathOf).find(Boolean);
      if (!expr) continue;
      const raws = run(resource, expr, scope).map((v) => rawOf(item, v)).filter((r) => r !== '');
      if (raws.length > 0) values = setAnswers(values, path, item.linkId, item.repeats ? raws : raws.slice(0, 1));
    }
  };
  visit(q.item, []);
  return values;
}
