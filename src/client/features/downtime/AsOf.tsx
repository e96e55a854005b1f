// "As of" lines (DESIGN.md safety rule 4): the status bar says when procedures and the
// directory were last refreshed, and every list repeats it above itself.
import { useTranslation } from 'react-i18next';
import { useReferenceAsOf } from '../../data';
import { useFormat } from '../../i18n';
import { ClockIcon } from '../../ui/icons';
import { useNow } from '../../ui/useNow';

export function ReferenceAsOf() {
  const { t } = useTranslation();
  const f = useFormat();
  const asOf = useReferenceAsOf();
  if (asOf === undefined) return null; // still reading: "never loaded" would be a false alarm
  return (
    <span className="status-item" aria-live="off">
      {asOf
        ? t('downtime.status.reference', { absolute: f.dateTime(asOf) })
        : t('downtime.status.referenceNever')}
    </span>
  );
}

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
