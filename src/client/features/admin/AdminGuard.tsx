import { useTranslation } from '../../i18n';
import type { ReactNode } from 'react';
import { useSession } from '../../data';
import { Notice } from '../../ui/Notice';

/** Wraps each admin screen (app/routes.tsx): they are for the crisis cell; the server refuses anyone else's writes anyway. */
export function AdminGuard({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user } = useSession();
  if (user?.role !== 'admin')
    return (
      <section className="page page--narrow">
        <Notice kind="warning">{t('admin.adminOnly')}</Notice>
      </section>
    );
  return children;
}
