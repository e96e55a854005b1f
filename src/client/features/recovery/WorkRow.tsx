// One line of the worklist: what the document is, whose, who wrote it when, its back-entry status
// with who marked it, and the way to open it read-only.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { templateName, type WorkItem } from '../../../domain/recovery/worklist';
import type { PatientLabel } from '../../data';
import { useFormat } from '../../i18n';
import { MarkForm } from './MarkForm';

function openPath(item: WorkItem): string | null {
  if (item.patientId === null) return null;
  if (item.doc.docType === 'form') return `/patient/${item.patientId}/form/${item.doc.docId}`;
  return `/patient/${item.patientId}`;
}

function whatOf(item: WorkItem): string {
  const body = (item.doc.body ?? item.doc.headVersions[0]?.body) as { questionnaire?: string; target?: string } | null;
  if (item.doc.docType === 'form' && body?.questionnaire) return templateName(body.questionnaire);
  return body?.target ?? '';
}

export function WorkRow({ item, patient, realPatient }: { item: WorkItem; patient: PatientLabel | undefined; realPatient: PatientLabel | undefined }) {
  const { t } = useTranslation();
  const f = useFormat();
  const path = openPath(item);
  const { backEntry } = item;
  const docType = item.doc.docType as 'note' | 'form' | 'patient' | 'patient-link';
  const shown = realPatient ?? patient;
  return (
    <tr className={`work-row work-row--${backEntry.status}`} data-doc={item.doc.docId}>
      <td>
        <strong>{t(`recovery.docType.${docType}`)}</strong> {whatOf(item)}
        {item.doc.retracted && <span className="badge badge--error"> {t('recovery.retracted')}</span>}
      </td>
      <td>
        {shown && `${shown.name} · ${f.date(shown.birthDate)} · IPP ${shown.ipp}`}
        {realPatient && patient && <span className="muted"> ({t('recovery.writtenUnder', { ipp: patient.ipp })})</span>}
      </td>
      <td>{item.lastBy.name}, {f.dateTime(item.lastAt)}</td>
      <td>
        <strong className="work-status">{t(`recovery.status.${backEntry.status}`)}</strong>
        {backEntry.changedSince && <span className="muted"> · {t('recovery.changedSince')}</span>}
        {backEntry.current.map((m) => (
          <div key={m.entryId} className="muted">
            {t('recovery.markedBy', { status: t(`recovery.status.${m.status}`), name: m.author.name, at: f.dateTime(m.createdAt) })}
            {m.reference ? ` · ${m.reference}` : ''}{m.reason ? ` · ${m.reason}` : ''}
          </div>
        ))}
      </td>
      <td>
        {path && <Link className="button" to={path}>{t('recovery.open')}</Link>}
        <MarkForm doc={item.doc} status={backEntry.status} />
      </td>
    </tr>
  );
}
