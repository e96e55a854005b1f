// The header's downtime entries: procedures and the directory for everyone, the ward's
// downtime page, "declare" for those who may, and the admin screens for the crisis cell.
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { useSession } from '../../data';

export function DowntimeNav() {
  const { t } = useTranslation();
  const { user } = useSession();
  if (!user) return null;
  const mayDeclare = user.role === 'charge' || user.role === 'admin';
  return (
    <>
      <NavLink to="/procedures" className="button button--quiet">{t('downtime.nav.procedures')}</NavLink>
      <NavLink to="/directory" className="button button--quiet">{t('downtime.nav.directory')}</NavLink>
      <NavLink to="/downtime" end className="button button--quiet">{t('downtime.nav.downtime')}</NavLink>
      {mayDeclare && (
        <NavLink to="/downtime/declare" className="button button--declare">{t('downtime.nav.declare')}</NavLink>
      )}
      {user.role === 'admin' && <NavLink to="/admin" className="button button--quiet">{t('downtime.nav.admin')}</NavLink>}
    </>
  );
}
