// A running checklist (or call tree): one big tick per step, who ticked it and when, and every
// tick kept under the step. Several tablets can tick the same run: ticks never conflict.
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { StepState } from '../../../domain/downtime/checklist-progress';
import { tickStep, useChecklistRun, useContacts, useUnits, type ChecklistRunView, type ContactView } from '../../data';
import { useDeclareWard } from '../ward/current-ward';
import { CheckIcon } from '../../ui/icons';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { Timestamp } from '../../ui/Timestamp';
import { usePageTitle } from '../../ui/usePageTitle';
import { useWriteAction } from '../../ui/useWriteAction';
import { unitOfScope } from '../../../domain/scope';
import { PhoneLinks } from '../directory/PhoneLinks';
import { ProgressBar, useProgressLabel } from './ChecklistRunList';

function TickLine({ tick, call }: { tick: StepState['ticks'][number]; call: boolean }) {
  const { t } = useTranslation();
  const done = (tick.body as { done?: boolean }).done === true;
  const who = { name: tick.author.name };
  return (
    <li>
      {done ? t(call ? 'checklist.reachedBy' : 'checklist.doneBy', who) : t('checklist.undoneBy', who)}, <Timestamp iso={tick.createdAt} />
    </li>
  );
}

function Step({ run, index, text, state, contact }: { run: ChecklistRunView; index: number; text: string; state: StepState; contact?: ContactView | undefined }) {
  const { t } = useTranslation();
  const { run: write, busy, error } = useWriteAction();
  const isCall = run.body.source === 'calltree';
  const doneWord = isCall ? t('checklist.reached') : t('checklist.done');
  return (
    <li className={state.done ? 'run-step run-step--done' : 'run-step'}>
      <button type="button" role="checkbox" aria-checked={state.done} className="run-step-tick" disabled={busy}
        onClick={() => void write(() => tickStep(run.doc, index, !state.done))}>
        <span className="run-step-box" aria-hidden="true">{state.done && <CheckIcon />}</span>
        <span className="run-step-text">
          <span className="visually-hidden">{t('checklist.step', { n: index + 1 })} </span>
          {text}
        </span>
        <span className="run-step-state">{state.done ? doneWord : isCall ? t('checklist.notReached') : t('checklist.todo')}</span>
      </button>
      {contact && <PhoneLinks phones={contact.body.phones} compact />}
      {state.ticks.length > 0 && (
        <ul className="run-step-ticks">{state.ticks.map((tk) => <TickLine key={tk.entryId} tick={tk} call={isCall} />)}</ul>
      )}
      {error && <Notice kind="error">{error}</Notice>}
    </li>
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
      <div className="run-progress" aria-live="polite">
        <ProgressBar done={done} total={total} label={progressLabel(run)} />
        {run.pending > 0 && <span className="badge badge--pending">{t('checklist.pending', { count: run.pending })}</span>}
      </div>
      <ol className="run-steps">
        {b.steps.map((s, i) => (
          <Step key={i} run={run} index={i} text={s.text} state={run.progress.steps[i]!} contact={s.contactId ? byId.get(s.contactId) : undefined} />
        ))}
      </ol>
    </section>
  );
}
