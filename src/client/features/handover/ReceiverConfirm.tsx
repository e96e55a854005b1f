// The receiving nurse confirms a handover in her own words. The author cannot: the point is that
// a second person has understood it. Autosaved like any draft.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocState } from '../../../domain/project';
import { confirmHandover, handoverAuthors, useSession } from '../../data';
import { TextArea } from '../../ui/fields';
import { Notice } from '../../ui/Notice';
import { confirmDraftKey } from '../forms/drafts';
import { useDraftedEditor } from '../editing/useDraftedEditor';
import { WithDraft } from '../editing/WithDraft';

interface Props {
  doc: DocState;
  onDone: (outcome: 'saved' | 'discarded') => void;
}

export function ReceiverConfirm(props: Props) {
  return (
    <WithDraft<{ synthesis: string }> draftKey={confirmDraftKey(props.doc.docId)}>
      {(restored) => <ConfirmForm {...props} restored={restored?.synthesis} />}
    </WithDraft>
  );
}

function ConfirmForm({ doc, onDone, restored }: Props & { restored: string | undefined }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const editor = useDraftedEditor<string>({
    draftKey: confirmDraftKey(doc.docId),
    restored: restored === undefined ? undefined : { value: restored },
    initial: '',
    toDraft: (synthesis) => ({ synthesis }),
    onDone,
  });
  const { value: text, save } = editor;
  const [error, setError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const isAuthor = !!user && handoverAuthors(doc).has(user.id);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) {
      setError(t('handover.synthesisRequired'));
      formRef.current?.querySelector('textarea')?.focus();
      return;
    }
    await editor.commit((typed) => confirmHandover(doc, typed.trim()));
  }

  if (isAuthor) return <Notice kind="warning">{t('handover.ownHandover')}</Notice>;
  return (
    <form ref={formRef} className="inline-form receiver-form" onSubmit={submit} noValidate aria-label={t('handover.confirmTitle')}>
      <h3 className="inline-form-title">{t('handover.confirmTitle')}</h3>
      <fieldset disabled={save.busy}>
        <legend className="visually-hidden">{t('handover.confirmTitle')}</legend>
        <TextArea
          label={t('handover.synthesis')}
          hint={t('handover.synthesisHint')}
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
          {save.busy ? t('forms.saving') : t('handover.confirmSave')}
        </button>
        <button type="button" className="button" disabled={save.busy} onClick={() => void editor.discard()}>
          {t('confirm.cancel')}
        </button>
      </div>
    </form>
  );
}
