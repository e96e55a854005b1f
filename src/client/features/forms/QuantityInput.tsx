// A quantity (weight, height...): the number, and its UCUM unit beside it: shown as text when
// the question offers one unit, as a choice when it offers several. Held as "72,5 kg".
import { useTranslation } from '../../i18n';
import { entryFormatOf, unitsOf } from '../../../domain/questionnaire';
import type { ControlProps } from './QuestionField';

export function QuantityInput({ item, id, raws, invalid, describedBy, onChange }: ControlProps) {
  const { t } = useTranslation();
  const units = unitsOf(item);
  const [number = '', code = units[0]?.code ?? ''] = (raws[0] ?? '').trim().split(/\s+/);
  const set = (n: string, c: string) => onChange(n.trim() === '' ? [] : [c ? `${n.trim()} ${c}` : n.trim()]);
  return (
    <span className="input-with-unit">
      <input
        id={id}
        className="input input--number"
        type="text"
        inputMode="decimal"
        autoComplete="off"
        maxLength={20}
        value={number}
        readOnly={item.readOnly}
        placeholder={entryFormatOf(item)}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(e) => set(e.target.value, code)}
      />
      {units.length > 1 ? (
        <select className="input input-unit-choice" aria-label={t('forms.unit')} value={code} disabled={item.readOnly} onChange={(e) => set(number, e.target.value)}>
          {units.map((u) => <option key={u.code} value={u.code}>{u.display ?? u.code}</option>)}
        </select>
      ) : (
        units[0] && <span className="input-unit">{units[0].display ?? units[0].code}</span>
      )}
    </span>
  );
}
