// Answers as they read on paper, in the page's language: dates day-first on a 24-hour clock,
// French decimals with a comma, coded answers by their label.
import { useTranslation } from '../../i18n';
import { useFormat } from '../../i18n';
import { codingLabel, optionKey, optionLabel, type AnswerValue, type QuestionnaireItem } from '../../../domain/questionnaire';

export function useAnswerText(): (item: QuestionnaireItem, a: AnswerValue) => string {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const lang = i18n.language;
  return (item, a) => {
    if (a.valueCoding) {
      const option = item.answerOption?.find((o) => o.valueCoding?.code === a.valueCoding?.code);
      return option ? optionLabel(option, lang) : codingLabel(a.valueCoding, lang);
    }
    if (a.valueBoolean !== undefined) return a.valueBoolean ? t('print.form.yes') : t('print.form.no');
    if (a.valueDateTime !== undefined) return f.dateTime(a.valueDateTime);
    if (a.valueDate !== undefined) return f.date(a.valueDate);
    if (a.valueTime !== undefined) return a.valueTime.slice(0, 5);
    if (a.valueDecimal !== undefined) return new Intl.NumberFormat(f.locale, { maximumFractionDigits: 4 }).format(a.valueDecimal);
    if (a.valueQuantity?.value !== undefined) {
      return `${new Intl.NumberFormat(f.locale, { maximumFractionDigits: 4 }).format(a.valueQuantity.value)} ${a.valueQuantity.unit ?? a.valueQuantity.code ?? ''}`.trim();
    }
    if (a.valueInteger !== undefined) {
      const option = item.answerOption?.find((o) => o.valueInteger === a.valueInteger);
      return option ? optionKey(option) : String(a.valueInteger);
    }
    return a.valueString ?? '';
  };
}
