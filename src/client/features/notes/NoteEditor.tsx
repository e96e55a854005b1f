// The Cible / Données / Actions / Résultats form, shared by "new note", "amend" and "resolve".
// It starts from a saved draft when there is one (and says so), autosaves every change, and
// removes the draft only once the note itself is committed on the device.
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from '../../i18n';
import type { NoteBody } from '../../../domain/schemas';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { focusFirstInvalid, TextArea, TextField } from '../../ui/fields';
import { Notice } from '../../ui/Notice';
import { instantOfLocalInput, localInputValue } from '../../ui/local-time';
import { checkNote, MAX, NOTE_FIELDS, trimNote, type NoteDraft, type NoteErrors } from './note-body';
import { useDraftedEditor } from '../editing/useDraftedEditor';
import { WithDraft } from '../editing/WithDraft';

interface Props {
  title: string;
  draftKey: string;
  /** The text to start from when there is no draft. */
  initial: NoteBody;
  /** The versions the nurse is editing from, remembered in the draft (amend, resolve). */
  baseHeads?: string[];
  saveLabel?: string;
  /** The ward's frequent cibles, one tap each (a new note). */
  targets?: readonly string[] | undefined;
  /** Shown above the fields, e.g. the side-by-side versions of a conflict. */
  children?: ReactNode;
  /** Warn when the document moved on since these heads; receives the heads of the draft. */
  warning?: (baseHeads: string[] | undefined) => ReactNode;
  onSave: (body: NoteBody, baseHeads: string[] | undefined) => Promise<void>;
  onDone: (outcome: 'saved' | 'discarded') => void;
}

export function NoteEditor(props: Props) {
  return <WithDraft<NoteDraft> draftKey={props.draftKey}>{(restored) => <EditorForm {...props} restored={restored} />}</WithDraft>;
}

function EditorForm({ title, draftKey, initial, baseHeads, saveLabel, targets, children, warning, onSave, onDone, restored }: Props & { restored: NoteDraft | undefined }) {
  const { t } = useTranslation();
  const editor = useDraftedEditor<NoteBody>({
    draftKey,
    restored: restored && { value: restored.body, baseHeads: restored.baseHeads },
    initial,
    baseHeads,
    toDraft: (body, heads) => ({ body, ...(heads ? { baseHeads: heads } : {}) }) satisfies NoteDraft,
    onDone,
  });
  const { value: body, heads, save } = editor;
  const [errors, setErrors] = useState<NoteErrors>({});
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  function change(field: keyof NoteBody, value: string) {
    if (errors[field] || errors.body) setErrors({});
    editor.change({ ...body, [field]: value });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = checkNote(body, t);
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstInvalid(formRef.current);
    await editor.commit((b, h) => onSave(trimNote(b), h));
  }

  async function discard() {
    setConfirmDiscard(false);
    await editor.discard();
  }

  const untouched =
    !editor.wasRestored && NOTE_FIELDS.every((f) => body[f] === initial[f]) && body.target === initial.target && body.observedAt === initial.observedAt;

  return (
    <form className="note-editor" ref={formRef} onSubmit={submit} noValidate aria-label={title}>
      <h3 className="note-editor-title">{title}</h3>
      {editor.wasRestored && <Notice kind="info">{t('noteForm.draftRestored')}</Notice>}
      {warning?.(heads)}
      {children}
      <NoteFieldsEditor body={body} errors={errors} disabled={save.busy} legend={title} targets={targets} onChange={change} />
      {save.error && <Notice kind="error">{save.error}</Notice>}
      <div className="note-editor-footer">
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={save.busy}>
            {save.busy ? t('noteForm.saving') : (saveLabel ?? t('noteForm.save'))}
          </button>
          <button
            type="button"
            className="button"
            disabled={save.busy}
            onClick={() => (untouched ? void discard() : setConfirmDiscard(true))}
          >
            {untouched ? t('noteForm.close') : t('noteForm.discard')}
          </button>
        </div>
        <DraftState state={editor.autosave.state} error={editor.autosave.error} />
      </div>
      <ConfirmDialog
        open={confirmDiscard}
        title={t('noteForm.discardConfirmTitle')}
        confirmLabel={t('noteForm.discardConfirm')}
        cancelLabel={t('noteForm.keepEditing')}
        danger
        onConfirm={() => void discard()}
        onCancel={() => setConfirmDiscard(false)}
      >
        <p>{t('noteForm.discardConfirmBody')}</p>
      </ConfirmDialog>
    </form>
  );
}

interface FieldsProps {
  body: NoteBody;
  errors: NoteErrors;
  disabled: boolean;
  legend: string;
  targets?: readonly string[] | undefined;
  onChange: (field: keyof NoteBody, value: string) => void;
}

function NoteFieldsEditor({ body, errors, disabled, legend, targets, onChange }: FieldsProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="note-editor-fields" disabled={disabled}>
      <legend className="visually-hidden">{legend}</legend>
      {/* When it was seen or done, not when it is typed: during an outage notes are written late. */}
      <TextField
        label={t('noteForm.observedAt')}
        hint={t('noteForm.observedAtHint')}
        error={errors.observedAt}
        type="datetime-local"
        value={body.observedAt ? localInputValue(new Date(body.observedAt)) : ''}
        required
        onChange={(e) => onChange('observedAt', instantOfLocalInput(e.target.value))}
      />
      <TextField
        label={t('notes.target')}
        hint={t('notes.targetHint')}
        error={errors.target}
        value={body.target}
        maxLength={MAX.target}
        autoComplete="off"
        required
        onChange={(e) => onChange('target', e.target.value)}
      />
      {targets && targets.length > 0 && <TargetPicks targets={targets} chosen={body.target} onPick={(x) => onChange('target', x)} />}
      {errors.body && (
        <p className="field-error" role="alert">
          {errors.body}
        </p>
      )}
      {NOTE_FIELDS.map((f) => (
        <TextArea
          key={f}
          label={t(`notes.${f}`)}
          error={errors[f]}
          value={body[f]}
          maxLength={MAX[f]}
          rows={3}
          {...(errors.body ? { 'aria-invalid': true } : {})}
          onChange={(e) => onChange(f, e.target.value)}
        />
      ))}
    </fieldset>
  );
}

/** The ward's frequent cibles: one tap fills the Cible field, which stays free to type in. */
function TargetPicks({ targets, chosen, onPick }: { targets: readonly string[]; chosen: string; onPick: (target: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="target-picks" role="group" aria-label={t('noteForm.frequentTargets')}>
      {targets.map((x) => (
        <button key={x} type="button" className="button button--quiet target-pick" aria-pressed={chosen.trim() === x} onClick={() => onPick(x)}>
          {x}
        </button>
      ))}
    </div>
  );
}

function DraftState({ state, error }: { state: string; error: string | null }) {
  const { t } = useTranslation();
  if (state === 'failed')
    return (
      <p className="draft-state draft-state--failed" role="alert">
        {t('noteForm.draftFailed', { message: error ?? '' })}
      </p>
    );
  return (
    <p className="draft-state" aria-live="polite">
      {state === 'saving' ? t('noteForm.draftSaving') : state === 'saved' ? t('noteForm.draftSaved') : ''}
    </p>
  );
}
