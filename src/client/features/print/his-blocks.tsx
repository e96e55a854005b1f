// The patient pages made from what the HIS sent: the MAR pre-filled for the next 24 hours (one
// line per planned administration: time, drug, dose, route, then empty boxes for the time given
// and the nurse's initials), and the latest results with their units, ranges and flags.
import { useTranslation } from '../../i18n';
import { administrationsOver24h } from '../../../domain/his/prescriptions';
import { columnWidths, PAGE_WIDTH_MM } from '../../../domain/print/columns';
import { isAbnormal } from '../../../domain/schemas/result';
import type { PatientHisData } from '../../data';
import type { PrintFacts, PrintPatient } from '../../data/print';
import { useFormat } from '../../i18n';
import type { PrintBlock, PrintTable, SheetSpec } from './sheet-types';
import { useSheets } from './sheets';

// In mm before scaling: planned time, drug, dose, route, given at, initials, reason not given.
const MAR_COLUMNS = [24, 58, 20, 14, 22, 18, 30];
const RX_COLUMNS = [62, 22, 14, 50, 38];
const RESULT_COLUMNS = [56, 30, 34, 30, 36];
const EXTRA_ROWS = 6;

/** 00:00 on the tablet's clock (the ward's) on the day of `d`. */
const localMidnight = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate());

function useHisBlocks() {
  const { t } = useTranslation();
  const f = useFormat();
  const th = (keys: readonly string[]) => keys.map((k) => <th key={k} scope="col">{t(`his.print.${k}` as 'his.print.drug')}</th>);

  const mar = (his: PatientHisData, from: Date): PrintBlock[] => {
    if (his.active.length === 0) return [{ key: 'none', node: <p className="pf-display">{t('his.print.noPrescription')}</p> }];
    const rx: PrintTable = { id: 'mar-rx', widthsMm: columnWidths(RX_COLUMNS, PAGE_WIDTH_MM.portrait), header: th(['drug', 'dose', 'route', 'when', 'prescriber']) };
    const adm: PrintTable = { id: 'mar-adm', className: 'pf-table--mar', widthsMm: columnWidths(MAR_COLUMNS, PAGE_WIDTH_MM.portrait), header: th(['plannedAt', 'drug', 'dose', 'route', 'given', 'initials', 'remark']) };
    const lines = administrationsOver24h(his.active.map((o) => o.body), from, localMidnight);
    const blank = (n: number): PrintBlock[] => Array.from({ length: n }, (_, i) => ({ key: `extra:${i}`, table: adm, blankRow: true, node: <>{MAR_COLUMNS.map((_, j) => <td key={j} />)}</> }));
    return [
      { key: 'rx-title', keepWithNext: true, node: <p className="pf-heading pf-heading--0">{t('his.print.prescriptions')}</p> },
      ...his.active.map(({ docId, body: o }): PrintBlock => ({
        key: `rx:${docId}`,
        table: rx,
        node: (
          <>
            <td><strong>{o.drug}</strong>{o.comment && <><br /><span className="pf-small">{o.comment}</span></>}</td>
            <td>{`${o.dose} ${o.doseUnit}`.trim()}</td>
            <td>{o.route}</td>
            <td>{o.prn ? t('his.print.prn') : o.frequency}{o.times.length > 0 && ` (${o.times.join(', ')})`}</td>
            <td>{o.prescriber}</td>
          </>
        ),
      })),
      { key: 'adm-title', keepWithNext: true, node: <p className="pf-heading pf-heading--0">{t('his.print.planned')}</p> },
      ...lines.map((l, i): PrintBlock => ({
        key: `adm:${i}`,
        table: adm,
        node: (
          <>
            <td className="mar-time"><strong>{l.at ? f.dateTime(l.at) : t('his.print.prn')}</strong></td>
            <td><strong>{l.drug}</strong></td>
            <td>{l.dose}</td>
            <td>{l.route}</td>
            <td className="mar-box" />
            <td className="mar-box" />
            <td className="mar-box" />
          </>
        ),
      })),
      { key: 'extra-title', keepWithNext: true, node: <p className="pf-heading pf-heading--1">{t('his.print.extraRows')}</p> },
      ...blank(EXTRA_ROWS),
    ];
  };

  const results = (his: PatientHisData): PrintBlock[] => {
    if (his.results.length === 0) return [{ key: 'none', node: <p className="pf-display">{t('his.print.noResults')}</p> }];
    const table: PrintTable = { id: 'results', widthsMm: columnWidths(RESULT_COLUMNS, PAGE_WIDTH_MM.portrait), header: (['test', 'value', 'range', 'flag', 'at'] as const).map((k) => <th key={k} scope="col">{t(`his.results.${k}`)}</th>) };
    return his.results.map(({ docId, body: r }) => {
      const abnormal = isAbnormal(r.flag);
      const value = `${r.value}${r.unit ? ` ${r.unit}` : ''}`;
      return {
        key: docId,
        table,
        node: (
          <>
            <td>{r.label} <span className="pf-small">({r.code})</span></td>
            <td>{abnormal ? <strong>{value}</strong> : value}</td>
            <td>{r.range ?? ''}</td>
            <td>{r.flag ? (abnormal ? <strong>{t(`his.results.flags.${r.flag}`)}</strong> : t('his.results.flags.N')) : ''}</td>
            <td>{f.dateTime(r.observedAt)}</td>
          </>
        ),
      };
    });
  };

  return { mar, results };
}

/** A patient's pre-filled MAR (from `today` for 24 h) or latest results, as one printed sheet. */
export function useHisSheet() {
  const { t } = useTranslation();
  const f = useFormat();
  const { patientSheet } = useSheets();
  const blocks = useHisBlocks();
  return (kind: 'mar' | 'results', p: PrintPatient & { his: PatientHisData }, facts: PrintFacts, today: Date): SheetSpec => {
    const asOf = p.his.asOf ? f.dateTime(p.his.asOf) : t('print.sheet.neverSynced');
    if (kind === 'results') {
      return patientSheet('results', `${p.patientId}:his-results`, t('his.print.resultsTitle'), t('his.print.resultsSubtitle', { asOf }), p, facts, blocks.results(p.his), today);
    }
    const to = new Date(today.getTime() + 24 * 3_600_000).toISOString();
    const subtitle = t('his.print.marSubtitle', { asOf, from: f.dateTime(today.toISOString()), to: f.dateTime(to) });
    return patientSheet('mar', `${p.patientId}:his-mar`, t('his.print.marTitle'), subtitle, p, facts, blocks.mar(p.his, today), today);
  };
}
