// How many blank rows a repeating group prints with: enough for 24 hours of use on paper.
// A flowsheet gets a row per hour; the medication record gets a day of administrations, counted
// from the known prescriptions; an action list gets a handful. The options screen can override.
import { formKindOf, HANDOVER_LINK_IDS } from '../questionnaire/handover';
import type { Questionnaire, QuestionnaireItem, QuestionnaireResponse, ResponseItem } from '../questionnaire/types';
import { isQuestion, walkItems } from '../questionnaire/walk';

export const HOURS_IN_A_DAY = 24;
/** Spare rows on top of a day of administrations: "if needed" doses, an order changed at noon. */
const SPARE_ADMINISTRATIONS = 4;
/** Rows for a to-do list or a list of orders: a shift's worth. */
export const LIST_ROWS = 5;
/** Rows for a small table inside a section (e.g. "if … then …"). */
export const NESTED_LIST_ROWS = 3;

/** linkIds of the demo medication record; an imported one is recognised by its shape instead. */
export const MAR_LINK_IDS = { prescriptions: 'prescriptions', frequency: 'rx-frequency', administrations: 'administrations' } as const;

const WORD_COUNTS: readonly [RegExp, number][] = [
  [/\b(qid|4\s*x\s*\/?\s*(j|d|jour|day))\b/i, 4],
  [/\b(tid|tds)\b/i, 3],
  [/\b(bid|bd)\b/i, 2],
  [/\b(od|qd|daily)\b/i, 1],
];

/**
 * Doses a day from a prescription's frequency as nurses write it: "3/j", "x3/j", "3 fois par
 * jour", "toutes les 8 h", "q6h", "8h-14h-20h", "matin et soir", "tid". Null when it cannot tell
 * ("si besoin", free text): the caller counts a default.
 */
export function dosesPerDay(frequency: string): number | null {
  const f = frequency.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim();
  if (!f) return null;
  const every = /(?:toutes les|every|q|\/)\s*(\d{1,2})\s*(?:h|heures?|hours?)\b/.exec(f);
  if (every && Number(every[1]) > 0) return Math.max(1, Math.round(HOURS_IN_A_DAY / Number(every[1])));
  const times = f.match(/\b([01]?\d|2[0-3])\s*h(?:\s*[0-5]\d)?\b/g);
  if (times && times.length >= 2) return times.length;
  const perDay = /(?:x\s*)?(\d{1,2})\s*(?:x|fois)?\s*(?:\/|par|per|a|an?)\s*(?:j|jour|d|day)\b/.exec(f);
  if (perDay) return Number(perDay[1]);
  for (const [re, n] of WORD_COUNTS) if (re.test(f)) return n;
  const moments = ['matin', 'midi', 'soir', 'coucher', 'morning', 'noon', 'evening', 'bedtime'].filter((m) => f.includes(m));
  if (moments.length > 0) return moments.length;
  return null;
}

function hasTimeColumn(group: QuestionnaireItem): boolean {
  let found = false;
  walkItems(group.item, (i) => {
    if (i.type === 'time' || i.type === 'dateTime') found = true;
  });
  return found;
}

function rowsOfGroup(items: readonly ResponseItem[] | undefined, linkId: string): ResponseItem[] {
  const out: ResponseItem[] = [];
  for (const i of items ?? []) {
    if (i.linkId === linkId) out.push(i);
    else out.push(...rowsOfGroup(i.item, linkId));
  }
  return out;
}

function firstString(row: ResponseItem, linkId: string): string | undefined {
  for (const i of row.item ?? []) {
    if (i.linkId === linkId) return i.answer?.[0]?.valueString;
    const inner = firstString(i, linkId);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

/** The frequencies of the prescriptions a medication record knows. */
export function prescriptionFrequencies(response: Pick<QuestionnaireResponse, 'item'> | null | undefined): string[] {
  return rowsOfGroup(response?.item, MAR_LINK_IDS.prescriptions).map((row) => firstString(row, MAR_LINK_IDS.frequency) ?? '');
}

/** A day of administrations for these prescriptions; an unreadable frequency counts 3 doses. */
export function administrationsForADay(frequencies: readonly string[]): number {
  if (frequencies.length === 0) return HOURS_IN_A_DAY;
  const doses = frequencies.reduce((sum, f) => sum + (dosesPerDay(f) ?? 3), 0);
  return Math.max(12, doses + SPARE_ADMINISTRATIONS);
}

function isNested(q: Pick<Questionnaire, 'item'>, group: QuestionnaireItem): boolean {
  return !q.item.includes(group);
}

/** The default number of blank rows of a repeating group, after its filled rows. */
export function defaultBlankRows(
  q: Pick<Questionnaire, 'item' | 'code'>,
  group: QuestionnaireItem,
  response?: Pick<QuestionnaireResponse, 'item'> | null,
): number {
  if (group.type !== 'group') return group.repeats && isQuestion(group) ? NESTED_LIST_ROWS : 0;
  if (!group.repeats) return 0;
  const kind = formKindOf(q);
  const timed = hasTimeColumn(group);
  if (kind === 'medication' && timed) return administrationsForADay(prescriptionFrequencies(response));
  if (timed && kind !== 'handover') return HOURS_IN_A_DAY;
  return isNested(q, group) && group.linkId !== HANDOVER_LINK_IDS.actions ? NESTED_LIST_ROWS : LIST_ROWS;
}
