import { Suspense } from 'react';
import { useTranslation } from '../i18n';
import { Link, NavLink, useLocation } from '../ui/router';
import { lockTablet, useSession, useUnits, type SessionUser } from '../data';
import { useCurrentWard } from '../features/ward/current-ward';
import { LanguageSwitch } from '../features/settings/LanguageSwitch';
import { ChevronIcon } from '../ui/icons';
import { MenuDisclosure } from '../ui/MenuDisclosure';
import { WhoWrites } from './WhoWrites';
import { page } from './lazy-page';

// Only form pages show it, and it reads the form and print data (the forms engine): its own chunk,
// so the ward board's first load does not carry them (issue 15; preloaded with the screens).
export const loadPrintShortcut = () => import('../features/print/PrintShortcut');
const PrintShortcut = page(loadPrintShortcut, 'PrintShortcut');
const FORM_PAGE = /^\/patient\/[^/]+\/form\//;

/**
 * One row on a landscape tablet, two at most in portrait: the ward (its patients), the sections,
 * and a menu for what is not needed at every tap (who is signed in, language, settings).
 * Declaring a downtime is on the downtime page, one tap from "Mode dégradé".
 */
export function Header() {
  const { t } = useTranslation();
  const session = useSession();
  // Locked, the header names no one and leads nowhere: the lock screen says whose session it is.
  const user = session.locked ? null : session.user;
  const units = useUnits();
  const ward = useCurrentWard();
  const { pathname } = useLocation();
  // Only a ward of the signed-in person: a shared tablet may remember the previous nurse's.
  const current = units?.find((u) => u.code === ward);
  const link = ({ isActive }: { isActive: boolean }) => (isActive ? 'header-link active' : 'header-link');
  const inTemplates = pathname.startsWith('/admin/templates');

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
      {user && (
        <nav className="header-nav" aria-label={t('header.mainNav')}>
          <NavLink to="/procedures" className={link}>{t('downtime.nav.procedures')}</NavLink>
          <NavLink to="/directory" className={link}>{t('downtime.nav.directory')}</NavLink>
          <NavLink to="/downtime" className={link}>{t('downtime.nav.downtime')}</NavLink>
          {(user.role === 'recovery' || user.role === 'charge' || user.role === 'admin') && (
            <NavLink to="/recovery" className={link}>{t('recovery.nav')}</NavLink>
          )}
          {user.role === 'admin' && (
            <>
              <NavLink to="/admin" className={({ isActive }) => link({ isActive: isActive && !inTemplates })}>
                {t('downtime.nav.admin')}
              </NavLink>
              <NavLink to="/admin/templates" className={link}>{t('templatesAdmin.nav')}</NavLink>
            </>
          )}
        </nav>
      )}
      <div className="header-end">
        {FORM_PAGE.test(pathname) && (
          <Suspense fallback={null}>
            <PrintShortcut />
          </Suspense>
        )}
        {user && <WhoWrites user={user} />}
        {user ? (
          <HeaderMenu user={user} manyWards={!!units && units.length > 1} />
        ) : (
          <LanguageSwitch />
        )}
      </div>
    </header>
  );
}

/** What is not needed at every tap: who is signed in, another ward, language, settings, lock. */
function HeaderMenu({ user, manyWards }: { user: SessionUser; manyWards: boolean }) {
  const { t } = useTranslation();
  return (
    <MenuDisclosure
      className="header-menu"
      summaryClassName="button button--quiet header-menu-button"
      summary={
        <>
          {t('header.menu')}
          <ChevronIcon className="icon--down" />
        </>
      }
    >
      <p className="header-menu-user">
        {t('header.signedInAs', { name: user.name })} ({t(`header.role.${user.role}`)})
      </p>
      {manyWards && (
        <Link to="/" className="header-menu-item">
          {t('header.changeWard')}
        </Link>
      )}
      <div className="header-menu-language">
        <span aria-hidden="true">{t('header.language')}</span>
        <LanguageSwitch />
      </div>
      <NavLink to="/settings" className="header-menu-item">
        {t('header.settingsAndSignOut')}
      </NavLink>
      <button type="button" className="header-menu-item" onClick={() => void lockTablet()}>
        {t('sessions.lock')}
      </button>
    </MenuDisclosure>
  );
}
