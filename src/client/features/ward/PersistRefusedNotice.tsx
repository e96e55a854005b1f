// Weeks of unsent entries live in this browser's storage: if the browser may evict it, the ward
// board says so in red, until IT fixes it (issue 9).
import { useTranslation } from '../../i18n';
import { useStorageInfo } from '../../data';
import { Notice } from '../../ui/Notice';

export function PersistRefusedNotice() {
  const { t } = useTranslation();
  const { persisted } = useStorageInfo();
  if (persisted !== false) return null;
  return (
    <Notice kind="error" live={false} className="persist-refused">
      {t('sessions.persistRefused')}
    </Notice>
  );
}
