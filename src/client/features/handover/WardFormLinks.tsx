// The ward board's doors to the handover and to a downtime admission.
import { useTranslation } from '../../i18n';
import { Link } from '../../ui/router';

export function WardFormLinks({ unit }: { unit: string }) {
  const { t } = useTranslation();
  const base = `/ward/${encodeURIComponent(unit)}`;
  return (
    <div className="button-row ward-form-links">
      <Link to={`${base}/handover`} className="button button--primary">{t('handover.open')}</Link>
      <Link to={`${base}/handover/round`} className="button">{t('handover.startRound')}</Link>
      <Link to={`${base}/admission`} className="button">{t('admission.button')}</Link>
    </div>
  );
}
