// The ward's running checklists and call trees, each with how far it has got: the charge
// nurse's view of "who is doing what" during the outage.
import { useTranslation } from '../../i18n';
import { Link } from '../../ui/router';
import { useChecklistRuns, type ChecklistRunView } from '../../data';
import { ChevronIcon } from '../../ui/icons';
import { Loading } from '../../ui/Loading';
import { Timestamp } from '../../ui/Timestamp';

export function ProgressBar({ done, total, label }: { done: number; total: number; label: string }) {
  return (
    <span className="progress">
      <progress className="progress-bar" max={total} value={done} aria-label={label} />
      <span className="progress-text">{label}</span>
    </span>
  );
}

/** "3 of 6 steps done"; a call tree counts contacts reached. */
export function useProgressLabel(): (run: ChecklistRunView) => string {
  const { t } = useTranslation();
  return (run) => {
    const { done, total, complete } = run.progress;
    if (complete) return t('checklist.complete');
    return run.body.source === 'calltree' ? t('checklist.progressCalls', { done, total }) : t('checklist.progress', { done, total });
  };
}

export function RunSummary({ run }: { run: ChecklistRunView }) {
  const { t } = useTranslation();
  const { done, total, complete } = run.progress;
  const label = useProgressLabel()(run);
  return (
    <Link to={`/checklists/${run.doc.docId}`} className={`card-link run-card${complete ? ' run-card--complete' : ''}`}>
      <span className="run-card-main">
        <span className="run-card-title">
          <span className="tag">{run.body.source === 'calltree' ? t('checklist.callTree') : t('checklist.procedure')}</span> {run.body.title}
        </span>
        <ProgressBar done={done} total={total} label={label} />
        <span className="byline">
          {t('checklist.startedBy', { name: run.startedBy })}, <Timestamp iso={run.startedAt} />
          {run.pending > 0 && <> · <span className="badge badge--pending">{t('checklist.pending', { count: run.pending })}</span></>}
        </span>
      </span>
      <ChevronIcon className="card-chevron" />
    </Link>
  );
}

export function ChecklistRunList({ unitCode }: { unitCode: string }) {
  const { t } = useTranslation();
  const runs = useChecklistRuns(unitCode);
  if (runs === undefined) return <Loading />;
  if (runs.length === 0) return <p className="empty">{t('checklist.none')}</p>;
  return (
    <ul className="card-list">
      {runs.map((r) => (
        <li key={r.doc.docId}>
          <RunSummary run={r} />
        </li>
      ))}
    </ul>
  );
}
