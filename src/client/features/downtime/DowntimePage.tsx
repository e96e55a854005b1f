// The ward's downtime page: the episode in force (or none), the checklists and call trees
// running on the ward and how far each has got, and the episodes already ended.
import { useTranslation } from '../../i18n';
import { Link } from '../../ui/router';
import { GLOBAL_SCOPE, unitScope } from '../../../domain/scope';
import { useEpisodes, useSession } from '../../data';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { useNow } from '../../ui/useNow';
import { usePageTitle } from '../../ui/usePageTitle';
import { ChecklistRunList } from '../procedures/ChecklistRunList';
import { useActiveWard } from './active-ward';
import { EpisodeCard } from './EpisodeCard';
import { mayWrite } from './permissions';

export function DowntimePage() {
  const { t } = useTranslation();
  const ward = useActiveWard();
  const { user } = useSession();
  const episodes = useEpisodes(ward?.code ?? '');
  const now = useNow(30_000);
  const label = ward ? `${ward.code} · ${ward.name}` : '';
  usePageTitle(t('downtime.page.title', { unit: label }));

  if (ward === undefined || episodes === undefined) return <Loading />;
  if (ward === null) return <section className="page"><Notice kind="warning">{t('home.noUnits')}</Notice></section>;

  const live = episodes.filter((e) => e.inForce);
  const past = episodes.filter((e) => !e.inForce);
  const canDeclare = mayWrite(user, 'downtime', unitScope(ward.code)) || mayWrite(user, 'downtime', GLOBAL_SCOPE);

  return (
    <section className="page downtime-page">
      <div className="section-header">
        <h1>{t('downtime.page.title', { unit: label })}</h1>
        {canDeclare && (
          <Link to="/downtime/declare" className="button button--danger">
            {t('downtime.nav.declare')}
          </Link>
        )}
      </div>
      {!canDeclare && <p className="muted">{t('downtime.page.onlyCharge')}</p>}

      <h2>{t('downtime.page.inForce')}</h2>
      {live.length === 0 ? (
        <Notice kind="info" live={false}>{t('downtime.page.none')}</Notice>
      ) : (
        live.map((ep) => <EpisodeCard key={ep.docId} ep={ep} now={now} />)
      )}

      <div className="section-header section-header--spaced">
        <h2>{t('downtime.page.checklists')}</h2>
        <div className="button-row button-row--tight">
          <Link to="/procedures" className="button">{t('downtime.page.toProcedures')}</Link>
          <Link to="/directory/call-trees" className="button">{t('downtime.page.toCallTrees')}</Link>
        </div>
      </div>
      <ChecklistRunList unitCode={ward.code} />

      {past.length > 0 && (
        <>
          <h2>{t('downtime.page.history')}</h2>
          {past.map((ep) => <EpisodeCard key={ep.docId} ep={ep} now={now} />)}
        </>
      )}
    </section>
  );
}
