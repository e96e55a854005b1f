import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router-dom';
import { useSession, useUnits } from '../data';
import { useCurrentWard } from './current-ward';
import { LanguageSwitch } from './LanguageSwitch';
import { PrintShortcut } from '../features/print/PrintShortcut';
import { DowntimeNav } from '../features/downtime/DowntimeNav';

export function Header() {
  const { t } = useTranslation();
  const { user } = useSession();
  const units = useUnits();
  const ward = useCurrentWard();
  // Only a ward of the signed-in person: a shared tablet may remember the previous nurse's.
  const current = units?.find((u) => u.code === ward);

  return (
    <header className="app-header">
      <Link to="/" className="app-name">
        {t('app.name')}
      </Link>
      {user && current && (
        <Link to={`/ward/${encodeURIComponent(current.code)}`} className="header-ward">
          <span className="visually-hidden">{t('header.ward')} </span>
          <strong>{current.code}</strong>
          <span className="header-ward-name">
            {'\u00a0·\u00a0'}
            {current.name}
          </span>
        </Link>
      )}
      <nav className="header-tools" aria-label={t('header.mainNav')}>
        {user && (
          <span className="header-user">{t('header.signedInAs', { name: user.name })} ({t(`header.role.${user.role}`)})</span>
        )}
        <DowntimeNav />
        <PrintShortcut />
        <LanguageSwitch />
        {user?.role === 'admin' && <NavLink to="/admin/templates" className="button button--quiet">{t('templatesAdmin.nav')}</NavLink>}
        {user && (
          <NavLink to="/settings" className="button button--quiet">
            {t('header.settings')}
          </NavLink>
        )}
      </nav>
    </header>
  );
}
