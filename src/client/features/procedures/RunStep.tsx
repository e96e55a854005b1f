// One step of a running checklist or call tree. Guidance steps are shown in their place with
// their number and never ticked; a life-saving step is red here as in the box at the top.
// Unticking asks first: a stray touch while scrolling must never silently reopen a step.
// A call records how it went: reached, no answer at hh:mm, or to call back.
import { useState } from 'react';
import { useAuthorName } from '../../ui/author-name';
import { useTranslation } from '../../i18n';
import type { StepState } from '../../../domain/downtime/checklist-progress';
import type { CallOutcome, ChecklistStep } from '../../../domain/schemas/checklist';
import { tickStep, type ChecklistRunView, type ContactView } from '../../data';
import { useFormat } from '../../i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { CheckIcon } from '../../ui/icons';
import { Notice } from '../../ui/Notice';
import { Timestamp } from '../../ui/Timestamp';
import { useWriteAction } from '../../ui/useWriteAction';
import { PhoneLinks } from '../directory/PhoneLinks';

type Tick = StepState['ticks'][number];

function tickWords(tick: Tick, call: boolean) {
  const b = tick.body as { done?: boolean; outcome?: CallOutcome };
  if (b.outcome === 'no-answer') return 'checklist.noAnswerBy' as const;
  if (b.outcome === 'call-back') return 'checklist.callBackBy' as const;
  if (b.done === true) return call ? ('checklist.reachedBy' as const) : ('checklist.doneBy' as const);
  return 'checklist.undoneBy' as const;
}

function TickLine({ tick, call }: { tick: Tick; call: boolean }) {
  const { t } = useTranslation();
  const nameOf = useAuthorName();
  return (
    <li>
      {t(tickWords(tick, call), { name: nameOf(tick.author) })}, <Timestamp iso={tick.createdAt} />
    </li>
  );
}

/** What the step's state says, in words (not colour alone). */
export function useStepStateLabel() {
  const { t } = useTranslation();
  const f = useFormat();
  return (state: StepState, call: boolean): string => {
    if (state.done) return call ? t('checklist.reached') : t('checklist.done');
    if (call && state.outcome === 'no-answer' && state.last) return t('checklist.noAnswerAt', { time: f.time(state.last.createdAt) });
    if (call && state.outcome === 'call-back') return t('checklist.callBack');
    return call ? t('checklist.notReached') : t('checklist.todo');
  };
}

interface Props {
  run: ChecklistRunView;
  index: number;
  step: ChecklistStep;
  state: StepState;
  contact?: ContactView | undefined;
}

export function RunStep({ run, index, step, state, contact }: Props) {
  const { t } = useTranslation();
  const stateLabel = useStepStateLabel();
  const { run: write, busy, error } = useWriteAction();
  const [confirmUntick, setConfirmUntick] = useState(false);
  const isCall = run.body.source === 'calltree';
  const record = (done: boolean, outcome?: CallOutcome) => void write(() => tickStep(run.doc, index, done, outcome));
  const phones = contact?.body.phones ?? step.phones;

  if (state.info) {
    return (
      <li className={step.safety ? 'run-step run-step--info run-step--safety' : 'run-step run-step--info'}>
        <p className="run-step-guidance">
          <span className="run-step-number">{index + 1}.</span>
          <span className="run-step-text">{step.text}</span>
          <span className="tag">{t('checklist.guidance')}</span>
        </p>
        {phones && phones.length > 0 && <PhoneLinks phones={phones} compact />}
      </li>
    );
  }
  return (
    <li className={state.done ? 'run-step run-step--done' : 'run-step'}>
      <button type="button" role="checkbox" aria-checked={state.done} className="run-step-tick" disabled={busy}
        onClick={() => (state.done ? setConfirmUntick(true) : record(true, isCall ? 'reached' : undefined))}>
        <span className="run-step-box" aria-hidden="true">{state.done && <CheckIcon />}</span>
        <span className="run-step-text">
          <span className="run-step-number">{index + 1}.</span> {step.text}
        </span>
        <span className="run-step-state">{stateLabel(state, isCall)}</span>
      </button>
      {isCall && !state.done && (
        <div className="button-row run-step-calls">
          <button type="button" className="button" disabled={busy} onClick={() => record(false, 'no-answer')}>{t('checklist.noAnswer')}</button>
          <button type="button" className="button" disabled={busy} onClick={() => record(false, 'call-back')}>{t('checklist.callBack')}</button>
        </div>
      )}
      {phones && phones.length > 0 && <PhoneLinks phones={phones} compact />}
      {state.ticks.length > 0 && (
        <ul className="run-step-ticks">{state.ticks.map((tk) => <TickLine key={tk.entryId} tick={tk} call={isCall} />)}</ul>
      )}
      {error && <Notice kind="error">{error}</Notice>}
      <ConfirmDialog open={confirmUntick} title={t('checklist.untickTitle', { n: index + 1 })}
        confirmLabel={t('checklist.untickConfirm')} cancelLabel={t('checklist.untickKeep')}
        onConfirm={() => { setConfirmUntick(false); record(false); }} onCancel={() => setConfirmUntick(false)}>
        <p>{step.text}</p>
      </ConfirmDialog>
    </li>
  );
}
