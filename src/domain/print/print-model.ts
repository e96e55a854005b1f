// A template and, when there is one, a filled response, as the paper form lays them out: the
// sections in template order, each question with its answers or room to write, and every
// repeating group as a table whose filled rows come first, then blank rows. Pure: the client
// turns these nodes into measured blocks (features/print).
//
// Paper cannot evaluate enableWhen, so every item is printed; a conditional one carries its
// condition ("if … = …") for the nurse to apply.
import type { AnswerValue, EnableWhen, Questionnaire, QuestionnaireItem, QuestionnaireResponse, ResponseItem } from '../questionnaire/types';
import { isHidden } from '../questionnaire/extensions';
import { indexItems, isQuestion, walkItems } from '../questionnaire/walk';
import { NESTED_LIST_ROWS } from './blank-rows';

export interface PrintCondition {
  /** The question the condition is on (undefined if the template names an unknown one). */
  on: QuestionnaireItem | undefined;
  when: EnableWhen;
}

interface NodeBase {
  item: QuestionnaireItem;
  conditions: PrintCondition[];
}

export type PrintNode =
  | (NodeBase & { kind: 'heading'; depth: number })
  | (NodeBase & { kind: 'display' })
  | (NodeBase & { kind: 'field'; answers: AnswerValue[]; blankLines: number; help: QuestionnaireItem[] })
  | (NodeBase & { kind: 'table'; columns: QuestionnaireItem[]; rows: AnswerValue[][][]; blankRows: number; help: TableHelp[] });

/** A help text inside a repeating group: a column's (a display under that question) or the group's own. */
interface TableHelp {
  column: QuestionnaireItem | null;
  text: QuestionnaireItem;
}

/** Blank rows per repeating group (by linkId); see blank-rows.ts for the defaults. */
export type BlankRowsOf = (group: QuestionnaireItem) => number;

/** Room to write an answer by hand, in lines, beside what is already filled. */
export function writingLines(item: QuestionnaireItem, answered: number): number {
  if (item.repeats) return answered === 0 ? NESTED_LIST_ROWS : 1;
  if (item.type === 'choice' || item.type === 'open-choice' || item.type === 'boolean') return 0;
  if (item.type === 'text') return answered === 0 ? 3 : 1;
  return answered === 0 ? 1 : 0;
}

/** The display items of a repeating group, printed once above its table, each with its column. */
function tableHelp(group: QuestionnaireItem): TableHelp[] {
  const out: TableHelp[] = [];
  walkItems(group.item, (i, ancestors) => {
    if (i.type !== 'display') return;
    const parent = ancestors.at(-1);
    out.push({ column: parent && isQuestion(parent) && !isHidden(parent) ? parent : null, text: i });
  });
  return out;
}

/** The questions of a repeating group, in order, that become its table's columns. */
export function tableColumns(group: QuestionnaireItem): QuestionnaireItem[] {
  const columns: QuestionnaireItem[] = [];
  walkItems(group.item, (i) => {
    if (isQuestion(i) && !isHidden(i)) columns.push(i);
  });
  return columns;
}

function answersIn(items: readonly ResponseItem[] | undefined, linkId: string): AnswerValue[] {
  const out: AnswerValue[] = [];
  for (const i of items ?? []) {
    if (i.linkId === linkId) out.push(...(i.answer ?? []).map(({ item: _nested, ...value }) => value));
    else out.push(...answersIn([...(i.item ?? []), ...(i.answer ?? []).flatMap((a) => a.item ?? [])], linkId));
  }
  return out;
}

export function printModel(
  q: Pick<Questionnaire, 'item'>,
  response: Pick<QuestionnaireResponse, 'item'> | null | undefined,
  blankRowsOf: BlankRowsOf,
): PrintNode[] {
  const index = indexItems(q);
  const nodes: PrintNode[] = [];
  const conditionsOf = (item: QuestionnaireItem): PrintCondition[] =>
    (item.enableWhen ?? []).map((when) => ({ on: index.get(when.question)?.item, when }));

  const visit = (items: readonly QuestionnaireItem[], level: readonly ResponseItem[], depth: number) => {
    for (const item of items) {
      const conditions = conditionsOf(item);
      if (item.type === 'group' && item.repeats) {
        const columns = tableColumns(item);
        const rows = level
          .filter((r) => r.linkId === item.linkId)
          .map((r) => columns.map((c) => answersIn(r.item, c.linkId)))
          .filter((cells) => cells.some((answers) => answers.length > 0));
        nodes.push({ kind: 'table', item, conditions, columns, rows, blankRows: Math.max(0, blankRowsOf(item)), help: tableHelp(item) });
      } else if (item.type === 'group') {
        nodes.push({ kind: 'heading', item, conditions, depth });
        visit(item.item ?? [], level.find((r) => r.linkId === item.linkId)?.item ?? [], depth + 1);
      } else if (item.type === 'display') {
        nodes.push({ kind: 'display', item, conditions });
      } else if (!isHidden(item)) {
        // Hidden working values are not for paper; a question's display children print as its help.
        const mine = level.filter((r) => r.linkId === item.linkId);
        const answers = mine.flatMap((r) => (r.answer ?? []).map(({ item: _n, ...v }) => v));
        const help = (item.item ?? []).filter((c) => c.type === 'display');
        nodes.push({ kind: 'field', item, conditions, answers, blankLines: writingLines(item, answers.length), help });
        const followUps = (item.item ?? []).filter((c) => c.type !== 'display');
        if (followUps.length > 0) visit(followUps, mine.flatMap((r) => (r.answer ?? []).flatMap((a) => a.item ?? [])), depth + 1);
      }
    }
  };
  visit(q.item, response?.item ?? [], 0);
  return nodes;
}

/**
 * Long free text cut into pieces that each fit on a page: by paragraph, then by sentence, then
 * by words, never more than `maxChars` a piece. Nothing is dropped or reordered.
 */
export function splitForPrint(text: string, maxChars = 900): string[] {
  const pieces: string[] = [];
  for (const paragraph of text.split(/\n/)) {
    if (paragraph.length <= maxChars) {
      pieces.push(paragraph);
      continue;
    }
    let current = '';
    const flush = () => {
      if (current) pieces.push(current);
      current = '';
    };
    for (const sentence of paragraph.match(/[^.!?;]+[.!?;]*\s*/g) ?? [paragraph]) {
      if (current.length + sentence.length <= maxChars) {
        current += sentence;
        continue;
      }
      flush();
      if (sentence.length <= maxChars) current = sentence;
      else for (let i = 0; i < sentence.length; i += maxChars) pieces.push(sentence.slice(i, i + maxChars));
    }
    flush();
  }
  return pieces;
}
