// Beside the I-PASS in the handover round: the patient's latest nursing note and latest round of
// vitals, so the nurse taking over reads what happened last without leaving the round. The note
// is the one observed last and not entered in error (both versions while two tablets disagree);
// the vitals line is the one observed last on any of the patient's vitals sheets.
import { useTranslation } from '../../i18n';
import { Link } from '../../ui/router';
import { latestVitals } from '../../../domain/flowsheet/latest';
import { notesToPrint } from '../../../domain/print/notes-sheet';
import { useForms, useNotes, type FormView, type NoteView } from '../../data';
import { useFormat } from '../../i18n';
import { ConflictIcon } from '../../ui/icons';
import { Loading } from '../../ui/Loading';
import { tableLine } from '../forms/Flowsheet';
import { FlowsheetTable } from '../forms/FlowsheetTable';
import { NoteFields, VersionByline } from '../notes/NoteText';

export function RoundLatest({ patientId, patientPath }: { patientId: string; patientPath: string }) {
  const { t } = useTranslation();
  const notes = useNotes(patientId);
  const forms = useForms(patientId);
  return (
    <section className="round-latest" aria-label={t('handover.latest')}>
      {notes === undefined ? <Loading /> : <LatestNote notes={notes} />}
      {forms === undefined ? <Loading /> : <LatestVitals forms={forms} patientPath={patientPath} />}
    </section>
  );
}

function LatestNote({ notes }: { notes: readonly NoteView[] }) {
  const { t } = useTranslation();
  const note = notesToPrint(notes.map((v) => v.doc)).filter((n) => n.retraction === null).at(-1);
  return (
    <article className="round-latest-box round-latest-note" aria-labelledby="round-latest-note">
      <h2 id="round-latest-note" className="round-latest-title">{t('handover.latestNote')}</h2>
      {!note && <p className="muted">{t('handover.noNote')}</p>}
      {note && note.versions.length > 1 && (
        <p className="badge badge--conflict"><ConflictIcon /> {t('notes.conflicted', { count: note.versions.length })}</p>
      )}
      {note?.versions.map((v) => (
        <div key={v.by.entryId} className="round-latest-version">
          <h3 className="note-target">{v.body.target}</h3>
          <NoteFields body={v.body} writtenAt={note.created.createdAt} />
          <VersionByline version={v.by} />
        </div>
      ))}
    </article>
  );
}

function LatestVitals({ forms, patientPath }: { forms: readonly FormView[]; patientPath: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const latest = latestVitals(forms.map((view) => ({ doc: view.doc, response: view.response, template: view.template?.template ?? null })));
  return (
    <article className="round-latest-box round-latest-vitals" aria-labelledby="round-latest-vitals">
      <h2 id="round-latest-vitals" className="round-latest-title">{t('handover.latestVitals')}</h2>
      {!latest ? (
        <p className="muted">{t('handover.noVitals')}</p>
      ) : (
        <>
          <p className="round-latest-time">{t('handover.vitalsObservedAt', { time: f.dateTime(latest.observedAt) })}</p>
          <FlowsheetTable group={latest.group} extraLabel={t('flowsheet.by')} lines={[tableLine(latest.line, null)]} />
          <Link className="button" to={`${patientPath}/form/${encodeURIComponent(latest.form.doc.docId)}`}>{t('handover.openFlowsheet')}</Link>
        </>
      )}
    </article>
  );
}
