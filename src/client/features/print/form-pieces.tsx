// The pieces a printed form is made of: a question's label with its units and conditions, an
// option list with tick boxes, an answer (marked when alarming) and a table cell. form-blocks.tsx
// lays them out as blocks of a sheet.
import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n';
import { isCompactChoice, type PrintColumn } from '../../../domain/print/columns';
import type { PrintCondition, PrintNode } from '../../../domain/print/print-model';
import {
  isCalculated, itemText, optionKey, optionLabel, unitsOf, type AnswerValue, type EnableWhen, type QuestionnaireItem,
} from '../../../domain/questionnaire';
import { alarmBound, alarmOf } from '../../../domain/flowsheet/alarm';
import { useFormat } from '../../i18n';
import { useAnswerText } from './answer-text';

const OPERATOR: Record<string, string> = { '=': '=', '!=': '≠', '>': '>', '<': '<', '>=': '≥', '<=': '≤' };

function Box({ checked }: { checked?: boolean }) {
  return <span className={checked ? 'pf-box pf-box--checked' : 'pf-box'} aria-hidden="true">{checked ? '✕' : ''}</span>;
}

/** "(shown if Q = answer)": when a question applies, in words, for a sheet filled by hand. */
function useConditionText(): (conditions: readonly PrintCondition[], behavior: 'all' | 'any' | undefined) => string {
  const { t, i18n } = useTranslation();
  const answerText = useAnswerText();
  const lang = i18n.language;
  return (conditions, behavior) => {
    const parts = conditions.map(({ on, when }) => {
      const question = on ? itemText(on, lang) : when.question;
      if (when.operator === 'exists') return t(when.answerBoolean === false ? 'print.form.conditionAbsent' : 'print.form.conditionExists', { question });
      const answer = conditionAnswer(when);
      const shown = on ? answerText(on, answer) : '';
      return t('print.form.condition', { question, op: OPERATOR[when.operator] ?? when.operator, value: shown });
    });
    return parts.join(behavior === 'any' ? ' / ' : ' + ');
  };
}

/** A question's label (units, calculated, required, conditions) and its conditions alone. */
export function useFieldLabel() {
  const { t, i18n } = useTranslation();
  const conditionText = useConditionText();
  const lang = i18n.language;
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
  return { Cond, Label, conditionText };
}

/** The options of a choice or yes/no question, the chosen ones ticked. */
export function useOptionsLine(): (item: QuestionnaireItem, answers: readonly AnswerValue[]) => ReactNode {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (item, answers) => {
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
}

/** An answer as printed (alarming values marked), and a table cell: a value, tick boxes or blank. */
export function useCellText() {
  const { t } = useTranslation();
  const f = useFormat();
  const answerText = useAnswerText();
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
  return { valueText, partCell };
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
