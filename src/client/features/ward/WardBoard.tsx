// The ward board: every patient of the unit in room order, with a search box. This is the
// screen a nurse comes back to all night, so rows are big and carry what matters at a glance.
import { useDeferredValue, useId, useState } from 'react';
import { useTranslation } from '../../i18n';
import { useWard } from '../../data';
import { SearchIcon } from '../../ui/icons';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { useNow } from '../../ui/useNow';
import { usePageTitle } from '../../ui/usePageTitle';
import { matchesPatient } from './search';
import { useRouteWard } from './useRouteWard';
import { WardPatientRow } from './WardPatientRow';
import { PrintKitLink } from '../print/PrintKitLink';
import { WardFormLinks } from '../handover/WardFormLinks';
import { RefusedPage } from '../../ui/RefusedPage';
import { PersistRefusedNotice } from './PersistRefusedNotice';

export function WardBoard() {
  const { t } = useTranslation();
  const { unit, units, info, label } = useRouteWard();
  const rows = useWard(unit);
  const now = useNow();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const searchId = useId();
  usePageTitle(t('ward.title', { unit: label }));

  if (units === undefined) return <Loading />;
  if (!info)
    return <RefusedPage message={t('ward.notYourWard', { unit })} />;

  const shown = rows?.filter((r) => matchesPatient(r.patient, deferredQuery));

  return (
    <section className="page ward-board">
      {/* The title, the ward's actions, then the search with the count beside it (ward-board.css):
          the rest of the screen is for patients (at least eight at 1280×800). */}
      <div className="ward-board-top">
        <h1>{t('ward.title', { unit: label })}</h1>
        <WardFormLinks unit={unit} />
        <PrintKitLink unit={unit} />
      </div>
      <PersistRefusedNotice />
      <div className="search ward-search">
        <label htmlFor={searchId} className="field-label">
          {t('ward.search')}
        </label>
        <div className="search-box">
          <SearchIcon />
          <input
            id={searchId}
            className="input"
            type="search"
            inputMode="search"
            autoComplete="off"
            autoCorrect="off"
            spellCheck={false}
            enterKeyHint="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
      </div>

      {rows === undefined ? (
        <Loading />
      ) : rows.length === 0 ? (
        <Notice kind="info">{t('ward.noPatients')}</Notice>
      ) : (
        <>
          <p className="ward-count" aria-live="polite">
            {shown!.length === 0 ? t('ward.noMatch', { query: deferredQuery }) : t('ward.results', { count: shown!.length })}
          </p>
          <ul className="ward-list" aria-label={t('ward.tableCaption')}>
            {shown!.map((row) => (
              <WardPatientRow key={row.patientId} row={row} now={now} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
