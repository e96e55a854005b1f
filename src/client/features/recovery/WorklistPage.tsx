// The recovery team's back-entry worklist: pick an episode, see how far each ward has got, filter,
// and work the lines, safety-critical first. The FHIR export downloads from here (online).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import type { BackEntryStatus } from '../../../domain/recovery/back-entry';
import { filterItems, progressOf, WORK_CATEGORIES, type WorkCategory, type WorkFilter } from '../../../domain/recovery/worklist';
import { downloadExport, useRecoveryEpisodes, useWorklist, type RecoveryEpisode } from '../../data';
import { useFormat } from '../../i18n';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { usePageTitle } from '../../ui/usePageTitle';
import { WorkRow } from './WorkRow';

const STATUSES: readonly BackEntryStatus[] = ['todo', 'done', 'not-needed'];

function EpisodePicker({ episodes, current }: { episodes: RecoveryEpisode[]; current: string | undefined }) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  return (
    <label className="field">
      <span className="field-label">{t('recovery.episode')}</span>
      <select value={current ?? ''} onChange={(e) => void navigate(`/recovery/${e.target.value}`)}>
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
  const [exportFailed, setExportFailed] = useState(false);
  if (!view) return <Loading />;
  const { overall, byUnit } = progressOf(view.items);
  const shown = filterItems(view.items, filter);
  const set = (patch: Partial<WorkFilter>) => setFilter((old) => Object.fromEntries(Object.entries({ ...old, ...patch }).filter(([, v]) => v)) as WorkFilter);
  return (
    <>
      <p className="work-progress" role="status">{t('recovery.progress', { done: overall.done, total: overall.total, notNeeded: overall.notNeeded })}</p>
      <ul className="work-progress-units">
        {[...byUnit].map(([unit, p]) => <li key={unit}>{t('recovery.progressUnit', { unit, done: p.done, total: p.total })}</li>)}
      </ul>
      <button type="button" className="button" onClick={() => downloadExport(downtimeId).then(() => setExportFailed(false), () => setExportFailed(true))}>{t('recovery.export')}</button>
      {exportFailed && <Notice kind="error">{t('recovery.exportFailed')}</Notice>}
      <fieldset className="work-filters">
        <legend>{t('recovery.filters')}</legend>
        <label className="field field--inline">
          <span className="field-label">{t('recovery.filter.unit')}</span>
          <select value={filter.unit ?? ''} onChange={(e) => set({ unit: e.target.value })}>
            <option value="">{t('recovery.filter.all')}</option>
            {[...byUnit.keys()].map((u) => <option key={u} value={u}>{u}</option>)}
          </select>
        </label>
        <label className="field field--inline">
          <span className="field-label">{t('recovery.filter.category')}</span>
          <select value={filter.category ?? ''} onChange={(e) => set({ category: e.target.value as WorkCategory })}>
            <option value="">{t('recovery.filter.all')}</option>
            {WORK_CATEGORIES.map((c) => <option key={c} value={c}>{t(`recovery.category.${c}`)}</option>)}
          </select>
        </label>
        <label className="field field--inline">
          <span className="field-label">{t('recovery.filter.status')}</span>
          <select value={filter.status ?? ''} onChange={(e) => set({ status: e.target.value as BackEntryStatus })}>
            <option value="">{t('recovery.filter.all')}</option>
            {STATUSES.map((s) => <option key={s} value={s}>{t(`recovery.status.${s}`)}</option>)}
          </select>
        </label>
      </fieldset>
      {shown.length === 0 ? <Notice kind="info" live={false}>{t('recovery.empty')}</Notice> : (
        <table className="work-table">
          <thead><tr>{(['what', 'patient', 'author', 'status', 'actions'] as const).map((c) => <th key={c}>{t(`recovery.columns.${c}`)}</th>)}</tr></thead>
          <tbody>
            {shown.map((item) => (
              <WorkRow key={item.doc.docId} item={item} patient={item.patientId ? view.patients.get(item.patientId) : undefined}
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
      {episodes.length === 0 ? <Notice kind="info" live={false}>{t('recovery.noEpisode')}</Notice> : <EpisodePicker episodes={episodes} current={downtimeId} />}
      {downtimeId && <Worklist key={downtimeId} downtimeId={downtimeId} />}
    </section>
  );
}
