// "As of" line (DESIGN.md safety rule 4): every list of reference content says how fresh this
// tablet's copy is (the status bar says it too, in short).
import { useTranslation } from '../../i18n';
import { useReferenceAsOf } from '../../data';
import { useFormat } from '../../i18n';
import { ClockIcon } from '../../ui/icons';
import { useNow } from '../../ui/useNow';

/** Above a list of reference content: how fresh this tablet's copy is. */
export function ListAsOf() {
  const { t } = useTranslation();
  const f = useFormat();
  const now = useNow();
  const asOf = useReferenceAsOf();
  if (asOf === undefined) return null;
  return (
    <p className="as-of">
      <ClockIcon />
      {asOf ? t('downtime.asOf', { relative: f.relative(asOf, now), absolute: f.dateTime(asOf) }) : t('downtime.asOfNever')}
    </p>
  );
}
