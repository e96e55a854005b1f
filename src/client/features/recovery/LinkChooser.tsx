// Choosing the real patient for a temporary one: search the census by name or IPP, pick, see
// both identities side by side, then confirm. The link is an entry; nothing is rewritten.
import { useState } from 'react';
import { useTranslation } from '../../i18n';
import { displayName } from '../../../domain/patient-identity';
import { linkPatient, type CensusPatient } from '../../data';
import { useFormat } from '../../i18n';
import { SearchField } from '../../ui/fields';
import { Notice } from '../../ui/Notice';
import { useWriteAction } from '../../ui/useWriteAction';
import { IdentityCompare } from './IdentityCompare';

const MAX_SHOWN = 12;

function matches(p: CensusPatient, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return false;
  return displayName(p.patient).toLowerCase().includes(q) || p.patient.ipp.includes(q) || p.patient.birthDate.includes(q);
}

export function LinkChooser({ merged, census, onDone }: { merged: CensusPatient; census: readonly CensusPatient[]; onDone: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<CensusPatient | null>(null);
  const save = useWriteAction();
  const found = census.filter((p) => matches(p, query)).slice(0, MAX_SHOWN);
  const confirm = async () => {
    if (chosen && (await save.run(() => linkPatient(merged, chosen)))) onDone();
  };
  if (chosen) {
    return (
      <div className="link-confirm">
        <IdentityCompare merged={merged.patient} into={chosen.patient} />
        {save.error && <Notice kind="error">{save.error}</Notice>}
        <p className="button-row">
          <button type="button" className="button button--primary" disabled={save.busy} onClick={() => void confirm()}>{t('recovery.link.confirm')}</button>
          <button type="button" className="button" onClick={() => setChosen(null)}>{t('recovery.link.other')}</button>
        </p>
      </div>
    );
  }
  return (
    <div className="link-chooser">
      <SearchField label={t('recovery.link.search')} value={query} onChange={setQuery} />
      <ul className="choice-list">
        {found.map((p) => (
          <li key={p.patientId}>
            <button type="button" className="choice" onClick={() => setChosen(p)}>
              <strong>{displayName(p.patient)}</strong> · {f.date(p.patient.birthDate)} · {t('patient.ipp', { ipp: p.patient.ipp })}
              <span className="muted"> · {p.patient.unitCode} {p.patient.room}</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button" onClick={onDone}>{t('recovery.link.cancel')}</button>
    </div>
  );
}
