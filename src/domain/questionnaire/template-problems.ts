// The rules a template must keep to be usable by the engine (on top of its shape, checked by
// zod in schemas/template.ts). Mostly FHIR's own Questionnaire invariants (que-1 ... que-13),
// plus what the engine needs: options on every choice, conditions it can evaluate.
import { answerFromRaw, rawFromAnswer } from './convert';
import type { TemplateIssue } from './template-issues';
import type { EnableWhen, Questionnaire, QuestionnaireItem } from './types';
import { hasOptions, indexItems, isQuestion, OPTION_TYPES, optionKey, walkItems } from './walk';

const CONDITION_ANSWERS: Record<string, readonly (keyof EnableWhen)[]> = {
  boolean: ['answerBoolean'],
  integer: ['answerInteger', 'answerDecimal'],
  decimal: ['answerInteger', 'answerDecimal'],
  quantity: ['answerInteger', 'answerDecimal'],
  date: ['answerDate'],
  dateTime: ['answerDateTime'],
  time: ['answerTime'],
  string: ['answerString'],
  text: ['answerString'],
  choice: ['answerCoding', 'answerString', 'answerInteger'],
  'open-choice': ['answerCoding', 'answerString', 'answerInteger'],
};

export const CONDITION_ANSWER_KEYS: readonly (keyof EnableWhen)[] = [
  'answerBoolean', 'answerDecimal', 'answerInteger', 'answerDate', 'answerDateTime', 'answerTime', 'answerString', 'answerCoding',
];

export function templateProblems(q: Questionnaire): TemplateIssue[] {
  const out: TemplateIssue[] = [];
  if (!q.url?.trim()) out.push({ code: 'missingUrl' });
  if (!q.version?.trim()) out.push({ code: 'missingVersion' });
  if (!q.title?.trim()) out.push({ code: 'missingTitle' });
  if (!q.item?.length) out.push({ code: 'noItems' });
  const seen = new Set<string>();
  walkItems(q.item, (item) => {
    if (seen.has(item.linkId)) out.push({ code: 'duplicateLinkId', linkId: item.linkId });
    seen.add(item.linkId);
  });
  const index = indexItems(q);
  walkItems(q.item, (item) => {
    out.push(...itemProblems(item, index));
  });
  out.push(...cycles(q, index));
  return out;
}

function itemProblems(item: QuestionnaireItem, index: ReturnType<typeof indexItems>): TemplateIssue[] {
  const out: TemplateIssue[] = [];
  const add = (code: TemplateIssue['code'], name?: string) => out.push({ code, linkId: item.linkId, ...(name ? { name } : {}) });
  if (item.type === 'group' && !item.item?.length) add('groupWithoutItems');
  // R4 lets a question hold items (help texts, follow-up questions); a display item holds none.
  if (item.type === 'display' && item.item?.length) add('itemsUnderQuestion');
  if (item.type === 'display' && (item.required || item.repeats)) add('requiredOnDisplay');
  if (item.answerOption && !OPTION_TYPES.includes(item.type)) add('optionsOnNonChoice');
  if (hasOptions(item)) {
    const options = item.answerOption ?? [];
    if (item.type === 'choice' && options.length === 0) add('choiceWithoutOptions');
    const keys = new Set<string>();
    for (const o of options) {
      const values = [o.valueCoding, o.valueString, o.valueInteger, o.valueDate, o.valueTime].filter((v) => v !== undefined);
      if (values.length !== 1 || (o.valueCoding && !o.valueCoding.code)) add('badOption', optionKey(o));
      if (keys.has(optionKey(o))) add('duplicateOption', optionKey(o));
      keys.add(optionKey(o));
    }
  }
  if (item.maxLength !== undefined && !['string', 'text', 'open-choice'].includes(item.type)) add('maxLengthOnType');
  if (item.initial?.length) {
    if (!isQuestion(item)) add('initialOnType');
    else if (item.answerOption?.length) add('initialWithOptions');
    else {
      if (!item.repeats && item.initial.length > 1) add('tooManyInitial');
      for (const a of item.initial) {
        const raw = rawFromAnswer(item, a);
        if (raw === null || 'problem' in answerFromRaw(item, raw)) add('badInitial');
      }
    }
  }
  const conditions = item.enableWhen ?? [];
  if (conditions.length > 1 && !item.enableBehavior) add('conditionMissingBehavior');
  for (const c of conditions) {
    const target = index.get(c.question)?.item;
    if (!target) add('conditionUnknownQuestion', c.question);
    else if (target.linkId === item.linkId) add('conditionOnItself', c.question);
    else if (!isQuestion(target)) add('conditionOnNonQuestion', c.question);
    else if (!conditionFits(c, target)) add('conditionAnswerType', c.question);
  }
  return out;
}

function conditionFits(c: EnableWhen, target: QuestionnaireItem): boolean {
  const given = CONDITION_ANSWER_KEYS.filter((k) => c[k] !== undefined);
  if (given.length !== 1) return false;
  if (c.operator === 'exists') return given[0] === 'answerBoolean';
  if (!(CONDITION_ANSWERS[target.type] ?? []).includes(given[0]!)) return false;
  // Codings and booleans are equal or not: they have no order.
  if ((given[0] === 'answerCoding' || given[0] === 'answerBoolean') && c.operator !== '=' && c.operator !== '!=') return false;
  return true;
}

/** Items whose conditions lead back to themselves (through questions and their groups). */
function cycles(q: Questionnaire, index: ReturnType<typeof indexItems>): TemplateIssue[] {
  const dependsOn = (linkId: string): string[] => {
    const e = index.get(linkId);
    if (!e) return [];
    return [...(e.item.enableWhen ?? []).map((c) => c.question), ...e.ancestors.map((a) => a.linkId)];
  };
  const out: TemplateIssue[] = [];
  walkItems(q.item, (item) => {
    if (!item.enableWhen?.length) return;
    const stack = dependsOn(item.linkId);
    const seen = new Set<string>();
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (next === item.linkId) {
        out.push({ code: 'conditionCycle', linkId: item.linkId });
        return;
      }
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...dependsOn(next));
    }
  });
  return out;
}
