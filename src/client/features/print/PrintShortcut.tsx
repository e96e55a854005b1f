// "Imprimer" in the header of every form page: the filled form as it stands, or the template
// being filled for that patient. The patient page has its own menu (PatientPrintMenu).
import { useTranslation } from 'react-i18next';
import { Link, matchPath, useLocation } from 'react-router-dom';
import { useFormPrintTarget } from '../../data/print';

export function PrintShortcut() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const fresh = matchPath('/patient/:id/form/new/:templateId', pathname);
  const filled = fresh ? null : matchPath('/patient/:id/form/:formId', pathname);
  const target = useFormPrintTarget(filled?.params.formId ?? null);
  let to: string | null = null;
  if (fresh?.params.templateId && fresh.params.id)
    to = `/print/form/${encodeURIComponent(fresh.params.templateId)}?patient=${encodeURIComponent(fresh.params.id)}`;
  else if (target && filled?.params.formId)
    to = `/print/form/${encodeURIComponent(target.templateId)}?patient=${encodeURIComponent(target.patientId)}&form=${encodeURIComponent(filled.params.formId)}`;
  if (!to) return null;
  return (
    <Link to={to} className="button button--quiet print-shortcut">
      {t('print.button')}
    </Link>
  );
}
