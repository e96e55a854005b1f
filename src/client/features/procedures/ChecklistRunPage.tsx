// A running checklist (or call tree): one big tick per step, who ticked it and when, and every
// tick kept under the step. Several tablets can tick the same run: ticks never conflict.
import { useTranslation } from '../../i18n';
import { Link, useParams } from '../../ui/router';
import { useChecklistRun, useContacts, useUnits, type ChecklistRunView } from '../../data';
import { useDeclareWard } from '../ward/current-ward';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { Timestamp } from '../../ui/Timestamp';
import { usePageTitle } from '../../ui/usePageTitle';
import { unitOfScope } from '../../../domain/scope';
import { ProgressBar, useProgressLabel } from './ChecklistRunList';
import { RunStep, useStepStateLabel } from './RunStep';
import { SafetyBox } from './SafetyBox';

/** A call tree's calls not answered yet, and how each last went: who is still to reach. */
function StillToReach({ run }: { run: ChecklistRunView }) {
  const { t } = useTranslation();
  const stateLabel = useStepStateLabel();
  const open = run.body.steps.map((s, i) => ({ s, state: run.progress.steps[i]! })).filter(({ state }) => !state.done && !state.info);
  if (run.body.source !== 'calltree' || open.length === 0) return null;
  return (
    <section className="still-to-reach" aria-labelledby="still-to-reach">
      <h2 id="still-to-reach">{t('checklist.stillToReach', { count: open.length })}</h2>
      <ul>
        {open.map(({ s, state }, i) => <li key={i}>{s.text} — <strong>{stateLabel(state, true)}</strong></li>)}
      </ul>
    </section>
  );
}

export function ChecklistRunPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const run = useChecklistRun(id);
  const units = useUnits();
  const contacts = useContacts();
  const progressLabel = useProgressLabel();
  const unit = run ? unitOfScope(run.doc.scope) : null;
  useDeclareWard(units?.some((u) => u.code === unit) ? unit : null);
  usePageTitle(run ? run.body.title : t('checklist.title'));

  if (run === undefined || units === undefined) return <Loading />;
  if (run === null || !units.some((u) => u.code === unit))
    return (
      <section className="page">
        <Notice kind="error">{t('checklist.notFound')}</Notice>
        <Link to="/downtime" className="button">{t('checklist.back')}</Link>
      </section>
    );

  const { done, total } = run.progress;
  const b = run.body;
  const byId = new Map((contacts ?? []).map((c) => [c.docId, c]));
  const source = b.source === 'procedure' ? `/procedures/${b.procedureId}` : `/directory/call-trees/${b.callTreeId}`;
  return (
    <section className="page run-page">
      <p className="breadcrumb"><Link to="/downtime">{t('checklist.back')}</Link></p>
      <h1>{b.title}</h1>
      <p className="byline">
        {t('checklist.startedBy', { name: run.startedBy })}, <Timestamp iso={run.startedAt} /> · {t('checklist.ward', { unit })} ·{' '}
        <Link to={source}>{b.source === 'procedure' ? t('checklist.openProcedure') : t('checklist.openCallTree')}</Link>
      </p>
      <SafetyBox steps={b.steps} />
      <div className="run-progress" aria-live="polite">
        <ProgressBar done={done} total={total} label={progressLabel(run)} />
        {run.pending > 0 && <span className="badge badge--pending">{t('checklist.pending', { count: run.pending })}</span>}
      </div>
      <StillToReach run={run} />
      <ol className="run-steps">
        {b.steps.map((s, i) => (
          <RunStep key={i} run={run} index={i} step={s} state={run.progress.steps[i]!} contact={s.contactId ? byId.get(s.contactId) : undefined} />
        ))}
      </ol>
    </section>
  );
}
