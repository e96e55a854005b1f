// Column widths of a printed table, in millimetres, and the page orientation that follows: a
// table whose columns need more than a portrait page's width goes on a landscape page. Widths
// are fixed (table-layout: fixed), so a row's height depends on that row alone, which is what
// lets each row be measured once and paginated (paginate.ts).
import type { Questionnaire, QuestionnaireItem } from '../questionnaire/types';
import { optionKey, walkItems } from '../questionnaire/walk';
import { tableColumns } from './print-model';

/** Usable width of an A4 page between the @page margins (8 mm each side), in mm. */
export const PAGE_WIDTH_MM = { portrait: 194, landscape: 281 } as const;
export type Orientation = keyof typeof PAGE_WIDTH_MM;

/** A choice that fits in a table cell as tick boxes: a few options with one- or two-letter codes. */
export function isCompactChoice(item: QuestionnaireItem): boolean {
  const options = item.answerOption ?? [];
  return (item.type === 'choice' || item.type === 'open-choice') && options.length > 0 && options.length <= 5 && options.every((o) => optionKey(o).length <= 2);
}

/** The narrowest a column can be and stay writable by hand, in mm. */
export function minColumnWidth(item: QuestionnaireItem): number {
  switch (item.type) {
    case 'dateTime':
      return 24;
    case 'date':
      return 22;
    case 'time':
    case 'integer':
    case 'decimal':
      return 16;
    case 'boolean':
      return 16;
    case 'text':
      return 50;
    case 'choice':
    case 'open-choice':
      // Tick boxes on one line (A V P U), so a blank row stays one handwriting line high.
      if (isCompactChoice(item)) return 4 + 8 * (item.answerOption?.length ?? 1);
      // A numeric scale (pain 0-10) is written as a number; coded options get a legend.
      return (item.answerOption ?? []).every((o) => o.valueInteger !== undefined) ? 16 : 28;
    case 'string':
      return Math.min(60, Math.max(14, Math.round((item.maxLength ?? 90) / 3)));
    default:
      return 16;
  }
}

/**
 * A column of a printed table: a question, or one half of a date-time question. On paper a
 * date-time is two columns, the date and the hour, so a round written after midnight, or on the
 * second day of an outage, says which day it was (issue 11).
 */
export interface PrintColumn {
  item: QuestionnaireItem;
  part: 'whole' | 'date' | 'time';
}

export function printColumns(columns: readonly QuestionnaireItem[]): PrintColumn[] {
  return columns.flatMap((item): PrintColumn[] => (item.type === 'dateTime' ? [{ item, part: 'date' }, { item, part: 'time' }] : [{ item, part: 'whole' }]));
}

/** A day (dd/mm) and an hour (hh:mm), printed or written by hand; a whole column as minColumnWidth says. */
export function printColumnWidth(c: PrintColumn): number {
  return c.part === 'date' ? 15 : c.part === 'time' ? 13 : minColumnWidth(c.item);
}

/** Widths that fill `total` mm, in proportion to each column's minimum. */
export function columnWidths(minimums: readonly number[], total: number): number[] {
  const sum = minimums.reduce((a, b) => a + b, 0);
  if (sum === 0) return minimums.map(() => 0);
  return minimums.map((m) => (m / sum) * total);
}

/** Landscape when any table of the template needs more than a portrait page's width. */
export function orientationFor(q: Pick<Questionnaire, 'item'>): Orientation {
  let widest = 0;
  walkItems(q.item, (item) => {
    if (item.type !== 'group' || !item.repeats) return;
    const width = printColumns(tableColumns(item)).reduce((sum, c) => sum + printColumnWidth(c), 0);
    widest = Math.max(widest, width);
  });
  return widest > PAGE_WIDTH_MM.portrait ? 'landscape' : 'portrait';
}
