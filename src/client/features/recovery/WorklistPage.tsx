// The recovery team's back-entry worklist: pick an episode, see how far each ward has got, filter,
// and work the lines, safety-critical first. The FHIR export downloads from here (online).
import { useState } from 'react';
import { useTranslation } from '../../i18n';
import { Link, useNavigate, useParams } from '../../ui/router';
import { filterItems, progressOf, type WorkFilter } from '../../../domain/recovery/worklist';
import { useRecoveryEpisodes, useWorklist, type RecoveryEpisode } from '../../data';
import { useFormat } from '../../i18n';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { usePageTitle } from '../../ui/usePageTitle';
import { ExportActions } from './ExportActions';
import { WorkFilters } from './WorkFilters';
import { WorkRow } from './WorkRow';

function EpisodePicker({ episodes, current }: { episodes: RecoveryEpisode[]; current: string | undefined }) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  return (
    <label className="field">
      <span className="field-label">{t('recovery.episode')}</span>
      <select className="input" value={current ?? ''} onChange={(e) => void navigate(`/recovery/${e.target.value}`)}>
        <option value="" disabled>{t('recovery.chooseEpisode')}</option>
        {episodes.map((e) => (
          <option key={e.docId} value={e.docId}>
            {t('recovery.episodeLabel', {
              unit: e.unitCode ?? '—', start: f.dateTime(e.body.startedAt),
              end: e.body.endedAt ? f.dateTime(e.body.endedAt) : t('recovery.running'), drill: e.body.drill ? t('recovery.drill') : '',
            })}
          </option>
        ))}
      </select>
    </label>
  );
}

function Worklist({ downtimeId }: { downtimeId: string }) {
  const { t } = useTranslation();
  const view = useWorklist(downtimeId);
  const [filter, setFilter] = useState<WorkFilter>({});
  if (!view) return <Loading />;
  const { overall, byUnit } = progressOf(view.items);
  const shown = filterItems(view.items, filter, view.realOf);
  const set = (patch: Partial<WorkFilter>) => setFilter((old) => Object.fromEntries(Object.entries({ ...old, ...patch }).filter(([, v]) => v)) as WorkFilter);
  return (
    <>
      <p className="work-progress" role="status">{t('recovery.progress', { done: overall.done, total: overall.total, notNeeded: overall.notNeeded })}</p>
      <ul className="work-progress-units">
        {[...byUnit].map(([unit, p]) => <li key={unit}>{t('recovery.progressUnit', { unit, done: p.done, total: p.total })}</li>)}
      </ul>
      <ExportActions downtimeId={downtimeId} />
      <WorkFilters view={view} units={[...byUnit.keys()]} filter={filter} onChange={set} />
      {shown.length === 0 ? <Notice kind="info" live={false}>{t('recovery.empty')}</Notice> : (
        <table className="work-table">
          <thead><tr>{(['what', 'patient', 'author', 'status', 'actions'] as const).map((c) => <th key={c}>{t(`recovery.columns.${c}`)}</th>)}</tr></thead>
          <tbody>
            {shown.map((item) => (
              <WorkRow key={item.doc.docId} downtimeId={downtimeId} item={item} templates={view.templates} patient={item.patientId ? view.patients.get(item.patientId) : undefined}
                realPatient={item.patientId && view.realOf.has(item.patientId) ? view.patients.get(view.realOf.get(item.patientId)!) : undefined} />
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function WorklistPage() {
  const { t } = useTranslation();
  const { downtimeId } = useParams();
  const episodes = useRecoveryEpisodes();
  usePageTitle(t('recovery.title'));
  if (!episodes) return <Loading />;
  return (
    <section className="page recovery-page">
      <h1>{t('recovery.title')}</h1>
      <p className="button-row">
        <Link className="button" to="/recovery/scan">{t('recovery.scan.nav')}</Link>
        <Link className="button" to="/recovery/links">{t('recovery.link.nav')}</Link>
      </p>
      {episodes.length === 0 ? <Notice kind="info" live={false}>{t('recovery.noEpisode')}</Notice> : <EpisodePicker episodes={episodes} current={downtimeId} />}
      {downtimeId && <Worklist key={downtimeId} downtimeId={downtimeId} />}
    </section>
  );
}
