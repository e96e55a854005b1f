// Fills a form: new, amend, resolve or admission alike. It starts from a saved draft when there
// is one (and says so), autosaves every change on the tablet, checks the form with the engine
// before saving, shows each problem next to its field, and removes the draft only once the form
// itself is committed on the device.
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from '../../i18n';
import { indexItems, itemText, type Env, type FormProblem, type FormValues, type Questionnaire } from '../../../domain/questionnaire';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import type { DraftState } from '../editing/useAutosavedDraft';
import { useDraftedEditor } from '../editing/useDraftedEditor';
import { WithDraft } from '../editing/WithDraft';
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
  /** %patient and the like, for every expression of the form (patientEnv). */
  launch?: Env;
  /** A new form: initialExpression values are filled in from the launch variables. */
  fresh?: boolean;
  saveLabel?: string;
  children?: ReactNode;
  warning?: (baseHeads: string[] | undefined) => ReactNode;
  onSave: (values: FormValues, baseHeads: string[] | undefined) => Promise<void>;
  onDone: (outcome: 'saved' | 'discarded') => void;
}

export function FormEditor(props: Props) {
  const engine = useFormsEngine(props.template, props.launch);
  if (!engine.ready) return <Loading />;
  return <WithDraft<FormDraft> draftKey={props.draftKey}>{(restored) => <Editor {...props} restored={restored} engine={engine} />}</WithDraft>;
}

type EditorProps = Props & { restored: FormDraft | undefined; engine: FormsEngineState };

function Editor({ title, template, draftKey, initial, baseHeads, launch, fresh, saveLabel, children, warning, onSave, onDone, restored, engine }: EditorProps) {
  const { t } = useTranslation();
  // Calculated items are filled from the start, and initialExpression values on a fresh form.
  const [start] = useState(() => (restored ? engine.recompute(restored.values) : engine.start(initial, fresh === true)));
  const editor = useDraftedEditor<FormValues>({
    draftKey,
    restored: restored && { value: start, baseHeads: restored.baseHeads },
    initial: start,
    baseHeads,
    toDraft: (values, heads) => ({ values, ...(heads ? { baseHeads: heads } : {}) }) satisfies FormDraft,
    onDone,
  });
  const { value: values, heads, save } = editor;
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  function change(typed: FormValues) {
    // Every change recomputes the calculated items (scores, BMI): they are read-only on screen.
    const next = engine.recompute(typed);
    // Once shown, errors follow the typing, so a fixed field loses its message at once.
    if (problems.length > 0) setProblems(engine.check(next));
    editor.change(next);
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const found = engine.check(values);
    setProblems(found);
    if (found.length > 0) {
      setTimeout(() => focusFirstProblem(formRef.current), 0);
      return;
    }
    await editor.commit(onSave);
  }

  async function discard() {
    setConfirmDiscard(false);
    await editor.discard();
  }

  const untouched = !editor.wasRestored && !editor.touched;
  return (
    <form className="form-editor" ref={formRef} onSubmit={submit} noValidate aria-label={title}>
      <h2 className="form-editor-title">{title}</h2>
      <p className="form-editor-version">{t('forms.templateVersion', { version: template.version })}</p>
      {editor.wasRestored && <Notice kind="info">{t('forms.draftRestored')}</Notice>}
      {warning?.(heads)}
      {children}
      <fieldset className="form-editor-fields" disabled={save.busy}>
        <legend className="visually-hidden">{title}</legend>
        <FormRenderer template={template} values={values} problems={groupProblems(problems)} onChange={change} engine={engine.engine} launch={launch} />
      </fieldset>
      <FormNotices template={template} warnings={engine.warnings(values)} problems={problems} />
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
        <FormDraftState state={editor.autosave.state} error={editor.autosave.error} />
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

/** Scrolls to the first field with a problem and puts the cursor in it. */
function focusFirstProblem(form: HTMLFormElement | null) {
  const first = form?.querySelector('.field--invalid, .form-group .field-error');
  first?.scrollIntoView({ block: 'center' });
  first?.querySelector<HTMLElement>('input, textarea, button')?.focus({ preventScroll: true });
}

function ProblemsSummary({ problems }: { problems: FormProblem[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  const onFields = problems.filter((p) => p.key !== '').length;
  return (
    <Notice kind="error">
      {onFields > 0 && t('forms.problemsSummary', { count: onFields })}{' '}
      {problems.filter((p) => p.key === '').map((p) => problemText(p, t)).join(' ')}
    </Notice>
  );
}

function FormNotices({ template, warnings, problems }: { template: Questionnaire; warnings: FormProblem[]; problems: FormProblem[] }) {
  return (
    <>
      <FormWarnings template={template} warnings={warnings} />
      <ProblemsSummary problems={problems} />
    </>
  );
}

/** Rules the form marks as warnings: said once, next to the save button, and never blocking. */
function FormWarnings({ template, warnings }: { template: Questionnaire; warnings: FormProblem[] }) {
  const { t, i18n } = useTranslation();
  if (warnings.length === 0) return null;
  const index = indexItems(template);
  return (
    <Notice kind="warning">
      {warnings.map((w) => {
        const item = index.get(w.linkId)?.item;
        return <span key={w.key} className="form-warning">{problemText(w, t, item ? itemText(item, i18n.language) : '')} </span>;
      })}
    </Notice>
  );
}

function FormDraftState({ state, error }: { state: DraftState; error: string | null }) {
  const { t } = useTranslation();
  return (
    <p className="draft-state" aria-live="polite">
      {state === 'saving' ? t('forms.draftSaving') : state === 'saved' ? t('forms.draftSaved') : state === 'failed' ? t('forms.draftFailed', { message: error ?? '' }) : ''}
    </p>
  );
}
