// The worklist's filters: ward, patient (both identifiers), type, status and author, each built
// from the lines of the episode, so a choice never leads to an empty list by construction.
import { useTranslation } from '../../i18n';
import type { BackEntryStatus } from '../../../domain/recovery/back-entry';
import { WORK_CATEGORIES, type WorkCategory, type WorkFilter, type WorkItem } from '../../../domain/recovery/worklist';
import type { WorklistView } from '../../data';
import { useFormat } from '../../i18n';

const STATUSES: readonly BackEntryStatus[] = ['todo', 'done', 'not-needed'];

interface Props {
  view: WorklistView;
  units: readonly string[];
  filter: WorkFilter;
  onChange: (patch: Partial<WorkFilter>) => void;
}

/** The patient a line shows under: the real one when written under a linked temporary number. */
function shownPatientId(view: WorklistView, item: WorkItem): string | null {
  return item.patientId === null ? null : (view.realOf.get(item.patientId) ?? item.patientId);
}

function Choice({ label, value, onChange, options }: { label: string; value: string | undefined; onChange: (v: string) => void; options: [string, string][] }) {
  const { t } = useTranslation();
  return (
    <label className="field field--inline">
      <span className="field-label">{label}</span>
      <select className="input" value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('recovery.filter.all')}</option>
        {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
      </select>
    </label>
  );
}

export function WorkFilters({ view, units, filter, onChange }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const patientIds = [...new Set(view.items.map((i) => shownPatientId(view, i)).filter((p): p is string => p !== null))];
  const patients = patientIds
    .flatMap((id): [string, string][] => {
      const p = view.patients.get(id);
      return p ? [[id, `${p.name} · ${f.date(p.birthDate)} · ${t('patient.ipp', { ipp: p.ipp })}`]] : [];
    })
    .sort((a, b) => a[1].localeCompare(b[1]));
  const authors = [...new Map(view.items.flatMap((i) => i.authors).map((a) => [a.userId, a.name])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  return (
    <fieldset className="work-filters">
      <legend>{t('recovery.filters')}</legend>
      <Choice label={t('recovery.filter.unit')} value={filter.unit} onChange={(unit) => onChange({ unit })} options={units.map((u) => [u, u])} />
      <Choice label={t('recovery.filter.patient')} value={filter.patientId} onChange={(patientId) => onChange({ patientId })} options={patients} />
      <Choice label={t('recovery.filter.category')} value={filter.category} onChange={(c) => onChange({ category: c as WorkCategory })}
        options={WORK_CATEGORIES.map((c) => [c, t(`recovery.category.${c}`)])} />
      <Choice label={t('recovery.filter.status')} value={filter.status} onChange={(s) => onChange({ status: s as BackEntryStatus })}
        options={STATUSES.map((s) => [s, t(`recovery.status.${s}`)])} />
      <Choice label={t('recovery.filter.author')} value={filter.authorId} onChange={(authorId) => onChange({ authorId })} options={authors} />
    </fieldset>
  );
}
