// "Entered in error": the note stays, struck through, with a reason. Asked twice, because it
// cannot be undone.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n';
import type { DocState } from '../../../domain/project';
import { retractNote } from '../../data';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { focusFirstInvalid, TextArea } from '../../ui/fields';
import { Notice } from '../../ui/Notice';
import { useWriteAction } from '../../ui/useWriteAction';

interface Props {
  doc: DocState;
  onDone: (outcome: 'saved' | 'discarded') => void;
  /** What is taken back, when not the whole document (one row of a flowsheet). */
  onRetract?: (reason: string) => Promise<void>;
}

export function RetractForm({ doc, onDone, onRetract }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const save = useWriteAction();
  const formRef = useRef<HTMLFormElement>(null);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim()) {
      setError(t('retract.required'));
      return focusFirstInvalid(formRef.current);
    }
    setConfirming(true);
  }

  async function confirm() {
    setConfirming(false);
    const why = reason.trim();
    if (await save.run(() => (onRetract ? onRetract(why) : retractNote(doc, why)))) onDone('saved');
  }

  return (
    <form ref={formRef} className="inline-form inline-form--danger" onSubmit={submit} noValidate aria-label={t('retract.title')}>
      <h4 className="inline-form-title">{t('retract.title')}</h4>
      <fieldset disabled={save.busy}>
        <legend className="visually-hidden">{t('retract.title')}</legend>
        <TextArea
          label={t('retract.reason')}
          hint={t('retract.hint')}
          error={error}
          value={reason}
          maxLength={1000}
          rows={2}
          required
          onChange={(e) => {
            setReason(e.target.value);
            setError(null);
          }}
        />
      </fieldset>
      {save.error && <Notice kind="error">{save.error}</Notice>}
      <div className="button-row">
        <button type="submit" className="button button--danger" disabled={save.busy}>
          {save.busy ? t('noteForm.saving') : t('retract.submit')}
        </button>
        <button type="button" className="button" disabled={save.busy} onClick={() => onDone('discarded')}>
          {t('retract.cancel')}
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('retract.confirmTitle')}
        confirmLabel={t('retract.confirm')}
        cancelLabel={t('retract.back')}
        danger
        onConfirm={() => void confirm()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('retract.confirmBody', { reason: reason.trim() })}</p>
      </ConfirmDialog>
    </form>
  );
}
