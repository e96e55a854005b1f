// What the handover list and the round show of a patient's latest handover: severity, open
// actions with who and when, when and by whom it was written, and whether it was confirmed.
import { useTranslation } from '../../i18n';
import { useAuthorName } from '../../ui/author-name';
import type { LatestHandover } from '../../data';
import { useFormat } from '../../i18n';
import { CheckIcon, ClockIcon } from '../../ui/icons';
import { SeverityBadge } from './SeverityBadge';

export function HandoverSummary({ handover, now, large = false }: { handover: LatestHandover | null; now: Date; large?: boolean }) {
  const { t } = useTranslation();
  const nameOf = useAuthorName();
  const f = useFormat();
  if (!handover)
    return (
      <div className="handover-summary">
        <SeverityBadge severity={null} large={large} />
        <p className="muted">{t('handover.noHandover')}</p>
      </div>
    );
  const confirmation = handover.confirmations[handover.confirmations.length - 1];
  return (
    <div className="handover-summary">
      <SeverityBadge severity={handover.severity} large={large} />
      <p className="handover-when">
        {t('handover.writtenAt', { absolute: f.dateTime(handover.writtenAt), relative: f.relative(handover.writtenAt, now), name: handover.writtenBy })}
      </p>
      {handover.openActions.length === 0 ? (
        <p className="muted">{t('handover.noOpenActions')}</p>
      ) : (
        <div>
          <p className="handover-actions-title">{t('handover.openActions', { count: handover.openActions.length })}</p>
          <ul className="handover-actions">
            {handover.openActions.map((a, i) => (
              <li key={i}>
                <ClockIcon /> <strong>{a.action}</strong>
                {a.owner && <> · {a.owner}</>}
                {a.due && <> · {t('handover.due', { time: a.due.includes('T') ? f.dateTime(a.due) : a.due.slice(0, 5) })}</>}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className={confirmation ? 'handover-confirmed' : 'handover-unconfirmed'}>
        {confirmation ? (
          <>
            <CheckIcon /> {t('handover.confirmedBy', { name: nameOf(confirmation.author), time: f.dateTime(confirmation.createdAt) })}
          </>
        ) : (
          t('handover.notConfirmed')
        )}
      </p>
    </div>
  );
}
