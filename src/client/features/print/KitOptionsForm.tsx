// The kit's options: which sections, how many blank sheets and rows; and what the kit contains,
// section by section, with its page count once laid out.
import { useTranslation } from '../../i18n';
import { DEFAULT_KIT_OPTIONS, MAX_BLANK_SHEETS, type KitOptions } from '../../../domain/print/kit-plan';
import { HOURS_IN_A_DAY } from '../../../domain/print/blank-rows';
import type { LaidOut } from './PagedDocument';
import { RowsField } from './RowsField';
import type { SheetSpec } from './sheet-types';

const SECTIONS = ['census', 'handover', 'vitals', 'mar', 'results', 'notes', 'directory', 'procedures'] as const;
const COUNTS = ['admissions', 'labRequisitions', 'transfers'] as const;
const CONTENT_GROUPS = ['census', 'patients', 'admission', 'lab', 'transfer', 'directory', 'procedures'] as const;
const GROUP_LABEL = {
  census: 'census', patients: 'handover', admission: 'admissions', lab: 'labRequisitions', transfer: 'transfers',
  directory: 'directory', procedures: 'procedures',
} as const;

interface Props {
  options: KitOptions;
  onChange: (o: KitOptions) => void;
  sheets: readonly SheetSpec[];
  laidOut: LaidOut | null;
  patients: number;
}

export function KitOptionsForm({ options, onChange, sheets, laidOut, patients }: Props) {
  const { t } = useTranslation();
  const pagesOf = (group: string) =>
    laidOut ? sheets.reduce((n, s, i) => n + (s.group === group ? (laidOut.pages[i] ?? 0) : 0), 0) : null;
  const sheetsOf = (group: string) => sheets.filter((s) => s.group === group).length;
  return (
    <div className="print-options-grid">
      <fieldset className="print-options">
        <legend>{t('print.options.sections')}</legend>
        {SECTIONS.map((k) => (
          <label key={k} className="print-check">
            <input type="checkbox" checked={options[k]} onChange={(e) => onChange({ ...options, [k]: e.target.checked })} />
            {t(`print.options.${k}`)}
          </label>
        ))}
        {COUNTS.map((k) => (
          <RowsField
            key={k}
            label={t(`print.options.${k}`)}
            value={options[k] === DEFAULT_KIT_OPTIONS[k] ? null : options[k]}
            auto={DEFAULT_KIT_OPTIONS[k]}
            max={MAX_BLANK_SHEETS}
            onChange={(v) => onChange({ ...options, [k]: v ?? DEFAULT_KIT_OPTIONS[k] })}
          />
        ))}
      </fieldset>
      <fieldset className="print-options">
        <legend>{t('print.options.blankRows')}</legend>
        <RowsField label={t('print.options.vitalsRows')} value={options.vitalsRows} auto={HOURS_IN_A_DAY} onChange={(v) => onChange({ ...options, vitalsRows: v })} />
        <RowsField label={t('print.options.marRows')} value={options.marRows} auto={HOURS_IN_A_DAY} onChange={(v) => onChange({ ...options, marRows: v })} />
      </fieldset>
      <section className="print-options print-contents" aria-labelledby="kit-contents">
        <h2 id="kit-contents">{t('print.options.contents')}</h2>
        <ul>
          {CONTENT_GROUPS.filter((g) => sheetsOf(g) > 0).map((g) => {
            const pages = pagesOf(g);
            return (
              <li key={g}>
                {g === 'patients' ? `${t('print.options.patients', { count: patients })} — ${[
                  options.handover && t('print.options.handover'),
                  options.vitals && t('print.options.vitals'),
                  options.mar && t('print.options.mar'),
                  options.results && t('print.options.results'),
                  options.notes && t('print.options.notes'),
                ].filter(Boolean).join(' · ')}` : `${t(`print.options.${GROUP_LABEL[g]}`)}${sheetsOf(g) > 1 ? ` × ${sheetsOf(g)}` : ''}`}
                {pages !== null && <span className="print-pages"> — {t('print.options.sheetPages', { count: pages })}</span>}
              </li>
            );
          })}
          {sheets.filter((s) => !(CONTENT_GROUPS as readonly string[]).includes(s.group)).map((s) => (
            <li key={s.key}>{s.label}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
