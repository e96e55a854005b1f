// A template, blank or filled, as blocks of a printed sheet: headings, fields with their answer
// or lines to write on, option lists with tick boxes, and every repeating group as a table whose
// filled rows come first and blank rows after (domain/print/print-model.ts decides what; this
// decides how it looks). Every block is small enough to move to the next page whole.
import type { ReactNode } from 'react';
import { authorName } from '../../ui/author-name';
import { useTranslation } from 'react-i18next';
import { columnWidths, isCompactChoice, PAGE_WIDTH_MM, printColumns, printColumnWidth, type Orientation, type PrintColumn } from '../../../domain/print/columns';
import { softHyphenate } from '../../../domain/print/hyphenate';
import { printModel, splitForPrint, type PrintCondition, type PrintNode } from '../../../domain/print/print-model';
import {
  hasOptions, indexItems, isCalculated, isHandoverTemplate, itemText, optionKey, optionLabel, unitsOf, type AnswerValue, type EnableWhen,
  type Questionnaire, type QuestionnaireItem,
} from '../../../domain/questionnaire';
import { isReceiverSynthesis } from '../../../domain/schemas/form';
import { alarmBound, alarmOf } from '../../../domain/flowsheet/alarm';
import { useFormat } from '../../i18n';
import type { PrintableForm } from '../../data/print';
import { useAnswerText } from './answer-text';
import type { PrintBlock, PrintTable } from './sheet-types';

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

const OPERATOR: Record<string, string> = { '=': '=', '!=': '≠', '>': '>', '<': '<', '>=': '≥', '<=': '≤' };

function Box({ checked }: { checked?: boolean }) {
  return <span className={checked ? 'pf-box pf-box--checked' : 'pf-box'} aria-hidden="true">{checked ? '✕' : ''}</span>;
}

export function useFormBlocks(): (input: FormBlocksInput) => PrintBlock[] {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const answerText = useAnswerText();
  const lang = i18n.language;

  const conditionText = (conditions: readonly PrintCondition[], behavior: 'all' | 'any' | undefined): string => {
    const parts = conditions.map(({ on, when }) => {
      const question = on ? itemText(on, lang) : when.question;
      if (when.operator === 'exists') return t(when.answerBoolean === false ? 'print.form.conditionAbsent' : 'print.form.conditionExists', { question });
      const answer = conditionAnswer(when);
      const shown = on ? answerText(on, answer) : '';
      return t('print.form.condition', { question, op: OPERATOR[when.operator] ?? when.operator, value: shown });
    });
    return parts.join(behavior === 'any' ? ' / ' : ' + ');
  };

  const Cond = ({ node }: { node: PrintNode }) =>
    node.conditions.length > 0 ? <span className="pf-cond"> ({conditionText(node.conditions, node.item.enableBehavior)})</span> : null;

  const units = (item: QuestionnaireItem) => unitsOf(item).map((u) => u.display ?? u.code).join(' / ');
  const Label = ({ node }: { node: PrintNode }) => (
    <span className="pf-label">
      {itemText(node.item, lang)}
      {units(node.item) && <span className="pf-unit"> ({units(node.item)})</span>}
      {isCalculated(node.item) && <span className="pf-calculated"> ({t('forms.calculated')})</span>}
      {node.item.required && <span className="pf-required" title={t('print.form.required')}> *</span>}
      <Cond node={node} />
    </span>
  );

  const optionsLine = (item: QuestionnaireItem, answers: readonly AnswerValue[]): ReactNode => {
    const chosen = new Set(answers.flatMap((a) => (a.valueCoding?.code ? [a.valueCoding.code] : a.valueString !== undefined ? [a.valueString] : a.valueInteger !== undefined ? [String(a.valueInteger)] : a.valueDate ?? a.valueTime ?? [])));
    if (item.type === 'boolean') {
      const v = answers[0]?.valueBoolean;
      return (
        <span className="pf-options">
          <span className="pf-option"><Box checked={v === true} /> {t('print.form.yes')}</span>
          <span className="pf-option"><Box checked={v === false} /> {t('print.form.no')}</span>
        </span>
      );
    }
    const options = item.answerOption ?? [];
    const known = new Set(options.map(optionKey));
    const other = answers.filter((a) => a.valueString !== undefined && !known.has(a.valueString)).map((a) => a.valueString);
    return (
      <span className="pf-options">
        {options.map((o) => (
          <span className="pf-option" key={optionKey(o)}>
            <Box checked={chosen.has(optionKey(o))} /> {optionLabel(o, lang)}
          </span>
        ))}
        {item.type === 'open-choice' && (
          <span className="pf-option pf-option--other">
            <Box checked={other.length > 0} /> {t('print.form.other')} <span className="pf-other">{other.join(', ')}</span>
          </span>
        )}
      </span>
    );
  };

  // A possible but alarming value is marked on paper too, with a sign and a word, not only bold.
  const valueText = (item: QuestionnaireItem, answers: readonly AnswerValue[]): ReactNode => {
    const alarms = answers.flatMap((a) => alarmOf(item, a) ?? []);
    const text = answers.map((a) => answerText(item, a)).join(', ');
    if (alarms.length === 0) return text;
    const bound = new Intl.NumberFormat(f.locale).format(alarmBound(item, alarms[0]!) ?? 0);
    return <strong className="pf-alarm">⚠ {text} ({t(`flowsheet.alarm.${alarms[0]!}`, { bound })})</strong>;
  };

  const cellFor = (item: QuestionnaireItem, answers: readonly AnswerValue[]): ReactNode => {
    if (answers.length > 0) return valueText(item, answers);
    if (item.type === 'boolean')
      return (
        <span className="pf-cell-options">
          <span className="pf-cell-option"><Box />{t('print.form.yesShort')}</span>
          <span className="pf-cell-option"><Box />{t('print.form.noShort')}</span>
        </span>
      );
    if (isCompactChoice(item))
      return (
        <span className="pf-cell-options">
          {(item.answerOption ?? []).map((o) => (
            <span key={optionKey(o)} className="pf-cell-option">
              <Box />
              {optionKey(o)}
            </span>
          ))}
        </span>
      );
    return null;
  };

  // The date and the hour of a date-time answer in their own columns; other answers whole.
  const partCell = ({ item, part }: PrintColumn, answers: readonly AnswerValue[]): ReactNode => {
    if (part === 'whole') return cellFor(item, answers);
    const at = answers.flatMap((a) => (a.valueDateTime ? [a.valueDateTime] : []));
    return at.map((iso) => (part === 'date' ? f.dayMonth(iso) : f.time(iso))).join(', ');
  };

  return ({ template, form, orientation, blankRowsOf, preset, keyPrefix }) => {
    const blocks: PrintBlock[] = [];
    const response = form?.response ?? null;
    const nodes = printModel(template, response, blankRowsOf);
    const index = indexItems(template);
    blocks.push({
      key: 'about',
      node: (
        <p className="pf-about">
          {form
            ? `${t('print.sheet.filledBy', { by: form.writtenBy, at: f.dateTime(form.writtenAt) })} · ${t('print.sheet.versionOf', { n: form.version })}`
            : t('print.sheet.blank')}
        </p>
      ),
    });
    nodes.forEach((node, n) => {
      const key = `${node.kind}:${node.item.linkId}:${n}`;
      if (node.kind === 'heading') {
        blocks.push({ key, keepWithNext: true, node: <p className={`pf-heading pf-heading--${Math.min(node.depth, 2)}`}><Label node={node} /></p> });
        return;
      }
      if (node.kind === 'display') {
        blocks.push({ key, node: <p className="pf-display">{itemText(node.item, lang)}<Cond node={node} /></p> });
        return;
      }
      if (node.kind === 'field') {
        const answers = node.answers.length > 0 ? node.answers : (preset?.[node.item.linkId] ?? []);
        const item = node.item;
        const help = node.help.map((h, i) => ({ key: `${key}:h${i}`, node: <p className="pf-help">{itemText(h, lang)}</p> }));
        if (hasOptions(item) || item.type === 'boolean') {
          blocks.push({ key, keepWithNext: help.length > 0, node: <div className="pf-field pf-field--choice"><Label node={node} />{optionsLine(item, answers)}</div> }, ...help);
          return;
        }
        if (help.length > 0) blocks.push({ key: `${key}:label`, keepWithNext: true, node: <p className="pf-field-label"><Label node={node} /></p> }, ...help);
        const lines = answers.length > 0 && node.answers.length === 0 ? 0 : node.blankLines;
        if (item.type === 'text' || item.repeats) {
          const texts = answers.map((a) => answerText(item, a));
          const pieces = texts.flatMap((text) => splitForPrint(text));
          blocks.push({ key, keepWithNext: pieces.length > 0 || lines > 0, node: <p className="pf-field-label"><Label node={node} /></p> });
          pieces.forEach((piece, i) => blocks.push({ key: `${key}:p${i}`, node: <p className="pf-answer">{piece}</p> }));
          if (lines > 0) blocks.push({ key: `${key}:lines`, node: <div className="pf-lines">{Array.from({ length: lines }, (_, i) => <span key={i} className="pf-line" />)}</div> });
          return;
        }
        blocks.push({
          key,
          node: (
            <div className="pf-field pf-field--inline">
              <Label node={node} />
              {answers.length > 0 ? <span className="pf-value">{valueText(item, answers)}</span> : <span className="pf-line pf-line--inline" />}
            </div>
          ),
        });
        return;
      }
      // A repeating group: a table, filled rows then blank rows, its header repeated on each page.
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
      blocks.push({ key, keepWithNext: true, node: <p className="pf-caption"><Label node={node} /></p> });
      // The help under a column's question, or under the group, is said once above the table.
      node.help.forEach((h, i) => {
        const text = itemText(h.text, lang);
        const shown = h.column ? t('print.form.labelled', { label: itemText(h.column, lang), text }) : text;
        blocks.push({ key: `${key}:h${i}`, keepWithNext: true, node: <p className="pf-help">{shown}</p> });
      });
      const cells = (answersOf: (c: QuestionnaireItem) => readonly AnswerValue[]) =>
        columns.map((pc) => <td key={`${pc.item.linkId}:${pc.part}`}>{partCell(pc, answersOf(pc.item))}</td>);
      node.rows.forEach((row, r) => blocks.push({ key: `${key}:r${r}`, table, node: cells((c) => row[node.columns.indexOf(c)] ?? []) }));
      for (let r = 0; r < node.blankRows; r++) blocks.push({ key: `${key}:b${r}`, table, blankRow: true, node: cells(() => []) });
      const legends = node.columns.filter((c) => (c.answerOption ?? []).some((o) => o.valueCoding));
      if (legends.length > 0)
        blocks.push({
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
    });
    if (form) {
      const addenda = form.addenda;
      if (addenda.length > 0) {
        blocks.push({ key: 'addenda', keepWithNext: true, node: <p className="pf-heading pf-heading--0">{t('print.form.addenda')}</p> });
        addenda.forEach((a, i) => {
          const body = a.body as { text?: string; synthesis?: string };
          const text = body.synthesis ?? body.text ?? '';
          blocks.push({
            key: `addendum:${i}`,
            node: (
              <p className="pf-addendum">
                {isReceiverSynthesis(a.body) ? t('print.form.labelled', { label: t('print.form.receiver'), text }) : text}{' '}
                <span className="pf-by">— {t('print.form.addendumBy', { by: authorName(t, a.author), at: f.dateTime(a.createdAt) })}</span>
              </p>
            ),
          });
        });
      }
    }
    if (isHandoverTemplate(template)) {
      // The receiving nurse's own synthesis, on paper as on the tablet: written by her, signed.
      blocks.push({
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
    return blocks;
  };
}

/** The answer an enableWhen compares with, as an answer value (answerCoding -> valueCoding). */
function conditionAnswer(when: EnableWhen): AnswerValue {
  const out: AnswerValue = {};
  if (when.answerBoolean !== undefined) out.valueBoolean = when.answerBoolean;
  if (when.answerDecimal !== undefined) out.valueDecimal = when.answerDecimal;
  if (when.answerInteger !== undefined) out.valueInteger = when.answerInteger;
  if (when.answerDate !== undefined) out.valueDate = when.answerDate;
  if (when.answerDateTime !== undefined) out.valueDateTime = when.answerDateTime;
  if (when.answerTime !== undefined) out.valueTime = when.answerTime;
  if (when.answerString !== undefined) out.valueString = when.answerString;
  if (when.answerCoding !== undefined) out.valueCoding = when.answerCoding;
  return out;
}
