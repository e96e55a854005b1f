// "Imprimer" in the header of every form page: the filled form as it stands, or the template
// being filled for that patient. The patient page has its own menu (PatientPrintMenu).
import { useTranslation } from '../../i18n';
import { Link, useMatch } from '../../ui/router';
import { useFormPrintTarget } from '../../data/print';

export function PrintShortcut() {
  const { t } = useTranslation();
  const fresh = useMatch('/patient/:id/form/new/:templateId');
  const formPage = useMatch('/patient/:id/form/:formId');
  const filled = fresh ? null : formPage;
  const target = useFormPrintTarget(filled?.formId ?? null);
  let to: string | null = null;
  if (fresh?.templateId && fresh.id)
    to = `/print/form/${encodeURIComponent(fresh.templateId)}?patient=${encodeURIComponent(fresh.id)}`;
  else if (target && filled?.formId)
    to = `/print/form/${encodeURIComponent(target.templateId)}?patient=${encodeURIComponent(target.patientId)}&form=${encodeURIComponent(filled.formId)}`;
  if (!to) return null;
  return (
    <Link to={to} className="button button--quiet print-shortcut">
      {t('print.button')}
    </Link>
  );
}
