import { useTranslation } from '../../i18n';
import { Link, Navigate } from '../../ui/router';
import { useUnits } from '../../data';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { usePageTitle } from '../../ui/usePageTitle';

/** The start screen: straight to the ward when the nurse has one, a choice when she has several. */
export function ChooseWard() {
  const { t } = useTranslation();
  usePageTitle(t('home.title'));
  const units = useUnits();
  if (units === undefined) return <Loading />;
  if (units.length === 1) return <Navigate to={`/ward/${encodeURIComponent(units[0]!.code)}`} replace />;
  return (
    <section className="page">
      <h1>{t('home.title')}</h1>
      {units.length === 0 ? (
        <Notice kind="warning">{t('home.noUnits')}</Notice>
      ) : (
        <ul className="choice-list">
          {units.map((u) => (
            <li key={u.code}>
              <Link to={`/ward/${encodeURIComponent(u.code)}`} className="choice">
                <strong>{u.code}</strong>
                {'\u00a0·\u00a0'}
                {u.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
