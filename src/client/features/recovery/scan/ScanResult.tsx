// What a scanned sheet is, in words: the form and the patient it was printed for (both
// identifiers), whether this very sheet was already transcribed (by whom, when, and what the paper
// said of its author), and the way into the transcription. A blank sheet asks for the patient,
// a temporary one among the ward's.
import { useState } from 'react';
import { useTranslation } from '../../../i18n';
import { Link } from '../../../ui/router';
import { titleOf } from '../../../../domain/questionnaire';
import { displayName } from '../../../../domain/patient-identity';
import type { PatientBody } from '../../../../domain/schemas';
import { useWard, type ScannedSheet } from '../../../data';
import { useFormat } from '../../../i18n';
import { Notice } from '../../../ui/Notice';

type FormSheet = Extract<ScannedSheet, { kind: 'form' }>;

const transcribePath = (sheet: FormSheet, patientId: string) =>
  `/patient/${encodeURIComponent(patientId)}/form/new/${encodeURIComponent(sheet.templateDocId)}?sheet=${encodeURIComponent(sheet.text)}`;

function PatientLine({ patient }: { patient: PatientBody }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <p className="recovery-identity">
      <strong>{displayName(patient)}</strong> · {t('recovery.born', { date: f.date(patient.birthDate) })} · {t('patient.ipp', { ipp: patient.ipp })}
    </p>
  );
}

function ChoosePatient({ sheet }: { sheet: FormSheet }) {
  const { t } = useTranslation();
  const f = useFormat();
  const rows = useWard(sheet.payload.u);
  const [chosen, setChosen] = useState('');
  return (
    <div className="scan-choose">
      <label className="field">
        <span className="field-label">{t('recovery.scan.choosePatient')}</span>
        <select className="input" value={chosen} onChange={(e) => setChosen(e.target.value)}>
          <option value="" disabled>{t('recovery.scan.choosePatientHint')}</option>
          {(rows ?? []).map((r) => (
            <option key={r.patientId} value={r.patientId}>
              {displayName(r.patient)} · {f.date(r.patient.birthDate)} · {t('patient.ipp', { ipp: r.patient.ipp })}
            </option>
          ))}
        </select>
      </label>
      {chosen && <Link className="button button--primary" to={transcribePath(sheet, chosen)}>{t('recovery.scan.transcribe')}</Link>}
    </div>
  );
}

function FormResult({ sheet }: { sheet: FormSheet }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  return (
    <div className="scan-result" data-template={sheet.payload.t}>
      <h2>{t('recovery.scan.sheetOf', { template: titleOf(sheet.template, i18n.language) })}</h2>
      {sheet.patient && <PatientLine patient={sheet.patient.body} />}
      {sheet.already.map((a) => (
        <Notice key={a.docId} kind="warning" live={false}>
          {t('recovery.scan.already', { by: a.by, at: f.dateTime(a.at), author: a.paper.paperAuthor, paperAt: f.dateTime(a.paper.paperTime) })}{' '}
          <Link to={`/patient/${encodeURIComponent(a.patientId)}/form/${encodeURIComponent(a.docId)}`}>{t('recovery.scan.openTranscription')}</Link>
        </Notice>
      ))}
      {sheet.patient ? (
        <Link className="button button--primary" to={transcribePath(sheet, sheet.patient.patientId)}>
          {sheet.already.length > 0 ? t('recovery.scan.transcribeAgain') : t('recovery.scan.transcribe')}
        </Link>
      ) : (
        <ChoosePatient sheet={sheet} />
      )}
    </div>
  );
}

export function ScanResult({ sheet }: { sheet: ScannedSheet }) {
  const { t } = useTranslation();
  switch (sheet.kind) {
    case 'not-ours':
      return <Notice kind="error">{t('recovery.scan.notOurs')}</Notice>;
    case 'not-a-form':
      return <Notice kind="info">{t('recovery.scan.notAForm')}</Notice>;
    case 'no-template':
      return <Notice kind="error">{t('recovery.scan.noTemplate')}</Notice>;
    case 'no-patient':
      return <Notice kind="error">{t('recovery.scan.noPatient')}</Notice>;
    case 'form':
      return <FormResult sheet={sheet} />;
  }
}
