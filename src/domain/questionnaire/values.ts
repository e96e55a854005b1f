// The state of a form being filled: raw typed text per question, rows per group. It is what a
// draft stores and what the screen edits; buildResponse turns it into a QuestionnaireResponse.
//
// Every group, repeating or not, holds a list of rows, so one path shape reaches any field:
// [{linkId: 'actions', row: 1}] + 'action' is the "action" field of the second action.
import { rawFromAnswer } from './convert';
import type { QuestionnaireItem, QuestionnaireResponse, ResponseItem } from './types';
import { indexItems, isQuestion, optionKey } from './walk';

export interface FormValues {
  /** Question linkId -> the raw text of each answer ('' while blank). */
  answers: Record<string, string[]>;
  /** Group linkId -> its rows (one for a group that does not repeat). */
  groups: Record<string, FormValues[]>;
}

export type RowPath = readonly { linkId: string; row: number }[];

export function emptyRow(): FormValues {
  return { answers: {}, groups: {} };
}

/** The key of a field (or a group) in one row: "actions#1/action". Errors are filed under it. */
export function fieldKey(path: RowPath, linkId: string): string {
  return [...path.map((s) => `${s.linkId}#${s.row}`), linkId].join('/');
}

/** A fresh row of these items, with their `initial` values and initially selected options. */
export function initialValues(items: readonly QuestionnaireItem[] | undefined): FormValues {
  const row = emptyRow();
  for (const item of items ?? []) {
    if (item.type === 'group') {
      row.groups[item.linkId] = [initialValues(item.item)];
    } else if (isQuestion(item)) {
      // A question's children share its row (they show once it is answered).
      if (item.item) Object.assign(row.answers, initialValues(item.item).answers);
      const fromInitial = (item.initial ?? []).map((a) => rawFromAnswer(item, a)).filter((r): r is string => r !== null);
      const selected = (item.answerOption ?? []).filter((o) => o.initialSelected).map(optionKey);
      const raws = fromInitial.length > 0 ? fromInitial : selected;
      if (raws.length > 0) row.answers[item.linkId] = item.repeats ? raws : raws.slice(0, 1);
    }
  }
  return row;
}

/** The rows of a group in a row: an untouched group that does not repeat still has its one row. */
export function rowsOf(row: FormValues, group: QuestionnaireItem): FormValues[] {
  const rows = row.groups[group.linkId];
  if (rows && rows.length > 0) return rows;
  return group.repeats ? [] : [initialValues(group.item)];
}

export function rawsOf(row: FormValues, linkId: string): string[] {
  return row.answers[linkId] ?? [];
}

export function rowAt(values: FormValues, path: RowPath): FormValues | undefined {
  let row: FormValues | undefined = values;
  for (const s of path) row = row?.groups[s.linkId]?.[s.row];
  return row;
}

/** A copy of `values` with the row at `path` replaced by `change(row)`. Rows on the way are created. */
function updateRow(values: FormValues, path: RowPath, change: (row: FormValues) => FormValues): FormValues {
  if (path.length === 0) return change(values);
  const [head, ...rest] = path as [RowPath[number], ...RowPath];
  const rows = [...(values.groups[head.linkId] ?? [])];
  while (rows.length <= head.row) rows.push(emptyRow());
  rows[head.row] = updateRow(rows[head.row]!, rest, change);
  return { ...values, groups: { ...values.groups, [head.linkId]: rows } };
}

export function setAnswers(values: FormValues, path: RowPath, linkId: string, raws: string[]): FormValues {
  return updateRow(values, path, (row) => ({ ...row, answers: { ...row.answers, [linkId]: raws } }));
}

export function addRow(values: FormValues, path: RowPath, group: QuestionnaireItem): FormValues {
  return updateRow(values, path, (row) => ({
    ...row,
    groups: { ...row.groups, [group.linkId]: [...rowsOf(row, group), initialValues(group.item)] },
  }));
}

export function removeRow(values: FormValues, path: RowPath, group: QuestionnaireItem, index: number): FormValues {
  return updateRow(values, path, (row) => ({
    ...row,
    groups: { ...row.groups, [group.linkId]: rowsOf(row, group).filter((_, i) => i !== index) },
  }));
}

/** True when nothing was typed anywhere in the row (an untouched or emptied table row). */
export function rowIsBlank(row: FormValues): boolean {
  return (
    Object.values(row.answers).every((raws) => raws.every((r) => r.trim() === '')) &&
    Object.values(row.groups).every((rows) => rows.every(rowIsBlank))
  );
}

/**
 * A saved response back into form state, to amend it or to show it. Items the template does
 * not know are left out here; responseProblems is what reports them.
 */
export function valuesFromResponse(
  template: { item: QuestionnaireItem[] },
  response: Pick<QuestionnaireResponse, 'item'>,
): FormValues {
  const index = indexItems(template);
  const fill = (items: readonly ResponseItem[] | undefined): FormValues => {
    const row = emptyRow();
    for (const ri of items ?? []) {
      const item = index.get(ri.linkId)?.item;
      if (!item) continue;
      if (item.type === 'group') {
        (row.groups[item.linkId] ??= []).push(fill(ri.item));
      } else if (isQuestion(item)) {
        const raws = (ri.answer ?? []).map((a) => rawFromAnswer(item, a)).filter((r): r is string => r !== null);
        row.answers[item.linkId] = [...(row.answers[item.linkId] ?? []), ...raws];
        for (const a of ri.answer ?? []) Object.assign(row.answers, fill(a.item).answers);
      }
    }
    return row;
  };
  return fill(response.item);
}
