// The receiving nurse confirms a handover in her own words. The author cannot: the point is that
// a second person has understood it. Autosaved like any draft.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocState } from '../../../domain/project';
import { confirmHandover, handoverAuthors, useDraft, useSession } from '../../data';
import { TextArea } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { useWriteAction } from '../../ui/useWriteAction';
import { confirmDraftKey } from '../forms/drafts';
import { useAutosavedDraft } from '../editing/useAutosavedDraft';

interface Props {
  doc: DocState;
  onDone: (outcome: 'saved' | 'discarded') => void;
}

export function ReceiverConfirm(props: Props) {
  const draft = useDraft<{ synthesis: string }>(confirmDraftKey(props.doc.docId));
  if (!draft.loaded) return <Loading />;
  return <ConfirmForm {...props} restored={draft.value?.synthesis} />;
}

function ConfirmForm({ doc, onDone, restored }: Props & { restored: string | undefined }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [text, setText] = useState(restored ?? '');
  const [error, setError] = useState<string | null>(null);
  const autosave = useAutosavedDraft(confirmDraftKey(doc.docId));
  const save = useWriteAction();
  const formRef = useRef<HTMLFormElement>(null);
  const isAuthor = !!user && handoverAuthors(doc).has(user.id);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) {
      setError(t('handover.synthesisRequired'));
      formRef.current?.querySelector('textarea')?.focus();
      return;
    }
    if (!(await save.run(() => confirmHandover(doc, text.trim())))) return;
    await autosave.finish().catch((err: unknown) => console.error('draft not cleared', err));
    onDone('saved');
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
            setText(e.target.value);
            setError(null);
            autosave.schedule({ synthesis: e.target.value });
          }}
        />
      </fieldset>
      {save.error && <Notice kind="error">{save.error}</Notice>}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={save.busy}>
          {save.busy ? t('forms.saving') : t('handover.confirmSave')}
        </button>
        <button type="button" className="button" disabled={save.busy} onClick={() => void autosave.finish().then(() => onDone('discarded'))}>
          {t('confirm.cancel')}
        </button>
      </div>
    </form>
  );
}
