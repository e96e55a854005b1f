// Fills a form: new, amend, resolve or admission alike. It starts from a saved draft when there
// is one (and says so), autosaves every change on the tablet, checks the form with the engine
// before saving, shows each problem next to its field, and removes the draft only once the form
// itself is committed on the device.
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type FormProblem, type FormValues, type Questionnaire } from '../../../domain/questionnaire';
import { useDraft } from '../../data';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { useWriteAction } from '../../ui/useWriteAction';
import { useAutosavedDraft } from '../editing/useAutosavedDraft';
import { FormRenderer } from './FormRenderer';
import { groupProblems, problemText } from './problem-text';
import { useFormsEngine, type FormsEngineState } from './useFormsEngine';

/** What a form draft remembers: the typed values, and which versions an amend started from. */
export interface FormDraft {
  values: FormValues;
  baseHeads?: string[];
}

interface Props {
  title: string;
  template: Questionnaire;
  draftKey: string;
  initial: FormValues;
  baseHeads?: string[];
  /** %patient and the like, for initialExpression values of a new form. */
  launch?: Record<string, unknown>;
  saveLabel?: string;
  children?: ReactNode;
  warning?: (baseHeads: string[] | undefined) => ReactNode;
  onSave: (values: FormValues, baseHeads: string[] | undefined) => Promise<void>;
  onDone: (outcome: 'saved' | 'discarded') => void;
}

export function FormEditor(props: Props) {
  const draft = useDraft<FormDraft>(props.draftKey);
  const engine = useFormsEngine(props.template);
  if (!draft.loaded || !engine.ready) return <Loading />;
  return <Editor key={props.draftKey} {...props} restored={draft.value} engine={engine} />;
}

type EditorProps = Props & { restored: FormDraft | undefined; engine: FormsEngineState };

function Editor({ title, template, draftKey, initial, baseHeads, launch, saveLabel, children, warning, onSave, onDone, restored, engine }: EditorProps) {
  const { t } = useTranslation();
  const [wasRestored] = useState(() => restored !== undefined);
  // Calculated items are filled from the start, and initialExpression values on a fresh form.
  const [values, setValues] = useState<FormValues>(() => (restored ? engine.recompute(restored.values) : engine.start(initial, launch)));
  const [heads] = useState<string[] | undefined>(() => restored?.baseHeads ?? baseHeads);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [touched, setTouched] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const autosave = useAutosavedDraft(draftKey);
  const save = useWriteAction();
  const formRef = useRef<HTMLFormElement>(null);

  function change(typed: FormValues) {
    // Every change recomputes the calculated items (scores, BMI): they are read-only on screen.
    const next = engine.recompute(typed);
    setValues(next);
    setTouched(true);
    // Once shown, errors follow the typing, so a fixed field loses its message at once.
    if (problems.length > 0) setProblems(engine.check(next));
    autosave.schedule({ values: next, ...(heads ? { baseHeads: heads } : {}) } satisfies FormDraft);
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const found = engine.check(values);
    setProblems(found);
    if (found.length > 0) {
      setTimeout(() => {
        const first = formRef.current?.querySelector('.field--invalid, .form-group .field-error');
        first?.scrollIntoView({ block: 'center' });
        first?.querySelector<HTMLElement>('input, textarea, button')?.focus({ preventScroll: true });
      }, 0);
      return;
    }
    if (!(await save.run(() => onSave(values, heads)))) return;
    await autosave.finish().catch((err: unknown) => console.error('draft not cleared', err));
    onDone('saved');
  }

  async function discard() {
    setConfirmDiscard(false);
    await autosave.finish();
    onDone('discarded');
  }

  const untouched = !wasRestored && !touched;
  return (
    <form className="form-editor" ref={formRef} onSubmit={submit} noValidate aria-label={title}>
      <h2 className="form-editor-title">{title}</h2>
      <p className="form-editor-version">{t('forms.templateVersion', { version: template.version })}</p>
      {wasRestored && <Notice kind="info">{t('forms.draftRestored')}</Notice>}
      {warning?.(heads)}
      {children}
      <fieldset className="form-editor-fields" disabled={save.busy}>
        <legend className="visually-hidden">{title}</legend>
        <FormRenderer template={template} values={values} problems={groupProblems(problems)} onChange={change} engine={engine.engine} />
      </fieldset>
      {problems.length > 0 && (
        <Notice kind="error">
          {problems.some((p) => p.key !== '') && t('forms.problemsSummary', { count: problems.filter((p) => p.key !== '').length })}{' '}
          {problems.filter((p) => p.key === '').map((p) => problemText(p, t)).join(' ')}
        </Notice>
      )}
      {save.error && <Notice kind="error">{save.error}</Notice>}
      <div className="form-editor-footer">
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={save.busy}>
            {save.busy ? t('forms.saving') : (saveLabel ?? t('forms.save'))}
          </button>
          <button type="button" className="button" disabled={save.busy} onClick={() => (untouched ? void discard() : setConfirmDiscard(true))}>
            {untouched ? t('forms.close') : t('forms.discard')}
          </button>
        </div>
        <p className="draft-state" aria-live="polite">
          {autosave.state === 'saving' ? t('forms.draftSaving') : autosave.state === 'saved' ? t('forms.draftSaved') : autosave.state === 'failed' ? t('forms.draftFailed', { message: autosave.error ?? '' }) : ''}
        </p>
      </div>
      <ConfirmDialog
        open={confirmDiscard}
        title={t('forms.discardConfirmTitle')}
        confirmLabel={t('forms.discardConfirm')}
        cancelLabel={t('forms.keepEditing')}
        danger
        onConfirm={() => void discard()}
        onCancel={() => setConfirmDiscard(false)}
      >
        <p>{t('forms.discardConfirmBody')}</p>
      </ConfirmDialog>
    </form>
  );
}
