// The items of an imported Questionnaire: what the engine runs is kept as it was (types,
// conditions, options and their scores, units, limits, expressions, items under questions);
// value sets become options; everything else is left out and reported with its effect.
import type { FormsEngine } from './expressions';
import { fhirpathOf } from './expressions';
import { EXPRESSION_EXTENSIONS, EXT, ITEM_EXTENSIONS, OPTION_EXTENSIONS, UCUM } from './extensions';
import { effectOfExtension, META_ITEM_ATTRIBUTES, type Effect, type LeftOut, type LeftOutCode } from './import-report';
import { containedId, lookUpValueSet, referencing } from './import-value-sets';
import { CONDITION_ANSWER_KEYS } from './template-problems';
import { ITEM_TYPES, type ValueSet } from './types';
import { TRANSLATION_URL } from './walk';

type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const ITEM_KEYS = new Set(['linkId', 'type', 'code', 'prefix', 'text', '_text', 'required', 'repeats', 'readOnly', 'maxLength', 'enableWhen', 'enableBehavior']);
const OPTION_VALUES = ['valueCoding', 'valueString', 'valueInteger', 'valueDate', 'valueTime'];
const INITIAL_VALUE = /^value(Boolean|Decimal|Integer|Date|DateTime|Time|String|Coding|Quantity)$/;
const CODING_KEYS = new Set(['system', 'code', 'display', '_display']);

export interface ItemContext {
  out: LeftOut[];
  dropped: Set<string>;
  contained: readonly unknown[];
  given: readonly unknown[];
  keptValueSets: ValueSet[];
  /** Each kept value set's id in the file (undefined when it had none), to find it again. */
  keptIds: Map<ValueSet, string | undefined>;
  valueSetsNeeded: Set<string>;
  engine?: FormsEngine;
}

interface Where {
  linkId: string;
  text: string;
}

function report(ctx: ItemContext, at: Where | null, effect: Effect, code: LeftOutCode, name: string): void {
  ctx.out.push({ effect, code, name, ...(at ? { linkId: at.linkId, text: at.text } : {}) });
}

/** Keeps only FHIR translation extensions of a `_text`-like element. */
export function cleanTranslatable(v: unknown, at: Where | null, ctx: ItemContext): Json | undefined {
  if (!isObject(v)) return undefined;
  const kept = (Array.isArray(v.extension) ? v.extension : []).filter((e) => {
    const ok = isObject(e) && e.url === TRANSLATION_URL;
    if (!ok) report(ctx, at, effectOfExtension(String((e as Json)?.url ?? '?'), false), 'extension', String((e as Json)?.url ?? '?'));
    return ok;
  });
  return kept.length > 0 ? { extension: kept } : undefined;
}

export function cleanCoding(v: unknown, at: Where | null, ctx: ItemContext, scores?: Json[]): Json {
  const c: Json = {};
  for (const [k, val] of Object.entries(isObject(v) ? v : {})) {
    if (k === '_display') {
      const t = cleanTranslatable(val, at, ctx);
      if (t) c._display = t;
    } else if (k === 'extension' && scores) {
      // Older forms put the score on the Coding: it moves to the option, where SDC reads it.
      for (const e of Array.isArray(val) ? val : []) {
        const url = String((e as Json)?.url);
        if (OPTION_EXTENSIONS.has(url) || url.endsWith('iso21090-CO-value')) scores.push({ url: EXT.ordinalValue, valueDecimal: (e as Json).valueDecimal });
        else report(ctx, at, effectOfExtension(url, false), 'extension', `valueCoding.extension ${url}`);
      }
    } else if (CODING_KEYS.has(k)) c[k] = val;
    else report(ctx, at, 'metadata', 'attribute', `Coding.${k}`);
  }
  return c;
}

/** Checks an Expression-valued extension: FHIRPath that compiles, else it is left out. */
function expressionOk(e: Json, at: Where | null, ctx: ItemContext, url: string): boolean {
  const x = isObject(e.valueExpression) ? e.valueExpression : null;
  if (!x || x.language !== 'text/fhirpath') {
    report(ctx, at, 'meaning', 'expressionLanguage', `${url} (${String(x?.language ?? '?')})`);
    return false;
  }
  const expr = fhirpathOf(e as never);
  try {
    if (!expr) throw new Error('empty');
    ctx.engine?.compile(expr);
    return true;
  } catch {
    report(ctx, at, 'meaning', 'badExpression', `${url}: ${String(x.expression ?? '').slice(0, 120)}`);
    return false;
  }
}

/** An item's or the template's extensions: those the engine runs, checked; the rest reported. */
export function cleanExtensions(list: unknown, at: Where | null, ctx: ItemContext, supported: ReadonlySet<string>): Json[] {
  const kept: Json[] = [];
  for (const e of Array.isArray(list) ? list : []) {
    if (!isObject(e)) continue;
    const url = String(e.url);
    if (!supported.has(url)) {
      report(ctx, at, effectOfExtension(url, isObject(e.valueExpression)), 'extension', url);
      continue;
    }
    if (EXPRESSION_EXTENSIONS.includes(url) && url !== EXT.targetConstraint && !expressionOk(e, at, ctx, url)) continue;
    if (url === EXT.targetConstraint) {
      const inner = (Array.isArray(e.extension) ? e.extension : []).find((x) => isObject(x) && x.url === 'expression') as Json | undefined;
      if (!inner || !expressionOk(inner, at, ctx, url)) continue;
    }
    if (url === EXT.launchContext) {
      const name = (Array.isArray(e.extension) ? e.extension : []).find((x) => isObject(x) && x.url === 'name') as Json | undefined;
      const code = isObject(name?.valueCoding) ? name.valueCoding.code : name?.valueId;
      if (code !== 'patient') {
        report(ctx, at, 'meaning', 'extension', `${url} (${String(code)})`);
        continue;
      }
    }
    if ((url === EXT.unit || url === EXT.unitOption) && isObject(e.valueCoding)) {
      const { system, code } = e.valueCoding;
      if ((system === undefined || system === UCUM) && ctx.engine && !ctx.engine.isUcum(String(code))) {
        report(ctx, at, 'meaning', 'badUnit', String(code));
        continue;
      }
    }
    kept.push(e);
  }
  return kept;
}

function cleanOptions(v: unknown, at: Where, ctx: ItemContext): Json[] {
  return (Array.isArray(v) ? v : []).flatMap((o) => {
    const keys = isObject(o) ? Object.keys(o) : [];
    const value = keys.find((x) => x.startsWith('value'));
    if (!isObject(o) || !value || !OPTION_VALUES.includes(value)) {
      report(ctx, at, 'meaning', 'option', value ?? '?');
      return [];
    }
    const scores: Json[] = [];
    const kept: Json = { [value]: value === 'valueCoding' ? cleanCoding(o.valueCoding, at, ctx, scores) : o[value] };
    if (o.initialSelected !== undefined) kept.initialSelected = o.initialSelected;
    for (const e of Array.isArray(o.extension) ? o.extension : []) {
      const url = String((e as Json)?.url);
      if (OPTION_EXTENSIONS.has(url)) scores.push(e as Json);
      else report(ctx, at, effectOfExtension(url, false), 'extension', `answerOption.extension ${url}`);
    }
    if (scores.length > 0) kept.extension = scores;
    for (const x of keys) if (![value, 'initialSelected', 'extension'].includes(x)) report(ctx, at, 'meaning', 'attribute', `answerOption.${x}`);
    return [kept];
  });
}

function drop(raw: Json, at: Where, ctx: ItemContext): null {
  ctx.dropped.add(at.linkId);
  const children = (items: unknown) => {
    for (const c of Array.isArray(items) ? items : []) {
      if (!isObject(c)) continue;
      const linkId = String(c.linkId ?? '');
      ctx.dropped.add(linkId);
      report(ctx, { linkId, text: String(c.text ?? '') }, 'meaning', 'withParent', String(c.type));
      children(c.item);
    }
  };
  children(raw.item);
  return null;
}

/** The id of the value set in the template's `contained`, adding it the first time it is used. */
function keepValueSet(ctx: ItemContext, vs: ValueSet): string {
  const same = ctx.keptValueSets.find((k) => k.url === vs.url && ctx.keptIds.get(k) === vs.id);
  if (same) return same.id!;
  const id = containedId(vs, new Set(ctx.keptValueSets.map((k) => k.id!)));
  const kept = { ...vs, id };
  ctx.keptIds.set(kept, vs.id);
  ctx.keptValueSets.push(kept);
  return id;
}

/** One item, cleaned; null when it is left out (and reported). */
export function cleanItem(raw: Json, ctx: ItemContext): Json | null {
  const at: Where = { linkId: typeof raw.linkId === 'string' ? raw.linkId : '', text: typeof raw.text === 'string' ? raw.text : '' };
  if (!ITEM_TYPES.includes(raw.type as never)) {
    report(ctx, at, 'meaning', 'type', String(raw.type));
    return drop(raw, at, ctx);
  }
  const item: Json = {};
  for (const [k, v] of Object.entries(raw)) {
    if (k === '_text') {
      const t = cleanTranslatable(v, at, ctx);
      if (t) item._text = t;
    } else if (k === 'code') item.code = Array.isArray(v) ? v.map((c) => cleanCoding(c, at, ctx)) : v;
    else if (k === 'answerOption') {
      const options = cleanOptions(v, at, ctx);
      if (options.length > 0) item.answerOption = options;
    } else if (k === 'answerValueSet') {
      const found = lookUpValueSet(String(v), ctx.contained, ctx.given);
      if ('missing' in found || 'notExpandable' in found) {
        if ('missing' in found) ctx.valueSetsNeeded.add(String(v));
        report(ctx, at, 'meaning', 'missing' in found ? 'valueSetMissing' : 'valueSetNotExpandable', String(v));
        return drop(raw, at, ctx);
      }
      item.answerOption = referencing(found.options, keepValueSet(ctx, found.valueSet));
    } else if (k === 'initial') {
      const initial = (Array.isArray(v) ? v : []).filter((a) => {
        const ok = isObject(a) && Object.keys(a).length === 1 && INITIAL_VALUE.test(Object.keys(a)[0]!);
        if (!ok) report(ctx, at, 'meaning', 'initial', isObject(a) ? Object.keys(a).join(',') : '?');
        return ok;
      });
      if (initial.length > 0) item.initial = initial;
    } else if (k === 'extension') {
      const kept = cleanExtensions(v, at, ctx, ITEM_EXTENSIONS);
      if (kept.length > 0) item.extension = kept;
    } else if (k === 'modifierExtension') {
      for (const e of Array.isArray(v) ? v : []) report(ctx, at, 'meaning', 'modifierExtension', String((e as Json)?.url));
    } else if (k === 'item') {
      // below
    } else if (ITEM_KEYS.has(k)) item[k] = v;
    else report(ctx, at, META_ITEM_ATTRIBUTES.has(k) ? 'metadata' : 'meaning', 'attribute', k);
  }
  if (Array.isArray(raw.item) && raw.item.length > 0) {
    const children = raw.item.filter(isObject).map((c) => cleanItem(c, ctx)).filter((c): c is Json => c !== null);
    if (children.length > 0) item.item = children;
    else if (raw.type === 'group') {
      // A group the import itself emptied goes too; its questions are reported above.
      report(ctx, at, 'look', 'emptiedGroup', 'group');
      ctx.dropped.add(at.linkId);
      return null;
    }
  }
  return item;
}

/** Second pass: conditions that name left-out items or use answer types the engine lacks. */
export function cleanConditions(items: Json[], ctx: ItemContext): void {
  for (const item of items) {
    const at: Where = { linkId: String(item.linkId ?? ''), text: String(item.text ?? '') };
    if (Array.isArray(item.enableWhen)) {
      const kept = item.enableWhen.filter((c) => {
        if (!isObject(c)) return false;
        const answerKey = Object.keys(c).find((k) => k.startsWith('answer'));
        if (answerKey && !CONDITION_ANSWER_KEYS.includes(answerKey as never)) {
          report(ctx, at, 'meaning', 'condition', answerKey);
          return false;
        }
        if (ctx.dropped.has(String(c.question))) {
          report(ctx, at, 'meaning', 'conditionOnDropped', String(c.question));
          return false;
        }
        return true;
      });
      if (kept.length > 0) item.enableWhen = kept;
      else delete item.enableWhen;
    }
    if (Array.isArray(item.item)) cleanConditions(item.item as Json[], ctx);
  }
}
