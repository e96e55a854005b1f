// A saved response, read-only, laid out by the exact template version it was filled against:
// questions with their answers, repeating groups as tables. Used on screen (and reusable in print).
import { useTranslation } from 'react-i18next';
import {
  codingLabel, isChoice, itemText, optionKey, optionLabel, type Questionnaire, type QuestionnaireItem, type ResponseAnswer,
  type ResponseItem, type QuestionnaireResponse,
} from '../../../domain/questionnaire';
import { useFormat } from '../../i18n';

export function ResponseView({ template, response }: { template: Questionnaire; response: QuestionnaireResponse }) {
  return (
    <div className="response">
      <Section items={template.item} answered={response.item ?? []} />
    </div>
  );
}

function Section({ items, answered }: { items: readonly QuestionnaireItem[] | undefined; answered: readonly ResponseItem[] }) {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <dl className="response-items">
      {(items ?? []).map((item) => {
        const hits = answered.filter((a) => a.linkId === item.linkId);
        if (item.type === 'display' || hits.length === 0) return null;
        if (item.type === 'group') {
          return (
            <div key={item.linkId} className="response-group">
              <dt className="response-group-title">{itemText(item, lang)}</dt>
              <dd>
                {item.repeats ? <RowsTable item={item} rows={hits} /> : <Section items={item.item} answered={hits[0]!.item ?? []} />}
              </dd>
            </div>
          );
        }
        return (
          <div key={item.linkId} className="response-item">
            <dt>{itemText(item, lang)}</dt>
            <dd>{(hits[0]!.answer ?? []).map((a, i) => <AnswerText key={i} item={item} answer={a} />)}</dd>
          </div>
        );
      })}
    </dl>
  );
}

function RowsTable({ item, rows }: { item: QuestionnaireItem; rows: ResponseItem[] }) {
  const { i18n } = useTranslation();
  const columns = (item.item ?? []).filter((c) => c.type !== 'display' && c.type !== 'group');
  return (
    <div className="table-wrap">
      <table className="table response-table">
        <thead>
          <tr>{columns.map((c) => <th key={c.linkId} scope="col">{itemText(c, i18n.language)}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {columns.map((c) => {
                const answers = r.item?.find((x) => x.linkId === c.linkId)?.answer ?? [];
                return <td key={c.linkId}>{answers.map((a, j) => <AnswerText key={j} item={c} answer={a} />)}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One answer in words: the option's label in the reader's language, dates in the locale. */
export function AnswerText({ item, answer }: { item: QuestionnaireItem; answer: ResponseAnswer }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const lang = i18n.language;
  let text: string;
  if (answer.valueCoding) {
    const option = isChoice(item) ? item.answerOption?.find((o) => o.valueCoding && optionKey(o) === answer.valueCoding!.code) : undefined;
    text = option ? optionLabel(option, lang) : codingLabel(answer.valueCoding, lang);
  } else if (answer.valueBoolean !== undefined) text = answer.valueBoolean ? t('forms.yes') : t('forms.no');
  else if (answer.valueDateTime) text = f.dateTime(answer.valueDateTime);
  else if (answer.valueDate) text = f.date(answer.valueDate);
  else if (answer.valueTime) text = answer.valueTime.slice(0, 5);
  else if (answer.valueDecimal !== undefined) text = new Intl.NumberFormat(f.locale).format(answer.valueDecimal);
  else text = String(answer.valueInteger ?? answer.valueString ?? '');
  return <span className="answer">{text}</span>;
}
