// Importing a Questionnaire written elsewhere. Whatever lies outside the supported subset
// (DESIGN.md, "Forms") is taken out and listed, item by item, for the admin to read before
// saving: nothing is dropped silently. What the engine cannot work with at all blocks the import.
import type { z } from 'zod';
import type { TemplateIssue } from './template-issues';
import { isBlocking } from './template-issues';
import { templateProblems, CONDITION_ANSWER_KEYS } from './template-problems';
import { ITEM_TYPES, type Questionnaire } from './types';
import { TRANSLATION_URL } from './walk';

const ROOT_KEYS = new Set(['resourceType', 'id', 'url', 'version', 'name', 'title', '_title', 'status', 'date', 'publisher', 'description', 'language', 'code', 'subjectType', 'item']);
const ITEM_KEYS = new Set(['linkId', 'type', 'text', '_text', 'required', 'repeats', 'readOnly', 'maxLength', 'enableWhen', 'enableBehavior', 'answerOption', 'initial', 'item']);
const CODING_KEYS = new Set(['system', 'code', 'display', '_display']);
const OPTION_VALUES = ['valueCoding', 'valueString', 'valueInteger'];
const STATUSES = ['draft', 'active', 'retired', 'unknown'];

export interface ImportResult {
  /** The template as it would be saved; absent when a blocking problem was found. */
  template?: Questionnaire;
  /** What was left out, one line per element. */
  leftOut: TemplateIssue[];
  /** What prevents saving. */
  blocking: TemplateIssue[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keeps only FHIR translation extensions of a `_text`-like element. */
function cleanTranslatable(v: unknown, linkId: string | undefined, out: TemplateIssue[]): Json | undefined {
  if (!isObject(v)) return undefined;
  const kept = (Array.isArray(v.extension) ? v.extension : []).filter((e) => {
    const ok = isObject(e) && e.url === TRANSLATION_URL;
    if (!ok) out.push({ code: 'unsupportedExtension', ...(linkId ? { linkId } : {}), name: String((e as Json)?.url ?? '?') });
    return ok;
  });
  return kept.length > 0 ? { extension: kept } : undefined;
}

function cleanCoding(v: unknown, linkId: string, out: TemplateIssue[]): Json {
  const c: Json = {};
  for (const [k, val] of Object.entries(isObject(v) ? v : {})) {
    if (k === '_display') {
      const t = cleanTranslatable(val, linkId, out);
      if (t) c._display = t;
    } else if (CODING_KEYS.has(k)) c[k] = val;
    else out.push({ code: 'unsupportedAttribute', linkId, name: `Coding.${k}` });
  }
  return c;
}

export function importQuestionnaire(input: string | unknown, templateSchema: z.ZodType): ImportResult {
  let json: unknown = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch {
      return { leftOut: [], blocking: [{ code: 'notJson' }] };
    }
  }
  if (!isObject(json) || json.resourceType !== 'Questionnaire') return { leftOut: [], blocking: [{ code: 'notQuestionnaire' }] };

  const leftOut: TemplateIssue[] = [];
  const root: Json = {};
  for (const [k, v] of Object.entries(json)) {
    if (k === '_title') {
      const t = cleanTranslatable(v, undefined, leftOut);
      if (t) root._title = t;
    } else if (k === 'code') root.code = Array.isArray(v) ? v.map((c) => cleanCoding(c, '(template)', leftOut)) : v;
    else if (ROOT_KEYS.has(k) && k !== 'item') root[k] = v;
    else if (k !== 'item') leftOut.push({ code: 'unsupportedRootAttribute', name: k });
  }
  if (!STATUSES.includes(root.status as string)) root.status = root.status ?? 'draft';

  // First pass: which items survive, so conditions on dropped items can be reported.
  const dropped = new Set<string>();
  const cleanItems = (items: unknown, parentDropped: boolean): Json[] => {
    const out: Json[] = [];
    for (const raw of Array.isArray(items) ? items : []) {
      if (!isObject(raw)) continue;
      const linkId = typeof raw.linkId === 'string' ? raw.linkId : '';
      if (parentDropped) {
        dropped.add(linkId);
        leftOut.push({ code: 'droppedWithParent', linkId });
        cleanItems(raw.item, true);
        continue;
      }
      if (!ITEM_TYPES.includes(raw.type as never)) {
        dropped.add(linkId);
        leftOut.push({ code: 'unsupportedType', linkId, name: String(raw.type) });
        cleanItems(raw.item, true);
        continue;
      }
      const item: Json = {};
      for (const [k, v] of Object.entries(raw)) {
        if (k === '_text') {
          const t = cleanTranslatable(v, linkId, leftOut);
          if (t) item._text = t;
        } else if (k === 'answerOption') {
          const options = (Array.isArray(v) ? v : []).flatMap((o) => {
            const keys = isObject(o) ? Object.keys(o) : [];
            const value = keys.find((x) => x.startsWith('value'));
            if (!isObject(o) || !value || !OPTION_VALUES.includes(value)) {
              leftOut.push({ code: 'unsupportedOption', linkId, name: value ?? '?' });
              return [];
            }
            const kept: Json = { [value]: value === 'valueCoding' ? cleanCoding(o.valueCoding, linkId, leftOut) : o[value] };
            if (o.initialSelected !== undefined) kept.initialSelected = o.initialSelected;
            for (const x of keys) if (x !== value && x !== 'initialSelected') leftOut.push({ code: 'unsupportedAttribute', linkId, name: `answerOption.${x}` });
            return [kept];
          });
          if (options.length > 0) item.answerOption = options;
        } else if (k === 'initial') {
          const initial = (Array.isArray(v) ? v : []).filter((a) => {
            const ok = isObject(a) && Object.keys(a).length === 1 && /^value(Boolean|Decimal|Integer|Date|DateTime|Time|String|Coding)$/.test(Object.keys(a)[0]!);
            if (!ok) leftOut.push({ code: 'unsupportedInitial', linkId, name: isObject(a) ? Object.keys(a).join(',') : '?' });
            return ok;
          });
          if (initial.length > 0) item.initial = initial;
        } else if (k === 'item') {
          // handled below
        } else if (ITEM_KEYS.has(k)) item[k] = v;
        else leftOut.push({ code: 'unsupportedAttribute', linkId, name: k });
      }
      // A choice whose options were all left out (or came from an answerValueSet) cannot be answered.
      if (raw.type === 'choice' && !item.answerOption) {
        dropped.add(linkId);
        leftOut.push({ code: 'choiceLostOptions', linkId });
        cleanItems(raw.item, true);
        continue;
      }
      if (raw.item !== undefined) item.item = cleanItems(raw.item, false);
      out.push(item);
    }
    return out;
  };
  root.item = cleanItems(json.item, false);

  // Second pass: conditions that cannot be kept.
  const cleanConditions = (items: Json[]) => {
    for (const item of items) {
      const linkId = String(item.linkId ?? '');
      if (Array.isArray(item.enableWhen)) {
        const kept = item.enableWhen.filter((c) => {
          if (!isObject(c)) return false;
          const answerKey = Object.keys(c).find((k) => k.startsWith('answer'));
          if (answerKey && !CONDITION_ANSWER_KEYS.includes(answerKey as never)) {
            leftOut.push({ code: 'unsupportedCondition', linkId, name: answerKey });
            return false;
          }
          if (dropped.has(String(c.question))) {
            leftOut.push({ code: 'conditionOnDropped', linkId, name: String(c.question) });
            return false;
          }
          return true;
        });
        if (kept.length > 0) item.enableWhen = kept;
        else delete item.enableWhen;
      }
      if (Array.isArray(item.item)) cleanConditions(item.item as Json[]);
    }
  };
  cleanConditions(root.item as Json[]);

  const parsed = templateSchema.safeParse(root);
  if (!parsed.success) {
    const blocking = parsed.error.issues.map<TemplateIssue>((i) => {
      const known = i.message.match(/^\[(\w+)\](?: (.*))?$/);
      if (known) return { code: known[1] as TemplateIssue['code'], ...(known[2] ? { linkId: known[2] } : {}) };
      return { code: 'badShape', name: `${i.path.join('.')}: ${i.message}` };
    });
    return { leftOut, blocking };
  }
  const template = parsed.data as Questionnaire;
  const blocking = templateProblems(template).filter((p) => isBlocking(p.code));
  return blocking.length > 0 ? { leftOut, blocking } : { template, leftOut, blocking: [] };
}
