// The procedure library, offline: search as you type, filter by ward and category, and see at a
// glance which fiches are overdue for review. The as-of line says how fresh the copy is.
import { useDeferredValue, useId, useState } from 'react';
import { useTranslation } from '../../i18n';
import { Link } from '../../ui/router';
import { PROCEDURE_CATEGORIES, type ProcedureCategory } from '../../../domain/schemas/procedure';
import { appliesToUnit, isReviewOverdue, localDate, matchesProcedure } from '../../../domain/downtime/library';
import { useProcedures, useUnits, type ProcedureView, type UnitInfo } from '../../data';
import { useFormat } from '../../i18n';
import { SearchField } from '../../ui/fields';
import { ChevronIcon, WarningIcon } from '../../ui/icons';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { useNow } from '../../ui/useNow';
import { usePageTitle } from '../../ui/usePageTitle';
import { ListAsOf } from '../downtime/AsOf';
import { useActiveWard } from '../downtime/active-ward';

export function ProcedureLibrary() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('procedures.title'));
  const procedures = useProcedures(i18n.language === 'en' ? 'en' : 'fr');
  const units = useUnits();
  const ward = useActiveWard();
  const today = localDate(useNow(60_000));
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  // undefined: follow the ward on screen; '' : every ward.
  const [unit, setUnit] = useState<string | undefined>(undefined);
  const [category, setCategory] = useState<ProcedureCategory | ''>('');

  if (procedures === undefined || units === undefined) return <Loading />;
  const chosenUnit = unit ?? ward?.code ?? '';
  const shown = procedures.filter(
    (p) => (!chosenUnit || appliesToUnit(p.body, chosenUnit)) && (!category || p.body.category === category) && matchesProcedure(p.body, deferred),
  );

  return (
    <section className="page">
      <h1>{t('procedures.title')}</h1>
      <ListAsOf />
      <div className="filters">
        <SearchField label={t('procedures.search')} value={query} onChange={setQuery} />
        <WardFilter units={units} value={chosenUnit} onChange={setUnit} />
        <CategoryFilter value={category} onChange={setCategory} />
      </div>

      {procedures.length === 0 ? (
        <Notice kind="info">{t('procedures.none')}</Notice>
      ) : (
        <>
          <p className="ward-count" aria-live="polite">
            {shown.length === 0 ? t('procedures.noMatch') : t('procedures.count', { count: shown.length })}
          </p>
          <ul className="card-list">
            {shown.map((p) => <ProcedureCard key={p.docId} procedure={p} today={today} />)}
          </ul>
        </>
      )}
    </section>
  );
}

function WardFilter({ units, value, onChange }: { units: readonly UnitInfo[]; value: string; onChange: (unit: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">{t('procedures.ward')}</label>
      <select id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('procedures.allWards')}</option>
        {units.map((u) => <option key={u.code} value={u.code}>{u.code} · {u.name}</option>)}
      </select>
    </div>
  );
}

function CategoryFilter({ value, onChange }: { value: ProcedureCategory | ''; onChange: (c: ProcedureCategory | '') => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">{t('procedures.category')}</label>
      <select id={id} className="input" value={value} onChange={(e) => onChange(e.target.value as ProcedureCategory | '')}>
        <option value="">{t('procedures.allCategories')}</option>
        {PROCEDURE_CATEGORIES.map((c) => <option key={c} value={c}>{t(`procedures.categories.${c}`)}</option>)}
      </select>
    </div>
  );
}

function ProcedureCard({ procedure: p, today }: { procedure: ProcedureView; today: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const overdue = isReviewOverdue(p.body, today);
  const checks = p.body.steps.filter((s) => s.checklist).length;
  return (
    <li>
      <Link to={`/procedures/${p.docId}`} className="card-link procedure-card" lang={p.body.lang}>
        <span className="procedure-card-main">
          <span className="procedure-card-title">
            {p.body.code && <span className="procedure-code">{p.body.code}</span>} {p.body.title}
          </span>
          <span className="procedure-card-summary">{p.body.summary}</span>
          <span className="tag-row">
            <span className="tag">{t(`procedures.categories.${p.body.category}`)}</span>
            {checks > 0 && <span className="tag">{t('procedures.checklistSteps', { count: checks })}</span>}
            {overdue && (
              <span className="badge badge--overdue">
                <WarningIcon /> {t('procedures.overdue', { date: f.date(p.body.nextReviewAt) })}
              </span>
            )}
          </span>
        </span>
        <ChevronIcon className="card-chevron" />
      </Link>
    </li>
  );
}
