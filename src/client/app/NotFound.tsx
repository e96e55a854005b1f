import { useTranslation } from '../i18n';
import { Link } from '../ui/router';
import { usePageTitle } from '../ui/usePageTitle';

export function NotFound() {
  const { t } = useTranslation();
  usePageTitle(t('app.notFound'));
  return (
    <section className="page">
      <h1>{t('app.notFound')}</h1>
      <p>
        <Link to="/" className="button">
          {t('app.backHome')}
        </Link>
      </p>
    </section>
  );
}
