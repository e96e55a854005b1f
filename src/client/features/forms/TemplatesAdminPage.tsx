// The crisis cell's form templates: every version held, and the import of a FHIR Questionnaire
// JSON file. What lies outside the supported subset is listed, element by element, and the admin
// acknowledges the list before anything is saved.
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { importQuestionnaire, titleOf, type ImportResult, type TemplateIssue } from '../../../domain/questionnaire';
import { templateBody } from '../../../domain/schemas/template';
import { saveTemplate, useAllTemplates } from '../../data';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { usePageTitle } from '../../ui/usePageTitle';
import { useWriteAction } from '../../ui/useWriteAction';

export function TemplatesAdminPage() {
  const { t, i18n } = useTranslation();
  const all = useAllTemplates();
  const [result, setResult] = useState<(ImportResult & { file: string }) | null>(null);
  const [acknowledged, setAcknowledged] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const save = useWriteAction();
  usePageTitle(t('templatesAdmin.title'));

  async function pick(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    setSaved(null);
    setAcknowledged(false);
    if (!file) return setResult(null);
    const text = await file.text();
    e.target.value = ''; // so choosing the same file again reads it again
    const r = importQuestionnaire(text, templateBody);
    // Checked here against the versions held too, so the admin hears it before saving.
    const clash = r.template && all?.some((v) => v.canonical === `${r.template!.url}|${r.template!.version}`);
    setResult({ ...r, file: file.name, ...(clash ? { template: undefined, blocking: [...r.blocking, { code: 'versionExists' } as TemplateIssue] } : {}) } as ImportResult & { file: string });
  }

  async function confirm() {
    const q = result?.template;
    if (!q) return;
    // The version may have arrived by sync since the file was read: say so in the admin's words.
    if (all?.some((v) => v.canonical === `${q.url}|${q.version}`)) {
      setResult({ ...result, template: undefined, blocking: [...result.blocking, { code: 'versionExists' }] } as ImportResult & { file: string });
      return;
    }
    if (await save.run(async () => void (await saveTemplate(q)))) {
      setSaved(`${titleOf(q, i18n.language)} ${q.version}`);
      setResult(null);
    }
  }

  const issue = (i: TemplateIssue, k: number) => (
    <li key={k}>
      {i.linkId && <code>{i.linkId}</code>} {t(`templatesAdmin.issue.${i.code}`, { name: i.name ?? '' })}
    </li>
  );

  return (
    <section className="page">
      <h1>{t('templatesAdmin.title')}</h1>
      <h2>{t('templatesAdmin.importTitle')}</h2>
      <p>{t('templatesAdmin.importHelp')}</p>
      <label className="field">
        <span className="field-label">{t('templatesAdmin.chooseFile')}</span>
        <input type="file" accept=".json,application/json,application/fhir+json" className="input" onChange={(e) => void pick(e)} />
      </label>
      {saved && <Notice kind="success">{t('templatesAdmin.saved', { name: saved })}</Notice>}
      {result && (
        <div className="import-report">
          {result.blocking.length > 0 && (
            <Notice kind="error">
              <strong>{t('templatesAdmin.blocking', { count: result.blocking.length, file: result.file })}</strong>
              <ul>{result.blocking.map(issue)}</ul>
            </Notice>
          )}
          {result.leftOut.length > 0 ? (
            <Notice kind="warning">
              <strong>{t('templatesAdmin.leftOut', { count: result.leftOut.length })}</strong>
              <ul>{result.leftOut.map(issue)}</ul>
            </Notice>
          ) : (
            result.template && <Notice kind="info">{t('templatesAdmin.nothingLeftOut')}</Notice>
          )}
          {result.template && (
            <>
              <p>{t('templatesAdmin.ready', { title: titleOf(result.template, i18n.language), version: result.template.version, url: result.template.url })}</p>
              {result.leftOut.length > 0 && (
                <label className="checkbox">
                  <input type="checkbox" checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} />
                  {t('templatesAdmin.acknowledge', { count: result.leftOut.length })}
                </label>
              )}
              {save.error && <Notice kind="error">{save.error}</Notice>}
              <div className="button-row">
                <button type="button" className="button button--primary" disabled={save.busy || (result.leftOut.length > 0 && !acknowledged)} onClick={() => void confirm()}>
                  {t('templatesAdmin.save')}
                </button>
              </div>
            </>
          )}
        </div>
      )}
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
