import { useTranslation } from '../../i18n';
import { NavLink } from '../../ui/router';

/** The directory's views: everyone, who is on call, the call trees. */
export function DirectoryTabs() {
  const { t } = useTranslation();
  return (
    <nav className="tabs" aria-label={t('directory.views')}>
      <NavLink to="/directory" end className="tab">{t('directory.tabs.all')}</NavLink>
      <NavLink to="/directory/on-call" className="tab">{t('directory.tabs.onCall')}</NavLink>
      <NavLink to="/directory/call-trees" className="tab">{t('directory.tabs.callTrees')}</NavLink>
    </nav>
  );
}
