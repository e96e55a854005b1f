// Filling a new form for a patient, from the newest version of a template held on the tablet.
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { initialValues, patientEnv, titleOf } from '../../../domain/questionnaire';
import { useTemplate, writeForm } from '../../data';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { usePageTitle } from '../../ui/usePageTitle';
import { newFormDraftKey } from './drafts';
import { FormEditor } from './FormEditor';
import { PatientFrame } from './PatientFrame';

export function NewFormPage() {
  const { t, i18n } = useTranslation();
  const params = useParams();
  const patientId = params.id ?? '';
  const templateId = params.templateId ?? '';
  const view = useTemplate(templateId);
  const navigate = useNavigate();
  const title = view ? titleOf(view.template, i18n.language) : null;
  usePageTitle(title);
  return (
    <PatientFrame patientId={patientId}>
      {({ patient }) =>
        view === undefined ? (
          <Loading />
        ) : view === null ? (
          <Notice kind="error">{t('forms.templateNotHere')}</Notice>
        ) : (
          <FormEditor
            title={title!}
            template={view.template}
            draftKey={newFormDraftKey(templateId, patientId)}
            initial={initialValues(view.template.item)}
            launch={patientEnv(patientId, patient)}
            fresh
            onSave={async (values) => {
              const docId = await writeForm(patientId, view.template, values);
              navigate(`/patient/${encodeURIComponent(patientId)}/form/${encodeURIComponent(docId)}`, { replace: true, state: { saved: true } });
            }}
            onDone={(outcome) => {
              if (outcome === 'discarded') navigate(`/patient/${encodeURIComponent(patientId)}`);
            }}
          />
        )
      }
    </PatientFrame>
  );
}
