// The one dead end of the app: a screen that cannot be shown (unknown patient, another ward's
// data on a shared tablet, nothing to print) says why and offers the way home.
import { useTranslation } from '../i18n';
import { Link } from './router';
import { Notice } from './Notice';

export function RefusedPage({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <section className="page">
      <Notice kind="error">{message}</Notice>
      <p>
        <Link to="/" className="button">
          {t('app.backHome')}
        </Link>
      </p>
    </section>
  );
}
