// The episode's FHIR export: downloaded as a file, or sent to the main record by the server
// (when RELEVE_FHIR_EXPORT_URL is set). The main record's answer is said here and recorded in
// the list: each document it took is marked ressaisi with its location there.
import { useState } from 'react';
import { useTranslation } from '../../i18n';
import { downloadExport, sendExportToMainRecord, SendExportError, type SentExport, type SendFailure } from '../../data';
import { useFormat } from '../../i18n';
import { Notice } from '../../ui/Notice';

type Outcome = { kind: 'none' } | { kind: 'busy' } | { kind: 'sent'; answer: SentExport } | { kind: 'failed'; reason: SendFailure | 'download'; details: string };

export function ExportActions({ downtimeId }: { downtimeId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const download = () => downloadExport(downtimeId).then(() => setOutcome({ kind: 'none' }), (err: unknown) => setOutcome({ kind: 'failed', reason: 'download', details: String(err) }));
  const send = async () => {
    setOutcome({ kind: 'busy' });
    try {
      setOutcome({ kind: 'sent', answer: await sendExportToMainRecord(downtimeId) });
    } catch (err) {
      setOutcome({ kind: 'failed', reason: err instanceof SendExportError ? err.reason : 'offline', details: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <div className="export-actions">
      <div className="button-row">
        <button type="button" className="button" onClick={() => void download()}>{t('recovery.export')}</button>
        <button type="button" className="button" disabled={outcome.kind === 'busy'} onClick={() => void send()}>{t('recovery.send.button')}</button>
      </div>
      {outcome.kind === 'busy' && <Notice kind="info">{t('recovery.send.busy')}</Notice>}
      {outcome.kind === 'failed' && <Notice kind="error">{t(`recovery.send.failed.${outcome.reason}`)} ({outcome.details})</Notice>}
      {outcome.kind === 'sent' && (
        <Notice kind={outcome.answer.ok ? 'success' : 'error'}>
          {outcome.answer.ok
            ? t('recovery.send.done', { url: outcome.answer.url, at: f.dateTime(outcome.answer.sentAt), count: outcome.answer.documents.length, marked: outcome.answer.marked })
            : t('recovery.send.refused', { url: outcome.answer.url, outcome: outcome.answer.outcome })}
        </Notice>
      )}
    </div>
  );
}
