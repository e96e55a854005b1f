// Under a field being typed: a possible but alarming value (SpO₂ 84 %) is said at once, without
// blocking the save; an impossible one (960 %) is the checks' to refuse.
import { useTranslation } from '../../i18n';
import { alarmBound, alarmOf } from '../../../domain/flowsheet/alarm';
import { answerFromRaw, isBlank, type QuestionnaireItem } from '../../../domain/questionnaire';
import { useFormat } from '../../i18n';
import { WarningIcon } from '../../ui/icons';

export function AlarmNotice({ item, raws }: { item: QuestionnaireItem; raws: readonly string[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  for (const raw of raws) {
    if (isBlank(raw)) continue;
    const parsed = answerFromRaw(item, raw);
    const alarm = 'answer' in parsed ? alarmOf(item, parsed.answer) : null;
    if (!alarm) continue;
    const bound = new Intl.NumberFormat(f.locale).format(alarmBound(item, alarm) ?? 0);
    return (
      <p className="field-alarm" aria-live="polite">
        <WarningIcon /> {t('flowsheet.alarmNotice', { rule: t(`flowsheet.alarm.${alarm}`, { bound }) })}
      </p>
    );
  }
  return null;
}
