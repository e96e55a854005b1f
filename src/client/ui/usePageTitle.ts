import { useEffect } from 'react';
import { useTranslation } from '../i18n';

/** Sets the tab / task-switcher title, so the page can be told apart on a shared tablet. */
export function usePageTitle(title: string | null): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? `${title} · ${t('app.name')}` : t('app.name');
  }, [title, t]);
}
