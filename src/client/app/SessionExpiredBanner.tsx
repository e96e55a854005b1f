// The person writing now cannot send: her token expired, was refused, or was revoked after she
// signed out. She is told, with how many of her entries wait, and signs in again from here.
import { useTranslation } from '../i18n';
import { useLocation, useNavigate } from '../ui/router';
import { lockTablet, useSession, useSessionHealth } from '../data';
import { WarningIcon } from '../ui/icons';

export function SessionExpiredBanner() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { locked } = useSession();
  const health = useSessionHealth();
  if (!health?.blocked || locked) return null;
  return (
    <div className="banner banner--danger session-expired" role="alert">
      <WarningIcon className="banner-icon" />
      <p className="banner-text">
        {health.waiting > 0 ? t('sessions.expiredBanner', { count: health.waiting }) : t('sessions.expiredBannerNone')}
      </p>
      <button
        type="button"
        className="button"
        onClick={() => {
          void lockTablet();
          navigate('/login', { state: { from: pathname } });
        }}
      >
        {t('sessions.signInAgain')}
      </button>
    </div>
  );
}
