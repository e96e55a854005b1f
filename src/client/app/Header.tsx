import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router-dom';
import { useSession, useUnits } from '../data';
import { useCurrentWard } from './current-ward';
import { LanguageSwitch } from './LanguageSwitch';

export function Header() {
  const { t } = useTranslation();
  const { user } = useSession();
  const units = useUnits();
  const ward = useCurrentWard();
  const wardName = units?.find((u) => u.code === ward)?.name;

  return (
    <header className="app-header">
      <Link to="/" className="app-name">
        {t('app.name')}
      </Link>
      {user && ward && (
        <Link to={`/ward/${encodeURIComponent(ward)}`} className="header-ward">
          <span className="visually-hidden">{t('header.ward')} </span>
          <strong>{ward}</strong>
          {wardName && <span className="header-ward-name"> · {wardName}</span>}
        </Link>
      )}
      <nav className="header-tools" aria-label={t('header.mainNav')}>
        {user && (
          <span className="header-user">
            {t('header.signedInAs', { name: user.name })}
            <span className="header-role"> ({t(`header.role.${user.role}`)})</span>
          </span>
        )}
        <LanguageSwitch />
        {user && (
          <NavLink to="/settings" className="button button--quiet">
            {t('header.settings')}
          </NavLink>
        )}
      </nav>
    </header>
  );
}
