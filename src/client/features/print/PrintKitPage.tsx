// /print/kit/<unit code>: the ward's downtime kit, one printable document made on the tablet
// with no network (domain/print/kit-plan.ts decides the sheets). The options say which sections,
// how many blank sheets and rows, and list what the kit contains with its page count.
import { useCallback, useMemo } from 'react';
import { useTranslation } from '../../i18n';
import { useParams, useSearchParams } from '../../ui/router';
import { MAR_LINK_IDS } from '../../../domain/print/blank-rows';
import { kitOptionsFromSearch, kitOptionsToSearch, planKit, type KitOptions, type KitSheet } from '../../../domain/print/kit-plan';
import type { QuestionnaireItem } from '../../../domain/questionnaire';
import { useSession, useUnits } from '../../data';
import { useKit, type KitData } from '../../data/print';
import { useReservedTemporaryIpps } from '../../data/print-ipps';
import { useDeclareWard } from '../ward/current-ward';
import { useFormat } from '../../i18n';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { usePageTitle } from '../../ui/usePageTitle';
import { KitOptionsForm } from './KitOptionsForm';
import { PrintScreen } from './PrintScreen';
import type { PageInfo, SheetSpec } from './sheet-types';
import { PageFooter, useSheets } from './sheets';
import { usePrintRun } from './usePrintRun';
import { useWardBlocks } from './ward-blocks';
import { useHisSheet } from './his-blocks';
import { useNotesSheet } from './notes-blocks';
import { RefusedPage } from '../../ui/RefusedPage';

const ROLE_OPTION = {
  handover: 'handover', vitals: 'vitals', mar: 'mar', admission: 'admissions', lab: 'labRequisitions', transfer: 'transfers',
} as const;

/** Blank-row overrides of the options, as rows per repeating group of the sheet's template. */
function rowsFor(sheet: KitSheet, template: { item: QuestionnaireItem[] }, o: KitOptions): Record<string, number> | undefined {
  if (sheet.kind !== 'patient-form') return undefined;
  const n = sheet.role === 'vitals' ? o.vitalsRows : sheet.role === 'mar' ? o.marRows : null;
  if (n === null) return undefined;
  if (sheet.role === 'mar') return { [MAR_LINK_IDS.administrations]: n };
  return Object.fromEntries(template.item.filter((i) => i.type === 'group' && i.repeats).map((i) => [i.linkId, n]));
}

function useKitSheets(kit: KitData | undefined, options: KitOptions, ipps: string[] | undefined, today: Date): SheetSpec[] | null {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const { formSheet, wardSheet } = useSheets();
  const ward = useWardBlocks();
  const hisSheet = useHisSheet();
  const notesSheet = useNotesSheet();
  return useMemo(() => {
    if (!kit || !ipps) return null;
    const byId = new Map(kit.patients.map((p) => [p.patientId, p]));
    const asOf = kit.facts.asOf ? f.dateTime(kit.facts.asOf) : t('print.sheet.neverSynced');
    const plan = planKit({
      patients: kit.patients.map((p) => ({
        patientId: p.patientId,
        latest: Object.fromEntries(Object.entries(p.forms).map(([role, form]) => [role, { docId: form.docId, templateId: form.templateId }])),
        hasPrescriptions: p.his.active.length > 0,
        hasResults: p.his.results.length > 0,
        hasNotes: p.notes.length > 0,
      })),
      templates: Object.fromEntries(Object.entries(kit.roles).map(([role, docId]) => [role, { docId }])),
      temporaryIpps: ipps,
      hasDirectory: kit.contacts.length > 0,
      hasProcedures: kit.procedures.length > 0,
      options,
    });
    return plan.flatMap((sheet): SheetSpec[] => {
      switch (sheet.kind) {
        case 'census':
          return [wardSheet('census', 'census', t('print.census.title'), t('print.census.subtitle', { count: kit.patients.length, asOf }), kit.facts, ward.census(kit.patients, today), today)];
        case 'patient-form': {
          const patient = byId.get(sheet.patientId)!;
          const template = kit.templates.get(sheet.templateId);
          if (!template) return [];
          return [{
            ...formSheet({
              key: `${sheet.patientId}:${sheet.role}`,
              group: 'patients',
              templateId: sheet.templateId,
              template,
              form: sheet.formId ? (patient.forms[sheet.role] ?? null) : null,
              patient,
              facts: kit.facts,
              rows: rowsFor(sheet, template, options),
              today,
            }),
          }];
        }
        case 'blank-form': {
          const template = kit.templates.get(sheet.templateId);
          if (!template) return [];
          return [formSheet({
            key: `${sheet.role}#${sheet.copy}`,
            group: sheet.role,
            templateId: sheet.templateId,
            template,
            form: null,
            patient: null,
            temporaryIpp: sheet.temporaryIpp,
            facts: kit.facts,
            today,
          })];
        }
        case 'his-mar':
        case 'his-results':
          return [hisSheet(sheet.kind === 'his-mar' ? 'mar' : 'results', byId.get(sheet.patientId)!, kit.facts, today)];
        case 'patient-notes':
          return [notesSheet(byId.get(sheet.patientId)!, kit.facts, today, 'kit')];
        case 'directory':
          return [wardSheet('directory', 'directory', t('print.directory.title'), t('print.directory.subtitle', { count: kit.contacts.length, asOf }), kit.facts, ward.directory(kit.contacts), today)];
        case 'procedures':
          return [wardSheet('procedures', 'procedures', t('print.procedures.title'), t('print.procedures.subtitle', { count: kit.procedures.length, asOf }), kit.facts, ward.procedures(kit.procedures, today), today)];
        case 'pending':
          return [wardSheet(sheet.what, sheet.what, t(`print.options.${sheet.what}`), t('print.pending.title'), kit.facts, ward.pending(sheet.what), today)];
      }
    });
    // formSheet and the block builders close over the language: rebuilt when it changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kit, options, ipps, today, i18n.language]);
}

export function PrintKitPage() {
  const { t, i18n } = useTranslation();
  const unit = useParams().unit ?? '';
  const [params, setParams] = useSearchParams();
  const options = useMemo(() => kitOptionsFromSearch(params), [params]);
  const lang = i18n.language.startsWith('en') ? 'en' : 'fr';
  const units = useUnits();
  const mine = units?.some((u) => u.code === unit) ?? false;
  const kit = useKit(mine ? unit : '', lang);
  const { user } = useSession();
  const { printedAt, printRun, print } = usePrintRun();
  const { ipps } = useReservedTemporaryIpps(kit?.roles.admission ? options.admissions : 0, printRun);
  const today = useMemo(() => new Date(), []);
  const sheets = useKitSheets(mine ? kit : undefined, options, ipps, today);
  useDeclareWard(mine ? unit : null);
  usePageTitle(t('print.kit.title', { unit }));
  const asOf = kit?.facts.asOf ?? null;
  const footer = useCallback(
    (_sheet: SheetSpec, info: PageInfo) => <PageFooter printedAt={printedAt} printedBy={user?.name ?? ''} asOf={asOf} info={info} kitUnit={unit} />,
    [printedAt, user?.name, asOf, unit],
  );

  if (units === undefined) return <Loading />;
  if (!mine)
    return <RefusedPage message={t('ward.notYourWard', { unit })} />;
  if (!kit || !sheets) return <Loading />;

  const setOptions = (o: KitOptions) => setParams(kitOptionsToSearch(o), { replace: true });
  const missing = (['handover', 'vitals', 'mar', 'admission', 'lab', 'transfer'] as const).filter((r) => !kit.roles[r]);
  return (
    <PrintScreen
      title={t('print.kit.title', { unit: `${kit.facts.unit.code} · ${kit.facts.unit.name}` })}
      sheets={sheets}
      onPrint={print}
      footer={footer}
      notices={
        <>
          {ipps && ipps.length > 0 && <Notice kind="info">{t('print.options.temporaryIpps', { list: ipps.join(', ') })}</Notice>}
          {missing.length > 0 && <Notice kind="warning">{t('print.options.templateMissing', { what: missing.map((r) => t(`print.options.${ROLE_OPTION[r]}`)).join(', ') })}</Notice>}
        </>
      }
      options={(laidOut) => (
        <KitOptionsForm options={options} onChange={setOptions} sheets={sheets} laidOut={laidOut} patients={kit.patients.length} />
      )}
    />
  );
}
