// The latest value of each test the lab sent for this patient, with unit, range and flag. An
// abnormal value is marked by its words ("haut", "critique bas"), the colour only repeats them.
import { useTranslation } from '../../i18n';
import { isAbnormal } from '../../../domain/schemas/result';
import type { PatientHisData } from '../../data';
import { useFormat } from '../../i18n';
import { WarningIcon } from '../../ui/icons';

export function ResultsSection({ data }: { data: PatientHisData }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section className="his-section">
      <div className="section-header">
        <h2 id="his-results-title">{t('his.results.title')}</h2>
      </div>
      {data.results.length === 0 ? (
        <p className="empty">{t('his.results.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table his-table">
            <thead>
              <tr>
                <th scope="col">{t('his.results.test')}</th>
                <th scope="col">{t('his.results.value')}</th>
                <th scope="col">{t('his.results.range')}</th>
                <th scope="col">{t('his.results.flag')}</th>
                <th scope="col">{t('his.results.at')}</th>
              </tr>
            </thead>
            <tbody>
              {data.results.map(({ docId, body: r }) => {
                const abnormal = isAbnormal(r.flag);
                return (
                  <tr key={docId} className={abnormal ? 'his-abnormal' : undefined}>
                    <th scope="row">{r.label} <span className="muted">{r.code}</span></th>
                    <td className="his-value">{r.value}{r.unit ? ` ${r.unit}` : ''}</td>
                    <td>{r.range ?? ''}{r.range && r.unit ? ` ${r.unit}` : ''}</td>
                    <td>{r.flag && (abnormal ? <span className="his-flag"><WarningIcon />{t(`his.results.flags.${r.flag}`)}</span> : t('his.results.flags.N'))}</td>
                    <td>{f.dateTime(r.observedAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
