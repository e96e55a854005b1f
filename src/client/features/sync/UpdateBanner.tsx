import { useId } from 'react';
import { useTranslation } from '../../i18n';
import { Link } from '../../ui/router';
import { useUpdatePrompt } from '../../data';

/**
 * "A new version is available". Installing reloads the page, so it is refused while any draft is
 * on the tablet: the nurse finishes or discards it first (DESIGN.md: never reload while a form is
 * edited). The drafts may be on other pages, so the banner links to their list.
 */
export function UpdateBanner() {
  const { t } = useTranslation();
  const { needRefresh, canInstallNow, installNow, later } = useUpdatePrompt();
  const hintId = useId();
  if (!needRefresh) return null;
  return (
    <div className="banner banner--info" role="alert">
      <div className="banner-text">
        <strong className="banner-title">{t('update.available')}</strong>
        {!canInstallNow && (
          <p id={hintId}>
            {t('update.finishFirst')} <Link to="/sync#drafts">{t('update.seeDrafts')}</Link>
          </p>
        )}
      </div>
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          onClick={installNow}
          disabled={!canInstallNow}
          aria-describedby={canInstallNow ? undefined : hintId}
        >
          {t('update.installNow')}
        </button>
        <button type="button" className="button" onClick={later}>
          {t('update.later')}
        </button>
      </div>
    </div>
  );
}
