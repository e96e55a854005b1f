// One line of the worklist: what the document is, whose, who wrote it when, its back-entry status
// with who marked it, the way to open it read-only beside its copy view, and its print.
import { useTranslation } from '../../i18n';
import { useAuthorName } from '../../ui/author-name';
import { Link } from '../../ui/router';
import { bodyOf } from '../../../domain/doc-bodies';
import type { BackEntryMark } from '../../../domain/recovery/back-entry';
import { titleOf, type Questionnaire } from '../../../domain/questionnaire';
import { templateName, type WorkItem } from '../../../domain/recovery/worklist';
import type { PatientLabel } from '../../data';
import { useFormat } from '../../i18n';
import { MarkForm } from './MarkForm';

/** A form by its template's title (its url's last segment when this device lacks it), a note by its target. */
function whatOf(item: Pick<WorkItem, 'doc'>, templates: ReadonlyMap<string, Questionnaire>, lang: string): string {
  const form = bodyOf(item.doc, 'form');
  if (!form) return bodyOf(item.doc, 'note')?.target ?? '';
  const template = templates.get(form.questionnaire);
  return template ? titleOf(template, lang) : templateName(form.questionnaire);
}

/** The current marks, each with who made it and when (two when two tablets marked at once). */
export function MarkLines({ marks }: { marks: readonly BackEntryMark[] }) {
  const { t } = useTranslation();
  const nameOf = useAuthorName();
  const f = useFormat();
  return marks.map((m) => (
    <div key={m.entryId} className="muted">
      {t('recovery.markedBy', { status: t(`recovery.status.${m.status}`), name: nameOf(m.author), at: f.dateTime(m.createdAt) })}
      {m.reference ? ` · ${m.reference}` : ''}{m.reason ? ` · ${m.reason}` : ''}
    </div>
  ));
}

interface RowProps {
  downtimeId: string;
  item: WorkItem;
  patient: PatientLabel | undefined;
  realPatient: PatientLabel | undefined;
  templates: ReadonlyMap<string, Questionnaire>;
}

export function WorkRow({ downtimeId, item, patient, realPatient, templates }: RowProps) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const { backEntry } = item;
  const docType = item.doc.docType as 'note' | 'form' | 'patient' | 'patient-link';
  const shown = realPatient ?? patient;
  const path = `/recovery/${downtimeId}/doc/${item.doc.docId}`;
  return (
    <tr className={`work-row work-row--${backEntry.status}`} data-doc={item.doc.docId}>
      <td>
        <strong>{t(`recovery.docType.${docType}`)}</strong> {whatOf(item, templates, i18n.language)}
        {item.doc.retracted && <span className="badge badge--error"> {t('recovery.retracted')}</span>}
      </td>
      <td>
        {shown && <>{shown.name} · {f.date(shown.birthDate)}<br />{t('patient.ipp', { ipp: shown.ipp })}</>}
        {realPatient && patient && <span className="muted"> ({t('recovery.writtenUnder', { ipp: patient.ipp })})</span>}
      </td>
      <td>{item.lastBy.name}, {f.dateTime(item.lastAt)}</td>
      <td>
        <strong className="work-status">{t(`recovery.status.${backEntry.status}`)}</strong>
        {backEntry.changedSince && <span className="muted"> · {t('recovery.changedSince')}</span>}
        <MarkLines marks={backEntry.current} />
      </td>
      <td className="work-actions">
        <Link className="button" to={path}>{t('recovery.open')}</Link>
        <Link className="button" to={`${path}?print=1`}>{t('recovery.print')}</Link>
        <MarkForm doc={item.doc} status={backEntry.status} />
      </td>
    </tr>
  );
}
