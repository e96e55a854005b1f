import { useTranslation } from '../i18n';
import { dismissStorageFull, useStorageFull } from '../ui/write-errors';
import { WarningIcon } from '../ui/icons';

/** The whole-tablet alarm: nothing more can be saved, so the ward goes back to paper. */
export function StorageFullBanner() {
  const { t } = useTranslation();
  const full = useStorageFull();
  if (!full) return null;
  return (
    <div className="banner banner--danger" role="alert">
      <WarningIcon className="banner-icon" />
      <div className="banner-text">
        <strong className="banner-title">{t('storageFull.title')}</strong>
        <p>{t('storageFull.body')}</p>
      </div>
      <button type="button" className="button" onClick={dismissStorageFull}>
        {t('storageFull.dismiss')}
      </button>
    </div>
  );
}
