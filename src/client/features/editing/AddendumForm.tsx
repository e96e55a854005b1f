// An addendum: a note added under a note, which stays as written. Autosaved like a note.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocState } from '../../../domain/project';
import { addAddendum, useDraft } from '../../data';
import { focusFirstInvalid, TextArea } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { useWriteAction } from '../../ui/useWriteAction';
import { useAutosavedDraft } from './useAutosavedDraft';

export const addendumDraftKey = (docId: string) => `note:addendum:${docId}`;

interface Props {
  doc: DocState;
  onDone: (outcome: 'saved' | 'discarded') => void;
}

export function AddendumForm(props: Props) {
  const draft = useDraft<{ text: string }>(addendumDraftKey(props.doc.docId));
  if (!draft.loaded) return <Loading />;
  return <Form {...props} restored={draft.value?.text} />;
}

function Form({ doc, onDone, restored }: Props & { restored: string | undefined }) {
  const { t } = useTranslation();
  const [wasRestored] = useState(() => restored !== undefined);
  const [text, setText] = useState(restored ?? '');
  const [error, setError] = useState<string | null>(null);
  const autosave = useAutosavedDraft(addendumDraftKey(doc.docId));
  const save = useWriteAction();
  const formRef = useRef<HTMLFormElement>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) {
      setError(t('addendum.required'));
      return focusFirstInvalid(formRef.current);
    }
    if (!(await save.run(() => addAddendum(doc, text.trim())))) return;
    await autosave.finish().catch((err: unknown) => console.error('draft not cleared', err));
    onDone('saved');
  }

  async function cancel() {
    await autosave.finish();
    onDone('discarded');
  }

  return (
    <form ref={formRef} className="inline-form" onSubmit={submit} noValidate aria-label={t('addendum.title')}>
      <h4 className="inline-form-title">{t('addendum.title')}</h4>
      {wasRestored && <Notice kind="info">{t('noteForm.draftRestored')}</Notice>}
      <fieldset disabled={save.busy}>
        <legend className="visually-hidden">{t('addendum.title')}</legend>
        <TextArea
          label={t('addendum.text')}
          hint={t('addendum.hint')}
          error={error}
          value={text}
          maxLength={4000}
          rows={3}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
            autosave.schedule({ text: e.target.value });
          }}
        />
      </fieldset>
      {save.error && <Notice kind="error">{save.error}</Notice>}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={save.busy}>
          {save.busy ? t('noteForm.saving') : t('addendum.save')}
        </button>
        <button type="button" className="button" disabled={save.busy} onClick={() => void cancel()}>
          {t('addendum.cancel')}
        </button>
      </div>
    </form>
  );
}
