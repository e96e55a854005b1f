// A template, blank or filled, as blocks of a printed sheet: headings, fields with their answer
// or lines to write on, option lists with tick boxes, and every repeating group as a table whose
// filled rows come first and blank rows after (domain/print/print-model.ts decides what; this
// decides how it looks). Every block is small enough to move to the next page whole.
import type { TFunction } from '../../i18n';
import { useAuthorName } from '../../ui/author-name';
import { useTranslation } from '../../i18n';
import { columnWidths, PAGE_WIDTH_MM, printColumns, printColumnWidth, type Orientation } from '../../../domain/print/columns';
import { softHyphenate } from '../../../domain/print/hyphenate';
import { printModel, splitForPrint, type PrintNode } from '../../../domain/print/print-model';
import {
  hasOptions, indexItems, isHandoverTemplate, itemText, optionLabel, type AnswerValue, type Questionnaire, type QuestionnaireItem,
} from '../../../domain/questionnaire';
import { isReceiverSynthesis } from '../../../domain/schemas/form';
import { useFormat } from '../../i18n';
import type { PrintableForm } from '../../data/print';
import { useAnswerText } from './answer-text';
import { useCellText, useFieldLabel, useOptionsLine } from './form-pieces';
import type { PrintBlock, PrintTable } from './sheet-types';
import { addendumText } from '../../../domain/schemas/annotation';

export interface FormBlocksInput {
  template: Questionnaire;
  form: PrintableForm | null;
  orientation: Orientation;
  blankRowsOf: (group: QuestionnaireItem) => number;
  /** Answers printed on a blank form, by linkId (the temporary IPP of a blank admission). */
  preset?: Readonly<Record<string, AnswerValue[]>>;
  /** Prefix that keeps table ids unique when several sheets share a page tree. */
  keyPrefix: string;
}

/** What the block builders below share: the language, formats and the pieces of form-pieces.tsx. */
interface Pieces {
  t: TFunction;
  f: ReturnType<typeof useFormat>;
  lang: string;
  answerText: ReturnType<typeof useAnswerText>;
  optionsLine: ReturnType<typeof useOptionsLine>;
  nameOf: ReturnType<typeof useAuthorName>;
}
type Labels = ReturnType<typeof useFieldLabel>;
type Cells = ReturnType<typeof useCellText>;
type Ctx = Pieces & Labels & Cells;
type FieldNode = Extract<PrintNode, { kind: 'field' }>;
type TableNode = Extract<PrintNode, { kind: 'table' }>;

/** A question: its label, then its options, its answer, or lines to write on. */
function fieldBlocks(c: Ctx, node: FieldNode, key: string, preset: FormBlocksInput['preset']): PrintBlock[] {
  const { lang, answerText, optionsLine, valueText, Label } = c;
  const out: PrintBlock[] = [];
  const answers = node.answers.length > 0 ? node.answers : (preset?.[node.item.linkId] ?? []);
  const item = node.item;
  const help = node.help.map((h, i) => ({ key: `${key}:h${i}`, node: <p className="pf-help">{itemText(h, lang)}</p> }));
  if (hasOptions(item) || item.type === 'boolean') {
    out.push({ key, keepWithNext: help.length > 0, node: <div className="pf-field pf-field--choice"><Label node={node} />{optionsLine(item, answers)}</div> }, ...help);
    return out;
  }
  if (help.length > 0) out.push({ key: `${key}:label`, keepWithNext: true, node: <p className="pf-field-label"><Label node={node} /></p> }, ...help);
  const lines = answers.length > 0 && node.answers.length === 0 ? 0 : node.blankLines;
  if (item.type === 'text' || item.repeats) {
    const texts = answers.map((a) => answerText(item, a));
    const pieces = texts.flatMap((text) => splitForPrint(text));
    out.push({ key, keepWithNext: pieces.length > 0 || lines > 0, node: <p className="pf-field-label"><Label node={node} /></p> });
    pieces.forEach((piece, i) => out.push({ key: `${key}:p${i}`, node: <p className="pf-answer">{piece}</p> }));
    if (lines > 0) out.push({ key: `${key}:lines`, node: <div className="pf-lines">{Array.from({ length: lines }, (_, i) => <span key={i} className="pf-line" />)}</div> });
    return out;
  }
  out.push({
    key,
    node: (
      <div className="pf-field pf-field--inline">
        <Label node={node} />
        {answers.length > 0 ? <span className="pf-value">{valueText(item, answers)}</span> : <span className="pf-line pf-line--inline" />}
      </div>
    ),
  });
  return out;
}

/** A repeating group: a table, filled rows then blank rows, its header repeated on each page. */
function tableBlocks(c: Ctx, node: TableNode, key: string, n: number, input: FormBlocksInput, index: ReturnType<typeof indexItems>): PrintBlock[] {
  const { t, lang, partCell, conditionText, Label } = c;
  const { orientation, keyPrefix } = input;
  const out: PrintBlock[] = [];
  const columns = printColumns(node.columns);
  const widths = columnWidths(columns.map(printColumnWidth), PAGE_WIDTH_MM[orientation]);
  const table: PrintTable = {
    id: `${keyPrefix}:${node.item.linkId}:${n}`,
    widthsMm: widths,
    header: columns.map(({ item: c, part }) => (
      <th key={`${c.linkId}:${part}`} scope="col">
        {part === 'date' ? t('print.form.date') : softHyphenate(itemText(c, lang))}
        {c.required && ' *'}
        {part !== 'date' && c.enableWhen && <span className="pf-cond"> ({conditionText(c.enableWhen.map((when) => ({ on: index.get(when.question)?.item, when })), c.enableBehavior)})</span>}
      </th>
    )),
  };
  out.push({ key, keepWithNext: true, node: <p className="pf-caption"><Label node={node} /></p> });
  // The help under a column's question, or under the group, is said once above the table.
  node.help.forEach((h, i) => {
    const text = itemText(h.text, lang);
    const shown = h.column ? t('print.form.labelled', { label: itemText(h.column, lang), text }) : text;
    out.push({ key: `${key}:h${i}`, keepWithNext: true, node: <p className="pf-help">{shown}</p> });
  });
  const cells = (answersOf: (c: QuestionnaireItem) => readonly AnswerValue[]) =>
    columns.map((pc) => <td key={`${pc.item.linkId}:${pc.part}`}>{partCell(pc, answersOf(pc.item))}</td>);
  node.rows.forEach((row, r) => out.push({ key: `${key}:r${r}`, table, node: cells((c) => row[node.columns.indexOf(c)] ?? []) }));
  for (let r = 0; r < node.blankRows; r++) out.push({ key: `${key}:b${r}`, table, blankRow: true, node: cells(() => []) });
  const legends = node.columns.filter((c) => (c.answerOption ?? []).some((o) => o.valueCoding));
  if (legends.length > 0)
    out.push({
      key: `${key}:legend`,
      node: (
        <div className="pf-legend">
          {legends.map((c) => (
            <p key={c.linkId}>
              {t('print.form.legend', { column: itemText(c, lang), options: (c.answerOption ?? []).map((o) => optionLabel(o, lang)).join(' · ') })}
            </p>
          ))}
        </div>
      ),
    });
  return out;
}

/** After the questions: the addenda of a filled form, and the receiving nurse's box on a handover. */
function closingBlocks(c: Ctx, template: Questionnaire, form: PrintableForm | null): PrintBlock[] {
  const { t, f, nameOf } = c;
  const out: PrintBlock[] = [];
  if (form) {
    const addenda = form.addenda;
    if (addenda.length > 0) {
      out.push({ key: 'addenda', keepWithNext: true, node: <p className="pf-heading pf-heading--0">{t('print.form.addenda')}</p> });
      addenda.forEach((a, i) => {
        const text = addendumText(a.body);
        out.push({
          key: `addendum:${i}`,
          node: (
            <p className="pf-addendum">
              {isReceiverSynthesis(a.body) ? t('print.form.labelled', { label: t('print.form.receiver'), text }) : text}{' '}
              <span className="pf-by">— {t('print.form.addendumBy', { by: nameOf(a.author), at: f.dateTime(a.createdAt) })}</span>
            </p>
          ),
        });
      });
    }
  }
  if (isHandoverTemplate(template)) {
    // The receiving nurse's own synthesis, on paper as on the tablet: written by her, signed.
    out.push({
      key: 'receiver',
      node: (
        <div className="pf-receiver">
          <p className="pf-heading pf-heading--0">{t('print.form.receiver')}</p>
          <div className="pf-lines">{[0, 1, 2].map((i) => <span key={i} className="pf-line" />)}</div>
          <div className="pf-field pf-field--inline"><span className="pf-label">{t('print.form.receiverSign')}</span><span className="pf-line pf-line--inline" /></div>
        </div>
      ),
    });
  }
  return out;
}

export function useFormBlocks(): (input: FormBlocksInput) => PrintBlock[] {
  const { t, i18n } = useTranslation();
  const c: Ctx = { t, f: useFormat(), lang: i18n.language, answerText: useAnswerText(), optionsLine: useOptionsLine(), nameOf: useAuthorName(), ...useFieldLabel(), ...useCellText() };
  const { lang, Label, Cond } = c;

  return (input) => {
    const { template, form, blankRowsOf, preset } = input;
    const blocks: PrintBlock[] = [];
    const nodes = printModel(template, form?.response ?? null, blankRowsOf);
    const index = indexItems(template);
    blocks.push({
      key: 'about',
      node: (
        <p className="pf-about">
          {form
            ? `${t('print.sheet.filledBy', { by: form.writtenBy, at: c.f.dateTime(form.writtenAt) })} · ${t('print.sheet.versionOf', { n: form.version })}`
            : t('print.sheet.blank')}
        </p>
      ),
    });
    nodes.forEach((node, n) => {
      const key = `${node.kind}:${node.item.linkId}:${n}`;
      if (node.kind === 'heading') blocks.push({ key, keepWithNext: true, node: <p className={`pf-heading pf-heading--${Math.min(node.depth, 2)}`}><Label node={node} /></p> });
      else if (node.kind === 'display') blocks.push({ key, node: <p className="pf-display">{itemText(node.item, lang)}<Cond node={node} /></p> });
      else if (node.kind === 'field') blocks.push(...fieldBlocks(c, node, key, preset));
      else blocks.push(...tableBlocks(c, node, key, n, input, index));
    });
    blocks.push(...closingBlocks(c, template, form));
    return blocks;
  };
}
