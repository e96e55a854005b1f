// Filling a new form for a patient, from the newest version of a template held on the tablet; or,
// with ?sheet=<the scanned QR text>, transcribing that paper sheet (its author and time asked too).
import { useState } from 'react';
import { useTranslation } from '../../i18n';
import { useNavigate, useParams, useSearchParams } from '../../ui/router';
import { initialValues, patientEnv, titleOf } from '../../../domain/questionnaire';
import { InvalidEntryError, useTemplate, writeForm } from '../../data';
import { PaperFields, paperOf, type PaperDraft } from '../recovery/PaperFields';
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
  const sheet = useSearchParams()[0].get('sheet');
  const [paper, setPaper] = useState<PaperDraft>({ author: '', time: '' });
  const [paperChecked, setPaperChecked] = useState(false);
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
            draftKey={sheet ? `${newFormDraftKey(templateId, patientId)}:sheet:${sheet}` : newFormDraftKey(templateId, patientId)}
            initial={initialValues(view.template.item)}
            launch={patientEnv(patientId, patient)}
            fresh
            onSave={async (values) => {
              const transcription = sheet ? paperOf(paper, sheet) : undefined;
              setPaperChecked(true);
              if (transcription === null) throw new InvalidEntryError(t('recovery.scan.paperMissing'));
              const docId = await writeForm(patientId, view.template, values, transcription);
              navigate(`/patient/${encodeURIComponent(patientId)}/form/${encodeURIComponent(docId)}`, { replace: true, state: { saved: true } });
            }}
            onDone={(outcome) => {
              if (outcome === 'discarded') navigate(`/patient/${encodeURIComponent(patientId)}`);
            }}
          >
            {sheet && <PaperFields draft={paper} onChange={setPaper} showErrors={paperChecked} />}
          </FormEditor>
        )
      }
    </PatientFrame>
  );
}
