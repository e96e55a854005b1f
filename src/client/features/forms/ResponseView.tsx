// A saved response, read-only, laid out by the exact template version it was filled against:
// questions with their answers (alarming values flagged), repeating groups as tables; in a
// conflict, the answers that differ from the other version are marked.
import { useTranslation } from '../../i18n';
import {
  codingLabel, isChoice, itemText, optionKey, optionLabel, type Questionnaire, type QuestionnaireItem, type ResponseAnswer,
  type ResponseItem, type QuestionnaireResponse,
} from '../../../domain/questionnaire';
import { useFormat } from '../../i18n';
import { AlarmedAnswer } from './AlarmedAnswer';
import { FlowsheetTable } from './FlowsheetTable';

interface ViewProps {
  template: Questionnaire;
  response: QuestionnaireResponse;
  /** In a conflict: the paths of the answers that differ between versions (differingPaths). */
  differs?: ReadonlySet<string>;
}

export function ResponseView({ template, response, differs }: ViewProps) {
  return (
    <div className="response">
      <Section items={template.item} answered={response.item ?? []} prefix="" differs={differs ?? NONE} />
    </div>
  );
}

const NONE: ReadonlySet<string> = new Set();

interface SectionProps {
  items: readonly QuestionnaireItem[] | undefined;
  answered: readonly ResponseItem[];
  prefix: string;
  differs: ReadonlySet<string>;
}

function Section({ items, answered, prefix, differs }: SectionProps) {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <dl className="response-items">
      {(items ?? []).map((item) => {
        const hits = answered.filter((a) => a.linkId === item.linkId);
        if (item.type === 'display' || hits.length === 0) return null;
        const key = `${prefix}${item.linkId}#0`;
        if (item.type === 'group') {
          return (
            <div key={item.linkId} className="response-group">
              <dt className="response-group-title">{itemText(item, lang)}</dt>
              <dd>
                {item.repeats ? (
                  <RowsTable item={item} rows={hits} prefix={prefix} differs={differs} />
                ) : (
                  <Section items={item.item} answered={hits[0]!.item ?? []} prefix={`${key}/`} differs={differs} />
                )}
              </dd>
            </div>
          );
        }
        return (
          <div key={item.linkId} className={differs.has(key) ? 'response-item response-item--differs' : 'response-item'}>
            <dt>
              {itemText(item, lang)}
              {differs.has(key) && <DiffersMark />}
            </dt>
            <dd>{(hits[0]!.answer ?? []).map((a, i) => <AlarmedAnswer key={i} item={item} answer={a} />)}</dd>
          </div>
        );
      })}
    </dl>
  );
}

/** Not colour alone: a word says the answer is not the same in the other version. */
export function DiffersMark() {
  const { t } = useTranslation();
  return <span className="differs-mark"> ≠ {t('forms.differs')}</span>;
}

function RowsTable({ item, rows, prefix, differs }: { item: QuestionnaireItem; rows: ResponseItem[]; prefix: string; differs: ReadonlySet<string> }) {
  const lines = rows.map((r, i) => {
    const rowKey = `${prefix}${item.linkId}#${i}`;
    const cells = (item.item ?? []).filter((c) => differs.has(`${rowKey}/${c.linkId}#0`)).map((c) => c.linkId);
    return { key: String(i), item: r, ...(cells.length > 0 ? { differs: new Set(cells) } : {}) };
  });
  return <FlowsheetTable group={item} lines={lines} />;
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
