// "Imprimer" on the patient page: any form for this patient, pre-filled with the latest one of
// its kind when there is one, blank with the identifiers otherwise.
import { useTranslation } from '../../i18n';
import { Link } from '../../ui/router';
import { titleOf } from '../../../domain/questionnaire';
import { usePatientPrintChoices } from '../../data/print';

export function PatientPrintMenu({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const choices = usePatientPrintChoices(patientId);
  if (!choices || choices.length === 0) return null;
  return (
    <details className="print-menu">
      <summary className="button">{t('print.button')}</summary>
      <ul className="print-menu-list">
        <li><Link to={`/print/patient/${encodeURIComponent(patientId)}/notes`}>{t('print.notes.menu')}</Link></li>
        {/* From what the HIS sent: the MAR pre-filled for the next 24 h, the latest results. */}
        <li><Link to={`/print/his/${encodeURIComponent(patientId)}/mar`}>{t('his.print.menuMar')}</Link></li>
        <li><Link to={`/print/his/${encodeURIComponent(patientId)}/results`}>{t('his.print.menuResults')}</Link></li>
        {choices.map((c) => (
          <li key={c.templateId}>
            <Link
              to={`/print/form/${encodeURIComponent(c.templateId)}?patient=${encodeURIComponent(patientId)}${c.formId ? `&form=${encodeURIComponent(c.formId)}` : ''}`}
            >
              {titleOf(c.template, i18n.language)}
            </Link>{' '}
            <span className="muted">— {c.formId ? t('print.menu.latest') : t('print.menu.blank')}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
