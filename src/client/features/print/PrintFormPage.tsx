// /print/form/<template docId>?patient=<patient docId>&form=<form docId>: any template on A4,
// blank (lines for the identifiers), for a patient, or a filled form as it stands. Options: the
// blank rows of each table, kept in the address (rows.<linkId>=n).
import { useCallback, useMemo } from 'react';
import { useTranslation } from '../../i18n';
import { useParams, useSearchParams } from '../../ui/router';
import { defaultBlankRows } from '../../../domain/print/blank-rows';
import { MAX_BLANK_ROWS } from '../../../domain/print/kit-plan';
import { formKindOf, titleOf, type Questionnaire, type QuestionnaireResponse } from '../../../domain/questionnaire';
import { useSession, useUnits } from '../../data';
import { usePrintForm } from '../../data/print';
import { useReservedTemporaryIpps } from '../../data/print-ipps';
import { useCurrentWard, useDeclareWard } from '../ward/current-ward';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { PrintScreen } from './PrintScreen';
import { PageFooter, useSheets } from './sheets';
import { RowsField } from './RowsField';
import type { PageInfo, SheetSpec } from './sheet-types';
import { usePrintRun } from './usePrintRun';
import { RefusedPage } from '../../ui/RefusedPage';

type SetRows = (linkId: string, value: number | null) => void;

/** The blank rows asked for each table, kept in the address (rows.<linkId>=n), and their setter. */
function useBlankRows(): [Record<string, number>, SetRows] {
  const [params, setParams] = useSearchParams();
  const rows = useMemo(() => {
    const out: Record<string, number> = {};
    params.forEach((v, k) => {
      if (k.startsWith('rows.') && /^\d{1,3}$/.test(v)) out[k.slice(5)] = Math.min(MAX_BLANK_ROWS, Number(v));
    });
    return out;
  }, [params]);
  const setRows: SetRows = (linkId, value) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(`rows.${linkId}`);
    else next.set(`rows.${linkId}`, String(value));
    setParams(next, { replace: true });
  };
  return [rows, setRows];
}

interface BlankRowsProps {
  template: Questionnaire;
  response: QuestionnaireResponse | undefined;
  rows: Record<string, number>;
  setRows: SetRows;
}

/** How many blank rows each table of the template gets on paper (none: the template has no table). */
function BlankRowsOptions({ template, response, rows, setRows }: BlankRowsProps) {
  const { t } = useTranslation();
  const { repeatingGroups } = useSheets();
  const groups = repeatingGroups(template);
  if (groups.length === 0) return null;
  return (
    <fieldset className="print-options">
      <legend>{t('print.options.blankRows')}</legend>
      {groups.map((g) => (
        <RowsField
          key={g.linkId}
          label={t('print.options.rowsFor', { table: g.label })}
          value={rows[g.linkId] ?? null}
          auto={defaultBlankRows(template, g.item, response)}
          onChange={(v) => setRows(g.linkId, v)}
        />
      ))}
    </fieldset>
  );
}

export function PrintFormPage() {
  const { t, i18n } = useTranslation();
  const templateId = useParams().templateId ?? '';
  const [params] = useSearchParams();
  const patientId = params.get('patient');
  const formId = params.get('form');
  const ward = useCurrentWard();
  const units = useUnits();
  // A blank form names the ward it was printed for: the one on screen, else the person's first.
  const fallbackUnit = units?.find((u) => u.code === ward)?.code ?? units?.[0]?.code ?? null;
  const data = usePrintForm(templateId, patientId, formId, fallbackUnit);
  const { user } = useSession();
  const { formSheet } = useSheets();
  const ok = data && !('problem' in data) ? data : null;
  const blankAdmission = !!ok && !ok.patient && formKindOf(ok.template) === 'admission';
  const { printedAt, printRun, print } = usePrintRun();
  const { ipps } = useReservedTemporaryIpps(blankAdmission ? 1 : 0, printRun);
  useDeclareWard(ok?.patient?.patient.unitCode);
  usePageTitle(ok ? titleOf(ok.template, i18n.language) : null);

  const [rows, setRows] = useBlankRows();

  const today = useMemo(() => new Date(), []);
  const sheets = useMemo(() => {
    if (!ok || (blankAdmission && !ipps)) return null;
    return [formSheet({
      key: 'form',
      group: 'form',
      templateId: ok.templateId,
      template: ok.template,
      form: ok.form,
      patient: ok.patient,
      temporaryIpp: blankAdmission ? ipps?.[0] : null,
      facts: ok.facts,
      rows,
      today,
    })];
    // formSheet closes over the language; the sheets are rebuilt when it changes
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ok, rows, ipps, blankAdmission, today, i18n.language]);

  const asOf = ok?.facts?.asOf ?? null;
  const footer = useCallback(
    (_sheet: SheetSpec, info: PageInfo) => <PageFooter printedAt={printedAt} printedBy={user?.name ?? ''} asOf={asOf} info={info} />,
    [printedAt, user?.name, asOf],
  );

  if (data === undefined || units === undefined) return <Loading />;
  const problem = 'problem' in data ? data.problem : ok?.patient && !units.some((u) => u.code === ok.patient!.patient.unitCode) ? 'ward' : null;
  if (problem)
    return <RefusedPage message={problem === 'ward' ? t('ward.notYourWard', { unit: ok?.patient?.patient.unitCode ?? '' }) : t(`print.errors.${problem}`)} />;
  if (!ok || !sheets) return <Loading />;

  return (
    <PrintScreen
      title={`${t('print.button')} — ${titleOf(ok.template, i18n.language)}`}
      sheets={sheets}
      onPrint={print}
      footer={footer}
      options={() => <BlankRowsOptions template={ok.template} response={ok.form?.response} rows={rows} setRows={setRows} />}
    />
  );
}
