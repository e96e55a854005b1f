// The crisis cell's form templates: every version held, and the import of a FHIR Questionnaire
// JSON file (TemplateImport), whose report the admin reads, and answers, before anything is saved.
import { useTranslation } from '../../i18n';
import { titleOf } from '../../../domain/questionnaire';
import { useAllTemplates } from '../../data';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { TemplateImport } from './TemplateImport';

export function TemplatesAdminPage() {
  const { t, i18n } = useTranslation();
  const all = useAllTemplates();
  usePageTitle(t('templatesAdmin.title'));
  return (
    <section className="page">
      <h1>{t('templatesAdmin.title')}</h1>
      <h2>{t('templatesAdmin.importTitle')}</h2>
      <p>{t('templatesAdmin.importHelp')}</p>
      <TemplateImport held={all} />
      <h2>{t('templatesAdmin.held')}</h2>
      {all === undefined ? (
        <Loading />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr><th scope="col">{t('templatesAdmin.colTitle')}</th><th scope="col">{t('templatesAdmin.colVersion')}</th><th scope="col">{t('templatesAdmin.colUrl')}</th></tr>
            </thead>
            <tbody>
              {all.map((v) => (
                <tr key={v.docId}>
                  <td>{titleOf(v.template, i18n.language)}{v.retracted && ` (${t('forms.retracted')})`}</td>
                  <td>{v.template.version}</td>
                  <td><code>{v.template.url}</code></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
