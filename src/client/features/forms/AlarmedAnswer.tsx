// An answer as the ward reads it, flagged when possible but alarming (SpO₂ 84 %, 40.2 °C): an
// icon and a word, not colour alone, so it shows on a grey screen in the sun and to a reader.
import { useTranslation } from '../../i18n';
import { alarmBound, alarmOf } from '../../../domain/flowsheet/alarm';
import type { QuestionnaireItem, ResponseAnswer } from '../../../domain/questionnaire';
import { useFormat } from '../../i18n';
import { WarningIcon } from '../../ui/icons';
import { AnswerText } from './ResponseView';

export function AlarmedAnswer({ item, answer }: { item: QuestionnaireItem; answer: ResponseAnswer }) {
  const { t } = useTranslation();
  const f = useFormat();
  const alarm = alarmOf(item, answer);
  if (!alarm) return <AnswerText item={item} answer={answer} />;
  const bound = new Intl.NumberFormat(f.locale).format(alarmBound(item, alarm) ?? 0);
  return (
    <span className="answer answer--alarm">
      <WarningIcon />
      <AnswerText item={item} answer={answer} /> <span className="alarm-word">{t(`flowsheet.alarm.${alarm}`, { bound })}</span>
    </span>
  );
}
