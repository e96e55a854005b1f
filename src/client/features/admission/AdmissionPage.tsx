// Admitting a patient during the outage: the admission form, with the temporary IPP this tablet
// will give shown in advance; saving creates the patient in the ward and opens their page.
import { useTranslation } from '../../i18n';
import { Link, useNavigate, useParams } from '../../ui/router';
import { ADMISSION_LINK_IDS, initialValues, setAnswers, titleOf } from '../../../domain/questionnaire';
import { admitPatient, useNextTemporaryIpp, useTemplateOfKind, useUnits } from '../../data';
import { useDeclareWard } from '../ward/current-ward';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { usePageTitle } from '../../ui/usePageTitle';
import { admissionDraftKey } from '../forms/drafts';
import { FormEditor } from '../forms/FormEditor';

export function AdmissionPage() {
  const { t, i18n } = useTranslation();
  const unit = useParams().unit ?? '';
  const units = useUnits();
  const view = useTemplateOfKind('admission');
  const nextIpp = useNextTemporaryIpp();
  const navigate = useNavigate();
  const info = units?.find((u) => u.code === unit);
  useDeclareWard(info ? unit : null);
  usePageTitle(t('admission.title'));
  if (units === undefined || view === undefined || nextIpp === undefined) return <Loading />;
  if (!info) return <section className="page"><Notice kind="error">{t('ward.notYourWard', { unit })}</Notice></section>;
  const board = `/ward/${encodeURIComponent(unit)}`;
  return (
    <section className="page">
      <p><Link to={board} className="back-link">← {t('handover.backToBoard')}</Link></p>
      <h1>{t('admission.title')} — {info.code}</h1>
      {view === null ? (
        <Notice kind="error">{t('admission.noTemplate')}</Notice>
      ) : (
        <FormEditor
          title={titleOf(view.template, i18n.language)}
          template={view.template}
          draftKey={admissionDraftKey(unit, view.docId)}
          // The number shown is the one this tablet will give; saving takes it for good.
          initial={nextIpp ? setAnswers(initialValues(view.template.item), [], ADMISSION_LINK_IDS.ipp, [nextIpp]) : initialValues(view.template.item)}
          saveLabel={t('admission.save')}
          onSave={async (values) => {
            const { patientId } = await admitPatient(unit, view.template, values);
            navigate(`/patient/${encodeURIComponent(patientId)}`, { replace: true });
          }}
          onDone={(o) => {
            if (o === 'discarded') navigate(board);
          }}
        >
          {nextIpp && <Notice kind="info">{t('admission.nextIpp', { ipp: nextIpp })}</Notice>}
        </FormEditor>
      )}
    </section>
  );
}
