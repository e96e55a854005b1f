// Sheets: a form for a patient (or blank), and the ward sheets of the kit, each with its header,
// QR payload and blocks; and the footer every page carries.
import { useTranslation } from '../../i18n';
import { defaultBlankRows } from '../../../domain/print/blank-rows';
import { orientationFor } from '../../../domain/print/columns';
import { SHEET_CANONICALS, type WardSheetKind } from '../../../domain/print/qr-payload';
import { canonicalOf, itemText, titleOf, type AnswerValue, type Questionnaire, type QuestionnaireItem } from '../../../domain/questionnaire';
import { displayName } from '../../../domain/patient-identity';
import { useFormat } from '../../i18n';
import type { PrintableForm, PrintFacts, PrintPatient } from '../../data/print';
import { useFormBlocks } from './form-blocks';
import { SheetHeader } from './SheetHeader';
import type { PageInfo, PrintBlock, SheetSpec } from './sheet-types';

export interface FormSheetInput {
  key: string;
  group: string;
  templateId: string;
  template: Questionnaire;
  form: PrintableForm | null;
  patient: PrintPatient | null;
  temporaryIpp?: string | null;
  facts: PrintFacts | null;
  /** Blank rows per repeating group, by linkId, overriding the defaults. */
  rows?: Readonly<Record<string, number>>;
  today: Date;
}

/** The admission template's temporary IPP question, pre-filled on a blank admission sheet. */
const TMP_IPP_LINK_ID = 'tmp-ipp';

export function useSheets() {
  const { t, i18n } = useTranslation();
  const formBlocks = useFormBlocks();
  const lang = i18n.language;

  const formSheet = (s: FormSheetInput): SheetSpec => {
    const orientation = orientationFor(s.template);
    const blankRowsOf = (group: QuestionnaireItem) => s.rows?.[group.linkId] ?? defaultBlankRows(s.template, group, s.form?.response);
    const preset: Record<string, AnswerValue[]> = s.temporaryIpp ? { [TMP_IPP_LINK_ID]: [{ valueString: s.temporaryIpp }] } : {};
    const notes = (
      <>
        {s.form && s.form.heads > 1 && <p className="sheet-warning">{t('print.sheet.conflicted', { count: s.form.heads })}</p>}
        {s.form?.retracted && <p className="sheet-warning">{t('print.sheet.retracted')}</p>}
      </>
    );
    const title = titleOf(s.template, lang);
    return {
      key: s.key,
      group: s.group,
      // A blank form's body is the same whoever it is for: measured once per template and rows.
      ...(!s.form && !s.temporaryIpp ? { layoutKey: `blank|${s.templateId}|${JSON.stringify(s.rows ?? {})}` } : {}),
      label: s.patient ? `${title} — ${displayName(s.patient.patient)}` : title,
      orientation,
      qr: {
        t: canonicalOf(s.template),
        p: s.patient?.patientId ?? null,
        d: s.form?.docId ?? null,
        u: s.patient?.patient.unitCode ?? s.facts?.unit.code ?? '',
      },
      header: (
        <SheetHeader
          title={title}
          version={s.template.version}
          who={s.patient ? { kind: 'patient', patient: s.patient.patient } : { kind: 'blank', temporaryIpp: s.temporaryIpp ?? null }}
          unit={s.facts?.unit ?? null}
          drill={s.facts?.drill ?? false}
          notes={notes}
          today={s.today}
        />
      ),
      blocks: formBlocks({ template: s.template, form: s.form, orientation, blankRowsOf, preset, keyPrefix: s.key }),
    };
  };

  const wardSheet = (kind: WardSheetKind, key: string, title: string, subtitle: string, facts: PrintFacts, blocks: PrintBlock[], today: Date): SheetSpec => ({
    key,
    group: key,
    label: title,
    orientation: 'portrait',
    qr: { t: SHEET_CANONICALS[kind], p: null, d: null, u: facts.unit.code },
    header: <SheetHeader title={title} who={{ kind: 'ward', subtitle }} unit={facts.unit} drill={facts.drill} today={today} />,
    blocks,
  });

  /** A patient's page that is not a form (the pre-filled MAR, the latest results): both identifiers, the QR names her. */
  const patientSheet = (kind: 'mar' | 'results' | 'notes', key: string, title: string, subtitle: string, patient: PrintPatient, facts: PrintFacts, blocks: PrintBlock[], today: Date): SheetSpec => ({
    key,
    group: 'patients',
    label: `${title} — ${displayName(patient.patient)}`,
    orientation: 'portrait',
    qr: { t: SHEET_CANONICALS[kind], p: patient.patientId, d: null, u: patient.patient.unitCode },
    header: <SheetHeader title={title} who={{ kind: 'patient', patient: patient.patient }} unit={facts.unit} drill={facts.drill} notes={<p className="sheet-subtitle">{subtitle}</p>} today={today} />,
    blocks,
  });

  /** The label of each repeating group of a template, for the blank-rows options. */
  const repeatingGroups = (template: Questionnaire): { linkId: string; label: string; item: QuestionnaireItem }[] => {
    const out: { linkId: string; label: string; item: QuestionnaireItem }[] = [];
    const walk = (items: readonly QuestionnaireItem[] | undefined) => {
      for (const i of items ?? []) {
        if (i.type === 'group' && i.repeats) out.push({ linkId: i.linkId, label: itemText(i, lang), item: i });
        walk(i.item);
      }
    };
    walk(template.item);
    return out;
  };

  return { formSheet, wardSheet, patientSheet, repeatingGroups };
}

export function PageFooter({ printedAt, printedBy, asOf, info, kitUnit }: {
  printedAt: Date;
  printedBy: string;
  asOf: string | null;
  info: PageInfo;
  kitUnit?: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <>
      <p className="sheet-printed">
        {t('print.sheet.printed', {
          at: f.dateTime(printedAt.toISOString()),
          by: printedBy,
          asOf: asOf ? f.dateTime(asOf) : t('print.sheet.neverSynced'),
        })}
        {kitUnit && <span className="sheet-kit-page"> · {t('print.sheet.kitPage', { unit: kitUnit, page: info.overall, pages: info.overallPages })}</span>}
      </p>
      <p className="sheet-page">{t('print.sheet.page', { page: info.page, pages: info.pages })}</p>
    </>
  );
}
