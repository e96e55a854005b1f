// Marking one worklist line: ressaisi with the main record's reference, sans objet with a reason,
// or back to à ressaisir. Each is a typed addendum: two people marking at once never conflict.
import { useState } from 'react';
import { useTranslation } from '../../i18n';
import type { DocState } from '../../../domain/project';
import type { BackEntryStatus } from '../../../domain/recovery/back-entry';
import { markBackEntry } from '../../data';

export function MarkForm({ doc, status }: { doc: DocState; status: BackEntryStatus }) {
  const { t } = useTranslation();
  const [reference, setReference] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const mark = async (next: BackEntryStatus) => {
    setBusy(true);
    try {
      await markBackEntry(doc, next, { reference, reason });
      setReference('');
      setReason('');
    } finally {
      setBusy(false);
    }
  };
  if (status !== 'todo') {
    return <button type="button" className="button" disabled={busy} onClick={() => void mark('todo')}>{t('recovery.markTodo')}</button>;
  }
  return (
    <div className="mark-form">
      <label className="field field--inline">
        <span className="field-label">{t('recovery.reference')}</span>
        <input className="input" value={reference} onChange={(e) => setReference(e.target.value)} maxLength={200} />
      </label>
      <button type="button" className="button button--primary" disabled={busy || reference.trim() === ''} onClick={() => void mark('done')}>
        {t('recovery.markDone')}
      </button>
      <label className="field field--inline">
        <span className="field-label">{t('recovery.reason')}</span>
        <input className="input" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} />
      </label>
      <button type="button" className="button" disabled={busy || reason.trim() === ''} onClick={() => void mark('not-needed')}>
        {t('recovery.markNotNeeded')}
      </button>
    </div>
  );
}
