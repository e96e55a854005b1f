// Walking a template's items: the one traversal that the screen form, the checks, the response
// builder and the printed form (issue 4) all share. Pure: no DOM, no React.
import type { AnswerOption, Coding, Questionnaire, QuestionnaireItem, Translatable } from './types';

export const TRANSLATION_URL = 'http://hl7.org/fhir/StructureDefinition/translation';

export interface IndexedItem {
  item: QuestionnaireItem;
  /** The groups that contain it, outermost first. */
  ancestors: QuestionnaireItem[];
}

/** Calls `visit` on every item, depth first, in template order. Return false to skip children. */
export function walkItems(
  items: readonly QuestionnaireItem[] | undefined,
  visit: (item: QuestionnaireItem, ancestors: QuestionnaireItem[]) => boolean | void,
  ancestors: QuestionnaireItem[] = [],
): void {
  for (const item of items ?? []) {
    if (visit(item, ancestors) === false) continue;
    if (item.item) walkItems(item.item, visit, [...ancestors, item]);
  }
}

/** Every item by linkId (linkIds are unique in a template; the first wins if not). */
export function indexItems(q: Pick<Questionnaire, 'item'>): Map<string, IndexedItem> {
  const index = new Map<string, IndexedItem>();
  walkItems(q.item, (item, ancestors) => {
    if (!index.has(item.linkId)) index.set(item.linkId, { item, ancestors });
  });
  return index;
}

export function isQuestion(item: QuestionnaireItem): boolean {
  return item.type !== 'group' && item.type !== 'display';
}

export function isChoice(item: QuestionnaireItem): boolean {
  return item.type === 'choice' || item.type === 'open-choice';
}

/** The item types R4 lets answerOption restrict to a list. */
export const OPTION_TYPES: readonly string[] = ['choice', 'open-choice', 'string', 'integer', 'date', 'time'];

/** Is the answer picked from a list (a choice, or a string/integer/date/time with answerOption)? */
export function hasOptions(item: QuestionnaireItem): boolean {
  return isChoice(item) || (OPTION_TYPES.includes(item.type) && (item.answerOption?.length ?? 0) > 0);
}

/** The translation of a FHIR string element into `lang`, else the element itself. */
function translated(base: string | undefined, ext: Translatable | undefined, lang: string): string {
  for (const e of ext?.extension ?? []) {
    if (e.url !== TRANSLATION_URL) continue;
    const l = e.extension?.find((x) => x.url === 'lang')?.valueCode;
    const content = e.extension?.find((x) => x.url === 'content')?.valueString;
    if (l && content && lang.toLowerCase().startsWith(l.toLowerCase())) return content;
  }
  return base ?? '';
}

/** An item's text in `lang`, after its prefix ("3." or "a)") when it has one. */
export function itemText(item: QuestionnaireItem, lang: string): string {
  const text = translated(item.text, item._text, lang) || item.linkId;
  return item.prefix ? `${item.prefix} ${text}` : text;
}

/** The display items under a question: its help text, shown under it on screen and on paper. */
export function helpTexts(item: QuestionnaireItem, lang: string): string[] {
  if (item.type === 'group' || item.type === 'display') return [];
  return (item.item ?? []).filter((c) => c.type === 'display').map((c) => itemText(c, lang));
}

export function titleOf(q: Pick<Questionnaire, 'title' | '_title'>, lang: string): string {
  return translated(q.title, q._title, lang);
}

export function codingLabel(c: Coding, lang: string): string {
  return translated(c.display, c._display, lang) || c.code || '';
}

/**
 * What the form state stores for a chosen option: the code of a Coding, the text of a string
 * option, the digits of an integer one. Unique within one item's options (checked on import).
 */
export function optionKey(o: AnswerOption): string {
  if (o.valueCoding) return o.valueCoding.code ?? '';
  if (o.valueString !== undefined) return o.valueString;
  if (o.valueInteger !== undefined) return String(o.valueInteger);
  return o.valueDate ?? o.valueTime ?? '';
}

export function optionLabel(o: AnswerOption, lang: string): string {
  if (o.valueCoding) return codingLabel(o.valueCoding, lang);
  return optionKey(o);
}

