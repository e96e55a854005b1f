// An addendum: a note added under a note, which stays as written. Autosaved like a note.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocState } from '../../../domain/project';
import { addAddendum } from '../../data';
import { focusFirstInvalid, TextArea } from '../../ui/fields';
import { Notice } from '../../ui/Notice';
import { useDraftedEditor } from './useDraftedEditor';
import { WithDraft } from './WithDraft';

export const addendumDraftKey = (docId: string) => `note:addendum:${docId}`;

interface Props {
  doc: DocState;
  onDone: (outcome: 'saved' | 'discarded') => void;
}

export function AddendumForm(props: Props) {
  return (
    <WithDraft<{ text: string }> draftKey={addendumDraftKey(props.doc.docId)}>
      {(restored) => <Form {...props} restored={restored?.text} />}
    </WithDraft>
  );
}

function Form({ doc, onDone, restored }: Props & { restored: string | undefined }) {
  const { t } = useTranslation();
  const editor = useDraftedEditor<string>({
    draftKey: addendumDraftKey(doc.docId),
    restored: restored === undefined ? undefined : { value: restored },
    initial: '',
    toDraft: (text) => ({ text }),
    onDone,
  });
  const { value: text, save } = editor;
  const [error, setError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) {
      setError(t('addendum.required'));
      return focusFirstInvalid(formRef.current);
    }
    await editor.commit((typed) => addAddendum(doc, typed.trim()));
  }

  return (
    <form ref={formRef} className="inline-form" onSubmit={submit} noValidate aria-label={t('addendum.title')}>
      <h4 className="inline-form-title">{t('addendum.title')}</h4>
      {editor.wasRestored && <Notice kind="info">{t('noteForm.draftRestored')}</Notice>}
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
            setError(null);
            editor.change(e.target.value);
          }}
        />
      </fieldset>
      {save.error && <Notice kind="error">{save.error}</Notice>}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={save.busy}>
          {save.busy ? t('noteForm.saving') : t('addendum.save')}
        </button>
        <button type="button" className="button" disabled={save.busy} onClick={() => void editor.discard()}>
          {t('addendum.cancel')}
        </button>
      </div>
    </form>
  );
}
