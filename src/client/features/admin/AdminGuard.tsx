import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { useSession } from '../../data';
import { Notice } from '../../ui/Notice';

/** Layout route of the admin screens: they are for the crisis cell; the server refuses anyone else's writes anyway. */
export function AdminGuard() {
  const { t } = useTranslation();
  const { user } = useSession();
  if (user?.role !== 'admin')
    return (
      <section className="page page--narrow">
        <Notice kind="warning">{t('admin.adminOnly')}</Notice>
      </section>
    );
  return <Outlet />;
}
