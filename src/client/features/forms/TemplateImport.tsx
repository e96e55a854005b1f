// Importing a FHIR Questionnaire file: the engine's honest report (import-template.ts), and what
// it asks of the admin: missing url/version/title, ValueSet files, and an explicit acceptance of
// each left-out element that changes what the form means. Nothing is saved before all that.
import { useEffect, useMemo, useState, type ChangeEvent } from 'react';
import { useTranslation } from '../../i18n';
import {
  canonicalOf, importQuestionnaire, loadFormsEngine, titleOf, type FormsEngine, type ImportResult, type Metadata,
  type TemplateIssue,
} from '../../../domain/questionnaire';
import { templateBody } from '../../../domain/schemas/template';
import { saveTemplate, type TemplateView } from '../../data';
import { Notice } from '../../ui/Notice';
import { useWriteAction } from '../../ui/useWriteAction';
import { ImportReport } from './ImportReport';
import { MetadataForm, ValueSetFiles } from './ImportNeeds';

interface Picked {
  file: string;
  text: string;
  metadata: Metadata;
  valueSets: unknown[];
  accepted: Set<string>;
}

function useImportEngine(): FormsEngine | undefined {
  const [engine, setEngine] = useState<FormsEngine | undefined>(undefined);
  useEffect(() => void loadFormsEngine().then((e) => setEngine(() => e)), []);
  return engine;
}

/** The import result, with the versions already held checked too, so the admin hears it before saving. */
function useImportResult(picked: Picked | null, engine: FormsEngine | undefined, held: readonly TemplateView[] | undefined): ImportResult | null {
  return useMemo(() => {
    if (!picked || !engine) return null;
    const r = importQuestionnaire(picked.text, templateBody, { engine, metadata: picked.metadata, valueSets: picked.valueSets, accepted: [...picked.accepted] });
    if (r.template && held?.some((v) => v.canonical === canonicalOf(r.template!))) {
      const { template: _dropped, ...rest } = r;
      return { ...rest, blocking: [{ code: 'versionExists' } as TemplateIssue] };
    }
    return r;
  }, [picked, engine, held]);
}

export function TemplateImport({ held }: { held: readonly TemplateView[] | undefined }) {
  const { t, i18n } = useTranslation();
  const engine = useImportEngine();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const save = useWriteAction();
  const result = useImportResult(picked, engine, held);

  async function pick(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    setSaved(null);
    if (!file) return setPicked(null);
    const text = await file.text();
    e.target.value = ''; // so choosing the same file again reads it again
    setPicked({ file: file.name, text, metadata: {}, valueSets: [], accepted: new Set() });
  }
  const update = (change: Partial<Picked>) => picked && setPicked({ ...picked, ...change });
  const accept = (key: string, yes: boolean) => {
    const next = new Set(picked?.accepted);
    if (yes) next.add(key);
    else next.delete(key);
    update({ accepted: next });
  };

  async function confirm() {
    const q = result?.template;
    if (!q) return;
    if (await save.run(async () => void (await saveTemplate(q)))) {
      setSaved(`${titleOf(q, i18n.language)} ${q.version}`);
      setPicked(null);
    }
  }

  const blocking = result?.blocking.filter((b) => b.code !== 'meaningNotAccepted') ?? [];
  return (
    <>
      <label className="field">
        <span className="field-label">{t('templatesAdmin.chooseFile')}</span>
        <input type="file" accept=".json,application/json,application/fhir+json" className="input" onChange={(e) => void pick(e)} />
      </label>
      {saved && <Notice kind="success">{t('templatesAdmin.saved', { name: saved })}</Notice>}
      {picked && !engine && <Notice kind="info">{t('templateImport.engineLoading')}</Notice>}
      {picked && result && (
        <div className="import-report">
          {blocking.length > 0 && (
            <Notice kind="error">
              <strong>{t('templatesAdmin.blocking', { count: blocking.length, file: picked.file })}</strong>
              <ul>{blocking.map((i, k) => <li key={k}>{i.linkId && <code>{i.linkId}</code>} {t(`templatesAdmin.issue.${i.code}`, { name: i.name ?? '' })}</li>)}</ul>
            </Notice>
          )}
          {result.missing.length > 0 && <MetadataForm key={picked.file} missing={result.missing} onApply={(m) => update({ metadata: { ...picked.metadata, ...m } })} />}
          {result.valueSetsNeeded.length > 0 && <ValueSetFiles needed={result.valueSetsNeeded} given={picked.valueSets.length} onGiven={(vs) => update({ valueSets: [...picked.valueSets, vs] })} />}
          {result.report.length > 0 ? <ImportReport report={result.report} accepted={picked.accepted} onAccept={accept} /> : result.template && <Notice kind="info">{t('templatesAdmin.nothingLeftOut')}</Notice>}
          {result.template && (
            <>
              <p>{t('templatesAdmin.ready', { title: titleOf(result.template, i18n.language), version: result.template.version, url: result.template.url })}</p>
              {save.error && <Notice kind="error">{save.error}</Notice>}
              <div className="button-row">
                <button type="button" className="button button--primary" disabled={save.busy} onClick={() => void confirm()}>{t('templatesAdmin.save')}</button>
              </div>
            </>
          )}
        </div>
      )}
    </>
  );
}
