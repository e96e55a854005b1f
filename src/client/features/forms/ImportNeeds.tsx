// What the import asks of the admin before it can save: the url, version and title a file lacks
// (with proposals from its id and name), and the ValueSet files of answer lists it points to.
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from '../../i18n';
import type { Metadata, MetadataNeed } from '../../../domain/questionnaire';

export function MetadataForm({ missing, onApply }: { missing: readonly MetadataNeed[]; onApply: (m: Metadata) => void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState<Metadata>(() => Object.fromEntries(missing.map((m) => [m.field, m.proposal])));
  return (
    <fieldset className="import-metadata">
      <legend>{t('templateImport.metadataTitle')}</legend>
      <p>{t('templateImport.metadataHelp')}</p>
      {missing.map((m) => (
        <label key={m.field} className="field">
          <span className="field-label">{t(`templateImport.field.${m.field}`)}</span>
          <input className="input" name={`import-${m.field}`} value={typed[m.field] ?? ''} onChange={(e) => setTyped({ ...typed, [m.field]: e.target.value })} />
        </label>
      ))}
      <button type="button" className="button" onClick={() => onApply(typed)}>{t('templateImport.applyMetadata')}</button>
    </fieldset>
  );
}

export function ValueSetFiles({ needed, given, onGiven }: { needed: readonly string[]; given: number; onGiven: (vs: unknown, file: string) => void }) {
  const { t } = useTranslation();
  const [unreadable, setUnreadable] = useState<string | null>(null);
  async function pick(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    e.target.value = '';
    try {
      const vs = JSON.parse(await file.text()) as { resourceType?: unknown };
      if (vs?.resourceType !== 'ValueSet') throw new Error('not a ValueSet');
      setUnreadable(null);
      onGiven(vs, file.name);
    } catch {
      setUnreadable(file.name);
    }
  }
  return (
    <fieldset className="import-value-sets">
      <legend>{t('templateImport.valueSetsTitle')}</legend>
      <p>{t('templateImport.valueSetsHelp')}</p>
      {needed.map((url) => (
        <label key={url} className="field">
          <span className="field-label">{t('templateImport.valueSetFile', { url })}</span>
          <input type="file" accept=".json,application/json,application/fhir+json" className="input" onChange={(e) => void pick(e)} />
        </label>
      ))}
      {given > 0 && <p>{t('templateImport.valueSetsGiven', { count: given })}</p>}
      {unreadable && <p className="field-error">{t('templateImport.valueSetUnreadable', { file: unreadable })}</p>}
    </fieldset>
  );
}
