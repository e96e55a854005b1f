// The call trees: whom to alert, in order, for a given event.
import { useTranslation } from '../../i18n';
import { Link } from '../../ui/router';
import { useCallTrees } from '../../data';
import { ChevronIcon } from '../../ui/icons';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { ListAsOf } from '../downtime/AsOf';
import { DirectoryTabs } from './DirectoryTabs';

export function CallTreesPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('directory.callTrees'));
  const trees = useCallTrees(i18n.language === 'en' ? 'en' : 'fr');
  if (trees === undefined) return <Loading />;
  return (
    <section className="page">
      <h1>{t('directory.callTrees')}</h1>
      <DirectoryTabs />
      <ListAsOf />
      {trees.length === 0 ? (
        <p className="empty">{t('directory.noCallTrees')}</p>
      ) : (
        <ul className="card-list">
          {trees.map((tree) => (
            <li key={tree.docId}>
              <Link to={`/directory/call-trees/${tree.docId}`} className="card-link" lang={tree.body.lang}>
                <span className="procedure-card-main">
                  <span className="procedure-card-title">{tree.body.title}</span>
                  <span className="procedure-card-summary">{tree.body.summary}</span>
                  <span className="tag-row"><span className="tag">{t('directory.calls', { count: tree.body.steps.length })}</span></span>
                </span>
                <ChevronIcon className="card-chevron" />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
