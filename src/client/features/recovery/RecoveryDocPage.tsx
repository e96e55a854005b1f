// One worklist line opened: the document read-only beside the "copy" view laid out for re-typing,
// its back-entry status and marks, and a print of both (?print=1 prints on arrival, for the
// worklist's per-line print). Both patient identifiers head the page, on screen and on paper.
import { useEffect } from 'react';
import { useAuthorName } from '../../ui/author-name';
import { useTranslation } from '../../i18n';
import { Link, useParams, useSearchParams } from '../../ui/router';
import { displayName } from '../../../domain/patient-identity';
import { titleOf } from '../../../domain/questionnaire';
import { transcriptionOf } from '../../../domain/recovery/transcription';
import type { PatientBody } from '../../../domain/schemas';
import { currentBody } from '../../../domain/doc-bodies';
import { useRecoveryDoc, type RecoveryDocView } from '../../data';
import { useFormat } from '../../i18n';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { RefusedPage } from '../../ui/RefusedPage';
import { usePageTitle } from '../../ui/usePageTitle';
import { ResponseView } from '../forms/ResponseView';
import { NoteFields } from '../notes/NoteText';
import { asNoteBody } from '../notes/note-body';
import { CopyView } from './CopyView';
import { MarkForm } from './MarkForm';
import { MarkLines } from './WorkRow';

function Identity({ patient, realPatient }: { patient: PatientBody | null; realPatient: PatientBody | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const shown = realPatient ?? patient;
  if (!shown) return null;
  return (
    <p className="recovery-identity">
      <strong>{displayName(shown)}</strong> · {t('recovery.born', { date: f.date(shown.birthDate) })} · {t('patient.ipp', { ipp: shown.ipp })}
      {realPatient && patient && <span className="muted"> ({t('recovery.writtenUnder', { ipp: patient.ipp })})</span>}
    </p>
  );
}

function ReadOnlyDoc({ view }: { view: RecoveryDocView }) {
  const { t } = useTranslation();
  const f = useFormat();
  const doc = view.doc;
  if (doc.docType === 'note') {
    const note = asNoteBody(currentBody(doc));
    return (
      <>
        <h3>{note.target}</h3>
        <NoteFields body={note} writtenAt={view.doc.firstAt} />
      </>
    );
  }
  if (doc.docType !== 'form') return <CopyView view={view} />;
  if (!view.template) return <Notice kind="error">{t('recovery.noTemplate')}</Notice>;
  const response = currentBody(doc);
  if (!response) return null;
  const paper = transcriptionOf(response);
  return (
    <>
      {paper && <p className="muted">{t('recovery.transcribed', { author: paper.paperAuthor, at: f.dateTime(paper.paperTime) })}</p>}
      <ResponseView template={view.template.template} response={response} />
    </>
  );
}

function DocDetail({ view, downtimeId }: { view: RecoveryDocView; downtimeId: string }) {
  const { t } = useTranslation();
  const nameOf = useAuthorName();
  const f = useFormat();
  const first = view.doc.history[0];
  const last = view.doc.history[view.doc.history.length - 1];
  return (
    <>
      <Identity patient={view.patient} realPatient={view.realPatient} />
      {first && last && (
        <p className="muted">
          {t('recovery.writtenBy', { name: nameOf(first.author), at: f.dateTime(first.createdAt) })}
          {last !== first && ` · ${t('recovery.changedBy', { name: nameOf(last.author), at: f.dateTime(last.createdAt) })}`}
        </p>
      )}
      {view.doc.retracted && <Notice kind="error" live={false}>{t('recovery.retracted')}</Notice>}
      <div className="recovery-status">
        <strong>{t(`recovery.status.${view.backEntry.status}`)}</strong>
        {view.backEntry.changedSince && <span className="muted"> · {t('recovery.changedSince')}</span>}
        <MarkLines marks={view.backEntry.current} />
        <MarkForm doc={view.doc} status={view.backEntry.status} />
      </div>
      <div className="recovery-columns">
        <section aria-labelledby="ro-title" className="recovery-column">
          <h2 id="ro-title">{t('recovery.readOnly')}</h2>
          <ReadOnlyDoc view={view} />
        </section>
        <section aria-labelledby="copy-title" className="recovery-column recovery-column--copy">
          <h2 id="copy-title">{t('recovery.copyTitle')}</h2>
          <CopyView view={view} />
        </section>
      </div>
      <p className="button-row">
        <button type="button" className="button" onClick={() => window.print()}>{t('recovery.print')}</button>
        <Link className="button" to={`/recovery/${downtimeId}`}>{t('recovery.backToList')}</Link>
      </p>
    </>
  );
}

export function RecoveryDocPage() {
  const { t, i18n } = useTranslation();
  const { downtimeId = '', docId = '' } = useParams();
  const [params] = useSearchParams();
  const view = useRecoveryDoc(docId);
  usePageTitle(t('recovery.docTitle'));
  const printNow = params.get('print') === '1' && !!view;
  useEffect(() => {
    // Printing waits for the live query, so the page on paper is the whole document.
    if (printNow) window.print();
  }, [printNow]);
  if (view === undefined) return <Loading />;
  if (view === null) return <RefusedPage message={t('recovery.docMissing')} />;
  return (
    <section className="page recovery-page">
      <h1>
        {t(`recovery.docType.${view.doc.docType as 'note'}`)}
        {view.template ? ` · ${titleOf(view.template.template, i18n.language)}` : ''}
      </h1>
      <DocDetail view={view} downtimeId={downtimeId} />
    </section>
  );
}
