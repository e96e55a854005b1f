// Transcribing a paper sheet: who wrote it and when, as written on the paper. The entry's author
// is the person typing it in; these two travel in the form as the paper's own (domain/recovery/
// transcription.ts) and reach the main record in the export's Provenance.
import { useTranslation } from '../../i18n';
import type { Transcription } from '../../../domain/recovery/transcription';
import { TextField } from '../../ui/fields';

export interface PaperDraft {
  author: string;
  /** As a datetime-local input gives it: the tablet's local time, no zone. */
  time: string;
}

/** The transcription to save, or a reason it cannot be saved yet. */
export function paperOf(draft: PaperDraft, sheet: string): Transcription | null {
  const at = new Date(draft.time);
  if (draft.author.trim() === '' || draft.time === '' || Number.isNaN(at.getTime())) return null;
  return { paperAuthor: draft.author.trim(), paperTime: at.toISOString(), sheet };
}

export function PaperFields({ draft, onChange, showErrors }: { draft: PaperDraft; onChange: (d: PaperDraft) => void; showErrors: boolean }) {
  const { t } = useTranslation();
  return (
    <fieldset className="paper-fields">
      <legend>{t('recovery.scan.paperLegend')}</legend>
      <p className="field-hint">{t('recovery.scan.paperHint')}</p>
      <TextField label={t('recovery.scan.paperAuthor')} value={draft.author} maxLength={200}
        error={showErrors && draft.author.trim() === '' ? t('recovery.scan.paperAuthorMissing') : null}
        onChange={(e) => onChange({ ...draft, author: e.target.value })} />
      <TextField label={t('recovery.scan.paperTime')} type="datetime-local" value={draft.time}
        error={showErrors && draft.time === '' ? t('recovery.scan.paperTimeMissing') : null}
        onChange={(e) => onChange({ ...draft, time: e.target.value })} />
    </fieldset>
  );
}
